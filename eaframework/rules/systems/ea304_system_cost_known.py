"""EA304 system-cost-known."""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import InformationSystem
from ..registry import register
from ..required import FieldRequired


@register
class SystemCostKnown(FieldRequired):
    """Every information system has a known annual cost.

    ## What it does
    Checks that every information system of the organisation that is not retired records
    its `annual-cost` (euros per year; 0 is a known cost).

    ## Why it matters
    Principle P8: all IT costs are known and allocated fairly. Without the cost of each
    system the city cannot compare sourcing options, allocate costs to the units that use
    the system or see what a retirement saves.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-arkisto, name: Sähköinen arkisto}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-arkisto, name: Sähköinen arkisto,
         annual-cost: 24000}
    ```

    ## References
    - Mikkeli digital programme (Lupaus 2016), principle 8
    """

    code = "EA304"
    name = "system-cost-known"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "P8"

    required = "annual_cost"
    missing = "has no annual cost"
    fix = (
        "add `annual-cost:` in euros per year (licences, service fees, hosting, "
        "support); estimate it if the invoice bundles several services"
    )
    own_only = True
