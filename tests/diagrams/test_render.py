"""Rendering with the real Graphviz (graphviz-pure from pip): every built-in view of the
sample as SVG and PNG, in Finnish and English, the same bytes every time, accessible SVG."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from lxml import etree

from eaframework.diagrams import (
    RenderOptions,
    builtin_views,
    graphviz_runner,
    layout,
    parts,
    render_view,
)
from eaframework.diagrams.builtin import BUILTIN
from eaframework.diagrams.graphviz_runner import GraphvizError, find_binary
from eaframework.diagrams.placement import parse_layout

from .helpers import finding, sample

SVG = "{http://www.w3.org/2000/svg}"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def binary():
    return find_binary("svg", env={"PATH": ""})


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("name", list(BUILTIN))
def test_every_built_in_view_renders_as_accessible_svg(name, lang, binary):
    [output] = render_view(sample(), BUILTIN[name], RenderOptions(fmt="svg", lang=lang),
                           binary=binary)
    assert output.name == (f"{name}.svg" if lang == "fi" else f"{name}.en.svg")
    root = etree.fromstring(output.content)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "_title _desc"
    title, desc = root[0], root[1]
    assert (title.tag, desc.tag) == (f"{SVG}title", f"{SVG}desc")
    assert title.text.startswith(output.view.title)
    assert "Esimerkkilän kaupunki" in title.text
    assert desc.text and str(len(output.view.nodes)) in desc.text
    ids = set(root.xpath("//@id"))
    assert {n.id for n in output.view.nodes} <= ids  # a page can link to every element
    assert "legend" in ids
    text = output.content.decode("utf-8")
    assert "&#45;" not in text and "<!--" not in text


@pytest.mark.parametrize("name", list(BUILTIN))
def test_png_is_the_same_bytes_on_every_run(name, binary):
    options = RenderOptions(fmt="png")
    [first] = render_view(sample(), BUILTIN[name], options, binary=binary)
    [second] = render_view(sample(), BUILTIN[name], options, binary=binary)
    assert first.content.startswith(PNG_MAGIC)
    assert first.content == second.content


def test_svg_is_the_same_bytes_on_every_run(binary):
    options = RenderOptions(fmt="svg", findings=True)
    runs = [[o.content for v in BUILTIN.values()
             for o in render_view(sample(), v, options, binary=binary)] for _ in range(2)]
    assert runs[0] == runs[1]


def test_the_integration_diagram_shows_manual_transfers_differently(binary):
    [output] = render_view(sample(), BUILTIN["integraatiokaavio"], RenderOptions(),
                           binary=binary)
    root = etree.fromstring(output.content)
    [manual] = root.xpath("//svg:g[@id='int-lupapiste-rakvalv']",
                          namespaces={"svg": SVG[1:-1]})
    path = manual.find(f".//{SVG}path")
    assert path.get("stroke-dasharray") and path.get("stroke") == "#e8590c"
    assert "manuaalinen" in "".join(manual.itertext())


def test_any_name_makes_a_valid_svg(binary):
    from eaframework.diagrams.viewdef import DefinedView
    from eaframework.loader import load_texts

    from .helpers import view

    model = load_texts({"m.yaml": (
        "apiVersion: eaframework/v1\nelements:\n"
        "  - {kind: organisation-unit, id: ou-a, name: 'Yksikkö \"A\" & <B>'}\n"
        "  - {kind: information-system, id: sys-x, name: 'R&D <Labs> \\\\ -- ]]>', "
        "owner: ou-a}\n")}).model
    [output] = render_view(model, DefinedView(view(include=[{"kind": "information-system"}],
                                                  **{"group-by": "owner"})),
                           RenderOptions(), binary=binary)
    root = etree.fromstring(output.content)
    texts = " ".join(root.itertext())
    assert "R&D <Labs> \\ -- ]]>" in texts and 'Yksikkö "A" & <B>' in texts


def test_graphviz_pure_next_to_python_is_enough():
    """A fresh machine: no Graphviz on PATH, only what pip installed beside Python."""
    found = find_binary("png", env={"PATH": ""})
    assert found.is_pure and found.origin == "pip"
    assert Path(found.path).parent == Path(sys.executable).parent


def test_a_configured_binary_that_is_missing_is_named():
    with pytest.raises(GraphvizError, match="'no-such-dot' from EA_DOT not found"):
        find_binary("svg", env={"EA_DOT": "no-such-dot", "PATH": ""})
    with pytest.raises(GraphvizError, match="from setup.cfg `dot` not found"):
        find_binary("svg", configured="/nowhere/dot", env={"PATH": ""})


def test_pdf_needs_graphviz_own_dot():
    with pytest.raises(GraphvizError) as caught:
        find_binary("pdf", env={"PATH": ""})
    message = str(caught.value)
    assert "graphviz-pure makes svg and png only" in message and "dot on PATH" in message
    pure = find_binary("svg", env={"PATH": ""})
    with pytest.raises(GraphvizError, match="graphviz-pure cannot make pdf"):
        graphviz_runner.run("digraph { a }", "pdf", pure)


def test_a_layout_that_takes_too_long_is_stopped(binary):
    rng = random.Random(7)
    edges = "\n".join(f"n{rng.randrange(3000)} -> n{rng.randrange(3000)}" for _ in range(6000))
    with pytest.raises(GraphvizError, match="did not finish within 0.05 s"):
        graphviz_runner.run(f"digraph {{ newrank=true\n{edges}\n}}", "svg", binary,
                            timeout=0.05)


def test_graphviz_errors_come_back_as_one_line(binary):
    with pytest.raises(GraphvizError, match="Graphviz failed .*syntax"):
        graphviz_runner.run("digraph { a -> }", "svg", binary)


def test_layout_gives_every_node_and_cluster_a_box_from_the_top_left(binary):
    [view] = parts(sample(), BUILTIN["tietojarjestelmakartta"], RenderOptions())
    placed = layout(view, binary)
    assert set(placed.nodes) >= {n.id for n in view.nodes}
    assert set(placed.clusters) >= {c.id for c in view.clusters}
    for box in [*placed.nodes.values(), *placed.clusters.values()]:
        assert box.x >= 0 and box.y >= 0 and box.w > 0 and box.h > 0
        assert box.y + box.h <= placed.height + 1


def test_parse_layout_turns_graphviz_points_upside_down():
    data = ('{"bb": "0,0,200,100", "objects": ['
            '{"name": "cluster_ou-a", "bb": "10,20,110,90"},'
            '{"name": "sys-a", "pos": "50,80", "width": "1", "height": "0.5"}]}')
    placed = parse_layout(data)
    assert placed.height == 100
    cluster = placed.clusters["ou-a"]
    assert (cluster.x, cluster.y, cluster.w, cluster.h) == (10, 10, 100, 70)
    node = placed.nodes["sys-a"]
    assert (node.x, node.y, node.w, node.h) == (14, 2, 72, 36)


def test_notes_are_not_drawn_in_the_overlay(binary):
    options = RenderOptions(findings=True)
    note = finding("sys-asianhallinta", code="EA399", severity="info", message="a note")
    for view in builtin_views():
        for output in render_view(sample(), view, options, [note], binary):
            assert b"EA399" not in output.content
