"""Lifecycle questions some rules ask beyond the model's own `is_live`, `is_retired`,
`is_planned` and `is_current` (eaframework.model.base.ElementBase): in production, and
phasing out. One definition each, for every rule."""

from __future__ import annotations

from ..model import ElementBase, Phase, State


def in_production(element: ElementBase) -> bool:
    """Running now and not on its way out: phase `in-production`, or no lifecycle on an
    as-is element."""
    if element.lifecycle is None:
        return element.state is State.AS_IS
    return element.lifecycle.phase is Phase.IN_PRODUCTION


def phasing_out(element: ElementBase) -> bool:
    return element.lifecycle is not None and element.lifecycle.phase is Phase.PHASING_OUT
