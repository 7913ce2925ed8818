"""Where Graphviz puts the boxes of a computed view, for tools that draw the diagram
themselves (the ArchiMate exchange file). The one place that reads Graphviz's JSON
(`-Tjson0`: points, origin bottom left); the boxes come out in points from the top left.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from . import DEFAULT_TIMEOUT, graphviz_runner
from .computed import ComputedView
from .dot import to_dot

POINTS_PER_INCH = 72  # node sizes come in inches


@dataclass(frozen=True)
class Box:
    """A rectangle in points, from the top left of the drawing."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Layout:
    height: float  # of the whole drawing, in points
    nodes: dict[str, Box]  # node id -> its box
    clusters: dict[str, Box]  # cluster id (as in the ComputedView) -> its box


def layout(view: ComputedView, binary: graphviz_runner.Binary | None = None,
           timeout: float = DEFAULT_TIMEOUT) -> Layout:
    """The boxes Graphviz lays out for `view` (any Graphviz makes json0; without `binary`,
    the one found for svg). Raises GraphvizError."""
    binary = binary or graphviz_runner.find_binary("svg")
    return parse_layout(graphviz_runner.run(to_dot(view), "json0", binary, timeout))


def parse_layout(data: bytes | str) -> Layout:
    """A Layout from Graphviz's json0 output."""
    graph = json.loads(data)
    height = float(graph["bb"].split(",")[3])
    nodes: dict[str, Box] = {}
    clusters: dict[str, Box] = {}
    for obj in graph.get("objects", []):
        name = obj.get("name", "")
        if obj.get("bb") and name.startswith("cluster_"):
            x1, y1, x2, y2 = (float(v) for v in obj["bb"].split(","))
            clusters[name.removeprefix("cluster_")] = Box(x1, height - y2, x2 - x1, y2 - y1)
        elif obj.get("pos") and obj.get("width"):
            cx, cy = (float(v) for v in obj["pos"].split(","))
            w = float(obj["width"]) * POINTS_PER_INCH
            h = float(obj["height"]) * POINTS_PER_INCH
            nodes[name] = Box(cx - w / 2, height - cy - h / 2, w, h)
    return Layout(height, nodes, clusters)
