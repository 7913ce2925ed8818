"""EA318 authority-disclosure-via-interface."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Integration, TransferMethod
from ..base import Rule, RuleContext, Violation, label, listing
from ..registry import register
from .ends import end_system


def _authorities(integration: Integration, ctx: RuleContext) -> list:
    """External authorities owning the source or target system of an integration."""
    found = []
    for end in (integration.source, integration.target):
        system = end_system(end, ctx)
        if system is None or not ctx.model.is_external(system):
            continue
        owner = ctx.model.owner_of(system)
        if getattr(owner, "authority", False) and owner not in found:
            found.append(owner)
    return found


@register
class AuthorityDisclosureViaInterface(Rule):
    """Data exchanged with other authorities goes through a technical interface.

    ## What it does
    Checks that every integration that is not retired and whose source or target system
    is owned by an external organisation unit with `authority: true` uses `method: api`
    or `method: message`, or records an `exception-reason`.

    ## Why it matters
    TiHL §22: regular, standard-content electronic disclosures between authorities are
    made through technical interfaces, unless that is technically or economically
    unreasonable. File transfers and e-mail to another authority are slower, harder to
    secure and harder to log.

    ## Example
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-dvv, name: Digi- ja väestötietovirasto,
         external: true, authority: true}
      - {kind: information-system, id: sys-vtj, name: Väestötietojärjestelmä, owner: ou-dvv}
      - {kind: information-system, id: sys-rava, name: Rakennusvalvonta}
      - {kind: integration, id: int-rakennukset, name: Rakennustietojen ilmoitus,
         source: sys-rava, target: sys-vtj, method: file}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-dvv, name: Digi- ja väestötietovirasto,
         external: true, authority: true}
      - {kind: information-system, id: sys-vtj, name: Väestötietojärjestelmä, owner: ou-dvv}
      - {kind: information-system, id: sys-rava, name: Rakennusvalvonta}
      - {kind: integration, id: int-rakennukset, name: Rakennustietojen ilmoitus,
         source: sys-rava, target: sys-vtj, method: file,
         exception-reason: "DVV ottaa rakennustiedot vastaan vain eräsiirtona"}
    ```

    ## Known limitations
    Integrations without a method are left to EA316 (integration-has-method).

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 22
    """

    code = "EA318"
    name = "authority-disclosure-via-interface"
    applies_to = (Integration,)
    default_severity = Severity.WARNING
    enforces = "TiHL §22"

    def applies(self, integration, ctx) -> bool:
        return (
            integration.method is not None
            and integration.is_live
            and bool(_authorities(integration, ctx))
        )

    def check(self, integration: Integration, ctx: RuleContext) -> Iterator[Violation]:
        if integration.method in (TransferMethod.API, TransferMethod.MESSAGE):
            return
        if integration.exception_reason:
            return
        names = listing([label(a) for a in _authorities(integration, ctx)])
        yield self.violation(
            integration,
            f"integration {label(integration)} exchanges data with {names} by "
            f"{integration.method.value} transfer, not through a technical interface",
            hint="use the authority's api or message interface, or record in "
            "`exception-reason:` why that is technically or economically unreasonable",
            field="method",
        )
