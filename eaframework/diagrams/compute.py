"""From a model and a view definition to a `ComputedView`: the nodes, edges and clusters of
one diagram with every word already in the diagram's language. Pure and deterministic:
everything is sorted by id, so the DOT made from it is stable from run to run.

- Selection: an element is in the view when it matches an `include` selector and no
  `exclude` selector.
- Integrations between two systems of the view are drawn as edges (labelled with the
  transfer method), not as nodes.
- Grouping puts nodes into clusters. The containment groupings (owner, parent, platform)
  nest clusters along the unit, process or platform hierarchy; an element of the view that
  contains others becomes a cluster rather than a node, and a relation to it becomes a
  compound edge to the cluster.
- Findings (lint diagnostics), when given, are attached to the nodes and edges they are
  about, for the overlay.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Model
from . import drawing, words
from .computed import ComputedView, Finding
from .grouping import Grouping, anchors
from .selection import select
from .viewdef import ViewDefinition

OVERLAY_SEVERITIES = ("error", "warning")  # what the overlay marks; notes are not drawn


def compute(
    model: Model,
    view: ViewDefinition,
    findings: Iterable = (),
    lang: str = "fi",
    show_findings: bool | None = None,
) -> ComputedView:
    """The diagram of `view` over `model`. `findings` are lint diagnostics (suppressed ones
    and notes are ignored); `show_findings` defaults to whether any were given."""
    by_element = _findings_by_element(findings)
    members = select(model, view)
    # Integrations become edges between their two systems, or are left out.
    integrations = {i for i in members if model.elements[i].kind == "integration"}
    members -= integrations
    nodes, edges, clusters = _draw(model, view, members, integrations, lang, by_element)
    if view.hide_unconnected:
        touched = {end for e in edges for end in (e.source, e.target, e.ltail, e.lhead)}
        members -= {n.id for n in nodes
                    if n.kind in view.hide_unconnected and n.id not in touched}
        nodes, edges, clusters = _draw(model, view, members, integrations, lang, by_element)
    layout = view.layout if view.layout != "auto" else "dot" if edges else "osage"
    if layout == "osage":
        # Packed boxes read better with outside organisations gathered in one box; a
        # layered diagram keeps them apart, free to sit at either end of the flows.
        nodes, edges, clusters = _draw(model, view, members, integrations, lang, by_element,
                                       gather_external=True)
    return ComputedView(
        id=view.id,
        title=view.title.get(lang),
        lang=lang,
        direction=view.direction,
        nodes=nodes,
        edges=tuple(sorted(edges, key=lambda e: e.id)),
        clusters=tuple(sorted(clusters, key=lambda c: c.id)),
        description=view.description.get(lang) if view.description else "",
        subtitle=_subtitle(model.metadata, lang),
        findings_shown=bool(by_element) if show_findings is None else show_findings,
        layout=layout,
    )


def _draw(model, view, members, integrations, lang, by_element, gather_external=False):
    """Nodes, edges and clusters of the chosen elements."""
    flows = [model.elements[i] for i in sorted(integrations)
             if model.elements[i].source in members and model.elements[i].target in members]
    grouping = Grouping(model, view, lang, gather_external)
    paths = {m: grouping.path(model.elements[m]) for m in sorted(members)}
    containers = {step[1] for path in paths.values() for step in path if step[0] == "element"}
    if containers and any(g in ("platform", "parent")
                          for levels in view.group_by.values() for g in levels):
        # Beside the clusters of a hierarchy, what is in none of them gets one of its own.
        other = ("group", "other", words.phrase("other", lang))
        paths = {m: p if p or m in containers else (other,) for m, p in paths.items()}
    clusters = grouping.clusters(paths, by_element)
    nodes = tuple(
        drawing.node(model, model.elements[m], view, lang, grouping.cluster_ids.get(paths[m]),
                     by_element)
        for m in sorted(members) if m not in containers
    )
    edges = drawing.relation_edges(model, view, members, paths, anchors(nodes, clusters),
                                   grouping.element_clusters, lang)
    edges += [drawing.integration_edge(model, flow, lang, by_element) for flow in flows]
    return nodes, drawing.dedupe(edges), clusters


def _findings_by_element(findings: Iterable) -> dict[str, list[Finding]]:
    by_element: dict[str, list[Finding]] = {}
    for d in findings:
        if getattr(d, "suppressed", None) is not None or not d.element:
            continue
        severity = getattr(d.severity, "value", d.severity)
        if severity not in OVERLAY_SEVERITIES:
            continue
        by_element.setdefault(d.element, []).append(Finding(d.code, severity, d.message))
    return {k: sorted(set(v), key=lambda f: (f.code, f.message)) for k, v in by_element.items()}


def _subtitle(metadata, lang: str) -> str:
    if metadata is None:
        return ""
    parts = [metadata.organisation]
    if metadata.approved_on:
        parts.append(f"{words.phrase('approved', lang)} {words.date(metadata.approved_on, lang)}")
    if metadata.last_reviewed:
        parts.append(f"{words.phrase('reviewed', lang)} {words.date(metadata.last_reviewed, lang)}")
    return " · ".join(parts)
