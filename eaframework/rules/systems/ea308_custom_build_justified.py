"""EA308 custom-build-justified."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import InformationSystem, Sourcing
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class CustomBuildJustified(Rule):
    """A custom-built system records why it was not bought.

    ## What it does
    Checks that every live information system of the organisation with
    `sourcing: custom` records a `sourcing-justification`.

    ## Why it matters
    Principle P5: the city buys information systems as a service rather than building
    custom applications. A custom application is the city's to maintain, secure and
    eventually replace alone; the reason to accept that is worth writing down.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-tilat, name: Tilavaraus, sourcing: custom}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-tilat, name: Tilavaraus, sourcing: custom,
         sourcing-justification: "Markkinoilla ei ollut 2012 kuntien vuorojakoon sopivaa palvelua"}
    ```

    ## References
    - Mikkeli digital programme (Lupaus 2016), principle 5
    """

    code = "EA308"
    name = "custom-build-justified"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "P5"

    def applies(self, system, ctx) -> bool:
        return (
            system.sourcing is Sourcing.CUSTOM
            and system.is_live
            and ctx.model.is_internal(system)
        )

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        if not system.sourcing_justification:
            yield self.violation(
                system,
                f"custom-built information system {label(system)} has no sourcing "
                "justification",
                hint="add `sourcing-justification:` saying why no service or product on "
                "the market was suitable",
                field="sourcing",
            )
