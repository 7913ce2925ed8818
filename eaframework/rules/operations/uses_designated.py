"""The shared check of EA101 and EA102: a citizen-facing e-service uses the designated
service of a category, directly or through a system or channel it relies on."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Service, ServiceCategory, TechnologyService
from ..base import Rule, RuleContext, Violation, label
from ..technology.shared_services import designated_services
from .audience import citizen_facing


def _reachable_technology(service: Service, ctx: RuleContext) -> list[TechnologyService]:
    """Technology services the service relies on: in its own `uses`, or in the `uses` of a
    live information system it uses, of a live channel it is delivered through, or of a
    live system such a channel uses. Hash lookups only."""
    model = ctx.model
    found: dict[str, TechnologyService] = {}
    via: list = []
    for target in model.targets(service, "uses"):
        if target.kind == "technology-service":
            found.setdefault(target.id, target)
        elif target.kind == "information-system" and target.is_live:
            via.append(target)
    for channel in model.targets(service, "delivered-through", "channel"):
        if not channel.is_live:
            continue
        via.append(channel)
        via.extend(s for s in model.targets(channel, "uses", "information-system") if s.is_live)
    for element in via:
        for tech in model.targets(element, "uses", "technology-service"):
            found.setdefault(tech.id, tech)
    return list(found.values())


class UsesDesignatedService(Rule):
    """Shared logic of EA101 and EA102 (not registered itself)."""

    category: ServiceCategory
    applies_to = (Service,)
    default_severity = Severity.WARNING
    enforces = "P1"

    def applies(self, service, ctx) -> bool:
        return service.e_service and citizen_facing(service)

    def check(self, service: Service, ctx: RuleContext) -> Iterator[Violation]:
        what = self.category.value
        designated = designated_services(ctx.model, self.category)
        used = _reachable_technology(service, ctx)
        chosen = {t.id for t in designated}
        if any(t.id in chosen for t in used):
            return
        field = "uses" if service.uses else ()
        if not designated:
            yield self.violation(
                service,
                f"e-service {label(service)} uses no designated {what} service, and the "
                f"model designates none",
                hint=f"mark the city's common {what} service (e.g. Suomi.fi) with "
                f"`category: {what}` and `designated: true`, then list it under `uses:`",
                field=field,
            )
            return
        names = " or ".join(label(t) for t in designated)
        others = [t for t in used if t.category is self.category]  # none of them chosen
        instead = (
            f"; it uses {', '.join(label(t) for t in others)} instead" if others else ""
        )
        yield self.violation(
            service,
            f"e-service {label(service)} does not use the designated {what} service "
            f"{names}{instead}",
            hint=f"add `{designated[0].id}` to the service's `uses:`, or to the `uses:` of an "
            "information system or channel it relies on",
            field=field,
        )
