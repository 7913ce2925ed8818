"""EA108 service-has-channel."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Service
from ..base import Rule, RuleContext, Violation, label
from ..registry import register
from .audience import audience_words, citizen_facing


@register
class ServiceHasChannel(Rule):
    """Citizen-facing services name at least one channel.

    ## What it does
    Checks that every service for residents or businesses (`audience: citizen` or
    `business`) that is not retired is delivered through at least one channel: a
    `channels:` entry or a `delivered-through` relation to a `channel`.

    ## Why it matters
    Principle P1, the user at the centre: a resident reaches a service through a channel
    (web, service point, phone, messages). Without the channels, the model cannot show
    which services are available online, which still need a visit, and what a channel's
    closure would affect.

    ## Example
    ```yaml
    elements:
      - {kind: service, id: svc-neuvonta, name: Neuvonta, audience: citizen}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: channel, id: ch-puhelin, name: Puhelinpalvelu, channel-type: phone}
      - {kind: service, id: svc-neuvonta, name: Neuvonta, audience: citizen,
         channels: [ch-puhelin]}
    ```

    ## References
    - JHS 179: customer channels (asiointikanavat) in the operations architecture
    """

    code = "EA108"
    name = "service-has-channel"
    applies_to = (Service,)
    default_severity = Severity.INFO
    enforces = "P1"

    def applies(self, service, ctx) -> bool:
        return citizen_facing(service)

    def check(self, service: Service, ctx: RuleContext) -> Iterator[Violation]:
        if not service.channels and not ctx.model.targets(service, "delivered-through"):
            yield self.violation(
                service,
                f"{audience_words(service)} service {label(service)} names no channel",
                hint="add `channels:` with the channels (web, service point, phone ...) it is "
                "delivered through",
            )
