"""A `ComputedView` as Graphviz DOT source. Pure: no binary is run here, and the same view
always gives the same text (the DOT snapshots in the tests rely on it).

Every node, edge and cluster carries an `id` attribute (the element id, where there is
one), so the SVG keeps them and a page can link to `#sys-asianhallinta`. Node labels are
HTML-like: the name wrapped to a few short lines, with a smaller detail line under it.
"""

from __future__ import annotations

import graphviz

from . import style
from .computed import Cluster, ComputedView, Edge, Node
from .labels import cluster_label, node_label, plain, title
from .legend import draw_legend, labels_drawn, line_style
from .packing import Packing, packing

# Without clusters, `dot` lays out each connected part on its own and packs the parts in a
# grid: many small chains make a compact sheet, not one long column. (With clusters it
# cannot: Graphviz then loses or overlaps them.)
PARTS_PACKED = {"pack": "24", "packmode": "array_t"}


def to_dot(view: ComputedView) -> str:
    """DOT source of the view, with its title, legend and (if shown) finding overlay."""
    g = graphviz.Digraph(name=view.id)
    compound = any(e.lhead or e.ltail for e in view.edges)
    packed = packing(view)
    g.attr(
        "graph",
        id=view.id,
        label=title(view),
        labelloc="t",
        labeljust="l",
        tooltip=plain(view.title),
        fontname=style.FONT,
        fontsize=str(style.CLUSTER_FONT),
        fontcolor=style.TEXT,
        rankdir=view.direction,
        newrank="true",  # ranks across clusters: no "trouble in init_rank" on cycles
        nodesep="0.25",
        ranksep="0.45",
        pad="0.25",
        bgcolor="white",
        **({"compound": "true"} if compound else {}),
        **(packed.root() if packed else {}),
        **(PARTS_PACKED if not packed and not view.clusters else {}),
    )
    g.attr("node", fontname=style.FONT, fontsize=str(style.NODE_FONT), fontcolor=style.TEXT,
           color=style.LINE, penwidth="1", margin="0.12,0.06")
    g.attr("edge", fontname=style.FONT, fontsize=str(style.EDGE_FONT), fontcolor=style.LINE,
           color=style.LINE, arrowsize="0.7", penwidth="1.2")
    by_cluster: dict[str | None, list[Node]] = {}
    for node in view.nodes:
        by_cluster.setdefault(node.cluster, []).append(node)
    for node in by_cluster.get(None, ()):
        _node(g, node, view, packed)
    for cluster in view.children(None):
        _cluster(g, cluster, view, by_cluster, 0, packed)
    for edge in view.edges:
        _edge(g, edge, view)
    draw_legend(g, view, packed)
    return g.source


def _cluster(g, cluster: Cluster, view: ComputedView, by_cluster, depth: int,
             packed: Packing | None) -> None:
    with g.subgraph(name=f"cluster_{cluster.id}") as c:
        fills = (style.CLUSTER_FILL.get(cluster.kind, style.GROUP_FILL)
                 if cluster.role != "no-owner" else (style.NO_OWNER_FILL,) * 2)
        attrs = {
            "id": cluster.id,
            "label": cluster_label(cluster.label),
            "tooltip": plain(cluster.tooltip or cluster.label),
            "style": "rounded,filled",
            "fillcolor": fills[depth % 2],
            "color": style.MUTED,
            "penwidth": "1",
            "fontsize": str(style.CLUSTER_FONT),
            "margin": "10",
        }
        if cluster.role == "no-owner":
            attrs.update(color=style.ERROR, penwidth="2", style="rounded,filled,dashed",
                         fontcolor=style.ERROR)
        overlay = style.outline(style.worst(cluster.findings)) if view.findings_shown else None
        if overlay:
            attrs.update(color=overlay[0], penwidth=overlay[1])
        if packed:
            attrs.update(packed.cluster(cluster.id))
        c.attr(**attrs)
        for node in by_cluster.get(cluster.id, ()):
            _node(c, node, view, packed)
        for child in view.children(cluster.id):
            _cluster(c, child, view, by_cluster, depth + 1, packed)


def _node(g, node: Node, view: ComputedView, packed: Packing | None = None) -> None:
    look = style.look(node.kind)
    styles = ["filled"]
    if look.rounded:
        styles.append("rounded")
    fill, fontcolor = look.fill, style.TEXT
    variant = style.lifecycle_key(node.phase, node.to_be)
    if variant == "planned":
        styles.append("dashed")
    elif variant == "phasing-out":
        styles.append("diagonals")
    elif variant == "retired":
        styles.append("dashed")
        fill, fontcolor = style.RETIRED, style.MUTED
    if node.context:
        styles = [s for s in styles if s not in ("dashed", "diagonals")] + ["dotted"]
        fill, fontcolor = "white", style.MUTED
    attrs = {
        "id": node.id,
        "label": node_label(node.label, node.details),
        "shape": look.shape,
        "style": ",".join(styles),
        "fillcolor": fill,
        "tooltip": plain(node.tooltip),
    }
    if look.margin:
        attrs["margin"] = look.margin
    if fontcolor != style.TEXT:
        attrs["fontcolor"] = fontcolor
    if node.core:
        attrs["penwidth"] = "2"
    overlay = style.outline(style.worst(node.findings)) if view.findings_shown else None
    if overlay:
        attrs.update(color=overlay[0], penwidth=overlay[1])
    if packed:
        attrs.update(packed.node(node))
    g.node(node.id, **attrs)


def _edge(g, edge: Edge, view: ComputedView) -> None:
    attrs = {"id": edge.id, "tooltip": plain(edge.tooltip)}
    labels = labels_drawn(view)
    if edge.label and labels:
        attrs["label"] = plain(edge.label)
    colour, dashed = line_style(edge)
    if colour != style.LINE:
        attrs.update(color=colour, fontcolor=colour)
    if dashed:
        attrs["style"] = "dashed"
    if edge.method == "manual":
        attrs["penwidth"] = "2"
    if edge.ltail:
        attrs["ltail"] = f"cluster_{edge.ltail}"
    if edge.lhead:
        attrs["lhead"] = f"cluster_{edge.lhead}"
    overlay = style.outline(style.worst(edge.findings)) if view.findings_shown else None
    if overlay:
        # The line keeps its method's colour; a thicker pen and the rule codes mark it.
        attrs["penwidth"] = overlay[1]
        codes = ", ".join(sorted({f.code for f in edge.findings
                                  if f.severity in ("error", "warning")}))
        if labels:
            attrs["label"] = plain(f"{edge.label} ({codes})" if edge.label else codes)
    g.edge(edge.source, edge.target, **attrs)

