"""ComputedView -> DOT: ids, labels, styles, legend, overlay, and the snapshots of the
sample's built-in views (byte for byte; EA_UPDATE_SNAPSHOTS=1 rewrites them)."""

from __future__ import annotations

import os
import re

import pytest

from eaframework.diagrams import RenderOptions, parts, style
from eaframework.diagrams.builtin import BUILTIN
from eaframework.diagrams.compute import compute
from eaframework.diagrams.dot import to_dot
from eaframework.diagrams.labels import wrap
from eaframework.diagrams.legend import legend_entries

from .helpers import SNAPSHOTS, finding, sample, toy, view

FLOWS = {"include": [{"kind": ["information-system", "integration"]}], "group-by": "owner"}


def statement(dot: str, node_id: str) -> str:
    """The DOT statement of one node, edge (by its id attribute) or cluster."""
    for line in dot.splitlines():
        if re.search(rf'\bid="?{re.escape(node_id)}"?[ \]]', line + " "):
            return line
    raise AssertionError(f"no statement with id {node_id!r}")


@pytest.mark.parametrize("name", list(BUILTIN))
def test_dot_of_the_sample_matches_its_snapshot(name):
    [computed] = parts(sample(), BUILTIN[name], RenderOptions())
    dot = to_dot(computed)
    path = SNAPSHOTS / f"{name}.dot"
    if os.environ.get("EA_UPDATE_SNAPSHOTS") == "1":
        path.write_bytes(dot.encode("utf-8"))
    assert path.exists(), f"no snapshot {path.name}: run with EA_UPDATE_SNAPSHOTS=1"
    assert dot.encode("utf-8") == path.read_bytes(), (
        f"{name}: DOT differs from {path.name}; if the change is intended, run the tests "
        "with EA_UPDATE_SNAPSHOTS=1 and review the diff")


def test_every_node_cluster_and_edge_carries_its_id():
    dot = to_dot(compute(toy(), view(**FLOWS)))
    assert 'id="sys-a"' in statement(dot, "sys-a")
    assert statement(dot, "ou-unit").strip().startswith("color=")  # the cluster's attributes
    assert '"sys-a" -> "sys-b"' in statement(dot, "int-ab")
    assert "digraph \"test-view\"" in dot and 'id="test-view"' in dot


def test_names_wrap_at_about_twenty_characters_and_long_words_stay_whole():
    assert wrap("Varhaiskasvatuksen asiakasmaksujen määrääminen ja laskutus") == [
        "Varhaiskasvatuksen", "asiakasmaksujen", "määrääminen ja", "laskutus"]
    assert wrap("Toiminnanohjausjärjestelmä (ERP)") == ["Toiminnanohjausjärjestelmä", "(ERP)"]
    assert all(len(line) <= 20 for line in wrap("Kaupungin asiakasrekisteri ja palaute"))


def test_names_are_escaped_in_html_labels(tmp_path):
    from eaframework.loader import load_texts

    model = load_texts({"m.yaml": (
        "apiVersion: eaframework/v1\nelements:\n"
        "  - {kind: information-system, id: sys-x, name: 'R&D <Labs> \"X\"'}\n")}).model
    dot = to_dot(compute(model, view(include=[{"kind": "information-system"}])))
    line = statement(dot, "sys-x")
    assert "label=<R&amp;D &lt;Labs&gt; &quot;X&quot;>" in line
    assert 'tooltip="Tietojärjestelmä: R&D <Labs> \\"X\\" (sys-x)"' in line


def test_manual_transfers_are_dashed_orange_red_and_labelled():
    dot = to_dot(compute(toy(), view(**FLOWS)))
    manual = statement(dot, "int-cb")
    assert "style=dashed" in manual and f'color="{style.MANUAL}"' in manual
    assert "label=manuaalinen" in manual and "penwidth=2" in manual
    api = statement(dot, "int-ab")
    assert "dashed" not in api and f'color="{style.API}"' in api


def test_the_legend_shows_what_the_diagram_uses_and_nothing_else():
    computed = compute(toy(), view(**FLOWS))
    texts = [text for _, text, _ in legend_entries(computed)]
    assert texts == ["Tietojärjestelmä", "suunniteltu", "Ei omistajaa", "manuaalinen",
                     "rajapinta", "tiedosto"]
    dot = to_dot(computed)
    assert "subgraph cluster_legend" in dot and "label=<<b>Selite&#160;&#160;</b>>" in dot


def test_titles_carry_the_model_date_and_the_language():
    dot = to_dot(compute(toy(), view(**FLOWS)))
    assert "Testinäkymä" in dot and "hyväksytty 2.1.2025 · tarkistettu 4.3.2025" in dot
    english = to_dot(compute(toy(), view(**FLOWS), lang="en"))
    assert "Test view" in english and "approved 2025-01-02" in english
    assert "label=<<b>Legend&#160;&#160;</b>>" in english and "label=manual" in english


def test_the_finding_overlay_outlines_elements_and_names_the_rules():
    found = [finding("sys-a", "EA301", "error", "no responsible person"),
             finding("sys-b", "EA302", "warning", "no open interface"),
             finding("int-cb", "EA318", "warning", "manual transfer")]
    dot = to_dot(compute(toy(), view(**FLOWS), found))
    manual = statement(dot, "int-cb")  # keeps its dashed orange-red, gains the rule code
    assert '"manuaalinen (EA318)"' in manual and "penwidth=3" in manual
    assert f'color="{style.MANUAL}"' in manual
    assert f'color="{style.ERROR}"' in statement(dot, "sys-a")
    assert "penwidth=3" in statement(dot, "sys-a")
    assert "EA301 (virhe): no responsible person" in statement(dot, "sys-a")
    assert f'color="{style.WARNING}"' in statement(dot, "sys-b")
    assert "virhe mallissa" in dot and "varoitus mallissa" in dot
    plain = to_dot(compute(toy(), view(**FLOWS), found, show_findings=False))
    assert style.ERROR not in statement(plain, "sys-a")


def test_views_without_edges_are_packed_and_others_layered():
    packed = to_dot(compute(sample(), BUILTIN["tietojarjestelmakartta"].definition))
    assert "layout=osage" in packed and "packmode=" in packed
    layered = to_dot(compute(sample(), BUILTIN["integraatiokaavio"].definition))
    assert "layout=" not in layered and "newrank=true" in layered and "rankdir=LR" in layered


@pytest.mark.parametrize("name", list(BUILTIN))
def test_every_built_in_view_has_a_title_and_a_legend(name):
    for lang in ("fi", "en"):
        computed = compute(sample(), BUILTIN[name].definition, lang=lang)
        dot = to_dot(computed)
        assert computed.title in dot
        assert legend_entries(computed), f"{name} has no legend"
        assert 'id=legend' in dot or 'id="legend"' in dot
