"""The plain dataclasses the council report is made of, and the `Link` every part uses to
refer to an element. Values stay raw (numbers, dates, enum members, model keys) so the
renderer formats and translates them; only element names are resolved, in the report's
language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ...diagnostics import Severity, Suppressed
from ...model import ElementBase, Phase, State, Viewpoint


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


def link(element: ElementBase, lang: str) -> Link:
    return Link(element.id, element.name.get(lang), element.kind)


def sort_name(item: Link) -> tuple:
    return (item.name.casefold(), item.id)
