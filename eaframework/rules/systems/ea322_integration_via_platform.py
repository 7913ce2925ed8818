"""EA322 integration-via-platform."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...diagnostics import Severity
from ...model import Integration, ServiceCategory, TransferMethod
from ..base import Rule, RuleContext, RuleOptions, Violation, label
from ..registry import register
from .ends import end_name, end_system


def _integration_platform(element) -> bool:
    return element.kind == "platform" or (
        element.kind == "technology-service"
        and getattr(element, "category", None) is ServiceCategory.INTEGRATION
    )


@register
class IntegrationViaPlatform(Rule):
    """Internal integrations go through the integration platform.

    ## What it does
    For every integration that is not retired, uses `method: api` or `method: message`
    and connects two information systems of the organisation, checks that it goes `via`
    an integration service (a `technology-service` with `category: integration`) or a
    `platform`. With `require-via` off, only a `via` that is neither is reported.

    ## Why it matters
    Principle P7: rely on reference architectures. Point-to-point integrations multiply
    with every new system; going through the integration platform gives the city one
    place for monitoring, security and reuse of interfaces, and makes replacing a system
    cheaper.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-sign, name: Allekirjoitus}
      - {kind: information-system, id: sys-asha, name: Asianhallinta}
      - {kind: integration, id: int-sign, name: Allekirjoitetut asiakirjat,
         source: sys-sign, target: sys-asha, method: api}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: technology-service, id: ts-integraatio, name: Integraatiopalvelu,
         category: integration}
      - {kind: information-system, id: sys-sign, name: Allekirjoitus}
      - {kind: information-system, id: sys-asha, name: Asianhallinta}
      - {kind: integration, id: int-sign, name: Allekirjoitetut asiakirjat,
         source: sys-sign, target: sys-asha, method: api, via: ts-integraatio}
    ```

    ## Options
    - `require-via`: whether an integration without `via` is reported.

    ## Known limitations
    Integrations with other authorities' or vendors' systems are out of scope: they often
    use the national Data Exchange Layer or a direct connection by design.

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: technology architecture
    """

    code = "EA322"
    name = "integration-via-platform"
    applies_to = (Integration,)
    default_severity = Severity.INFO
    enforces = "P7"
    recommended = False

    class Options(RuleOptions):
        require_via: bool = Field(
            default=True, description="whether an integration without `via` is reported"
        )

    def applies(self, integration, ctx) -> bool:
        if integration.method not in (TransferMethod.API, TransferMethod.MESSAGE):
            return False
        if not integration.is_live:
            return False
        ends = [end_system(integration.source, ctx), end_system(integration.target, ctx)]
        return all(s is not None and ctx.model.is_internal(s) for s in ends)

    def check(self, integration: Integration, ctx: RuleContext) -> Iterator[Violation]:
        between = (
            f"{end_name(integration.source, ctx)} and {end_name(integration.target, ctx)}"
        )
        if integration.via is None:
            if self.options.require_via:
                yield self.violation(
                    integration,
                    f"integration {label(integration)} between {between} is point-to-point, "
                    "not through an integration platform",
                    hint="route it through the integration service and record it in `via:`",
                    field="method",
                )
            return
        for element in ctx.model.targets(integration, "via"):
            if not _integration_platform(element):
                yield self.violation(
                    integration,
                    f"integration {label(integration)} between {between} goes via "
                    f"{label(element)}, which is not an integration service or platform",
                    hint="set `via:` to the integration service (a technology-service with "
                    "`category: integration`) or platform it goes through",
                    field="via",
                )
