"""EA314 interface-declares-standards."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Interface, InterfaceStyle
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


_STANDARD_STYLES = {
    InterfaceStyle.REST: "REST",
    InterfaceStyle.SOAP: "SOAP",
    InterfaceStyle.ODATA: "OData",
    InterfaceStyle.GRAPHQL: "GraphQL",
}


@register
class InterfaceDeclaresStandards(Rule):
    """Web service interfaces declare the standards they follow.

    ## What it does
    Checks that every interface that is not retired and whose `style` is `rest`, `soap`,
    `odata` or `graphql` lists at least one entry under `standards` (for example
    OpenAPI 3.1, JHS 193, X-Road).

    ## Why it matters
    Principle P7: rely on national and international standards and reference
    architectures. Knowing which standards an interface follows tells integrators what
    to expect, and tells the city which interfaces to review when a standard changes.

    ## Example
    ```yaml
    elements:
      - {kind: interface, id: if-itsm, name: Palvelunhallinnan rajapinta, style: rest}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: interface, id: if-itsm, name: Palvelunhallinnan rajapinta, style: rest,
         standards: [OpenAPI 3.1]}
    ```

    ## References
    - OpenAPI Specification: https://spec.openapis.org/oas/latest.html
    - JHS recommendations (e.g. JHS 193 for unique identifiers) and the Suomi.fi Data
      Exchange Layer (X-Road) as national standards
    """

    code = "EA314"
    name = "interface-declares-standards"
    applies_to = (Interface,)
    default_severity = Severity.INFO
    enforces = "P7"

    def applies(self, interface, ctx) -> bool:
        return interface.style in _STANDARD_STYLES and interface.is_live

    def check(self, interface: Interface, ctx: RuleContext) -> Iterator[Violation]:
        if not interface.standards:
            yield self.violation(
                interface,
                f"{_STANDARD_STYLES[interface.style]} interface {label(interface)} declares "
                "no standards",
                hint="list the standards it follows under `standards:`, e.g. OpenAPI 3.1, "
                "JHS 193 or X-Road",
                field="style",
            )
