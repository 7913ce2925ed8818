"""EA310 system-has-purpose."""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import InformationSystem
from ..registry import register
from ..required import FieldRequired


@register
class SystemHasPurpose(FieldRequired):
    """Every information system records its purpose.

    ## What it does
    Checks that every information system of the organisation that is not retired has a
    `purpose`.

    ## Why it matters
    TiHL §5: the information management model describes each information system's name,
    responsible authority and purpose of use (käyttötarkoitus). The purpose also tells
    whether two systems overlap and which one to retire.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-intra, name: Intranet}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-intra, name: Intranet,
         purpose: Henkilöstön sisäinen viestintä ja ohjeet}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5
    """

    code = "EA310"
    name = "system-has-purpose"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "TiHL §5"

    required = "purpose"
    missing = "has no purpose"
    fix = "add `purpose:` describing what the system is used for (käyttötarkoitus)"
    own_only = True
