"""EA205 resource-retention."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import InformationResource
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class ResourceRetention(Rule):
    """Every information resource records its retention period and archiving.

    ## What it does
    Checks that every information resource that is not retired has `retention` (how long
    the data is kept) and `archiving` (`permanent` or `destroy`). A field missing on the
    resource is accepted when the resource has datasets and every one of them gives it:
    retention is often decided per record series. One finding names what is missing.

    ## Why it matters
    TiHL §5: the information management model records the retention periods of
    information resources and whether their datasets are archived permanently or
    destroyed. Without them data is either kept forever against data protection law or
    destroyed before the archive law allows.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         retention: 10 v}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         retention: 10 v, archiving: destroy}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5 (2)
    - Arkistolaki 831/1994 (permanent retention decisions)
    """

    code = "EA205"
    name = "resource-retention"
    applies_to = (InformationResource,)
    enforces = "TiHL §5"

    def applies(self, resource, ctx: RuleContext) -> bool:
        return resource.is_live

    def check(self, resource: InformationResource, ctx: RuleContext) -> Iterator[Violation]:
        missing = [
            field
            for field in ("retention", "archiving")
            if getattr(resource, field) is None
            and not ctx.model.covered_by_datasets(resource, field)
        ]
        if missing:
            yield self.violation(
                resource,
                f"information resource {label(resource)} has no "
                + " and no ".join(missing),
                hint="add `retention:` (e.g. '10 v' or 'pysyvä') and `archiving:` "
                "(permanent or destroy) from the records management plan",
                field=missing[0] if len(missing) == 1 else (),
            )
