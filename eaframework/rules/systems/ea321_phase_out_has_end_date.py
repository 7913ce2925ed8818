"""EA321 phase-out-has-end-date."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import InformationSystem
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class PhaseOutHasEndDate(Rule):
    """A system being phased out has a planned end date.

    ## What it does
    Checks that every information system whose lifecycle phase is `phasing-out` records
    `lifecycle.end`, the date it is planned to be retired.

    ## Why it matters
    The JHS 179 lifecycle view and roadmap: a phase-out without a date never ends. The
    date sets when the replacement must be ready, when contracts may lapse and when the
    data must be migrated or archived.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-talous, name: Taloushallinto,
         lifecycle: {phase: phasing-out, start: 2012-01-01}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-talous, name: Taloushallinto,
         lifecycle: {phase: phasing-out, start: 2012-01-01, end: 2027-06-30}}
    ```

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: roadmap
    """

    code = "EA321"
    name = "phase-out-has-end-date"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "JHS 179"

    def applies(self, system, ctx) -> bool:
        return system.is_phasing_out

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        if system.lifecycle is not None and system.lifecycle.end is None:
            yield self.violation(
                system,
                f"information system {label(system)} is being phased out but has no end date",
                hint="add the planned retirement date as `end:` under `lifecycle:`",
                field="lifecycle",
            )
