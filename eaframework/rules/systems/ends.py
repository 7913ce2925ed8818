"""The two ends of an integration, looked up by id as EA317, EA318 and EA322 name them."""

from __future__ import annotations

from ...model import InformationSystem
from ..base import RuleContext, label


def end_system(system_id: str, ctx: RuleContext) -> InformationSystem | None:
    element = ctx.model.get(system_id)
    return element if isinstance(element, InformationSystem) else None


def end_name(element_id: str, ctx: RuleContext) -> str:
    element = ctx.model.get(element_id)
    return label(element) if element is not None else repr(element_id)
