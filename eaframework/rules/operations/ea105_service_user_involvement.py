"""EA105 service-user-involvement."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Service
from ..base import Rule, RuleContext, Violation, label
from ..registry import register
from .audience import audience_words, citizen_facing


@register
class ServiceUserInvolvement(Rule):
    """Citizen-facing services record how users took part in developing them.

    ## What it does
    Checks that every service for residents or businesses (`audience: citizen` or
    `business`) that is not retired records `user-involvement`: how its users took part
    in designing or testing it.

    ## Why it matters
    Principle P4: develop together with users, units and citizens. Recording the
    involvement makes it visible which services were designed with their users and which
    were not, so the next round of development knows where to start.

    ## Example
    ```yaml
    elements:
      - {kind: service, id: svc-ilmo, name: Ilmoittautuminen perusopetukseen,
         audience: citizen, e-service: true}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: service, id: svc-ilmo, name: Ilmoittautuminen perusopetukseen,
         audience: citizen, e-service: true,
         user-involvement: Lomake testattiin kymmenen perheen kanssa keväällä 2024}
    ```

    ## References
    - Mikkeli's digital programme (Lupaus 2016): develop together with residents
    """

    code = "EA105"
    name = "service-user-involvement"
    applies_to = (Service,)
    default_severity = Severity.INFO
    enforces = "P4"

    def applies(self, service, ctx) -> bool:
        return citizen_facing(service)

    def check(self, service: Service, ctx: RuleContext) -> Iterator[Violation]:
        if not service.user_involvement:
            yield self.violation(
                service,
                f"{audience_words(service)} service {label(service)} does not record user "
                "involvement",
                hint="add `user-involvement:` saying how users took part (workshops, user "
                "testing, resident panel, feedback)",
            )
