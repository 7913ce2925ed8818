"""EA315 open-interface-criteria."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Interface, Openness
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class OpenInterfaceCriteria(Rule):
    """An interface marked open meets the criteria of an open API.

    ## What it does
    Checks that every interface that is not retired and has `openness: open` meets the
    open API criteria: public `documentation`, a published lifecycle plan
    (`lifecycle-plan`: how versions change and old ones are retired), self-service access (`self-service: true`), a test environment
    (`test-environment: true`) and no usage fee (`fee` not true). One finding lists the
    unmet criteria.

    ## Why it matters
    The JHS 179 method and Open Knowledge Finland's definition of an open API: an API is
    open when anyone can read how it works, start using it without negotiation, try it
    safely and rely on its lifecycle, free of charge. "Open" that fails these is a claim
    the city cannot build integrations on (principle P6).

    ## Example
    ```yaml
    elements:
      - {kind: interface, id: if-ytj, name: YTJ avoin data, style: rest, openness: open,
         self-service: true, fee: false}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: interface, id: if-ytj, name: YTJ avoin data, style: rest, openness: open,
         documentation: "https://avoindata.prh.fi/", self-service: true,
         test-environment: true, fee: false,
         lifecycle-plan: "https://avoindata.prh.fi/versiointi"}
    ```

    ## Known limitations
    The model does not say whether the documentation is public: a recorded
    `documentation` counts as met. A planned
    interface (lifecycle phase `planned`, or `state: to-be` without a lifecycle) is not
    asked for documentation, which does not exist yet.

    ## References
    - Open Knowledge Finland: Avoimen rajapinnan määritelmä (definition of an open API)
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen
    """

    code = "EA315"
    name = "open-interface-criteria"
    applies_to = (Interface,)
    default_severity = Severity.WARNING
    enforces = "JHS 179"

    def applies(self, interface, ctx) -> bool:
        return interface.openness is Openness.OPEN and interface.is_live

    def check(self, interface: Interface, ctx: RuleContext) -> Iterator[Violation]:
        unmet = []
        if not interface.documentation and not interface.is_planned:
            unmet.append("no public documentation")
        if not interface.lifecycle_plan:
            unmet.append("no lifecycle plan")
        if interface.self_service is not True:
            unmet.append("no self-service access")
        if interface.test_environment is not True:
            unmet.append("no test environment")
        if interface.fee is True:
            unmet.append("a usage fee")
        if unmet:
            yield self.violation(
                interface,
                f"open interface {label(interface)} fails the open API criteria: "
                f"{', '.join(unmet)}",
                hint="record `documentation:`, `lifecycle-plan:`, `self-service: true`, "
                "`test-environment: true` and `fee: false` once they hold, or set "
                "`openness:` to what the interface really is",
                field="openness",
            )
