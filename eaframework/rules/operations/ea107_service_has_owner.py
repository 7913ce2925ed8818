"""EA107 service-has-owner."""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import Service
from ..registry import register
from ..required import FieldRequired


@register
class ServiceHasOwner(FieldRequired):
    """Every service has an owning organisation unit.

    ## What it does
    Checks that every service that is not retired, citizen-facing or internal, has an
    `owner`: an organisation unit.

    ## Why it matters
    TiHL §4 obliges management to define responsibilities for information management. A
    service nobody owns has nobody to answer for its quality, its channels or the
    information systems it relies on.

    ## Example
    ```yaml
    elements:
      - {kind: service, id: svc-palaute, name: Palaute, audience: citizen}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-asiakas, name: Asiakaspalvelu}
      - {kind: service, id: svc-palaute, name: Palaute, audience: citizen,
         owner: ou-asiakas}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 4
    """

    code = "EA107"
    name = "service-has-owner"
    applies_to = (Service,)
    default_severity = Severity.WARNING
    enforces = "TiHL §4"

    required = "owner"
    missing = "has no owner"
    fix = "add `owner:` with the organisation unit responsible for the service"
