"""EA301 system-has-owner."""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import InformationSystem
from ..registry import register
from ..required import FieldRequired


@register
class SystemHasOwner(FieldRequired):
    """Every information system has an owning organisation unit.

    ## What it does
    Checks that every information system of the organisation that is not retired has an
    `owner`: an organisation unit.

    ## Why it matters
    Principle P8: every information system has a named owner with the resources to run
    and develop it. TiHL §4 obliges management to define responsibilities for
    information management; a system nobody owns is nobody's to fix, fund or retire.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-talous, name: Taloushallinto}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
      - {kind: information-system, id: sys-talous, name: Taloushallinto, owner: ou-konserni}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 4
    - Espoo's information management model: one "vastaa" relation per system
    """

    code = "EA301"
    name = "system-has-owner"
    applies_to = (InformationSystem,)
    default_severity = Severity.ERROR
    enforces = "P8"

    required = "owner"
    missing = "has no owner"
    fix = (
        "add `owner:` with the organisation unit responsible for the operations "
        "the system serves"
    )
