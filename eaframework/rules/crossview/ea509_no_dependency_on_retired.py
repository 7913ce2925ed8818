"""EA509 no-dependency-on-retired."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Channel, InformationSystem, Integration, Process, Service
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


def _index(values: tuple, value: str, name: str):
    """The field path of `value` inside the list field `name`, or the field itself."""
    return (name, values.index(value)) if value in values else name


@register
class NoDependencyOnRetired(Rule):
    """Nothing live depends on a retired information system.

    ## What it does
    Checks that no process, service, channel or information system that is not retired
    `uses` a retired information system, and that no live integration connects a retired
    system with a live one (reported on the integration, at its retired end).

    ## Why it matters
    JHS 179 lifecycle management: when a system is retired, everything that depended on
    it must have moved to its replacement. A live dependency on a retired system is either
    an error in the model or a real gap: an operation or a data flow that nobody migrated.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-vanha, name: Vanha päivähoito,
         lifecycle: {phase: retired}}
      - {kind: process, id: pr-haku, name: Varhaiskasvatukseen hakeminen, uses: [sys-vanha]}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-vanha, name: Vanha päivähoito,
         lifecycle: {phase: retired}}
      - {kind: information-system, id: sys-vaka, name: Vaka-järjestelmä}
      - {kind: process, id: pr-haku, name: Varhaiskasvatukseen hakeminen, uses: [sys-vaka]}
    ```

    ## Known limitations
    `supports:` of a retired system is history, not a dependency, and is not reported.
    Retired platforms and technology services are the technology rules' concern.

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: elinkaaren hallinta
    """

    code = "EA509"
    name = "no-dependency-on-retired"
    applies_to = (Process, Service, Channel, InformationSystem, Integration)
    default_severity = Severity.ERROR
    enforces = "JHS 179"

    def applies(self, subject, ctx: RuleContext) -> bool:
        return subject.is_live

    def check(self, subject, ctx: RuleContext) -> Iterator[Violation]:
        if isinstance(subject, Integration):
            yield from self._integration(subject, ctx)
            return
        uses = getattr(subject, "uses", ())
        for system in ctx.model.targets(subject, "uses", InformationSystem):
            if system.is_retired:
                yield self.violation(
                    subject,
                    f"{subject.kind.replace('-', ' ')} {label(subject)} uses retired "
                    f"information system {label(system)}",
                    hint="point `uses:` at the system that replaced it",
                    field=_index(uses, system.id, "uses"),
                )

    def _integration(self, integration: Integration, ctx: RuleContext) -> Iterator[Violation]:
        ends = [
            (field, end)
            for field, relation in (("source", "flows-from"), ("target", "flows-to"))
            for end in ctx.model.targets(integration, relation, InformationSystem)
        ]
        if not any(end.is_live for _, end in ends):
            return
        for field, end in ends:
            if end.is_retired:
                yield self.violation(
                    integration,
                    f"integration {label(integration)} connects retired information system "
                    f"{label(end)}",
                    hint="retire the integration too, or point it at the system that "
                    "replaced the retired one",
                    field=field,
                )
