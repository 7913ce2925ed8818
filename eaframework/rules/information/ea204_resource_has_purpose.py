"""EA204 resource-has-purpose."""

from __future__ import annotations

from ...model import InformationResource
from ..registry import register
from ..required import FieldRequired


@register
class ResourceHasPurpose(FieldRequired):
    """Every information resource states its purpose.

    ## What it does
    Checks that every information resource that is not retired has a `purpose`.

    ## Why it matters
    TiHL §5: the information management model describes for each information resource the
    purpose for which it is kept. The purpose is what retention, disclosures and the legal
    basis of personal data processing are judged against.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         purpose: Varhaiskasvatuksen järjestäminen ja asiakasmaksut}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5 (2)
    """

    code = "EA204"
    name = "resource-has-purpose"
    applies_to = (InformationResource,)
    enforces = "TiHL §5"

    required = "purpose"
    missing = "has no purpose"
    fix = "add `purpose:` saying what the resource is kept for"
