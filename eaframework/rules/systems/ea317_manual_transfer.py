"""EA317 manual-transfer."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Integration, TransferMethod
from ..base import Rule, RuleContext, Violation, label
from ..registry import register
from .ends import end_name


@register
class ManualTransfer(Rule):
    """Data moved by hand between two systems is an automation candidate.

    ## What it does
    Reports every integration that is not retired and has `method: manual` (retyping,
    e-mail, paper), naming the two systems.

    ## Why it matters
    Principle P3: develop where automatic processing removes manual work. Retyping data
    from one system into another costs working hours on every case and brings errors
    that surface later.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-lupa, name: Lupapiste}
      - {kind: information-system, id: sys-rava, name: Rakennusvalvonnan rekisteri}
      - {kind: integration, id: int-luvat, name: Lupatiedot rekisteriin, source: sys-lupa,
         target: sys-rava, method: manual}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-lupa, name: Lupapiste}
      - {kind: information-system, id: sys-rava, name: Rakennusvalvonnan rekisteri}
      - {kind: integration, id: int-luvat, name: Lupatiedot rekisteriin, source: sys-lupa,
         target: sys-rava, method: api}
    ```

    ## References
    - Mikkeli digital programme (Lupaus 2016), principle 3
    """

    code = "EA317"
    name = "manual-transfer"
    applies_to = (Integration,)
    default_severity = Severity.WARNING
    enforces = "P3"

    def applies(self, integration, ctx) -> bool:
        return integration.method is TransferMethod.MANUAL and integration.is_live

    def check(self, integration: Integration, ctx: RuleContext) -> Iterator[Violation]:
        yield self.violation(
            integration,
            f"integration {label(integration)} moves data by hand from "
            f"{end_name(integration.source, ctx)} to {end_name(integration.target, ctx)}",
            hint="automation candidate: record the volume (`volume:`) and plan an api, "
            "message or file transfer",
            field="method",
        )
