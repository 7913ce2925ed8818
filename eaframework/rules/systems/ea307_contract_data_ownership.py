"""EA307 contract-data-ownership."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import DataOwnership, InformationSystem, Sourcing
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class ContractDataOwnership(Rule):
    """Contracts of procured and SaaS systems leave the data to the organisation.

    ## What it does
    Checks that every live procured or SaaS information system of the organisation
    records its `contract` with `data-ownership: organisation`. Reports a missing
    contract, a contract that does not record data ownership, and ownership that is
    `vendor` or `unclear`.

    ## Why it matters
    Principle P6: the city owns its data. If the contract does not say so, getting the
    data out at the end of the contract, or into another system meanwhile, depends on
    the vendor's goodwill and price list.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-sign, name: Sähköinen allekirjoitus,
         sourcing: saas, contract: {reference: ESIDno-2020-233, data-ownership: unclear}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-sign, name: Sähköinen allekirjoitus,
         sourcing: saas,
         contract: {reference: ESIDno-2020-233, data-ownership: organisation}}
    ```

    ## Known limitations
    The rule reads what the model records about the contract, not the contract itself.

    ## References
    - JHS 166 Julkisen hallinnon IT-hankintojen yleiset sopimusehdot (JIT 2015), data
      ownership and return of data
    """

    code = "EA307"
    name = "contract-data-ownership"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "P6"

    def applies(self, system, ctx) -> bool:
        return (
            system.sourcing in (Sourcing.PROCURED, Sourcing.SAAS)
            and system.is_live
            and ctx.model.is_internal(system)
        )

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        what = f"{system.sourcing.value} system {label(system)}"
        hint = (
            "record the contract under `contract:` with `data-ownership: organisation`; "
            "if the contract says otherwise, renegotiate it or plan the exit"
        )
        if system.contract is None:
            yield self.violation(
                system, f"{what} records no contract, so who owns its data is unknown",
                hint=hint,
            )
        elif system.contract.data_ownership is None:
            yield self.violation(
                system, f"contract of {what} does not record who owns the data",
                hint=hint, field="contract",
            )
        elif system.contract.data_ownership is DataOwnership.VENDOR:
            yield self.violation(
                system, f"contract of {what} leaves the ownership of the data to the vendor",
                hint=hint, field=("contract", "data-ownership"),
            )
        elif system.contract.data_ownership is DataOwnership.UNCLEAR:
            yield self.violation(
                system, f"contract of {what} leaves the ownership of the data unclear",
                hint=hint, field=("contract", "data-ownership"),
            )
