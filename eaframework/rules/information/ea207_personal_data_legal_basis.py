"""EA207 personal-data-legal-basis."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import InformationResource
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class PersonalDataLegalBasis(Rule):
    """An information resource with personal data records the legal basis for processing.

    ## What it does
    Checks that every information resource that is not retired and has
    `personal-data: true` has a `legal-basis`.

    ## Why it matters
    GDPR art. 6 allows processing personal data only on a legal basis, and TiHL §5 asks the
    information management model to describe each resource's purpose and disclosures. For a
    public body the basis is usually a statutory task; writing it down is what lets the
    data protection officer check the resource's scope and disclosures.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         personal-data: true}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         personal-data: true,
         legal-basis: "GDPR 6.1 c; varhaiskasvatuslaki 540/2018 § 70"}
    ```

    ## Known limitations
    Data groups have no `legal-basis` field, so a data group with `personal-data: true` is
    not checked; the resources that hold it are.

    ## References
    - EU General Data Protection Regulation 2016/679, art. 6
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5
    """

    code = "EA207"
    name = "personal-data-legal-basis"
    applies_to = (InformationResource,)
    default_severity = Severity.ERROR
    enforces = "TiHL §5"

    def applies(self, resource, ctx: RuleContext) -> bool:
        return bool(resource.personal_data) and resource.is_live

    def check(self, resource: InformationResource, ctx: RuleContext) -> Iterator[Violation]:
        if not resource.legal_basis:
            yield self.violation(
                resource,
                f"information resource {label(resource)} holds personal data but has no "
                "legal basis",
                hint="add `legal-basis:` with the GDPR art. 6 basis and the law that gives "
                "the task",
                field="personal-data",
            )
