"""EA309 new-system-saas-first."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import InformationSystem, Sourcing
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class NewSystemSaasFirst(Rule):
    """A new system that is not bought as a service records why.

    ## What it does
    For every planned information system of the organisation (lifecycle phase `planned`,
    or `state: to-be` without a lifecycle) whose `sourcing` is `procured` or `custom`,
    checks that a `sourcing-justification` says why it is not bought as a service
    (`saas`) or used as a shared service (`shared`).

    ## Why it matters
    Principle P5: buy information systems as a service rather than build or run them.
    The choice is made once, before procurement; recording the reason then makes the
    principle part of the decision instead of an afterthought.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-uusi, name: Uusi hankinta, sourcing: procured,
         lifecycle: {phase: planned}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-uusi, name: Uusi hankinta, sourcing: procured,
         lifecycle: {phase: planned},
         sourcing-justification: "Toimittajat tarjoavat vain asennettavaa versiota"}
    ```

    ## Known limitations
    A planned custom-built system without a justification is reported both here and by
    EA308 (custom-build-justified); one `sourcing-justification` fixes both.

    ## References
    - Mikkeli digital programme (Lupaus 2016), principle 5
    """

    code = "EA309"
    name = "new-system-saas-first"
    applies_to = (InformationSystem,)
    default_severity = Severity.INFO
    enforces = "P5"

    def applies(self, system, ctx) -> bool:
        return (
            system.sourcing in (Sourcing.PROCURED, Sourcing.CUSTOM)
            and system.is_planned
            and ctx.model.is_internal(system)
        )

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        if not system.sourcing_justification:
            how = "procured" if system.sourcing is Sourcing.PROCURED else "custom-built"
            yield self.violation(
                system,
                f"planned information system {label(system)} is to be {how}, with no "
                "justification for not buying it as a service",
                hint="add `sourcing-justification:` saying why no SaaS or shared service "
                "fits, or change `sourcing:` to saas",
                field="sourcing",
            )
