"""The Model query API: kinds, relations in both directions, ownership, hierarchy, graph."""

from __future__ import annotations

import pytest

from eaframework.model import (
    InformationSystem,
    Model,
    OrganisationUnit,
    Platform,
    Process,
    Relation,
    Service,
)


def unit(id_, **kw):
    return OrganisationUnit(kind="organisation-unit", id=id_, name=id_.upper(), **kw)


def system(id_, **kw):
    return InformationSystem(kind="information-system", id=id_, name=id_.upper(), **kw)


@pytest.fixture
def model() -> Model:
    elements = [
        unit("org-kunta"),
        unit("org-sivistys", part_of="org-kunta"),
        unit("org-vaka", part_of="org-sivistys"),
        system("sys-b", owner="org-vaka", runs_on=("plat-a",)),
        system("sys-a", owner="org-vaka"),
        Platform(kind="platform", id="plat-a", name="Alusta"),
        Service(kind="service", id="svc-vaka", name="Varhaiskasvatus", uses=("sys-a", "sys-b")),
        Process(kind="process", id="proc-haku", name="Haku", realizes=("svc-vaka",)),
    ]
    relations = [
        Relation("part-of", "org-sivistys", "org-kunta", field="part_of"),
        Relation("part-of", "org-vaka", "org-sivistys", field="part_of"),
        Relation("owned-by", "sys-b", "org-vaka", field="owner"),
        Relation("owned-by", "sys-a", "org-vaka", field="owner"),
        Relation("runs-on", "sys-b", "plat-a", field="runs_on"),
        Relation("uses", "svc-vaka", "sys-a", field="uses"),
        Relation("uses", "svc-vaka", "sys-b", field="uses"),
        Relation("uses", "svc-vaka", "plat-a"),
        Relation("realizes", "proc-haku", "svc-vaka", field="realizes"),
        Relation("associated-with", "sys-a", "sys-b", description="shares users"),
    ]
    return Model(elements, relations)


def ids(elements) -> list[str]:
    return [e.id for e in elements]


def test_container_protocol(model):
    assert len(model) == 8
    assert "sys-a" in model and "sys-x" not in model
    assert model.get("sys-a").kind == "information-system"
    assert model.get("nope") is None
    assert ids(model)[:3] == ["org-kunta", "org-sivistys", "org-vaka"]


def test_first_element_wins_on_duplicate_ids():
    m = Model([unit("org-a"), system("org-a")])
    assert len(m) == 1 and m.get("org-a").kind == "organisation-unit"


def test_of_kind_by_name_and_class_in_file_order(model):
    assert ids(model.of_kind("information-system")) == ["sys-b", "sys-a"]
    assert ids(model.of_kind(InformationSystem)) == ["sys-b", "sys-a"]
    assert ids(model.of_kind("platform", "service")) == ["plat-a", "svc-vaka"]
    assert model.of_kind("dataset") == []


def test_of_kind_rejects_a_class_that_is_no_kind(model):
    with pytest.raises(KeyError, match="Relation is not an element kind"):
        model.of_kind(Relation)


def test_targets_with_and_without_kind(model):
    assert ids(model.targets("svc-vaka", "uses")) == ["sys-a", "sys-b", "plat-a"]
    assert ids(model.targets("svc-vaka", "uses", "platform")) == ["plat-a"]
    assert ids(model.targets(model.get("svc-vaka"), "uses", InformationSystem)) == ["sys-a", "sys-b"]
    assert model.targets("svc-vaka", "owned-by") == []
    assert model.targets("unknown-id", "uses") == []


def test_sources_are_the_computed_reverse(model):
    assert ids(model.sources("sys-a", "uses")) == ["svc-vaka"]
    assert ids(model.sources("org-vaka", "owned-by")) == ["sys-b", "sys-a"]
    assert ids(model.sources("plat-a", "runs-on", "information-system")) == ["sys-b"]
    assert model.sources("plat-a", "runs-on", "service") == []
    # nothing is written on the target side: the reverse is only derived
    assert [r.type for r in model.outgoing("org-vaka")] == ["part-of"]
    assert model.targets("org-vaka", "owner-of") == []


def test_outgoing_and_incoming_filter_by_type(model):
    assert [r.target for r in model.outgoing("sys-b", "runs-on")] == ["plat-a"]
    assert {r.type for r in model.incoming("sys-b")} == {"uses", "associated-with"}


def test_owner_of(model):
    assert model.owner_of("sys-a").id == "org-vaka"
    assert model.owner_of(model.get("svc-vaka")) is None


def test_ancestors_walk_up(model):
    assert ids(model.ancestors("org-vaka")) == ["org-sivistys", "org-kunta"]
    assert model.ancestors("org-kunta") == []


def test_ancestors_stop_at_a_cycle():
    m = Model(
        [unit("org-a"), unit("org-b"), unit("org-c")],
        [Relation("part-of", "org-a", "org-b"), Relation("part-of", "org-b", "org-c"),
         Relation("part-of", "org-c", "org-a")],
    )
    assert ids(m.ancestors("org-a")) == ["org-b", "org-c"]
    assert ids(m.ancestors("org-c")) == ["org-a", "org-b"]


def test_ancestors_stop_at_a_cycle_not_through_the_start():
    m = Model(
        [unit("org-a"), unit("org-b"), unit("org-c")],
        [Relation("part-of", "org-a", "org-b"), Relation("part-of", "org-b", "org-c"),
         Relation("part-of", "org-c", "org-b")],
    )
    assert ids(m.ancestors("org-a")) == ["org-b", "org-c"]


def test_ancestors_along_another_relation(model):
    assert ids(model.ancestors("proc-haku", "realizes")) == ["svc-vaka"]


def test_graph_is_a_typed_multidigraph(model):
    import networkx

    g = model.graph()
    assert isinstance(g, networkx.MultiDiGraph)
    assert set(g.nodes) == set(model.elements)
    assert g.nodes["sys-a"]["kind"] == "information-system"
    assert g.nodes["sys-a"]["element"] is model.get("sys-a")
    assert g.number_of_edges() == len(model.relations)
    assert set(g["svc-vaka"]["sys-b"]) == {"uses"}
    edge = g.edges["sys-a", "sys-b", "associated-with"]
    assert edge["relation"].description == "shares users"
    # two relation types between the same pair stay two edges
    m = Model([unit("org-a"), unit("org-b")],
              [Relation("part-of", "org-a", "org-b"),
               Relation("associated-with", "org-a", "org-b")])
    assert sorted(m.graph()["org-a"]["org-b"]) == ["associated-with", "part-of"]


def test_relation_identity_ignores_properties():
    a = Relation("uses", "svc-a", "sys-a", properties={"x": "1"})
    b = Relation("uses", "svc-a", "sys-a", properties={"x": "2"})
    assert a == b and hash(a) == hash(b)
    assert a.key == ("svc-a", "uses", "sys-a")
    assert a != Relation("uses", "svc-a", "sys-a", field="uses")
