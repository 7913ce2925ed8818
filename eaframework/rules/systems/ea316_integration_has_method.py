"""EA316 integration-has-method."""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import Integration
from ..registry import register
from ..required import FieldRequired


@register
class IntegrationHasMethod(FieldRequired):
    """Every integration records its transfer method.

    ## What it does
    Checks that every integration that is not retired has a `method` (api, message, file,
    database, view or manual).

    ## Why it matters
    TiHL §5: the information management model describes each information system's
    interfaces to other systems and the transfer method used (tiedonsiirtotapa). The
    method also tells where manual work (P3) and fragile file transfers hide.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-hr, name: Palkat}
      - {kind: information-system, id: sys-talous, name: Talous}
      - {kind: integration, id: int-palkat, name: Palkkakirjanpito, source: sys-hr,
         target: sys-talous}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-hr, name: Palkat}
      - {kind: information-system, id: sys-talous, name: Talous}
      - {kind: integration, id: int-palkat, name: Palkkakirjanpito, source: sys-hr,
         target: sys-talous, method: file}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5
    """

    code = "EA316"
    name = "integration-has-method"
    applies_to = (Integration,)
    default_severity = Severity.ERROR
    enforces = "TiHL §5"

    required = "method"
    missing = "has no transfer method"
    fix = "add `method:` (api, message, file, database, view or manual)"
