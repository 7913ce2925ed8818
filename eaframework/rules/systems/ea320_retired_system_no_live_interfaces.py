"""EA320 retired-system-no-live-interfaces."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import InformationSystem
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class RetiredSystemNoLiveInterfaces(Rule):
    """A retired system has no live interfaces or integrations.

    ## What it does
    For every retired information system, checks that it `exposes` no interface that is
    not retired (an interface without a lifecycle counts as live), and that no
    integration that is not retired has it as `source` or `target`. One finding lists
    what is still live.

    ## Why it matters
    The JHS 179 lifecycle view: a retired system that still has live interfaces or
    integrations is either not retired, or the model shows data flows that no longer
    happen. Either way the roadmap and the TiHL §5 description of transfers are wrong.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-vanha, name: Vanha talous,
         lifecycle: {phase: retired}}
      - {kind: information-system, id: sys-uusi, name: Uusi talous}
      - {kind: integration, id: int-siirto, name: Kirjanpitosiirto, source: sys-vanha,
         target: sys-uusi, method: file}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-vanha, name: Vanha talous,
         lifecycle: {phase: retired}}
      - {kind: information-system, id: sys-uusi, name: Uusi talous}
      - {kind: integration, id: int-siirto, name: Kirjanpitosiirto, source: sys-vanha,
         target: sys-uusi, method: file, lifecycle: {phase: retired}}
    ```

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: lifecycle of
      architecture elements
    """

    code = "EA320"
    name = "retired-system-no-live-interfaces"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "JHS 179"

    def applies(self, system, ctx) -> bool:
        return not system.is_live

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        interfaces = [i for i in ctx.model.targets(system, "exposes", "interface") if i.is_live]
        integrations = []
        for relation in ("flows-from", "flows-to"):
            for integration in ctx.model.sources(system, relation, "integration"):
                if integration.is_live and integration not in integrations:
                    integrations.append(integration)
        parts = []
        if interfaces:
            parts.append("interfaces " + ", ".join(label(i) for i in interfaces))
        if integrations:
            parts.append("integrations " + ", ".join(label(i) for i in integrations))
        if parts:
            yield self.violation(
                system,
                f"retired information system {label(system)} still has live "
                f"{' and '.join(parts)}",
                hint="retire the interfaces and integrations too (`lifecycle: {phase: "
                "retired}`), or correct the system's lifecycle",
                field="exposes" if interfaces else "lifecycle",
            )
