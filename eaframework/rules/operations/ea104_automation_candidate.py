"""EA104 automation-candidate."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field, NonNegativeInt

from ...diagnostics import Severity
from ...model import Process
from ..base import Rule, RuleContext, RuleOptions, Violation, label
from ..registry import register


@register
class AutomationCandidate(Rule):
    """A process with many manual steps and a high yearly volume is an automation candidate.

    ## What it does
    Reports every process that is not retired and whose `manual-steps` is at least
    `min-manual-steps` and whose `yearly-volume` is at least `min-yearly-volume`, with the
    numbers and their product (manual steps a year), so that candidates can be ranked.
    This is information for planning, not a defect: the rule is not in `recommended`.

    ## Why it matters
    Principle P3: develop where automatic processing removes manual work. Manual steps
    repeated thousands of times a year are where automation pays back fastest, and where
    manual errors and waiting times hurt residents most.

    ## Example
    ```yaml
    elements:
      - {kind: process, id: prc-ostolaskut, name: Ostolaskujen käsittely, category: support,
         manual-steps: 4, yearly-volume: 38000}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: process, id: prc-ostolaskut, name: Ostolaskujen käsittely, category: support,
         manual-steps: 1, yearly-volume: 38000}
    ```

    ## Options
    - `min-manual-steps`: the smallest number of manual steps that makes a candidate.
    - `min-yearly-volume`: the smallest yearly volume (cases a year) that makes a candidate.

    ## References
    - Mikkeli's digital programme (Lupaus 2016): 44 application processes digitised end
      to end
    """

    code = "EA104"
    name = "automation-candidate"
    applies_to = (Process,)
    default_severity = Severity.INFO
    recommended = False
    enforces = "P3"

    class Options(RuleOptions):
        min_manual_steps: NonNegativeInt = Field(
            default=3, description="the smallest number of manual steps that makes a candidate"
        )
        min_yearly_volume: NonNegativeInt = Field(
            default=1000,
            description="the smallest yearly volume (cases a year) that makes a candidate",
        )

    def applies(self, process, ctx) -> bool:
        return (
            process.is_live
            and process.manual_steps is not None
            and process.yearly_volume is not None
        )

    def check(self, process: Process, ctx: RuleContext) -> Iterator[Violation]:
        steps, volume = process.manual_steps, process.yearly_volume
        if steps >= self.options.min_manual_steps and volume >= self.options.min_yearly_volume:
            yield self.violation(
                process,
                f"process {label(process)} is an automation candidate: {steps} manual steps, "
                f"yearly volume {volume} ({steps * volume} manual steps a year)",
                hint="consider automating the manual steps; record the decision as a "
                "`development-project` with its investment calculation",
                field="manual-steps",
            )
