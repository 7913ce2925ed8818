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

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import REVERSE, Model
from ..model.base import ElementBase
from . import words
from .viewdef import CONTAINMENT, ViewDefinition, forward_name

# Relations not followed by `around` unless asked for: they lead from anything to an
# organisation unit, a person or a cost centre, and from there to half the model.
NOT_AROUND = frozenset({
    "owned-by", "responsible", "member-of", "plays", "cost-allocated-to", "provided-by",
    "influences", "classified-as", "located-at", "connected-to",
})
# Drawn from the other end, so that edges of a view flow one way (system -> resource ->
# core data) and the layout reads left to right.
DRAWN_REVERSED = frozenset({"mastered-in"})
INTEGRATION_RELATIONS = frozenset({"flows-from", "flows-to", "carries", "through", "via"})
OVERLAY_SEVERITIES = ("error", "warning")
TOOLTIP_TEXT = 240  # characters of a description shown in a tooltip


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


def compute(
    model: Model,
    view: ViewDefinition,
    findings: Iterable = (),
    lang: str = "fi",
    show_findings: bool | None = None,
) -> ComputedView:
    """The diagram of `view` over `model`. `findings` are lint diagnostics (suppressed ones
    are ignored); `show_findings` defaults to whether any were given."""
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
    grouping = _Grouping(model, view, lang, gather_external)
    paths = {m: grouping.path(model.elements[m]) for m in sorted(members)}
    containers = {step[1] for path in paths.values() for step in path if step[0] == "element"}
    if containers and any(g in ("platform", "parent")
                          for levels in view.group_by.values() for g in levels):
        # Beside the clusters of a hierarchy, what is in none of them gets one of its own.
        other = ("group", "other", words.phrase("other", lang))
        paths = {m: p if p or m in containers else (other,) for m, p in paths.items()}
    clusters = grouping.clusters(paths, by_element)
    nodes = tuple(
        _node(model, model.elements[m], view, lang, grouping.cluster_ids.get(paths[m]),
              by_element)
        for m in sorted(members) if m not in containers
    )
    anchors = _anchors(nodes, clusters)
    edges = _relation_edges(model, view, members, paths, anchors, grouping.element_clusters,
                            lang)
    edges += [_integration_edge(model, flow, lang, by_element) for flow in flows]
    return nodes, _dedupe(edges), clusters


# -- selection ----------------------------------------------------------------------------
def select(model: Model, view: ViewDefinition) -> set[str]:
    """Ids of the elements the view shows (integrations included)."""
    chosen: set[str] = set()
    units = _UnitChains(model)
    for selector in view.include:
        chosen |= _matches(model, selector, units)
    for selector in view.exclude:
        chosen -= _matches(model, selector, units, within=chosen)
    return chosen


def _matches(model: Model, selector, units: _UnitChains, within: set[str] | None = None):
    near = around(model, selector.around) if selector.around is not None else None
    if selector.id:
        candidates: Iterable[ElementBase] = [model.elements[i] for i in selector.id
                                             if i in model.elements]
    elif near is not None:
        candidates = [model.elements[i] for i in near]
    elif selector.kind:
        candidates = model.of_kind(*selector.kind)
    elif within is not None:
        candidates = [model.elements[i] for i in within]
    else:
        candidates = list(model)
    found = set()
    for element in candidates:
        if selector.kind and element.kind not in selector.kind:
            continue
        if near is not None and element.id not in near:
            continue
        if selector.viewpoint and element.viewpoint not in selector.viewpoint:
            continue
        if selector.tag and not set(selector.tag) & set(element.tags):
            continue
        if selector.state and element.state not in selector.state:
            continue
        if selector.lifecycle and (
            element.lifecycle is None or element.lifecycle.phase not in selector.lifecycle
        ):
            continue
        if selector.owner and not set(selector.owner) & units.of(element):
            continue
        if selector.has and not any(_has(model, element, name) for name in selector.has):
            continue
        if selector.where and not all(
            _same(getattr(element, key.replace("-", "_"), _MISSING), value)
            for key, value in selector.where.items()
        ):
            continue
        found.add(element.id)
    return found


_MISSING = object()


def _same(actual, wanted) -> bool:
    if actual is _MISSING or actual is None:
        return False
    return _norm(actual) == _norm(wanted)


def _norm(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(getattr(value, "value", value)).strip().lower()


def _has(model: Model, element: ElementBase, name: str) -> bool:
    forward = forward_name(name)
    if forward == name and REVERSE.get(name) != name:
        return bool(model.outgoing(element, name))
    if forward != name:
        return bool(model.incoming(element, forward))
    return bool(model.outgoing(element, name) or model.incoming(element, name))  # symmetric


def around(model: Model, spec) -> set[str]:
    """Ids within `spec.depth` relations of `spec.element`, either direction."""
    follow = {forward_name(v) for v in spec.via} if spec.via else None
    seen = {spec.element}
    queue = deque([(spec.element, 0)])
    while queue:
        current, depth = queue.popleft()
        if depth == spec.depth:
            continue
        links = [(r.type, r.target) for r in model.outgoing(current)]
        links += [(r.type, r.source) for r in model.incoming(current)]
        for relation, other in sorted(links):
            if other in seen or other not in model.elements:
                continue
            if (relation not in follow) if follow is not None else relation in NOT_AROUND:
                continue
            seen.add(other)
            queue.append((other, depth + 1))
    return seen


class _UnitChains:
    """For `owner:` selectors: the owning unit of an element and every unit above it."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.cache: dict[str, frozenset[str]] = {}

    def of(self, element: ElementBase) -> frozenset[str]:
        unit = element if element.kind == "organisation-unit" else self.model.owner_of(element)
        if unit is None:
            return frozenset()
        if unit.id not in self.cache:
            chain = [unit.id] + [u.id for u in self.model.ancestors(unit)]
            self.cache[unit.id] = frozenset(chain)
        return self.cache[unit.id]


# -- grouping -----------------------------------------------------------------------------
class _Grouping:
    """Cluster paths: a tuple of steps from the outermost cluster in. A step is
    ("element", id) for a cluster that is an element (a unit, a process, a platform),
    ("group", key, label) for a cluster of a kind, category or viewpoint, or
    ("no-owner",) for the elements nobody owns."""

    def __init__(self, model: Model, view: ViewDefinition, lang: str,
                 gather_external: bool = False) -> None:
        self.model, self.view, self.lang = model, view, lang
        self.gather_external = gather_external
        self.cluster_ids: dict[tuple, str] = {}
        self.element_clusters: dict[str, str] = {}  # element id -> its cluster id

    def path(self, element: ElementBase) -> tuple:
        levels = self.view.groupings(element.kind)
        containment = levels[-1] if levels[-1] in CONTAINMENT else None
        simple = levels[:-1] if containment else levels
        chain: list[tuple] = []
        subject = element
        if containment:
            chain = self.chain(element, containment)
            if containment in ("parent", "platform") and chain:
                subject = self.model.elements[chain[0][1]]
        steps = [step for level in simple if (step := self.simple(subject, level))]
        return tuple(steps + chain)

    def simple(self, element: ElementBase, level: str) -> tuple | None:
        lang = self.lang
        if level == "kind":
            if element.kind == "data-group" and getattr(element, "core", False):
                return ("group", "kind-core-data", words.phrase("core-data", lang))
            return ("group", f"kind-{element.kind}", words.kind_name(element.kind, lang, True))
        if level == "viewpoint":
            return ("group", f"viewpoint-{element.viewpoint.value}",
                    words.word(words.VIEWPOINTS, element.viewpoint.value, lang))
        if level == "category" and element.kind == "process":
            category = element.category.value if element.category else ""
            order = {"core": 1, "steering": 2, "support": 3}.get(category, 9)
            return ("group", f"category-{order}-{category or 'none'}",
                    words.word(words.CATEGORIES, category, lang))
        return None

    def chain(self, element: ElementBase, containment: str) -> list[tuple]:
        model = self.model
        if containment == "division":
            return self.chain(element, "owner")[:1]
        if containment == "owner":
            # A unit sits where the things it owns would: inside the units above it.
            unit = element if element.kind == "organisation-unit" else model.owner_of(element)
            if unit is None:
                return [("no-owner",)] if "owner" in type(element).model_fields else []
            units = list(reversed(model.ancestors(unit))) + [unit]
            # The organisation itself is left out when there is something below it: its
            # divisions are the top-level clusters.
            if len(units) > 1 and not model.targets(units[0], "part-of") and not getattr(
                units[0], "external", False
            ):
                units = units[1:]
            top = units[0]
            if unit is element:
                units = units[:-1]
            chain = [("element", u.id) for u in units]
            if self.gather_external and getattr(top, "external", False):
                # Vendors and other authorities together, apart from the organisation's own.
                chain.insert(0, ("group", "external", words.phrase("external", self.lang)))
            return chain
        relation = CONTAINMENT[containment]
        parents: list[str] = []
        seen = {element.id}
        current = element
        while True:
            targets = model.targets(current, relation)
            if not targets or targets[0].id in seen:
                break
            current = targets[0]
            seen.add(current.id)
            parents.append(current.id)
        return [("element", p) for p in reversed(parents)]

    def clusters(self, paths: dict[str, tuple], by_element: dict) -> list[Cluster]:
        """One cluster per distinct path prefix; element clusters keep the element's id."""
        prefixes: set[tuple] = set()
        for path in paths.values():
            for depth in range(1, len(path) + 1):
                prefixes.add(path[:depth])
        uses: dict[str, set[tuple]] = {}
        for prefix in prefixes:
            if prefix[-1][0] == "element":
                uses.setdefault(prefix[-1][1], set()).add(prefix)
        for prefix in sorted(prefixes, key=len):
            step = prefix[-1]
            parent = self.cluster_ids.get(prefix[:-1])
            if step[0] == "element" and len(uses[step[1]]) == 1:
                cluster_id = step[1]
                self.element_clusters[step[1]] = cluster_id
            elif step[0] == "element":
                cluster_id = f"{parent}--{step[1]}"
            elif step[0] == "no-owner":
                cluster_id = "group-no-owner" if parent is None else f"{parent}--no-owner"
            else:
                cluster_id = f"group-{step[1]}" if parent is None else f"{parent}--{step[1]}"
            self.cluster_ids[prefix] = cluster_id
        found = []
        for prefix, cluster_id in self.cluster_ids.items():
            step = prefix[-1]
            parent = self.cluster_ids.get(prefix[:-1])
            if step[0] == "element":
                element = self.model.elements[step[1]]
                found.append(Cluster(
                    id=cluster_id,
                    label=element.name.get(self.lang),
                    parent=parent,
                    kind=element.kind,
                    role="element",
                    external=bool(getattr(element, "external", False)),
                    tooltip=_tooltip(element, self.lang, by_element.get(element.id, ())),
                    findings=tuple(by_element.get(element.id, ())),
                ))
            elif step[0] == "no-owner":
                found.append(Cluster(cluster_id, words.phrase("no-owner", self.lang), parent,
                                     role="no-owner",
                                     tooltip=words.phrase("no-owner", self.lang)))
            else:
                role = "other" if step[1] in ("other", "external") else "group"
                found.append(Cluster(cluster_id, step[2], parent, role=role, tooltip=step[2]))
        return found


def _anchors(nodes: tuple[Node, ...], clusters: list[Cluster]) -> dict[str, str]:
    """A node inside each cluster (the first by id, searching nested clusters), for
    compound edges that end at the cluster."""
    parent = {c.id: c.parent for c in clusters}
    anchors: dict[str, str] = {}
    for node in nodes:  # sorted by id, so the first node found wins
        cluster = node.cluster
        while cluster is not None:
            anchors.setdefault(cluster, node.id)
            cluster = parent.get(cluster)
    return anchors


# -- nodes and edges ----------------------------------------------------------------------
def _node(model, element, view: ViewDefinition, lang: str, cluster: str | None,
          by_element) -> Node:
    found = tuple(by_element.get(element.id, ()))
    phase = element.lifecycle.phase.value if element.lifecycle else None
    return Node(
        id=element.id,
        kind=element.kind,
        label=element.name.get(lang),
        details=_details(model, element, view.details, lang),
        cluster=cluster,
        tooltip=_tooltip(element, lang, found),
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


def _tooltip(element, lang: str, found: Iterable[Finding]) -> str:
    lines = [f"{words.kind_name(element.kind, lang)}: {element.name.get(lang)} ({element.id})"]
    about = getattr(element, "purpose", None) or (
        element.description.get(lang) if element.description else None
    )
    if about:
        lines.append(_shorten(about))
    lines += [_finding_line(f, lang) for f in found]
    return "\n".join(lines)


def _finding_line(finding: Finding, lang: str) -> str:
    return f"{finding.code} ({words.phrase(finding.severity, lang)}): {finding.message}"


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TOOLTIP_TEXT else text[: TOOLTIP_TEXT - 1].rstrip() + "…"


def _relation_edges(model, view, members, paths, anchors, element_cluster, lang) -> list[Edge]:
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


def _integration_edge(model, flow, lang, by_element) -> Edge:
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


def _dedupe(edges: list[Edge]) -> list[Edge]:
    seen: dict[str, Edge] = {}
    for edge in edges:
        seen.setdefault(edge.id, edge)
    return list(seen.values())


# -- findings and titles ------------------------------------------------------------------
def _findings_by_element(findings: Iterable) -> dict[str, list[Finding]]:
    by_element: dict[str, list[Finding]] = {}
    for d in findings:
        if getattr(d, "suppressed", None) is not None or not d.element:
            continue
        severity = getattr(d.severity, "value", d.severity)
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
