"""Graphviz's `osage` layout for views without edges: in which order and how many to a row
the clusters, nodes and the legend are packed."""

from __future__ import annotations

import math

from . import style
from .computed import ComputedView, Node


class Packing:
    """Graphviz's `osage` layout, for views without edges: clusters packed as boxes in a
    grid (largest first, the legend last) instead of `dot`'s single, very wide rank."""

    def __init__(self, view: ComputedView) -> None:
        self.view = view
        self.size: dict[str | None, int] = {}
        self.items: dict[str | None, int] = {}
        for node in view.nodes:
            self.items[node.cluster] = self.items.get(node.cluster, 0) + 1
        for cluster in view.clusters:
            self.items[cluster.parent] = self.items.get(cluster.parent, 0) + 1
        parents = {c.id: c.parent for c in view.clusters}
        for node in view.nodes:
            cluster = node.cluster
            while cluster is not None:
                self.size[cluster] = self.size.get(cluster, 0) + 1
                cluster = parents.get(cluster)
        # What nobody owns first, then the organisation's own units before outside ones,
        # each largest first: grid rows then hold boxes of similar size.
        # Groups (categories, kinds) keep the order their ids give.
        rank = {"no-owner": 0, "group": 1, "element": 2, "other": 3}
        order = sorted(view.clusters, key=lambda c: (
            rank.get(c.role, 1), c.external,
            -self.size.get(c.id, 0) if c.role == "element" else 0, c.id))
        kinds = list(style.KIND_LOOK)
        self.node_order = {n.id: i for i, n in enumerate(sorted(view.nodes, key=lambda n: (
            kinds.index(n.kind) if n.kind in kinds else 99, n.label.casefold(), n.id)))}
        self.rank = {c.id: i for i, c in enumerate(order)}

    def root(self) -> dict[str, str]:
        items = self.items.get(None, 0) + 1  # the legend
        return {"layout": "osage", "pack": "14",
                "packmode": f"array_tlu{max(2, math.ceil(math.sqrt(items)))}"}

    def cluster(self, cluster_id: str) -> dict[str, str]:
        items = self.items.get(cluster_id, 0)
        columns = 1 if items <= 2 else 2 if items <= 6 else 3
        return {"packmode": f"array_tlu{columns}", "sortv": str(self.rank[cluster_id])}

    def node(self, node: Node) -> dict[str, str]:
        return {"sortv": str(len(self.rank) + self.node_order[node.id])}

    def legend(self) -> dict[str, str]:
        return {"packmode": "array_tlu1", "sortv": str(len(self.rank) + len(self.view.nodes))}


def packing(view: ComputedView) -> Packing | None:
    return Packing(view) if view.layout == "osage" else None
