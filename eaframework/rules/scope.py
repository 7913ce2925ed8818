"""Which elements a rule is about, and small wording helpers, shared by the catalogue."""

from __future__ import annotations

import datetime as dt

from ..model import ElementBase, Phase, State
from .base import RuleContext


def live(element: ElementBase) -> bool:
    """Not retired: planned, in production, phasing out, or with no lifecycle at all."""
    return element.lifecycle is None or element.lifecycle.phase is not Phase.RETIRED


def retired(element: ElementBase) -> bool:
    return element.lifecycle is not None and element.lifecycle.phase is Phase.RETIRED


def internal(element: ElementBase, ctx: RuleContext) -> bool:
    """The organisation's own: not owned by another authority or a vendor."""
    owner = ctx.model.owner_of(element)
    return owner is None or not getattr(owner, "external", False)


def planned(element: ElementBase) -> bool:
    """Not yet part of the as-is architecture: the lifecycle phase says so where given
    (planned), else the state (to-be)."""
    if element.lifecycle is not None:
        return element.lifecycle.phase is Phase.PLANNED
    return element.state is State.TO_BE


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def listing(names: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
