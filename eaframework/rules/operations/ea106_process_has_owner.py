"""EA106 process-has-owner."""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import Process
from ..registry import register
from ..required import FieldRequired


@register
class ProcessHasOwner(FieldRequired):
    """Every process has an owning organisation unit.

    ## What it does
    Checks that every process that is not retired has an `owner`: an organisation unit.
    Sub-processes need their own owner; it is not inherited from the parent process.

    ## Why it matters
    TiHL §4 obliges management to define responsibilities for information management, and
    the information management model of §5 describes processes with their responsible
    authority. A process nobody owns has nobody to decide on its information systems, its
    records or its development.

    ## Example
    ```yaml
    elements:
      - {kind: process, id: prc-palkat, name: Palkanlaskenta, category: support}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-hr, name: Henkilöstöpalvelut}
      - {kind: process, id: prc-palkat, name: Palkanlaskenta, category: support,
         owner: ou-hr}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 4 and § 5
    - Espoo's information management model: one "vastaa" relation per process
    """

    code = "EA106"
    name = "process-has-owner"
    applies_to = (Process,)
    default_severity = Severity.ERROR
    enforces = "TiHL §4"

    required = "owner"
    missing = "has no owner"
    fix = "add `owner:` with the organisation unit responsible for the process"
