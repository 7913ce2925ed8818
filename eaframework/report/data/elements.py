"""A page for every element, grouped by viewpoint: its own facts, owner, lifecycle,
relations read both ways, costs and how they are allocated, and its findings."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ...model import KINDS, VIEWPOINT_OF_KIND, ElementBase, InformationSystem, Model, Viewpoint
from ...model.relations import REVERSE
from .records import Allocation, ElementPage, Link, RelationGroup, ViewpointSection, sort_name

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


def sections(model: Model, links, lang, by_element, exceptions_by_element
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
        RelationGroup(rel, incoming, tuple(sorted(set(others), key=sort_name)))
        for (rel, incoming), others in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    ]
