"""What the council report shows, computed from the model and its lint report.

Pure: `build(model, report, lang, today)` returns plain dataclasses and touches no files.
Values stay raw (numbers, dates, enum members, model keys) so the renderer formats and
translates them; only element names are resolved here, in the report's language.

Scope of the summary numbers: the organisation's own elements in use now, that is not
retired, not planned (lifecycle `planned`, or `state: to-be` without a lifecycle), and for
systems and interfaces not owned by an external organisation. Planned systems are counted
in the lifecycle instead, and their costs appear in the development projects.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic, Severity, Suppressed
from ..model import (
    KINDS,
    VIEWPOINT_OF_KIND,
    DevelopmentProject,
    ElementBase,
    InformationSystem,
    Interface,
    Model,
    Openness,
    Phase,
    Sourcing,
    State,
    Viewpoint,
)
from ..model.relations import REVERSE

# Never printed: a report to the council ends up in public agendas, and security
# arrangements are secret (JulkL 621/1999 § 24 (1) 7).
NOT_SHOWN = frozenset({"security_measures"})
# Shown by the page itself rather than in the list of facts.
_OWN_PLACE = frozenset({
    "id", "kind", "name", "description", "suppress", "lifecycle", "state", "owner",
    "tags", "properties", "annual_cost", "cost_allocation", "costs",
    "expected_annual_benefit", "payback_years", "start", "end",
})
KIND_ORDER = {kind: n for n, kind in enumerate(KINDS)}
SUMMARY_KINDS = (
    "service", "process", "information-resource", "information-system", "interface",
    "integration",
)
CONTRACT_HORIZON = dt.timedelta(days=365)


# -- the structure -------------------------------------------------------------------------
@dataclass(frozen=True)
class Link:
    """An element as other parts of the report refer to it: its anchor and its name."""

    id: str
    name: str
    kind: str


@dataclass(frozen=True)
class Share:
    key: str  # share.owner, share.open-interface, share.as-a-service
    count: int
    total: int
    missing: tuple[Link, ...] = ()

    @property
    def ratio(self) -> float | None:
        return self.count / self.total if self.total else None


@dataclass(frozen=True)
class CostRow:
    unit: Link | None  # None: the part of the costs allocated to nobody
    amount: float
    systems: tuple[tuple[Link, float], ...] = ()  # (system, euros) making up the amount


@dataclass
class Costs:
    total: float = 0.0
    rows: list[CostRow] = field(default_factory=list)  # largest first, unallocated last
    unknown: list[Link] = field(default_factory=list)  # systems without an annual cost

    @property
    def largest(self) -> float:
        return max((row.amount for row in self.rows), default=0.0)


@dataclass
class Lifecycle:
    in_production: list[Link] = field(default_factory=list)
    planned: list[Link] = field(default_factory=list)
    phasing_out: list[Link] = field(default_factory=list)
    past_end: list[Link] = field(default_factory=list)
    retired_platform: list[Link] = field(default_factory=list)
    contract_ending: list[Link] = field(default_factory=list)

    def items(self) -> list[tuple[str, list[Link]]]:
        return [
            ("lifecycle.in-production", self.in_production),
            ("lifecycle.planned", self.planned),
            ("lifecycle.phasing-out", self.phasing_out),
            ("lifecycle.past-end", self.past_end),
            ("lifecycle.retired-platform", self.retired_platform),
            ("lifecycle.contract-ending", self.contract_ending),
        ]


@dataclass(frozen=True)
class PrincipleRow:
    link: Link | None
    code: str | None
    name: str
    checked: int
    comply: int
    failing: tuple[Link, ...]
    rules: tuple[str, ...]

    @property
    def ratio(self) -> float | None:
        return self.comply / self.checked if self.checked else None


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    rule: str | None
    element: Link | None
    message: str
    hint: str | None
    principle: str | None
    location: str | None
    suppressed: Suppressed | None = None


@dataclass(frozen=True)
class RelationGroup:
    relation: str  # the relation type as read from this element (reverse name if incoming)
    incoming: bool
    others: tuple[Link, ...]


@dataclass(frozen=True)
class Allocation:
    other: Link  # the unit paying (on a system page) or the system paid for (on a unit page)
    percent: float
    amount: float | None


@dataclass
class ElementPage:
    link: Link
    viewpoint: Viewpoint
    description: str | None
    owner: Link | None
    phase: Phase | None
    state: State
    facts: list[tuple[str, Any]]  # (field key, raw value)
    properties: list[tuple[str, str]]
    tags: tuple[str, ...]
    relations: list[RelationGroup]
    annual_cost: float | None = None
    allocation: list[Allocation] = field(default_factory=list)
    pays_for: list[Allocation] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    exceptions: list[Finding] = field(default_factory=list)
    lifecycle_start: dt.date | None = None
    lifecycle_end: dt.date | None = None


@dataclass
class ViewpointSection:
    viewpoint: Viewpoint
    pages: list[ElementPage]
    with_costs: bool  # whether the table has an annual-cost column


@dataclass(frozen=True)
class ProjectRow:
    link: Link
    owner: Link | None
    state: State
    start: dt.date | None
    end: dt.date | None
    investment: float | None
    annual: float | None
    benefit: float | None
    payback: float | None  # as stated in the model
    payback_computed: float | None
    adds: tuple[Link, ...]
    replaces: tuple[Link, ...]
    impact_assessment: Link | None
    findings: int


@dataclass
class ReportData:
    lang: str
    today: dt.date
    organisation: str
    metadata: dict[str, Any]  # version, approved_by, approved_on, last_reviewed, contact
    counts: list[tuple[str, int]]  # (kind, number in use)
    systems_in_scope: int
    shares: list[Share]
    costs: Costs
    lifecycle: Lifecycle
    principles: list[PrincipleRow]
    findings: list[Finding]
    exceptions: list[Finding]
    projects: list[ProjectRow]
    sections: list[ViewpointSection]
    severity_counts: dict[str, int]
    elements: int


# -- helpers ---------------------------------------------------------------------------------
def planned(element: ElementBase) -> bool:
    if element.lifecycle is not None:
        return element.lifecycle.phase is Phase.PLANNED
    return element.state is State.TO_BE


def retired(element: ElementBase) -> bool:
    return element.lifecycle is not None and element.lifecycle.phase is Phase.RETIRED


def current(element: ElementBase) -> bool:
    """In use now: neither retired nor only planned."""
    return not retired(element) and not planned(element)


def internal(model: Model, element: ElementBase) -> bool:
    owner = model.owner_of(element)
    return owner is None or not getattr(owner, "external", False)


def link(element: ElementBase, lang: str) -> Link:
    return Link(element.id, element.name.get(lang), element.kind)


def _sort_name(item: Link) -> tuple:
    return (item.name.casefold(), item.id)


def _open_interface(model: Model, system: ElementBase) -> bool:
    return any(
        api.openness is Openness.OPEN and (api.style is None or api.style.value != "manual")
        for api in model.targets(system, "exposes", Interface)
        if not retired(api)
    )


# -- building ------------------------------------------------------------------------------
def build(model: Model, report, lang: str = "fi", today: dt.date | None = None) -> ReportData:
    """The report's content for `model` and its `report` (a lint.LintReport)."""
    today = today or dt.date.today()
    links = {element.id: link(element, lang) for element in model}

    def ref(element_id: str | None) -> Link | None:
        return links.get(element_id) if element_id else None

    findings, exceptions = _findings(report, ref)
    by_element: dict[str, list[Finding]] = defaultdict(list)
    exceptions_by_element: dict[str, list[Finding]] = defaultdict(list)
    for item in findings:
        if item.element:
            by_element[item.element.id].append(item)
    for item in exceptions:
        if item.element:
            exceptions_by_element[item.element.id].append(item)

    systems = [s for s in model.of_kind(InformationSystem) if internal(model, s)]
    in_use = [s for s in systems if current(s)]
    severity_counts = {s.value: 0 for s in Severity}
    for item in findings:
        severity_counts[item.severity.value] += 1
    severity_counts["suppressed"] = len(exceptions)

    meta = model.metadata
    return ReportData(
        lang=lang,
        today=today,
        organisation=meta.organisation if meta else "",
        metadata={
            "version": meta.version if meta else None,
            "approved_by": meta.approved_by if meta else None,
            "approved_on": meta.approved_on if meta else None,
            "last_reviewed": meta.last_reviewed if meta else None,
            "contact": meta.contact if meta else None,
        },
        counts=_counts(model),
        systems_in_scope=len(in_use),
        shares=_shares(model, in_use, links),
        costs=_costs(model, in_use, links),
        lifecycle=_lifecycle(model, systems, links, today),
        principles=_principles(report, ref),
        findings=findings,
        exceptions=exceptions,
        projects=_projects(model, links, by_element),
        sections=_sections(model, links, lang, by_element, exceptions_by_element),
        severity_counts=severity_counts,
        elements=len(model),
    )


def _counts(model: Model) -> list[tuple[str, int]]:
    found = []
    for kind in SUMMARY_KINDS:
        elements = [e for e in model.of_kind(kind) if current(e)]
        if kind in ("information-system", "interface"):
            elements = [e for e in elements if internal(model, e)]
        found.append((kind, len(elements)))
    return found


def _shares(model: Model, systems: list, links: dict[str, Link]) -> list[Share]:
    def share(key: str, test) -> Share:
        missing = tuple(sorted((links[s.id] for s in systems if not test(s)), key=_sort_name))
        return Share(key, len(systems) - len(missing), len(systems), missing)

    return [
        share("share.owner", lambda s: model.owner_of(s) is not None),
        share("share.open-interface", lambda s: _open_interface(model, s)),
        share("share.as-a-service", lambda s: s.sourcing in (Sourcing.SAAS, Sourcing.SHARED)),
    ]


def _costs(model: Model, systems: list, links: dict[str, Link]) -> Costs:
    costs = Costs()
    by_unit: dict[str | None, list[tuple[Link, float]]] = defaultdict(list)
    for system in systems:
        if system.annual_cost is None:
            costs.unknown.append(links[system.id])
            continue
        cost = float(system.annual_cost)
        costs.total += cost
        allocated = sum(system.cost_allocation.values())
        # Shares over 100 % are scaled down, so the chart always adds up to the total;
        # `ea lint` (EA305 cost-fully-allocated) reports the allocation itself.
        scale = 100 / allocated if allocated > 100 else 1
        for unit, percent in system.cost_allocation.items():
            key = unit if unit in links else None
            by_unit[key].append((links[system.id], cost * percent * scale / 100))
        rest = cost - cost * min(allocated, 100) / 100
        if rest > 0.005:
            by_unit[None].append((links[system.id], rest))
    rows = [
        CostRow(links.get(unit) if unit else None, sum(a for _, a in parts),
                tuple(sorted(parts, key=lambda p: -p[1])))
        for unit, parts in by_unit.items()
    ]
    rows.sort(key=lambda r: (r.unit is None, -r.amount, r.unit.name if r.unit else ""))
    costs.rows = rows
    costs.unknown.sort(key=_sort_name)
    return costs


def _lifecycle(model: Model, systems: list, links: dict[str, Link], today: dt.date) -> Lifecycle:
    found = Lifecycle()
    for system in systems:
        if retired(system):
            continue
        item = links[system.id]
        life = system.lifecycle
        if planned(system):
            found.planned.append(item)
            continue
        if life is not None and life.phase is Phase.PHASING_OUT:
            found.phasing_out.append(item)
        else:
            found.in_production.append(item)
        if life is not None and life.end is not None and life.end < today:
            found.past_end.append(item)
        platforms = model.targets(system, "runs-on")
        if any(retired(p) or (p.lifecycle and p.lifecycle.end and p.lifecycle.end < today)
               for p in platforms):
            found.retired_platform.append(item)
        ends = system.contract.ends if system.contract else None
        if ends is not None and today <= ends <= today + CONTRACT_HORIZON:
            found.contract_ending.append(item)
    for _, items in found.items():
        items.sort(key=_sort_name)
    return found


def _principles(report, ref) -> list[PrincipleRow]:
    rows = []
    for result in report.principles:
        failing = tuple(ref(i) or Link(i, name, "") for i, name in result.failing)
        rows.append(PrincipleRow(
            link=ref(result.id),
            code=result.code,
            name=ref(result.id).name if ref(result.id) else result.name,
            checked=result.checked,
            comply=result.comply,
            failing=tuple(sorted(failing, key=_sort_name)),
            rules=tuple(result.rules),
        ))
    rows.sort(key=lambda r: (r.code is None, _natural(r.code or r.name)))
    return rows


def _natural(text: str) -> tuple:
    """P2 before P10."""
    head = text.rstrip("0123456789")
    tail = text[len(head):]
    return (head, int(tail) if tail else -1)


def _finding(d: Diagnostic, ref) -> Finding:
    return Finding(
        severity=d.severity,
        code=d.code,
        rule=d.rule,
        element=ref(d.element),
        message=d.message,
        hint=d.hint,
        principle=d.principle,
        location=str(d.location) if d.location else None,
        suppressed=d.suppressed,
    )


def _findings(report, ref) -> tuple[list[Finding], list[Finding]]:
    def order(item: Finding) -> tuple:
        return (-item.severity.rank, item.code,
                item.element.name.casefold() if item.element else "", item.message)

    active = sorted((_finding(d, ref) for d in report.active), key=order)
    accepted = sorted((_finding(d, ref) for d in report.suppressed), key=order)
    return active, accepted


def _projects(model: Model, links: dict[str, Link], by_element) -> list[ProjectRow]:
    rows = []
    for project in model.of_kind(DevelopmentProject):
        costs = project.costs
        assessment = model.targets(project, "assessed-by")
        rows.append(ProjectRow(
            link=links[project.id],
            owner=links.get(model.owner_of(project).id) if model.owner_of(project) else None,
            state=project.state,
            start=project.start,
            end=project.end,
            investment=costs.investment if costs else None,
            annual=costs.annual if costs else None,
            benefit=project.expected_annual_benefit,
            payback=project.payback_years,
            payback_computed=project.computed_payback(),
            adds=tuple(links[e.id] for e in model.targets(project, "adds")),
            replaces=tuple(links[e.id] for e in model.targets(project, "replaces")),
            impact_assessment=links[assessment[0].id] if assessment else None,
            findings=len(by_element.get(project.id, ())),
        ))
    rows.sort(key=lambda r: (r.start or dt.date.max, r.link.name.casefold()))
    return rows


def _sections(model: Model, links, lang, by_element, exceptions_by_element
              ) -> list[ViewpointSection]:
    pages: dict[Viewpoint, list[ElementPage]] = {v: [] for v in Viewpoint}
    for element in model:
        page = _page(model, element, links, lang)
        page.findings = by_element.get(element.id, [])
        page.exceptions = exceptions_by_element.get(element.id, [])
        pages[page.viewpoint].append(page)
    sections = []
    for viewpoint, items in pages.items():
        if not items:
            continue
        items.sort(key=lambda p: (KIND_ORDER.get(p.link.kind, 99), p.link.name.casefold(),
                                  p.link.id))
        sections.append(ViewpointSection(
            viewpoint, items, with_costs=any(p.annual_cost is not None for p in items)))
    return sections


def _page(model: Model, element: ElementBase, links: dict[str, Link], lang: str) -> ElementPage:
    owner = model.owner_of(element)
    life = element.lifecycle
    page = ElementPage(
        link=links[element.id],
        viewpoint=VIEWPOINT_OF_KIND[element.kind],
        description=element.description.get(lang) if element.description else None,
        owner=links.get(owner.id) if owner else None,
        phase=life.phase if life else None,
        state=element.state,
        facts=_facts(element),
        properties=sorted(element.properties.items()),
        tags=element.tags,
        relations=_relations(model, element, links),
        lifecycle_start=life.start if life else None,
        lifecycle_end=life.end if life else None,
    )
    if isinstance(element, InformationSystem):
        page.annual_cost = element.annual_cost
        page.allocation = [
            Allocation(links[unit], percent,
                       element.annual_cost * percent / 100 if element.annual_cost is not None
                       else None)
            for unit, percent in element.cost_allocation.items() if unit in links
        ]
    if element.kind == "organisation-unit":
        for system in model.sources(element, "cost-allocated-to", InformationSystem):
            percent = system.cost_allocation.get(element.id, 0)
            amount = system.annual_cost * percent / 100 if system.annual_cost is not None else None
            page.pays_for.append(Allocation(links[system.id], percent, amount))
        page.pays_for.sort(key=lambda a: (-(a.amount or 0), a.other.name.casefold()))
    return page


def _facts(element: ElementBase) -> list[tuple[str, Any]]:
    """The element's own fields with a value, as (kebab key, raw value), in class order;
    reference fields are left to the relations."""
    facts = []
    refs = set(element.reference_fields)
    for name, info in type(element).model_fields.items():
        if name in _OWN_PLACE or name in refs or name in NOT_SHOWN:
            continue
        value = getattr(element, name)
        if value is None or value == () or value == {} or (
            value is False and info.default is False
        ):
            continue
        facts.append((name.replace("_", "-"), value))
    return facts


def _relations(model: Model, element: ElementBase, links: dict[str, Link]) -> list[RelationGroup]:
    groups: dict[tuple[str, bool], list[Link]] = defaultdict(list)
    for relation in model.outgoing(element):
        if relation.type == "owned-by" or relation.target not in links:
            continue  # the owner has its own line
        groups[(relation.type, False)].append(links[relation.target])
    for relation in model.incoming(element):
        if relation.source not in links:
            continue
        groups[(REVERSE.get(relation.type, relation.type), True)].append(links[relation.source])
    return [
        RelationGroup(rel, incoming, tuple(sorted(set(others), key=_sort_name)))
        for (rel, incoming), others in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    ]
