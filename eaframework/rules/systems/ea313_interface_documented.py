"""EA313 interface-documented."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Interface
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class InterfaceDocumented(Rule):
    """Every interface is documented.

    ## What it does
    Checks that every interface in use or being phased out has a `spec-url` (a
    machine-readable specification) or `documentation` (where its description is).

    ## Why it matters
    Principle P7: rely on standards and open, documented interfaces. An interface whose
    description nobody can find is rebuilt by reverse engineering at every integration,
    and its contract with the systems using it is unknown.

    ## Example
    ```yaml
    elements:
      - {kind: interface, id: if-ktj, name: Kiinteistötietojen rajapinta, style: rest}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: interface, id: if-ktj, name: Kiinteistötietojen rajapinta, style: rest,
         documentation: "https://www.maanmittauslaitos.fi/rajapinnat"}
    ```

    ## Known limitations
    Planned interfaces (lifecycle phase `planned`, or `state: to-be` without a lifecycle)
    are skipped: their documentation does not exist yet.

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: interface descriptions
    """

    code = "EA313"
    name = "interface-documented"
    applies_to = (Interface,)
    default_severity = Severity.WARNING
    enforces = "P7"

    def applies(self, interface, ctx) -> bool:
        return interface.is_live and not interface.is_planned

    def check(self, interface: Interface, ctx: RuleContext) -> Iterator[Violation]:
        if not interface.spec_url and not interface.documentation:
            yield self.violation(
                interface,
                f"interface {label(interface)} has no specification or documentation",
                hint="add `spec-url:` (e.g. the OpenAPI document) or `documentation:` "
                "(where the description is)",
            )
