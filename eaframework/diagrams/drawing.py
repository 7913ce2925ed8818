"""The nodes and edges of a view: labels, details and tooltips of its elements, edges for
the relations it draws (compound edges to an element drawn as a cluster), and the
integrations between two of its systems drawn as edges labelled with the transfer method.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import Severity
from ..model import REVERSE
from . import words
from .computed import Edge, Finding, Node
from .viewdef import CONTAINMENT, ViewDefinition

# Drawn from the other end, so that edges of a view flow one way (system -> resource ->
# core data) and the layout reads left to right.
DRAWN_REVERSED = frozenset({"mastered-in"})
INTEGRATION_RELATIONS = frozenset({"flows-from", "flows-to", "carries", "through", "via"})
TOOLTIP_TEXT = 240  # characters of a description shown in a tooltip


def node(model, element, view: ViewDefinition, lang: str, cluster: str | None,
         by_element) -> Node:
    found = tuple(by_element.get(element.id, ()))
    phase = element.lifecycle.phase.value if element.lifecycle else None
    return Node(
        id=element.id,
        kind=element.kind,
        label=element.name.get(lang),
        details=_details(model, element, view.details, lang),
        cluster=cluster,
        tooltip=tooltip(element, lang, found),
        phase=phase,
        to_be=element.state.value == "to-be",
        core=bool(getattr(element, "core", False)),
        findings=found,
    )


def _details(model, element, wanted: tuple[str, ...], lang: str) -> tuple[str, ...]:
    parts = []
    for detail in wanted:
        if detail == "kind":
            parts.append(words.kind_name(element.kind, lang))
        elif detail == "owner" and (owner := model.owner_of(element)) is not None:
            parts.append(owner.name.get(lang))
        elif detail == "sourcing" and getattr(element, "sourcing", None):
            parts.append(words.word(words.SOURCING, element.sourcing.value, lang))
        elif detail == "vendor" and getattr(element, "vendor", None):
            parts.append(element.vendor)
        elif detail == "lifecycle":
            lifecycle = element.lifecycle
            if lifecycle and lifecycle.phase.value != "in-production":
                text = words.word(words.PHASES, lifecycle.phase.value, lang)
                when = lifecycle.end if lifecycle.phase.value != "planned" else lifecycle.start
                parts.append(f"{text} {when.year}" if when else text)
            elif element.state.value == "to-be":
                parts.append(words.phrase("to-be", lang))
    return (" · ".join(parts),) if parts else ()


def tooltip(element, lang: str, found: Iterable[Finding]) -> str:
    lines = [f"{words.kind_name(element.kind, lang)}: {element.name.get(lang)} ({element.id})"]
    about = getattr(element, "purpose", None) or (
        element.description.get(lang) if element.description else None
    )
    if about:
        lines.append(_shorten(about))
    lines += [_finding_line(f, lang) for f in found]
    return "\n".join(lines)


def _finding_line(finding: Finding, lang: str) -> str:
    return f"{finding.code} ({Severity(finding.severity).word(lang)}): {finding.message}"


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TOOLTIP_TEXT else text[: TOOLTIP_TEXT - 1].rstrip() + "…"


def relation_edges(model, view, members, paths, anchors, element_cluster, lang) -> list[Edge]:
    wanted = view.relation_types()
    containers = {step[1] for path in paths.values() for step in path if step[0] == "element"}
    edges = []
    for source_id in sorted(members):
        source = model.elements[source_id]
        grouped_by = _grouping_relations(view, source.kind)
        for relation in model.outgoing(source_id):
            target_id = relation.target
            if target_id not in members or target_id == source_id:
                continue
            kind = relation.type
            if kind in INTEGRATION_RELATIONS:
                continue
            if wanted is not None and kind not in wanted:
                continue
            # shown by nesting (or by leaving the organisation itself out)
            if kind in grouped_by and (("element", target_id) in paths[source_id]
                                       or kind == "part-of"):
                continue
            # A container drawn as a cluster is reached by a compound edge, when it can be.
            if any(end in containers and end not in element_cluster
                   for end in (source_id, target_id)):
                continue
            a, b, shown = source_id, target_id, kind
            if kind in DRAWN_REVERSED:
                a, b, shown = target_id, source_id, REVERSE[kind]
            edge = _edge_between(model, a, b, shown, kind, paths, anchors, element_cluster,
                                 lang, view.edge_labels)
            if edge is not None:
                edges.append(edge)
    return edges


def _grouping_relations(view: ViewDefinition, kind: str) -> frozenset[str]:
    """Relations a grouping of `kind` already shows (owner clusters nest units by part-of)."""
    found = {CONTAINMENT[g] for g in view.groupings(kind) if g in CONTAINMENT}
    if "owned-by" in found and kind == "organisation-unit":
        found.add("part-of")
    return frozenset(found)


def _edge_between(model, a, b, shown, kind, paths, anchors, element_cluster, lang, labels):
    ltail = element_cluster.get(a)
    lhead = element_cluster.get(b)
    tail = anchors.get(ltail, a) if ltail else a
    head = anchors.get(lhead, b) if lhead else b
    if tail == head:
        return None
    # An edge from inside a cluster to that same cluster cannot be drawn: nesting shows it.
    if lhead and ("element", b) in paths.get(a, ()):
        return None
    if ltail and ("element", a) in paths.get(b, ()):
        return None
    verb = words.word(words.RELATIONS, shown, lang)
    source, target = model.elements[a], model.elements[b]
    return Edge(
        id=f"{a}--{shown}--{b}",
        source=tail,
        target=head,
        relation=kind,
        reads=shown,
        label=verb if labels else "",
        tooltip=f"{source.name.get(lang)} – {verb} – {target.name.get(lang)}",
        ltail=ltail,
        lhead=lhead,
    )


def integration_edge(model, flow, lang, by_element) -> Edge:
    method = flow.method.value if flow.method else None
    found = tuple(by_element.get(flow.id, ()))
    source, target = model.elements[flow.source], model.elements[flow.target]
    lines = [
        f"{words.kind_name('integration', lang)}: {flow.name.get(lang)} ({flow.id})",
        f"{source.name.get(lang)} → {target.name.get(lang)}",
        ", ".join(x for x in (words.word(words.METHODS, method, lang), flow.frequency,
                              flow.volume) if x),
    ]
    carried = [model.elements[d].name.get(lang) for d in flow.data if d in model.elements]
    if carried:
        lines.append(", ".join(carried))
    lines += [_finding_line(f, lang) for f in found]
    return Edge(
        id=flow.id,
        source=flow.source,
        target=flow.target,
        relation="integration",
        reads="integration",
        label=words.word(words.METHODS, method, lang),
        method=method,
        tooltip="\n".join(lines),
        findings=found,
    )


def dedupe(edges: list[Edge]) -> list[Edge]:
    seen: dict[str, Edge] = {}
    for edge in edges:
        seen.setdefault(edge.id, edge)
    return list(seen.values())
