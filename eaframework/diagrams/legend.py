"""The legend of a diagram: a sample of each kind, lifecycle variant, line style and
finding outline the diagram uses, in a fixed order, and what each line of the diagram
looks like (`line_style`), which the edges and their legend entries share."""

from __future__ import annotations

import html

from . import style, words
from .computed import ComputedView, Edge
from .labels import cluster_label, plain
from .packing import Packing

LEGEND_ID = "legend"


def line_style(edge: Edge) -> tuple[str, bool]:
    """(colour, dashed) of an edge: by transfer method for integrations, else by relation."""
    if edge.relation == "integration":
        return style.METHOD_LINE.get(edge.method, style.METHOD_LINE[None])
    return style.RELATION_LINE.get(edge.relation, style.LINE), False


def labels_drawn(view: ComputedView) -> bool:
    """Graphviz drops edge labels when it packs the parts of a graph (`PARTS_PACKED`); the
    legend then explains the lines instead."""
    return view.layout == "osage" or bool(view.clusters)


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
        if text not in lines.setdefault(line_style(edge), []):
            lines[line_style(edge)].append(text)
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


def draw_legend(g, view: ComputedView, packed: Packing | None) -> None:
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
            c.attr(id=LEGEND_ID, label=cluster_label(title), tooltip=title,
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
                common = {"id": node_id, "tooltip": plain(text), "fontsize": "10"}
                if sample.get("edge"):
                    nodes.append((node_id, {"label": _line_sample(text, sample),
                                            "shape": "plain", **common}))
                else:
                    nodes.append((node_id, {"label": plain(text), "margin": "0.08,0.03",
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

