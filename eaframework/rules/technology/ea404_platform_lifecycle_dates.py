"""EA404 platform-lifecycle-dates."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Platform, TechnologyService
from ..base import Rule, RuleContext, Violation, kind_words, label
from ..registry import register


@register
class PlatformLifecycleDates(Rule):
    """A platform or technology service that is phasing out has an end date.

    ## What it does
    Checks that every platform and technology service whose `lifecycle.phase` is
    `phasing-out` records `lifecycle.end`, the date it is to be retired.

    ## Why it matters
    JHS 179 lifecycle planning: the roadmap from as-is to to-be needs the date by which the
    systems on a platform must have moved. Without it, EA401 cannot tell when the platform
    stops being safe to run on, and the migration has no deadline to budget for.

    ## Example
    ```yaml
    elements:
      - {kind: platform, id: pf-ws2016, name: Windows Server 2016,
         lifecycle: {phase: phasing-out}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: platform, id: pf-ws2016, name: Windows Server 2016,
         lifecycle: {phase: phasing-out, end: 2027-01-12}}
    ```

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: roadmap (tiekartta)
    """

    code = "EA404"
    name = "platform-lifecycle-dates"
    applies_to = (Platform, TechnologyService)
    default_severity = Severity.INFO
    enforces = "JHS 179"

    def applies(self, element, ctx) -> bool:
        return element.is_phasing_out

    def check(self, element, ctx: RuleContext) -> Iterator[Violation]:
        if element.lifecycle.end is None:
            yield self.violation(
                element,
                f"{kind_words(element)} {label(element)} is phasing out but has no end date",
                hint="add `end:` under `lifecycle:` with the planned retirement date",
                field="lifecycle",
            )
