"""A `ComputedView` as Graphviz DOT source. Pure: no binary is run here, and the same view
always gives the same text (the DOT snapshots in the tests rely on it).

Every node, edge and cluster carries an `id` attribute (the element id, where there is
one), so the SVG keeps them and a page can link to `#sys-asianhallinta`. Node labels are
HTML-like: the name wrapped to a few short lines, with a smaller detail line under it.
"""

from __future__ import annotations

import html
import math
import textwrap

import graphviz

from . import style, words
from .compute import Cluster, ComputedView, Edge, Node

LEGEND_ID = "legend"
# Without clusters, `dot` lays out each connected part on its own and packs the parts in a
# grid: many small chains make a compact sheet, not one long column. (With clusters it
# cannot: Graphviz then loses or overlaps them.)
PARTS_PACKED = {"pack": "24", "packmode": "array_t"}


def to_dot(view: ComputedView) -> str:
    """DOT source of the view, with its title, legend and (if shown) finding overlay."""
    g = graphviz.Digraph(name=view.id)
    compound = any(e.lhead or e.ltail for e in view.edges)
    packed = _packed(view)
    g.attr(
        "graph",
        id=view.id,
        label=_title(view),
        labelloc="t",
        labeljust="l",
        tooltip=_plain(view.title),
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
    _legend(g, view, packed)
    return g.source


class _Packing:
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


def _packed(view: ComputedView) -> _Packing | None:
    return _Packing(view) if view.layout == "osage" else None


# -- parts --------------------------------------------------------------------------------
def _cluster(g, cluster: Cluster, view: ComputedView, by_cluster, depth: int,
             packed: _Packing | None) -> None:
    with g.subgraph(name=f"cluster_{cluster.id}") as c:
        fills = (style.CLUSTER_FILL.get(cluster.kind, style.GROUP_FILL)
                 if cluster.role != "no-owner" else (style.NO_OWNER_FILL,) * 2)
        attrs = {
            "id": cluster.id,
            "label": _cluster_label(cluster.label),
            "tooltip": _plain(cluster.tooltip or cluster.label),
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


def _node(g, node: Node, view: ComputedView, packed: _Packing | None = None) -> None:
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
        "label": _label(node.label, node.details),
        "shape": look.shape,
        "style": ",".join(styles),
        "fillcolor": fill,
        "tooltip": _plain(node.tooltip),
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
    attrs = {"id": edge.id, "tooltip": _plain(edge.tooltip)}
    labels = labels_drawn(view)
    if edge.label and labels:
        attrs["label"] = _plain(edge.label)
    colour, dashed = _line(edge)
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
            attrs["label"] = _plain(f"{edge.label} ({codes})" if edge.label else codes)
    g.edge(edge.source, edge.target, **attrs)


def _line(edge: Edge) -> tuple[str, bool]:
    """(colour, dashed) of an edge: by transfer method for integrations, else by relation."""
    if edge.relation == "integration":
        return style.METHOD_LINE.get(edge.method, style.METHOD_LINE[None])
    return style.RELATION_LINE.get(edge.relation, style.LINE), False


def labels_drawn(view: ComputedView) -> bool:
    """Graphviz drops edge labels when it packs the parts of a graph (`PARTS_PACKED`); the
    legend then explains the lines instead."""
    return view.layout == "osage" or bool(view.clusters)


# -- legend -------------------------------------------------------------------------------
def legend_entries(view: ComputedView) -> list[tuple[str, str, dict]]:
    """(entry id, text, sample attributes) for what this diagram uses, in a fixed order:
    kinds, lifecycle variants, line styles, finding outlines."""
    lang = view.lang
    entries: list[tuple[str, str, dict]] = []
    kinds = {n.kind for n in view.nodes}
    kinds |= {c.kind for c in view.clusters if c.kind and c.kind != "organisation-unit"}
    for kind in sorted(kinds, key=lambda k: list(style.KIND_LOOK).index(k)
                       if k in style.KIND_LOOK else 99):
        look = style.look(kind)
        text = words.kind_name(kind, lang)
        if kind == "data-group" and any(n.core for n in view.nodes):
            text = words.phrase("core-data", lang) if all(
                n.core for n in view.nodes if n.kind == "data-group") else text
        entries.append((f"kind-{kind}", text, {
            "shape": look.shape, "fillcolor": look.fill,
            "style": "filled,rounded" if look.rounded else "filled",
        }))
    variants = {style.lifecycle_key(n.phase, n.to_be) for n in view.nodes if not n.context}
    variants.discard(None)
    for variant in ("planned", "phasing-out", "retired"):
        if variant in variants:
            sample = {"shape": "box", "fillcolor": "white", "style": "filled,dashed"}
            if variant == "phasing-out":
                sample["style"] = "filled,diagonals"
            if variant == "retired":
                sample.update(fillcolor=style.RETIRED, fontcolor=style.MUTED)
            entries.append((f"phase-{variant}", words.word(words.PHASES, variant, lang), sample))
    if any(n.context for n in view.nodes):
        entries.append(("context", words.phrase("context", lang), {
            "shape": "box", "style": "filled,dotted", "fillcolor": "white",
            "fontcolor": style.MUTED}))
    if any(c.role == "no-owner" for c in view.clusters):
        entries.append(("no-owner", words.phrase("no-owner", lang), {
            "shape": "box", "style": "filled,rounded,dashed", "fillcolor": style.NO_OWNER_FILL,
            "color": style.ERROR, "fontcolor": style.ERROR, "penwidth": "2"}))
    # One entry per line style: integrations by method (labelled on the edge too), other
    # relations where their edges carry no label.
    lines: dict[tuple[str, bool], list[str]] = {}
    for edge in view.edges:
        if edge.relation == "integration":
            text = words.word(words.METHODS, edge.method, lang)
        elif not edge.label or not labels_drawn(view):
            text = words.word(words.RELATIONS, edge.reads, lang)
        else:
            continue
        if text not in lines.setdefault(_line(edge), []):
            lines[_line(edge)].append(text)
    for (colour, dashed), texts in sorted(lines.items(), key=lambda item: item[1]):
        sample = {"color": colour, "fontcolor": colour, "edge": "1"}
        if dashed:
            sample["style"] = "dashed"
        if colour == style.MANUAL:
            sample["penwidth"] = "2"
        entry = "-".join(sorted({w.split()[0] for w in texts}))
        entries.append((f"line-{entry}", " / ".join(sorted(texts)), sample))
    if view.findings_shown:
        severities = {f.severity for n in view.nodes for f in n.findings}
        severities |= {f.severity for e in view.edges for f in e.findings}
        for severity in ("error", "warning"):
            if severity in severities:
                colour, width = style.outline(severity)
                entries.append((f"finding-{severity}", words.phrase(f"finding-{severity}", lang),
                                {"shape": "box", "style": "filled", "fillcolor": "white",
                                 "color": colour, "penwidth": width}))
    return entries


def _legend(g, view: ComputedView, packed: _Packing | None) -> None:
    """Sample shapes and lines in one row or column: in a cluster beside the diagram (a
    column beside an LR diagram, a row above a TB one, a box under osage), or, in a
    diagram without clusters, an unboxed column packed with the other parts (Graphviz
    loses clusters when it packs)."""
    entries = legend_entries(view)
    if not entries:
        return
    boxed = bool(packed or view.clusters)
    title = words.phrase("legend", view.lang)
    with g.subgraph(name=f"cluster_{LEGEND_ID}" if boxed else None) as c:
        if boxed:
            c.attr(id=LEGEND_ID, label=_cluster_label(title), tooltip=title,
                   style="rounded,filled", fillcolor="white", color=style.MUTED,
                   penwidth="1", fontsize=str(style.CLUSTER_FONT), margin="8",
                   **(packed.legend() if packed else {}))
        across = view.direction in ("LR", "RL")
        # one rank: a column in LR, a row in TB; unboxed it is always a column
        flat = across or boxed
        with c.subgraph() as row:
            if flat:
                row.attr(rank="same")
            nodes = [] if boxed else [(LEGEND_ID, {
                "label": f"<<b>{html.escape(title)}</b>>", "shape": "plain", "id": LEGEND_ID,
                "tooltip": title})]
            for entry_id, text, sample in entries:
                node_id = f"{LEGEND_ID}-{entry_id}"
                common = {"id": node_id, "tooltip": _plain(text), "fontsize": "10"}
                if sample.get("edge"):
                    nodes.append((node_id, {"label": _line_sample(text, sample),
                                            "shape": "plain", **common}))
                else:
                    nodes.append((node_id, {"label": _plain(text), "margin": "0.08,0.03",
                                            "height": "0.3", **common, **sample}))
            if boxed:
                # Within one rank an LR diagram puts the first node lowest: define the
                # entries backwards there so that they read from the top.
                for node_id, attrs in reversed(nodes) if across and not packed else nodes:
                    row.node(node_id, **attrs)
                return
            # Unboxed, invisible edges keep the entries in order and in one part.
            for node_id, attrs in nodes:
                row.node(node_id, **attrs)
            for (a, _), (b, _) in zip(nodes, nodes[1:]):
                row.edge(a, b, style="invis")


def _line_sample(text: str, sample: dict) -> str:
    """A line drawn in text (Graphviz cannot put an edge in a label): solid or dashed, in
    the line's colour, then what it means."""
    line = "– – – →" if sample.get("style") == "dashed" else "———→"
    if sample.get("penwidth"):
        line = f"<b>{line}</b>"
    colour = sample.get("color", style.LINE)
    return (f'<<font color="{colour}">{line}</font>&#160;&#160;'
            f'<font color="{sample.get("fontcolor", style.TEXT)}">{html.escape(text)}</font>>')


# -- text ---------------------------------------------------------------------------------
def wrap(text: str, width: int = style.WRAP) -> list[str]:
    """Lines of at most about `width` characters, broken at spaces (long words are kept
    whole: a Finnish compound is easier to read unbroken)."""
    return textwrap.wrap(" ".join(text.split()), width, break_long_words=False,
                         break_on_hyphens=False) or [""]


def _label(name: str, details: tuple[str, ...]) -> str:
    lines = "<br/>".join(html.escape(line) for line in wrap(name))
    for detail in details:
        small = "<br/>".join(html.escape(line) for line in wrap(detail, style.WRAP + 8))
        lines += (f'<br/><font point-size="{style.DETAIL_FONT}" color="{style.LINE}">'
                  f"{small}</font>")
    return f"<{lines}>"


def _cluster_label(text: str) -> str:
    # Bold text is measured tightly: a little room after each line keeps it off the border.
    lines = '<br align="left"/>'.join(f"{html.escape(line)}&#160;&#160;"
                                       for line in wrap(text, 32))
    return f'<<b>{lines}</b><br align="left"/>>' if "<br" in lines else f"<<b>{lines}</b>>"


def _title(view: ComputedView) -> str:
    title = html.escape(view.title)
    if view.part:
        i, n = view.part
        title += html.escape(f" ({words.phrase('part', view.lang, i=i, n=n)})")
    text = f'<font point-size="{style.TITLE_FONT}"><b>{title}</b></font>'
    if view.subtitle:
        text += (f'<br align="left"/><font point-size="{style.SUBTITLE_FONT}" '
                 f'color="{style.LINE}">{html.escape(view.subtitle)}</font>')
    return f"<{text}<br align=\"left\"/>>"


def _plain(text: str) -> str:
    """A plain DOT string: backslashes kept literally, line breaks as DOT's \\n."""
    return graphviz.nohtml(text.replace("\\", "\\\\").replace("\n", "\\n"))
