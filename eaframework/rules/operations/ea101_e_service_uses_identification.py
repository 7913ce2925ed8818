"""EA101 e-service-uses-identification."""

from __future__ import annotations

from ...model import ServiceCategory
from ..registry import register
from .uses_designated import UsesDesignatedService


@register
class EServiceUsesIdentification(UsesDesignatedService):
    """Citizen-facing e-services use the designated identification service.

    ## What it does
    Checks that every e-service (`e-service: true`) for residents or businesses
    (`audience: citizen` or `business`) that is not retired uses the organisation's
    designated identification service: the `technology-service` with
    `category: identification` and `designated: true`. The service counts as used when it
    is in the e-service's own `uses:`, or in the `uses:` of an information system the
    e-service uses, of a channel it is delivered through (`channels:`), or of an
    information system such a channel uses. When the model designates no identification
    service, the finding says so.

    ## Why it matters
    Principle P1, the user at the centre: one set of credentials for all of the city's
    e-services. Every service-specific login is one more password for the resident, one
    more identity store for the city to secure, and a weaker identification than the
    national Suomi.fi-tunnistus.

    ## Example
    ```yaml
    elements:
      - {kind: technology-service, id: ts-tunnistus, name: Suomi.fi-tunnistus,
         category: identification, designated: true}
      - {kind: information-system, id: sys-kirjasto, name: Kirjastojärjestelmä}
      - {kind: service, id: svc-kirjasto, name: Verkkokirjasto, audience: citizen,
         e-service: true, uses: [sys-kirjasto]}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: technology-service, id: ts-tunnistus, name: Suomi.fi-tunnistus,
         category: identification, designated: true}
      - {kind: information-system, id: sys-kirjasto, name: Kirjastojärjestelmä,
         uses: [ts-tunnistus]}
      - {kind: service, id: svc-kirjasto, name: Verkkokirjasto, audience: citizen,
         e-service: true, uses: [sys-kirjasto]}
    ```

    ## Known limitations
    The path is followed at most through one channel and one information system; a
    service whose login is provided further down a chain of systems should list the
    identification service in its own `uses:`.

    ## References
    - Suomi.fi-tunnistus (Digi- ja väestötietovirasto)
    - Laki hallinnon yhteisistä sähköisen asioinnin tukipalveluista 571/2016
    """

    code = "EA101"
    name = "e-service-uses-identification"
    category = ServiceCategory.IDENTIFICATION
