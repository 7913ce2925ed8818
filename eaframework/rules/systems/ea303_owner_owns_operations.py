"""EA303 owner-owns-operations."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import InformationSystem
from ..base import Rule, RuleContext, Violation, label, listing
from ..registry import register


@register
class OwnerOwnsOperations(Rule):
    """The owner of a system is responsible for operations the system supports.

    ## What it does
    For every information system of the organisation that has an `owner` and `supports`
    processes or services, checks that the owner owns at least one of them, itself or
    through the organisation hierarchy: the system's owner is the unit owning a supported
    process or service, or a unit it is `part-of`.

    ## Why it matters
    Principle P8: the owner of a system is the one responsible for the operations that
    need it. When IT owns the meeting tool that the registry office alone uses, nobody
    who feels the system's faults decides on its development or pays for it.

    ## Example
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-it, name: Tietohallinto}
      - {kind: organisation-unit, id: ou-hallinto, name: Hallintopalvelut}
      - {kind: process, id: prc-kokous, name: Päätöksenteko, owner: ou-hallinto}
      - {kind: information-system, id: sys-kokous, name: Kokoustyökalu, owner: ou-it,
         supports: [prc-kokous]}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
      - {kind: organisation-unit, id: ou-hallinto, name: Hallintopalvelut,
         part-of: ou-konserni}
      - {kind: process, id: prc-kokous, name: Päätöksenteko, owner: ou-hallinto}
      - {kind: information-system, id: sys-kokous, name: Kokoustyökalu, owner: ou-konserni,
         supports: [prc-kokous]}
    ```

    ## Known limitations
    Systems without an owner (EA301) or without `supports` are skipped, and so are systems
    none of whose supported processes and services has an owner: the rule cannot tell a
    mismatch from missing data there.

    ## References
    - Espoo's information management model: the "vastaa" relation of systems and processes
    """

    code = "EA303"
    name = "owner-owns-operations"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "P8"

    def applies(self, system, ctx) -> bool:
        if not (system.is_live and ctx.model.is_internal(system)):
            return False
        if ctx.model.owner_of(system) is None:
            return False
        return any(
            ctx.model.owner_of(operation) is not None
            for operation in ctx.model.targets(system, "supports")
        )

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        owner = ctx.model.owner_of(system)
        if owner is None:
            return
        operation_owners = []
        for operation in ctx.model.targets(system, "supports"):
            unit = ctx.model.owner_of(operation)
            if unit is None:
                continue
            if unit.id == owner.id or any(a.id == owner.id for a in ctx.model.ancestors(unit)):
                return
            if unit not in operation_owners:
                operation_owners.append(unit)
        if not operation_owners:
            return
        yield self.violation(
            system,
            f"owner {label(owner)} of information system {label(system)} is not responsible "
            f"for any operation it supports; they are owned by "
            f"{listing([label(u) for u in operation_owners])}",
            hint="make the unit responsible for the supported processes or services (or a "
            "unit above it) the owner, or correct `supports:`",
            field="owner",
        )
