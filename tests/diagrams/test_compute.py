"""Model + view -> ComputedView: selection, integrations as edges, clusters, findings, words."""

from __future__ import annotations

import pytest

from eaframework.diagrams.builtin import BUILTIN
from eaframework.diagrams.compute import compute
from eaframework.diagrams.selection import select

from .helpers import finding, sample, toy, view


def ids(items) -> list[str]:
    return [item.id for item in items]


SYSTEMS_AND_FLOWS = {"include": [{"kind": ["information-system", "integration"]}]}


# -- selection ----------------------------------------------------------------------------
@pytest.mark.parametrize(("selector", "expected"), [
    ({"kind": "information-system"}, {"sys-a", "sys-b", "sys-c", "sys-orphan"}),
    # the division and every unit below it, but not the organisation above
    ({"kind": "information-system", "owner": "ou-div"}, {"sys-a", "sys-b"}),
    ({"kind": "information-system", "lifecycle": "planned"}, {"sys-a"}),
    ({"kind": "information-system", "state": "to-be"}, {"sys-orphan"}),
    ({"kind": "information-system", "tag": "kansallinen"}, {"sys-c"}),
    ({"kind": "information-system", "has": "stores"}, {"sys-b"}),
    # a reverse name: systems an integration flows from
    ({"kind": "information-system", "has": "source-of"}, {"sys-a", "sys-c"}),
    ({"kind": "data-group", "where": {"core": True}}, {"dg-henkilo"}),
    ({"viewpoint": "technology"}, {"pf-server", "pf-cloud"}),
    ({"id": ["sys-c", "prc-top"]}, {"sys-c", "prc-top"}),
])
def test_selectors_choose_elements(selector, expected):
    assert select(toy(), view(include=[selector])) == expected


def test_exclude_removes_what_include_chose():
    chosen = select(toy(), view(include=[{"kind": "information-system"}],
                                exclude=[{"owner": "ou-ext"}, {"state": "to-be"}]))
    assert chosen == {"sys-a", "sys-b"}


def test_around_follows_relations_both_ways_but_not_ownership():
    one = select(toy(), view(include=[{"around": {"element": "sys-b", "depth": 1}}]))
    # integrations point at sys-b, sys-b stores the register and runs on the server; its
    # owner (ou-div) is not a step away, or every unit would be two steps from everything
    assert one == {"sys-b", "int-ab", "int-cb", "ir-rekisteri", "pf-server"}
    two = select(toy(), view(include=[{"around": {"element": "sys-b", "depth": 2}}]))
    assert {"sys-a", "sys-c", "dg-henkilo"} <= two
    assert "ou-div" not in two
    via = select(toy(), view(include=[{"around": {"element": "sys-b", "via": "owned-by"}}]))
    assert via == {"sys-b", "ou-div"}


# -- integrations and relations -------------------------------------------------------------
def test_integrations_are_edges_labelled_with_their_transfer_method():
    computed = compute(toy(), view(**SYSTEMS_AND_FLOWS))
    assert "integration" not in {n.kind for n in computed.nodes}
    flows = {e.id: e for e in computed.edges if e.relation == "integration"}
    assert set(flows) == {"int-ab", "int-cb", "int-a-orphan"}
    assert (flows["int-ab"].source, flows["int-ab"].target) == ("sys-a", "sys-b")
    assert flows["int-cb"].method == "manual"
    assert flows["int-cb"].label == "manuaalinen"
    assert flows["int-ab"].label == "rajapinta"
    assert "C:stä B:hen" in flows["int-cb"].tooltip


def test_an_integration_to_a_system_outside_the_view_is_left_out():
    computed = compute(toy(), view(include=[
        {"kind": "information-system", "owner": "ou-div"}, {"kind": "integration"}]))
    assert ids(computed.edges) == ["int-ab"]


def test_mastered_in_is_drawn_from_the_resource_to_the_core_data():
    computed = compute(toy(), view(include=[{"kind": ["information-resource", "data-group"]}],
                                   relations=["mastered-in"]))
    [edge] = computed.edges
    assert (edge.source, edge.target, edge.reads) == ("ir-rekisteri", "dg-henkilo", "masters")


def test_relations_filter_the_edges_drawn():
    everything = compute(toy(), view(include=[{"kind": ["information-resource", "data-group"]}]))
    assert {e.relation for e in everything.edges} == {"holds", "mastered-in"}
    only = compute(toy(), view(include=[{"kind": ["information-resource", "data-group"]}],
                               relations=["held-in"]))  # the reverse name works too
    assert {e.relation for e in only.edges} == {"holds"}


# -- clusters -------------------------------------------------------------------------------
def test_owner_clusters_nest_along_the_units_without_the_organisation_itself():
    computed = compute(toy(), view(**SYSTEMS_AND_FLOWS, **{"group-by": "owner"}))
    clusters = {c.id: c for c in computed.clusters}
    assert computed.node("sys-a").cluster == "ou-unit"
    assert clusters["ou-unit"].parent == "ou-div"
    assert clusters["ou-div"].parent is None
    assert "ou-city" not in clusters
    assert clusters["ou-ext"].external and clusters["ou-ext"].parent is None


def test_what_nobody_owns_gets_a_visible_cluster_of_its_own():
    computed = compute(toy(), view(**SYSTEMS_AND_FLOWS, **{"group-by": "owner"}))
    orphan = computed.node("sys-orphan")
    cluster = next(c for c in computed.clusters if c.id == orphan.cluster)
    assert (cluster.role, cluster.label) == ("no-owner", "Ei omistajaa")
    english = compute(toy(), view(**SYSTEMS_AND_FLOWS, **{"group-by": "owner"}), lang="en")
    assert "No owner" in {c.label for c in english.clusters}


def test_units_in_the_view_become_the_clusters_of_what_they_own():
    computed = compute(toy(), view(include=[{"kind": ["organisation-unit", "information-system"]}],
                                   **{"group-by": "owner"}))
    clusters = {c.id: c for c in computed.clusters}
    # units owning something in the view are clusters, not nodes; the others stay nodes
    assert {"ou-div", "ou-unit", "ou-ext"} <= set(clusters)
    assert not {"ou-div", "ou-unit", "ou-ext"} & set(ids(computed.nodes))
    assert computed.node("ou-city").cluster is None
    assert computed.layout == "osage"  # nothing connected: outside organisations gathered
    assert clusters["ou-ext"].parent == "group-external"
    assert clusters["group-external"].label == "Ulkoiset organisaatiot"


def test_a_process_with_sub_processes_becomes_their_cluster():
    computed = compute(toy(), BUILTIN["prosessikartta"].definition)
    assert ids(computed.nodes) == ["prc-sub", "prc-support"]
    clusters = {c.id: c for c in computed.clusters}
    assert computed.node("prc-sub").cluster == "prc-top"
    assert clusters["prc-top"].kind == "process"
    assert clusters["prc-top"].parent == "group-category-1-core"
    assert clusters["group-category-1-core"].label == "Ydinprosessit"
    assert clusters[computed.node("prc-support").cluster].label == "Tukiprosessit"


def test_platform_clusters_hold_what_runs_on_them_and_compound_edges_reach_the_rest():
    computed = compute(toy(), view(include=[{"kind": ["information-system", "platform"]}],
                                   **{"group-by": "platform"}))
    assert computed.node("sys-b").cluster == "pf-server"
    assert computed.node("sys-a").cluster == "pf-cloud"  # its first platform
    # sys-a also runs on the server: an edge to that cluster, ending at a node inside it
    [edge] = [e for e in computed.edges if e.relation == "runs-on"]
    assert (edge.source, edge.target, edge.lhead) == ("sys-a", "sys-b", "pf-server")
    other = next(c for c in computed.clusters if c.role == "other")
    assert {computed.node("sys-c").cluster, computed.node("sys-orphan").cluster} == {other.id}


def test_a_grouping_per_kind():
    computed = compute(toy(), view(include=[{"kind": ["information-system", "platform"]}],
                                   **{"group-by": {"platform": "kind", "*": "none"}}))
    assert computed.node("sys-a").cluster is None
    assert computed.node("pf-server").cluster == "group-kind-platform"


def test_everything_is_sorted_by_id():
    computed = compute(sample(), BUILTIN["integraatiokaavio"].definition)
    for items in (computed.nodes, computed.edges, computed.clusters):
        assert ids(items) == sorted(ids(items))


def test_hide_unconnected_drops_lonely_nodes_of_the_kinds_named():
    kept = compute(toy(), view(include=[{"kind": ["information-system", "information-resource"]}],
                               relations=["stores"]))
    assert "sys-c" in ids(kept.nodes)
    hidden = compute(toy(), view(include=[{"kind": ["information-system", "information-resource"]}],
                                 relations=["stores"],
                                 **{"hide-unconnected": "information-system"}))
    assert ids(hidden.nodes) == ["ir-rekisteri", "sys-b"]


def test_layout_is_osage_when_nothing_is_connected():
    assert compute(toy(), BUILTIN["tietojarjestelmakartta"].definition).layout == "osage"
    assert compute(toy(), view(**SYSTEMS_AND_FLOWS)).layout == "dot"


# -- words and findings -------------------------------------------------------------------
def test_labels_are_finnish_by_default_and_english_where_translated():
    fi = compute(toy(), view(**SYSTEMS_AND_FLOWS, details=["sourcing", "lifecycle"]))
    en = compute(toy(), view(**SYSTEMS_AND_FLOWS, details=["sourcing", "lifecycle"]), lang="en")
    assert (fi.title, en.title) == ("Testinäkymä", "Test view")
    assert (fi.node("sys-a").label, en.node("sys-a").label) == ("Järjestelmä A", "System A")
    assert en.node("sys-b").label == "Järjestelmä B"  # no translation: Finnish
    assert fi.node("sys-a").details == ("SaaS-palvelu · suunniteltu 2026",)
    assert en.node("sys-a").details == ("SaaS · planned 2026",)
    assert fi.node("sys-orphan").details == ("tavoitetila",)
    assert fi.subtitle == "Testilän kaupunki · hyväksytty 2.1.2025 · tarkistettu 4.3.2025"
    assert en.subtitle == "Testilän kaupunki · approved 2025-01-02 · reviewed 2025-03-04"
    assert en.node("sys-a").tooltip.startswith("Information system: System A (sys-a)")


def test_findings_are_attached_to_their_elements_and_suppressed_ones_ignored():
    found = [finding("sys-a", "EA301", "error", "no owner"),
             finding("sys-a", "EA302", "warning", "no interface"),
             finding("int-cb", "EA318", "warning", "manual transfer"),
             finding("sys-b", "EA303", "error", "accepted", suppressed=True)]
    computed = compute(toy(), view(**SYSTEMS_AND_FLOWS), found)
    assert computed.findings_shown
    assert [f.code for f in computed.node("sys-a").findings] == ["EA301", "EA302"]
    assert "EA301 (virhe): no owner" in computed.node("sys-a").tooltip
    assert computed.node("sys-b").findings == ()
    flow = next(e for e in computed.edges if e.id == "int-cb")
    assert [f.code for f in flow.findings] == ["EA318"]
    assert "EA318 (varoitus): manual transfer" in flow.tooltip
