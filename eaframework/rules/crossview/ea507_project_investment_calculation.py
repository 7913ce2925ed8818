"""EA507 project-investment-calculation."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DevelopmentProject
from ..base import Rule, RuleContext, Violation, label, listing
from ..registry import register


@register
class ProjectInvestmentCalculation(Rule):
    """Every development project has an investment calculation with a known payback.

    ## What it does
    Checks that every development project that is not retired has `costs.investment`,
    `expected-annual-benefit` and a payback period: either `payback-years` or one that
    can be computed (investment divided by the annual benefit less the annual costs).
    One finding names what is missing.

    ## Why it matters
    Principle P2: an investment calculation is made before every development project and
    IT procurement, so that the payback time is known and projects can be compared and
    prioritised on the roadmap.

    ## Example
    ```yaml
    elements:
      - {kind: development-project, id: dp-asiakas, name: Asiakkuushanke,
         costs: {investment: 120000}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: development-project, id: dp-asiakas, name: Asiakkuushanke,
         costs: {investment: 120000, annual: 10000}, expected-annual-benefit: 50000}
    ```

    ## Known limitations
    Whether the payback is acceptable is not judged: a maximum payback is an investment
    policy, a different concern from knowing the payback at all.

    ## References
    - Mikkeli's digital programme (Lupaus 2016), principle 2: investment calculation
    """

    code = "EA507"
    name = "project-investment-calculation"
    applies_to = (DevelopmentProject,)
    enforces = "P2"

    def applies(self, project, ctx: RuleContext) -> bool:
        return project.is_live

    def check(self, project: DevelopmentProject, ctx: RuleContext) -> Iterator[Violation]:
        missing: list[tuple[str, tuple]] = []
        investment = project.costs.investment if project.costs is not None else None
        if investment is None:
            missing.append(("costs.investment", ("costs", "investment")))
        if project.expected_annual_benefit is None:
            missing.append(("expected-annual-benefit", ("expected-annual-benefit",)))
        if project.payback_years is None and project.computed_payback() is None:
            why = (
                " (it cannot be computed: the expected annual benefit does not exceed the "
                "annual costs)"
                if investment is not None and project.expected_annual_benefit is not None
                else ""
            )
            missing.append(("payback-years" + why, ("payback-years",)))
        if not missing:
            return
        yield self.violation(
            project,
            f"development project {label(project)} has no "
            + listing([name for name, _ in missing]),
            hint="record the investment calculation: `costs: {investment: ..., annual: ...}`, "
            "`expected-annual-benefit:` and, if it cannot be computed from these, "
            "`payback-years:`",
            field=missing[0][1] if len(missing) == 1 else (),
        )
