"""EA312 case-register-description."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import InformationSystem
from ..base import Rule, RuleContext, Violation, label, listing
from ..registry import register


@register
class CaseRegisterDescription(Rule):
    """Systems holding case registers or service data carry their publicity description.

    ## What it does
    Checks that every live information system of the organisation with
    `case-register: true` or `service-data: true` records its `search-keys`
    (hakutekijät) and a `disclosure-contact`: who decides on disclosures and how to reach
    them. One finding lists what is missing.

    ## Why it matters
    TiHL §28: an authority publishes a document publicity description
    (asiakirjajulkisuuskuvaus) of the systems holding its case register and service data,
    with the search keys and the contact for information requests. With these fields in
    the model the description can be generated instead of kept by hand.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-rava, name: Rakennusvalvonnan rekisteri,
         case-register: true}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-rava, name: Rakennusvalvonnan rekisteri,
         case-register: true, search-keys: [hakemustunnus, kiinteistötunnus],
         disclosure-contact: "Rakennusvalvonta, rakennusvalvonta@esimerkkila.fi"}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 28
    """

    code = "EA312"
    name = "case-register-description"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "TiHL §28"

    def applies(self, system, ctx) -> bool:
        return (
            (system.case_register or system.service_data)
            and system.is_live
            and ctx.model.is_internal(system)
        )

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        missing = []
        if not system.search_keys:
            missing.append("search keys")
        if not system.disclosure_contact:
            missing.append("disclosure contact")
        if missing:
            holds = "a case register" if system.case_register else "service data"
            yield self.violation(
                system,
                f"information system {label(system)} holds {holds} but records no "
                f"{listing(missing)} for the publicity description",
                hint="add `search-keys:` (the keys records are found by) and "
                "`disclosure-contact:` (who decides on disclosures, with contacts)",
                field="case-register" if system.case_register else "service-data",
            )
