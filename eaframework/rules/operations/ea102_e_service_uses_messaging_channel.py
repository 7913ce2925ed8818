"""EA102 e-service-uses-messaging-channel."""

from __future__ import annotations

from ...model import ServiceCategory
from ..registry import register
from .uses_designated import UsesDesignatedService


@register
class EServiceUsesMessagingChannel(UsesDesignatedService):
    """Citizen-facing e-services use the designated messaging service.

    ## What it does
    Checks that every e-service (`e-service: true`) for residents or businesses
    (`audience: citizen` or `business`) that is not retired uses the organisation's
    designated messaging service: the `technology-service` with `category: messaging` and
    `designated: true`. The service counts as used when it is in the e-service's own
    `uses:`, or in the `uses:` of an information system the e-service uses, of a channel
    it is delivered through (`channels:`), or of an information system such a channel
    uses. When the model designates no messaging service, the finding says so.

    ## Why it matters
    Principle P1, the user at the centre: one communication channel for all of the city's
    e-services. Decisions and notices scattered over e-mails, text messages and
    service-specific inboxes get lost; one channel (such as Suomi.fi-viestit) is one place
    for the resident to look and a reliable way for the city to serve notice.

    ## Example
    ```yaml
    elements:
      - {kind: technology-service, id: ts-viestit, name: Suomi.fi-viestit,
         category: messaging, designated: true}
      - {kind: service, id: svc-tilat, name: Tilavaraus, audience: citizen,
         e-service: true}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: technology-service, id: ts-viestit, name: Suomi.fi-viestit,
         category: messaging, designated: true}
      - {kind: channel, id: ch-viestit, name: Suomi.fi-viestit, channel-type: messaging,
         uses: [ts-viestit]}
      - {kind: service, id: svc-tilat, name: Tilavaraus, audience: citizen,
         e-service: true, channels: [ch-viestit]}
    ```

    ## Known limitations
    The path is followed at most through one channel and one information system.

    ## References
    - Suomi.fi-viestit (Digi- ja väestötietovirasto)
    - Laki hallinnon yhteisistä sähköisen asioinnin tukipalveluista 571/2016
    """

    code = "EA102"
    name = "e-service-uses-messaging-channel"
    category = ServiceCategory.MESSAGING
