"""The data of one diagram: `ComputedView` with its nodes, edges and clusters, every word
already in the diagram's language. Made by `compute`, drawn by `dot`, split by `split`;
nothing here knows a model or Graphviz.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # error | warning | info
    message: str


@dataclass(frozen=True)
class Node:
    id: str
    kind: str
    label: str
    details: tuple[str, ...] = ()
    cluster: str | None = None
    tooltip: str = ""
    phase: str | None = None
    to_be: bool = False
    core: bool = False  # core data (a data group with `core: true`)
    findings: tuple[Finding, ...] = ()
    context: bool = False  # shown in a part of a split view because of an edge; lives elsewhere


@dataclass(frozen=True)
class Edge:
    id: str
    source: str
    target: str
    relation: str  # relation type, or "integration"
    reads: str = ""  # the relation as the edge reads: its reverse name when drawn reversed
    label: str = ""
    method: str | None = None  # transfer method of an integration
    tooltip: str = ""
    ltail: str | None = None  # cluster id, when the edge leaves a cluster (compound edge)
    lhead: str | None = None
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Cluster:
    id: str
    label: str
    parent: str | None = None
    kind: str | None = None  # element kind, for a cluster that is an element
    role: str = "group"  # element | group | no-owner | other (outside every hierarchy)
    external: bool = False  # an organisation outside the model's own
    tooltip: str = ""
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class ComputedView:
    id: str
    title: str
    lang: str
    direction: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    clusters: tuple[Cluster, ...]
    description: str = ""
    subtitle: str = ""  # organisation and the model's dates
    findings_shown: bool = False
    part: tuple[int, int] | None = None  # (i, n) of a split view
    hidden_edges: int = 0  # edges to other parts of a split view
    layout: str = "dot"  # Graphviz engine: dot (layered) or osage (packed boxes)

    def node(self, node_id: str) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def children(self, cluster_id: str | None) -> list[Cluster]:
        return [c for c in self.clusters if c.parent == cluster_id]

