"""EA201 core-data-has-master."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import DataGroup
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class CoreDataHasMaster(Rule):
    """Every core data group names the information resource that masters it.

    ## What it does
    Checks that every data group marked `core: true` has a `master`: the one information
    resource where the authoritative copy of the data is kept.

    ## Why it matters
    Principle P6: the city owns its data; core data (ydintiedot) are identified and their
    location decided. If nobody has decided which resource masters, say, the customer
    register, each system keeps its own copy, the copies drift apart and nobody can tell
    which one is right.

    ## Example
    ```yaml
    elements:
      - {kind: data-group, id: dg-asiakas, name: Asiakastiedot, core: true}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-asiakas, name: Asiakasrekisteri,
         data-groups: [dg-asiakas]}
      - {kind: data-group, id: dg-asiakas, name: Asiakastiedot, core: true,
         master: ir-asiakas}
    ```

    ## Known limitations
    A `master` that names a missing element or something other than an information
    resource is reported by the integrity rules (EA007, EA008), not here.

    ## References
    - Mikkeli's digital programme (Lupaus 2016), principle 6: core data and their location
    - JHS 179: the information architecture describes core data and where each is mastered
    """

    code = "EA201"
    name = "core-data-has-master"
    applies_to = (DataGroup,)
    default_severity = Severity.ERROR
    enforces = "P6"

    def applies(self, group: DataGroup, ctx: RuleContext) -> bool:
        return group.core and group.is_live

    def check(self, group: DataGroup, ctx: RuleContext) -> Iterator[Violation]:
        if group.master is None:
            yield self.violation(
                group,
                f"core data group {label(group)} has no master information resource",
                hint="add `master:` with the information resource that keeps the "
                "authoritative copy of this data",
            )
