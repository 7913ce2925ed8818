"""EA311 system-security-assessed."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...diagnostics import Severity
from ...model import InformationSystem
from ..base import Rule, RuleContext, RuleOptions, Violation, label
from ..registry import register


@register
class SystemSecurityAssessed(Rule):
    """Every information system is classified and its risks recently assessed.

    ## What it does
    Checks that every information system of the organisation that is not retired has a
    `criticality` and, once it is past the planning stage, a `last-risk-assessment` date
    no older than `max-age-years`.

    ## Why it matters
    TiHL §13: the security of information systems is ensured over their whole lifecycle
    on the basis of a risk assessment. Criticality tells how much security a system
    needs; an assessment that is years old no longer describes today's threats, users or
    integrations.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-tilat, name: Tilavaraus, criticality: low,
         last-risk-assessment: 2019-05-10}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-tilat, name: Tilavaraus, criticality: low,
         last-risk-assessment: 2025-05-10}
    ```

    ## Options
    - `max-age-years`: how many years a risk assessment stays valid.

    ## Known limitations
    Planned systems (lifecycle phase `planned`, or `state: to-be` without a lifecycle)
    need only a criticality: their risk assessment is due before they are taken into use.

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 13
    - Julkisen hallinnon digitaalisen turvallisuuden johtoryhmä (VAHTI): riskienhallinta
    """

    code = "EA311"
    name = "system-security-assessed"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "TiHL §13"

    class Options(RuleOptions):
        max_age_years: int = Field(
            default=3, ge=1, description="how many years a risk assessment stays valid"
        )

    def applies(self, system, ctx) -> bool:
        return system.is_live and ctx.model.is_internal(system)

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        if system.criticality is None:
            yield self.violation(
                system,
                f"information system {label(system)} has no criticality",
                hint="add `criticality:` from the system's security classification",
            )
        if system.is_planned:
            return
        years = self.options.max_age_years
        assessed = system.last_risk_assessment
        if assessed is None:
            yield self.violation(
                system,
                f"information system {label(system)} has no risk assessment",
                hint="assess the system's information security risks and record the date in "
                "`last-risk-assessment:`",
            )
        elif assessed < ctx.years_ago(years):
            yield self.violation(
                system,
                f"last risk assessment of information system {label(system)} is from "
                f"{assessed.isoformat()}, more than {years} year{'s' if years != 1 else ''} ago",
                hint="renew the risk assessment and update `last-risk-assessment:`",
                field="last-risk-assessment",
            )
