"""EA510 planned-system-in-project."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DevelopmentProject, InformationSystem, State
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class PlannedSystemInProject(Rule):
    """Every planned information system is added by a development project.

    ## What it does
    Checks that every information system of the organisation with lifecycle phase
    `planned` or `state: to-be` (and not retired) is listed under `adds:` of some
    development project.

    ## Why it matters
    Principle P2: every development and IT procurement has an investment calculation,
    which lives on the development project. A planned system outside any project has no
    budget, schedule or payback on the roadmap from the as-is to the to-be architecture.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-uusi, name: Uusi asiakasjärjestelmä,
         state: to-be}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-uusi, name: Uusi asiakasjärjestelmä,
         state: to-be}
      - {kind: development-project, id: dp-asiakas, name: Asiakkuushanke, adds: [sys-uusi]}
    ```

    ## References
    - Mikkeli's digital programme (Lupaus 2016), principle 2
    - JHS 179: the roadmap (tiekartta) from as-is to to-be
    """

    code = "EA510"
    name = "planned-system-in-project"
    applies_to = (InformationSystem,)
    enforces = "P2"

    def applies(self, system, ctx: RuleContext) -> bool:
        return system.is_planned and ctx.model.is_internal(system)

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        if not ctx.model.sources(system, "adds", DevelopmentProject):
            yield self.violation(
                system,
                f"planned system {label(system)} is not added by any development project",
                hint="add it to `adds:` of the development project that introduces it",
                field="state" if system.state is State.TO_BE else ("lifecycle", "phase"),
            )
