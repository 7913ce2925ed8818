"""EA206 resource-lists-data-groups."""

from __future__ import annotations

from ...model import InformationResource
from ..registry import register
from ..required import FieldRequired


@register
class ResourceListsDataGroups(FieldRequired):
    """Every information resource lists its main data groups.

    ## What it does
    Checks that every information resource that is not retired lists at least one data
    group under `data-groups`.

    ## Why it matters
    TiHL §5: the information management model describes the main data groups of each
    information resource. They are what the document publicity description (§28) is built
    from, and without them nobody can tell where, say, personal identity codes are kept.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: data-group, id: dg-lapsi, name: Lapsen perustiedot}
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         data-groups: [dg-lapsi]}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5 (2)
    """

    code = "EA206"
    name = "resource-lists-data-groups"
    applies_to = (InformationResource,)
    enforces = "TiHL §5"

    required = "data_groups"
    missing = "lists no data groups"
    fix = (
        "model its main data groups as `data-group` elements and list them "
        "under `data-groups:`"
    )
