"""EA503 resource-held-in-system."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import InformationResource, Medium
from ..base import Rule, RuleContext, Violation, label, listing
from ..registry import register


@register
class ResourceHeldInSystem(Rule):
    """Every electronic information resource is stored in an information system.

    ## What it does
    Checks that every information resource that is not retired and not `medium: paper`
    is stored in (`stores:` of) a live information system, or has a dataset that is.
    Storage in retired systems does not count.

    ## Why it matters
    JHS 179 traceability: information resources are linked to the systems that hold
    them, and TiHL §5 asks the information management model to link each resource to its
    systems. Without the link nobody knows where the data is, who secures it or what
    happens to it when a system is retired.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri}
      - {kind: information-system, id: sys-vaka, name: Vaka-järjestelmä, stores: [ir-vaka]}
    ```

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5
    """

    code = "EA503"
    name = "resource-held-in-system"
    applies_to = (InformationResource,)
    enforces = "JHS 179"

    def applies(self, resource, ctx: RuleContext) -> bool:
        return resource.is_live and resource.medium is not Medium.PAPER

    def check(self, resource: InformationResource, ctx: RuleContext) -> Iterator[Violation]:
        systems = ctx.model.systems_storing(resource)
        if any(s.is_live for s in systems):
            return
        old = f" (only in retired {listing([label(s) for s in systems])})" if systems else ""
        yield self.violation(
            resource,
            f"information resource {label(resource)} is stored in no information system"
            + old,
            hint="add the resource to `stores:` of the system that holds it, or set "
            "`medium: paper` if it is kept on paper only",
        )
