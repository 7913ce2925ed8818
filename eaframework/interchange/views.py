"""Diagram views for the exchange file: each built-in view of the diagrams package, laid
out by Graphviz, so that Archi opens them drawn.

The diagrams package computes the view (split into parts when large) and lays it out
(`diagrams.layout`: Graphviz's boxes in points from the top left). Here the boxes become
ArchiMate nodes in pixels: element nodes for the view's elements, an element that groups
others (a unit owning systems) as a node with them nested inside, other groups as labelled
containers, and a connection for each edge that is one relation of the model.

Nodes and connections refer to our ids (element id; relation triple); the exporter turns
them into the file's identifiers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Model
from .exchange import Diagram, DiagramConnection, DiagramNode

if TYPE_CHECKING:
    from ..diagrams import Box, Layout

SCALE = 1.4  # pixels per Graphviz point: Archi's font needs a little more room
MIN_W, MIN_H = 110, 50  # Archi's element boxes are 120 x 55 by default


def diagram_views(model: Model, binary=None, lang: str = "fi") -> list[Diagram]:
    """One diagram per built-in view (per part of a large one), with Graphviz positions.
    Raises diagrams.GraphvizError when no Graphviz can be run."""
    from ..diagrams import RenderOptions, ViewTooLarge, builtin_views, find_binary, layout, parts

    binary = binary or find_binary("svg")  # json0 comes from either dot
    found = []
    for defined in builtin_views():
        try:
            drawn = parts(model, defined, RenderOptions(lang=lang))
        except ViewTooLarge:
            continue  # what cannot be drawn on one sheet is not drawn in the file either
        for part in drawn:
            if part.nodes:
                found.append(_diagram(model, defined.definition, part, layout(part, binary)))
    return found


def _ncname(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "-", text)


def _diagram(model: Model, definition, view, placed: Layout) -> Diagram:
    suffix = f"-{view.part[0]}" if view.part else ""
    prefix = _ncname(f"{view.id}{suffix}")
    nodes: dict[str | None, list[DiagramNode]] = {}
    drawn: dict[str, str] = {}  # element id -> node identifier
    containers: dict[str, DiagramNode] = {}
    for cluster in sorted(view.clusters, key=lambda c: c.id):
        placed_box = placed.clusters.get(cluster.id)
        if placed_box is None:
            continue
        box = _pixels(placed_box)
        identifier = f"n-{prefix}-c-{_ncname(cluster.id)}"
        is_element = cluster.role == "element" and cluster.id in model.elements
        node = DiagramNode(identifier, *box, element_ref=cluster.id if is_element else None,
                           label=[] if is_element else [(view.lang, cluster.label)])
        containers[cluster.id] = node
        if is_element:
            drawn[cluster.id] = identifier
    for cluster in sorted(view.clusters, key=lambda c: c.id):
        if cluster.id in containers:
            parent = cluster.parent if cluster.parent in containers else None
            nodes.setdefault(parent, []).append(containers[cluster.id])
    for node in view.nodes:
        placed_box = placed.nodes.get(node.id)
        if placed_box is None or node.id not in model.elements:
            continue
        box = _pixels(placed_box, centred=True)
        identifier = f"n-{prefix}-{_ncname(node.id)}"
        drawn[node.id] = identifier
        parent = node.cluster if node.cluster in containers else None
        nodes.setdefault(parent, []).append(DiagramNode(identifier, *box, element_ref=node.id))
    for cluster_id, container in containers.items():
        container.children = nodes.get(cluster_id, [])
    for node in nodes.get(None, []):
        _fit_children(node)
    connections = []
    for edge in view.edges:
        triple = _relation(model, edge)
        if triple is None or triple[0] not in drawn or triple[2] not in drawn:
            continue
        connections.append(DiagramConnection(
            identifier=f"c-{prefix}-{_ncname(edge.id)}", relationship_ref="",
            source=drawn[triple[0]], target=drawn[triple[2]], relation=triple))
    names = list(definition.title.languages().items())
    documentation = list(definition.description.languages().items()) if (
        definition.description) else []
    if view.part:
        names = [(lang, f"{text} ({view.part[0]}/{view.part[1]})") for lang, text in names]
    return Diagram(identifier=f"view-{prefix}", names=names, documentation=documentation,
                   nodes=nodes.get(None, []), connections=connections)


def _pixels(box: Box, centred: bool = False) -> tuple[int, int, int, int]:
    """A Graphviz box (top left, points) in pixels; element boxes grown to Archi's size
    around their centre."""
    w, h = box.w * SCALE, box.h * SCALE
    x, y = box.x * SCALE, box.y * SCALE
    if centred:
        grown_w, grown_h = max(w, MIN_W), max(h, MIN_H)
        x, y = x - (grown_w - w) / 2, y - (grown_h - h) / 2
        w, h = grown_w, grown_h
    return max(0, round(x)), max(0, round(y)), max(1, round(w)), max(1, round(h))


def _fit_children(parent: DiagramNode) -> None:
    """Keep nested boxes inside their parent (element boxes grown to Archi's size may
    stick out of a tight Graphviz cluster): Archi draws children relative to it."""
    for child in parent.children:
        child.w, child.h = min(child.w, parent.w), min(child.h, parent.h)
        child.x = min(max(child.x, parent.x), parent.x + parent.w - child.w)
        child.y = min(max(child.y, parent.y), parent.y + parent.h - child.h)
        _fit_children(child)


def _relation(model: Model, edge) -> tuple[str, str, str] | None:
    """The model relation an edge draws (either way round), or None for edges that are no
    single relation (an integration drawn between its two systems)."""
    a, b = edge.ltail or edge.source, edge.lhead or edge.target  # a cluster's own element
    for source, target in ((a, b), (b, a)):
        for relation in model.outgoing(source, edge.relation):
            if relation.target == target:
                return relation.key
    return None
