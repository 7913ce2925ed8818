"""EA203 resource-has-owner."""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import InformationResource
from ..registry import register
from ..required import FieldRequired


@register
class ResourceHasOwner(FieldRequired):
    """Every information resource has an owning organisation unit.

    ## What it does
    Checks that every information resource that is not retired has an `owner`: the
    organisation unit responsible for it.

    ## Why it matters
    TiHL §4 obliges the management of an authority to define the responsibilities for
    information management, and §5 asks the information management model to name the
    authority responsible for each information resource. A register that nobody owns has
    nobody to decide on its disclosures, retention and security.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-sivistys, name: Sivistystoimiala}
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         owner: ou-sivistys}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 4 and § 5
    - Espoo's information management model: one "vastaa" relation per information resource
    """

    code = "EA203"
    name = "resource-has-owner"
    applies_to = (InformationResource,)
    default_severity = Severity.ERROR
    enforces = "TiHL §4"

    required = "owner"
    missing = "has no owner"
    fix = "add `owner:` with the organisation unit responsible for the resource"
