"""EA305 cost-fully-allocated."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...diagnostics import Severity
from ...model import InformationSystem
from ..base import Rule, RuleContext, RuleOptions, Violation, label
from ..registry import register


@register
class CostFullyAllocated(Rule):
    """The annual cost of a system is fully allocated to organisation units.

    ## What it does
    For every information system of the organisation that is not retired and whose
    `annual-cost` is above zero, checks that `cost-allocation` is given and that its
    shares (percent per organisation unit) sum to 100.

    ## Why it matters
    Principle P8: all IT costs are known and allocated fairly. A cost nobody is charged
    for is paid out of the IT budget, and units have no reason to give up systems they
    no longer need.

    ## Example
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-aspa, name: Asiakaspalvelu}
      - {kind: organisation-unit, id: ou-sivistys, name: Sivistystoimi}
      - {kind: information-system, id: sys-crm, name: CRM, annual-cost: 74000,
         cost-allocation: {ou-aspa: 60, ou-sivistys: 30}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-aspa, name: Asiakaspalvelu}
      - {kind: organisation-unit, id: ou-sivistys, name: Sivistystoimi}
      - {kind: information-system, id: sys-crm, name: CRM, annual-cost: 74000,
         cost-allocation: {ou-aspa: 60, ou-sivistys: 40}}
    ```

    ## Options
    - `tolerance`: how far the sum may be from 100, in percentage points (for rounding).

    ## References
    - Mikkeli digital programme (Lupaus 2016), principle 8
    """

    code = "EA305"
    name = "cost-fully-allocated"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "P8"

    class Options(RuleOptions):
        tolerance: float = Field(
            default=0.5,
            ge=0,
            description="how far the sum may be from 100, in percentage points (for rounding)",
        )

    def applies(self, system, ctx) -> bool:
        return (
            system.annual_cost is not None
            and system.annual_cost > 0
            and system.is_live
            and ctx.model.is_internal(system)
        )

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        if not system.cost_allocation:
            yield self.violation(
                system,
                f"annual cost of information system {label(system)} is not allocated to any "
                "unit",
                hint="add `cost-allocation:` mapping each organisation unit that uses the "
                "system to its share in percent (shares sum to 100)",
            )
            return
        total = sum(system.cost_allocation.values())
        if abs(total - 100) > self.options.tolerance:
            yield self.violation(
                system,
                f"cost allocation of information system {label(system)} sums to "
                f"{round(total, 2):g} %, not 100 %",
                hint="correct the shares, or add the units that are missing, so that they "
                "sum to 100",
                field="cost-allocation",
            )
