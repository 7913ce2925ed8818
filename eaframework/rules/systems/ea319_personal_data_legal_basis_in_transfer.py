"""EA319 personal-data-legal-basis-in-transfer."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Integration, Interface
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class PersonalDataLegalBasis(Rule):
    """Personal data moves only with a recorded legal basis.

    ## What it does
    Checks that every integration and every interface that is not retired and has
    `personal-data: true` records its `legal-basis` (the law section, or the privacy
    notice naming the basis).

    ## Why it matters
    TiHL §5 requires the information management model to describe disclosures, and the
    GDPR (Art. 5, 6) requires a legal basis for every processing of personal data. A
    transfer of personal data without a known basis is a disclosure the city cannot
    defend to the data protection officer or the data subject.

    ## Example
    ```yaml
    elements:
      - {kind: interface, id: if-koulu, name: Koulunetin rajapinta, style: rest,
         personal-data: true}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: interface, id: if-koulu, name: Koulunetin rajapinta, style: rest,
         personal-data: true, legal-basis: "Perusopetuslaki 628/1998 40 §"}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5
    - EU General Data Protection Regulation 2016/679, Art. 6
    """

    code = "EA319"
    name = "personal-data-legal-basis-in-transfer"
    applies_to = (Integration, Interface)
    default_severity = Severity.WARNING
    enforces = "TiHL §5"

    def applies(self, element, ctx) -> bool:
        return element.personal_data is True and element.is_live

    def check(self, element: Integration | Interface, ctx: RuleContext) -> Iterator[Violation]:
        if not element.legal_basis:
            yield self.violation(
                element,
                f"{element.kind} {label(element)} carries personal data but records no legal "
                "basis",
                hint="add `legal-basis:` with the law section or the privacy notice that "
                "names the basis",
                field="personal-data",
            )
