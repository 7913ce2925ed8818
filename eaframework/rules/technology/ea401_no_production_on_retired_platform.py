"""EA401 no-production-on-retired-platform."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import ElementBase, InformationSystem, Phase, Platform, TechnologyService
from ..base import Rule, RuleContext, Violation, kind_words, label
from ..registry import register


def _gone(element: ElementBase, today: dt.date) -> str | None:
    """Why `element` no longer runs anything ('retired', 'phasing out, ended ...'), or None."""
    lifecycle = element.lifecycle
    if lifecycle is None:
        return None
    if lifecycle.phase is Phase.RETIRED:
        return f"retired since {lifecycle.end.isoformat()}" if lifecycle.end else "retired"
    if lifecycle.phase is Phase.PHASING_OUT and lifecycle.end is not None and lifecycle.end < today:
        return f"phasing out with an end date {lifecycle.end.isoformat()} already passed"
    return None


@register
class NoProductionOnRetiredPlatform(Rule):
    """Nothing in production runs on a retired platform or technology service.

    ## What it does
    Checks every information system, platform and technology service that is in production
    (lifecycle phase `in-production`, or no `lifecycle` at all on an as-is element) and
    reports each platform or technology service in its `runs-on` that is retired, or
    phasing out with a `lifecycle.end` date that has already passed.

    ## Why it matters
    JHS 179 lifecycle sanity: nothing in production may depend on a retired platform. A
    retired platform gets no security updates and no vendor support, so the systems on it
    break the security obligation over the whole lifecycle (TiHL §13) and are one failure
    away from an outage of the city's services.

    ## Example
    ```yaml
    elements:
      - {kind: platform, id: pf-ws2012, name: Windows Server 2012,
         lifecycle: {phase: retired, end: 2023-10-10}}
      - {kind: information-system, id: sys-tilat, name: Tilavaraus, runs-on: [pf-ws2012],
         lifecycle: {phase: in-production}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: platform, id: pf-ws2012, name: Windows Server 2012,
         lifecycle: {phase: retired, end: 2023-10-10}}
      - {kind: platform, id: pf-ws2022, name: Windows Server 2022,
         lifecycle: {phase: in-production}}
      - {kind: information-system, id: sys-tilat, name: Tilavaraus, runs-on: [pf-ws2022],
         lifecycle: {phase: in-production}}
    ```

    ## Known limitations
    Only `runs-on` counts as depending. A system that merely `uses` a retired technology
    service is not reported here.

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: lifecycle of the
      technology architecture
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 13
    """

    code = "EA401"
    name = "no-production-on-retired-platform"
    applies_to = (InformationSystem, Platform, TechnologyService)
    default_severity = Severity.ERROR
    enforces = "JHS 179"

    def applies(self, element, ctx) -> bool:
        return element.is_in_production

    def check(self, element, ctx: RuleContext) -> Iterator[Violation]:
        for host in ctx.model.targets(element, "runs-on"):
            why = _gone(host, ctx.today)
            if why is not None:
                yield self.violation(
                    element,
                    f"{kind_words(element)} {label(element)} is in production but runs on "
                    f"{kind_words(host)} {label(host)}, {why}",
                    hint="move it to a supported platform and update `runs-on:`, or record "
                    "its own lifecycle if it is being retired too",
                    field="runs-on",
                )
