"""Esimerkkilä's own rules, in plain Python: name this module in setup.cfg

    [eaframework]
    plugins = esimerkkila_rules

(the folder of setup.cfg is on the import path), or publish it as a package with an entry
point in the group `eaframework.rules`. Custom rules get the same severity settings,
suppressions, outputs and documentation as the built-in ones.
"""

from __future__ import annotations

from pydantic import Field

from eaframework.diagnostics import Severity
from eaframework.model import InformationSystem, Sourcing
from eaframework.rules import Rule, RuleOptions, label, register


@register
class SaasExitPlan(Rule):
    """SaaS contracts record an exit plan.

    ## What it does
    Checks that every information system bought as a service (`sourcing: saas`) has a
    contract with `exit-plan: true`.

    ## Why it matters
    Esimerkkilä's procurement guideline (2025): the city must be able to leave a service
    provider and take its data along. An exit plan agreed at procurement is the cheapest
    time to get one.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-crm, name: Asiakkuudenhallinta, sourcing: saas}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-crm, name: Asiakkuudenhallinta, sourcing: saas,
         contract: {exit-plan: true}}
    ```

    ## Options
    - `min-annual-cost`: only systems costing at least this much per year are checked.
    """

    code = "ESI301"
    name = "saas-exit-plan"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "P6"

    class Options(RuleOptions):
        min_annual_cost: float = Field(
            0.0, description="only systems costing at least this much per year are checked"
        )

    def applies(self, system, ctx) -> bool:
        cost = system.annual_cost or 0
        return system.sourcing is Sourcing.SAAS and cost >= self.options.min_annual_cost

    def check(self, system, ctx):
        if system.contract is None or not system.contract.exit_plan:
            yield self.violation(
                system,
                f"SaaS system {label(system)} has no exit plan in its contract",
                hint="agree an exit plan with the provider and record `contract: {exit-plan: true}`",
                field="contract",
            )
