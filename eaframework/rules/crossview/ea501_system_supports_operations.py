"""EA501 system-supports-operations."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import InformationSystem, Process, Service
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class SystemSupportsOperations(Rule):
    """Every information system supports a process or a service.

    ## What it does
    Checks that every information system of the organisation that is not retired
    `supports` at least one process or service. A process or service that `uses` the
    system counts as well. Systems owned by an external organisation are out of scope.

    ## Why it matters
    JHS 179 traceability: the systems architecture must be traceable to the operations
    it serves. A system that supports nothing is either undocumented (and so invisible
    when its processes change) or unnecessary, and a candidate for retirement with its
    licence and maintenance costs.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-vaka, name: Vaka-järjestelmä}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: process, id: pr-haku, name: Varhaiskasvatukseen hakeminen}
      - {kind: information-system, id: sys-vaka, name: Vaka-järjestelmä,
         supports: [pr-haku]}
    ```

    ## Known limitations
    Infrastructure-like systems (integration platforms, identity management) support
    operations only through other systems; suppress the finding with the reason.

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: relations between the
      viewpoints
    """

    code = "EA501"
    name = "system-supports-operations"
    applies_to = (InformationSystem,)
    enforces = "JHS 179"

    def applies(self, system, ctx: RuleContext) -> bool:
        return system.is_live and ctx.model.is_internal(system)

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        if ctx.model.targets(system, "supports"):
            return
        if any(ctx.model.sources(system, "uses", kind) for kind in (Process, Service)):
            return
        yield self.violation(
            system,
            f"information system {label(system)} supports no process or service",
            hint="list the processes and services it supports under `supports:`",
        )
