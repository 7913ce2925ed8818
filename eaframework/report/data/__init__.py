"""What the council report shows, computed from the model and its lint report.

Pure: `build(model, report, lang, today)` returns the plain dataclasses of `records` and
touches no files. Values stay raw (numbers, dates, enum members, model keys) so the
renderer formats and translates them; only element names are resolved here, in the
report's language. One module a part of the report: `summary` (counts, shares, costs,
lifecycle), `compliance` (principles and findings), `projects`, `elements` (a page for
every element). Imports the model and diagnostics only; lifecycle and ownership questions
are the model's own (`is_current`, `Model.is_internal`, `Model.owner_of`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ...diagnostics import Severity
from ...model import InformationSystem, Model
from . import compliance, elements, projects, summary
from .records import (
    Allocation,
    CostRow,
    Costs,
    ElementPage,
    Finding,
    Lifecycle,
    Link,
    PrincipleRow,
    ProjectRow,
    RelationGroup,
    ReportData,
    Share,
    ViewpointSection,
    link,
)

__all__ = [
    "Allocation", "CostRow", "Costs", "ElementPage", "Finding", "Lifecycle", "Link",
    "PrincipleRow", "ProjectRow", "RelationGroup", "ReportData", "Share", "ViewpointSection",
    "build",
]


def build(model: Model, report, lang: str = "fi", today: dt.date | None = None) -> ReportData:
    """The report's content for `model` and its `report` (a lint.LintReport)."""
    today = today or dt.date.today()
    links = {element.id: link(element, lang) for element in model}

    def ref(element_id: str | None) -> Link | None:
        return links.get(element_id) if element_id else None

    findings, exceptions = compliance.findings(report, ref)
    by_element: dict[str, list[Finding]] = defaultdict(list)
    exceptions_by_element: dict[str, list[Finding]] = defaultdict(list)
    for item in findings:
        if item.element:
            by_element[item.element.id].append(item)
    for item in exceptions:
        if item.element:
            exceptions_by_element[item.element.id].append(item)

    systems = [s for s in model.of_kind(InformationSystem) if model.is_internal(s)]
    in_use = [s for s in systems if s.is_current]
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
        counts=summary.counts(model),
        systems_in_scope=len(in_use),
        shares=summary.shares(model, in_use, links),
        costs=summary.costs(model, in_use, links),
        lifecycle=summary.lifecycle(model, systems, links, today),
        principles=compliance.principles(report, ref),
        findings=findings,
        exceptions=exceptions,
        projects=projects.projects(model, links, by_element),
        sections=elements.sections(model, links, lang, by_element, exceptions_by_element),
        severity_counts=severity_counts,
        elements=len(model),
    )
