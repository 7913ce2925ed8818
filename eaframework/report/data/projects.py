"""The development projects table: costs, benefits and payback as the model states them
and as computed, what each project adds and replaces, and its impact assessment."""

from __future__ import annotations

import datetime as dt

from ...model import DevelopmentProject, Model
from .records import Link, ProjectRow


def projects(model: Model, links: dict[str, Link], by_element) -> list[ProjectRow]:
    rows = []
    for project in model.of_kind(DevelopmentProject):
        costs = project.costs
        assessment = model.targets(project, "assessed-by")
        owner = model.owner_of(project)
        rows.append(ProjectRow(
            link=links[project.id],
            owner=links.get(owner.id) if owner else None,
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
