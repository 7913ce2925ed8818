"""Views too large for one diagram: split by cluster, or refused with a way to narrow."""

from __future__ import annotations

import pytest

from eaframework.diagrams.builtin import BUILTIN
from eaframework.diagrams.compute import compute
from eaframework.diagrams.pipeline import RenderOptions, file_name
from eaframework.diagrams.split import ViewTooLarge, split

from .helpers import sample, toy, view


def test_a_small_view_is_one_diagram():
    computed = compute(sample(), BUILTIN["tietojarjestelmakartta"].definition)
    assert split(computed, 400) == [computed]


def test_a_large_view_is_split_by_cluster_without_cutting_a_cluster():
    computed = compute(sample(), BUILTIN["tietojarjestelmakartta"].definition)
    parts = split(computed, 10)
    assert len(parts) > 1
    assert [p.part for p in parts] == [(i, len(parts)) for i in range(1, len(parts) + 1)]
    assert all(len(p.nodes) <= 10 for p in parts)
    seen = [n.id for p in parts for n in p.nodes if not n.context]
    assert sorted(seen) == sorted(n.id for n in computed.nodes)  # each node once
    owner = {n.id: n.cluster for n in computed.nodes}
    for part in parts:  # a unit's systems stay together
        clusters = {owner[n.id] for n in part.nodes}
        for other in parts:
            if other is not part:
                assert not clusters & {owner[n.id] for n in other.nodes}
    assert file_name(parts[1], RenderOptions(fmt="svg")) == "tietojarjestelmakartta-2.svg"
    assert file_name(parts[0], RenderOptions(fmt="png", lang="en")) == (
        "tietojarjestelmakartta-1.en.png")


def test_parts_show_their_neighbours_in_other_parts_as_context():
    computed = compute(sample(), BUILTIN["palvelukartta"].definition)
    parts = split(computed, 12)
    assert len(parts) > 1
    first = parts[0]
    context = [n for n in first.nodes if n.context]
    assert context, "channels of other parts should be shown"
    own = {n.id for n in first.nodes if not n.context}
    for edge in first.edges:  # every edge drawn starts or ends in this part
        assert edge.source in own or edge.target in own


def test_connected_parts_outside_clusters_are_kept_whole():
    computed = compute(sample(), BUILTIN["tietovarantokartta"].definition)
    assert not computed.clusters
    parts = split(computed, 8)
    for part in parts:
        own = {n.id for n in part.nodes if not n.context}
        for edge in computed.edges:
            if edge.source in own or edge.target in own:
                shown = {n.id for n in part.nodes}
                assert edge.source in shown and edge.target in shown


def test_a_view_its_clusters_cannot_split_is_refused_with_a_way_out():
    computed = compute(toy(), view(include=[{"kind": ["information-system", "integration"]}]))
    with pytest.raises(ViewTooLarge) as caught:
        split(computed, 2)
    message = str(caught.value)
    assert message.startswith("view 'test-view' has 4 elements and 3 connections")
    assert "--max-nodes 2" in message and "elements outside any group belong together" in message
    assert "narrow it with a view definition in views/" in message
    assert "raise --max-nodes" in message


def test_dense_views_are_split_by_their_connections_too():
    from eaframework.diagrams.viewfiles import load_views

    from .helpers import REPO

    views, _ = load_views(REPO / "views")
    context = next(v for v in views if v.id == "asianhallinta-konteksti")
    computed = compute(sample(), context.definition)
    assert len(computed.nodes) <= 25 < len(computed.edges) / 1.25  # fits by nodes only
    parts = split(computed, 25)
    assert len(parts) > 1 and all(len(p.edges) <= 25 * 1.25 for p in parts)
