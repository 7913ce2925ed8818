"""EA306 procured-system-open-interface."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...diagnostics import Severity
from ...model import InformationSystem, Openness, Sourcing
from ..base import Rule, RuleContext, RuleOptions, Violation, label
from ..registry import register


@register
class ProcuredSystemOpenInterface(Rule):
    """Procured and SaaS systems expose an open interface.

    ## What it does
    Checks that every live information system bought from a vendor (`sourcing: procured`
    or `saas`) `exposes` at least one interface whose `openness` is one of the accepted
    values and whose `style` is not `manual`.

    ## Why it matters
    Principle P6: the city owns its data, and every procured system has an open interface
    so the data can be used in other systems. Without one, the data is locked into the
    vendor's product and every integration becomes a negotiation.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-vaka, name: Varhaiskasvatus, sourcing: procured}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: interface, id: if-vaka, name: Vaka API, style: rest, openness: open,
         spec-url: "https://api.esimerkkila.fi/vaka/openapi.json"}
      - {kind: information-system, id: sys-vaka, name: Varhaiskasvatus, sourcing: procured,
         exposes: [if-vaka]}
    ```

    ## Options
    - `accepted-openness`: openness values that count as open.

    ## References
    - Open Knowledge Finland: the definition of an open API
    """

    code = "EA306"
    name = "procured-system-open-interface"
    applies_to = (InformationSystem,)
    default_severity = Severity.ERROR
    enforces = "P6"

    class Options(RuleOptions):
        accepted_openness: list[Openness] = Field(
            default=[Openness.OPEN, Openness.BUYER_CONTROLLED],
            description="openness values that count as open",
        )

    def applies(self, system, ctx) -> bool:
        return (
            system.sourcing in (Sourcing.PROCURED, Sourcing.SAAS)
            and system.is_live
            and ctx.model.is_internal(system)
        )

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        accepted = set(self.options.accepted_openness)
        interfaces = ctx.model.targets(system, "exposes", "interface")
        if not any(
            i.openness in accepted and (i.style is None or i.style.value != "manual")
            for i in interfaces
        ):
            found = ", ".join(f"{i.id} ({i.openness or 'openness unknown'})" for i in interfaces)
            yield self.violation(
                system,
                f"{system.sourcing.value} system {label(system)} exposes no open interface"
                + (f"; it has {found}" if found else ""),
                hint="model the vendor's documented API as an `interface` with `openness: open` "
                "(or buyer-controlled) and list it under `exposes:`",
                field="exposes" if interfaces else (),
            )
