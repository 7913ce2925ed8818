"""The report's summary: how many elements are in use, the shares of systems with an owner,
an open interface and bought as a service, the annual costs by unit, and where the
systems are in their lifecycle.

Scope of the numbers: the organisation's own elements in use now (`is_current`), and for
systems and interfaces only those `Model.is_internal` says are the organisation's own.
Planned systems are counted in the lifecycle instead, and their costs appear in the
development projects.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ...model import (
    ElementBase,
    Interface,
    InterfaceStyle,
    Model,
    Openness,
    Phase,
    Sourcing,
)
from .records import Costs, CostRow, Lifecycle, Link, Share, sort_name

SUMMARY_KINDS = (
    "service", "process", "information-resource", "information-system", "interface",
    "integration",
)
CONTRACT_HORIZON = dt.timedelta(days=365)


def open_interfaces(model: Model, system: ElementBase) -> list[Interface]:
    """The live interfaces `system` exposes that are open to anyone (`openness: open`) and
    technical (not `style: manual`): what the summary's share counts and what the § 28
    description lists.

    Deliberately not rule EA306's test (procured-system-open-interface): that one asks
    whether a bought system leaves the city in control of its data, so it also accepts
    `buyer-controlled` (configurable as `accepted-openness`). The report and § 28 tell
    the public where data is open to everyone, so only `open` counts here.
    """
    return [
        api for api in model.targets(system, "exposes", Interface)
        if api.openness is Openness.OPEN and api.style is not InterfaceStyle.MANUAL
        and api.is_live
    ]


def counts(model: Model) -> list[tuple[str, int]]:
    found = []
    for kind in SUMMARY_KINDS:
        elements = [e for e in model.of_kind(kind) if e.is_current]
        if kind in ("information-system", "interface"):
            elements = [e for e in elements if model.is_internal(e)]
        found.append((kind, len(elements)))
    return found


def shares(model: Model, systems: list, links: dict[str, Link]) -> list[Share]:
    def share(key: str, test) -> Share:
        missing = tuple(sorted((links[s.id] for s in systems if not test(s)), key=sort_name))
        return Share(key, len(systems) - len(missing), len(systems), missing)

    return [
        share("share.owner", lambda s: model.owner_of(s) is not None),
        share("share.open-interface", lambda s: bool(open_interfaces(model, s))),
        share("share.as-a-service", lambda s: s.sourcing in (Sourcing.SAAS, Sourcing.SHARED)),
    ]


def costs(model: Model, systems: list, links: dict[str, Link]) -> Costs:
    found = Costs()
    by_unit: dict[str | None, list[tuple[Link, float]]] = defaultdict(list)
    for system in systems:
        if system.annual_cost is None:
            found.unknown.append(links[system.id])
            continue
        cost = float(system.annual_cost)
        found.total += cost
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
    found.rows = rows
    found.unknown.sort(key=sort_name)
    return found


def lifecycle(model: Model, systems: list, links: dict[str, Link], today: dt.date) -> Lifecycle:
    found = Lifecycle()
    for system in systems:
        if system.is_retired:
            continue
        item = links[system.id]
        life = system.lifecycle
        if system.is_planned:
            found.planned.append(item)
            continue
        if life is not None and life.phase is Phase.PHASING_OUT:
            found.phasing_out.append(item)
        else:
            found.in_production.append(item)
        if life is not None and life.end is not None and life.end < today:
            found.past_end.append(item)
        platforms = model.targets(system, "runs-on")
        if any(p.is_retired or (p.lifecycle and p.lifecycle.end and p.lifecycle.end < today)
               for p in platforms):
            found.retired_platform.append(item)
        ends = system.contract.ends if system.contract else None
        if ends is not None and today <= ends <= today + CONTRACT_HORIZON:
            found.contract_ending.append(item)
    for _, items in found.items():
        items.sort(key=sort_name)
    return found
