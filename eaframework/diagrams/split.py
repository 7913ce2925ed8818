"""Views too large to read as one picture: split by cluster into parts, or refused with a
message saying how to narrow the view.

A part holds at most `max_nodes` nodes and `EDGES_PER_NODE * max_nodes` edges (dense
parts are both unreadable and slow to lay out). Whole top-level clusters go into a part
together while they fit; a cluster too large for one part is opened and its sub-clusters
are packed instead. Nodes outside any cluster are kept together by connected part, so no
edge between them is cut. Each part also shows, greyed, the nodes of other parts its
nodes are connected to, so that its edges still lead somewhere.

When a cluster's own nodes (or one connected part) alone are too many, the view cannot be
split and is refused: a hairball of 2,000 boxes helps nobody.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .compute import ComputedView

EDGES_PER_NODE = 1.25


class ViewTooLarge(Exception):
    """A view that cannot be drawn within the size limit."""


def limits(max_nodes: int) -> tuple[int, int]:
    return max_nodes, int(max_nodes * EDGES_PER_NODE)


def split(view: ComputedView, max_nodes: int) -> list[ComputedView]:
    """The view itself when small enough, else its parts (in cluster order)."""
    most_nodes, most_edges = limits(max_nodes)
    if len(view.nodes) <= most_nodes and len(view.edges) <= most_edges:
        return [view]
    links = _links(view)
    items = _items(view, None, links, most_nodes, most_edges)
    parts: list[set[str]] = []
    for item in items:
        if parts and _fits(parts[-1] | item, links, most_nodes, most_edges):
            parts[-1] |= item
        else:
            parts.append(set(item))
    return [_part(view, ids, links, i, len(parts), most_nodes, most_edges)
            for i, ids in enumerate(parts, start=1)]


def _links(view: ComputedView) -> dict[str, list[str]]:
    """Each node's neighbours, once per edge (two relations between a pair count twice)."""
    links: dict[str, list[str]] = defaultdict(list)
    for edge in view.edges:
        links[edge.source].append(edge.target)
        links[edge.target].append(edge.source)
    return links


def _edges_within(ids: set[str], links) -> int:
    return sum(1 for a in ids for b in links.get(a, ()) if b in ids) // 2


def _fits(ids: set[str], links, most_nodes: int, most_edges: int) -> bool:
    return len(ids) <= most_nodes and _edges_within(ids, links) <= most_edges


def _items(view: ComputedView, cluster: str | None, links, most_nodes: int,
           most_edges: int) -> list[set[str]]:
    """Groups of node ids that stay together, inside `cluster` (None: the top)."""
    direct = {n.id for n in view.nodes if n.cluster == cluster}
    groups = _connected(direct, links) if cluster is None else [direct] if direct else []
    for group in groups:
        if not _fits(group, links, most_nodes, most_edges):
            where = ("outside any group" if cluster is None
                     else f"directly in '{_label(view, cluster)}'")
            raise _refusal(view, f"{len(group)} elements {where} belong together",
                           most_nodes)
    items = list(groups)
    for child in view.children(cluster):
        inside = _subtree(view, child.id)
        if _fits(inside, links, most_nodes, most_edges):
            items.append(inside)
        else:
            items.extend(_items(view, child.id, links, most_nodes, most_edges))
    return items


def _connected(ids: set[str], links) -> list[set[str]]:
    """The connected parts of `ids` (by edges among them), in order of their first id."""
    seen: set[str] = set()
    parts = []
    for start in sorted(ids):
        if start in seen:
            continue
        part, stack = set(), [start]
        while stack:
            current = stack.pop()
            if current in part:
                continue
            part.add(current)
            stack.extend(n for n in links.get(current, ()) if n in ids and n not in part)
        seen |= part
        parts.append(part)
    return parts


def _subtree(view: ComputedView, cluster: str) -> set[str]:
    ids = {n.id for n in view.nodes if n.cluster == cluster}
    for child in view.children(cluster):
        ids |= _subtree(view, child.id)
    return ids


def _label(view: ComputedView, cluster: str) -> str:
    found = next((c for c in view.clusters if c.id == cluster), None)
    return found.label if found else cluster


def _refusal(view: ComputedView, why: str, max_nodes: int) -> ViewTooLarge:
    most_nodes, most_edges = limits(max_nodes)
    return ViewTooLarge(
        f"view '{view.id}' has {len(view.nodes)} elements and {len(view.edges)} connections, "
        f"more than one diagram holds (--max-nodes {most_nodes}: at most {most_nodes} "
        f"elements and {most_edges} connections), and its groups cannot split it ({why}): "
        "narrow it with a view definition in views/ (include or exclude by owner, kind, "
        "lifecycle or tag, or `around` one element) and draw that with --view, or raise "
        "--max-nodes"
    )


def _part(view: ComputedView, ids: set[str], links, i: int, n: int, most_nodes: int,
          most_edges: int) -> ComputedView:
    # Neighbours in other parts, as context, while there is room for them and their edges.
    nodes_left = most_nodes - len(ids)
    edges_left = most_edges - _edges_within(ids, links)
    context: list[str] = []
    for candidate in sorted({b for a in ids for b in links.get(a, ()) if b not in ids}):
        cost = sum(1 for b in links[candidate] if b in ids)
        if nodes_left < 1 or cost > edges_left:
            continue
        context.append(candidate)
        nodes_left, edges_left = nodes_left - 1, edges_left - cost
    shown = ids | set(context)
    nodes = tuple(replace(node, context=True) if node.id in context else node
                  for node in view.nodes if node.id in shown)
    parents = {c.id: c.parent for c in view.clusters}
    used: set[str] = set()
    for node in nodes:
        cluster = node.cluster
        while cluster is not None and cluster not in used:
            used.add(cluster)
            cluster = parents.get(cluster)
    edges = tuple(e for e in view.edges
                  if e.source in shown and e.target in shown
                  and (e.source in ids or e.target in ids))
    hidden = sum(1 for e in view.edges
                 if (e.source in ids) != (e.target in ids)
                 and not (e.source in shown and e.target in shown))
    return replace(
        view,
        nodes=nodes,
        edges=edges,
        clusters=tuple(c for c in view.clusters if c.id in used),
        part=(i, n),
        hidden_edges=hidden,
    )
