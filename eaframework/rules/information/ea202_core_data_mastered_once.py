"""EA202 core-data-mastered-once."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DataGroup, DevelopmentProject, InformationResource, InformationSystem
from ..base import Rule, RuleContext, Violation, label, listing
from ..registry import register


def _outgoing(element, ctx: RuleContext) -> bool:
    """Phasing out, or replaced by a development project: not part of the to-be architecture."""
    if element.is_phasing_out:
        return True
    return any(p.is_live for p in ctx.model.sources(element, "replaces", DevelopmentProject))


def _master(group: DataGroup, ctx: RuleContext) -> InformationResource | None:
    masters = ctx.model.targets(group, "mastered-in", InformationResource)
    return masters[0] if masters else None


@register
class CoreDataMasteredOnce(Rule):
    """The master resource of core data is stored in exactly one system and lists the group.

    ## What it does
    For every core data group (`core: true`) whose `master` resource is known, checks that
    exactly one information system `stores` that resource, and that the resource lists the
    data group under its `data-groups`.

    Systems are counted separately for the as-is and the to-be architecture, so that a
    replacement in progress is not a second master: the as-is count leaves out planned and
    to-be systems, the to-be count leaves out systems that are phasing out or that a
    development project `replaces`. Retired systems never count. Stored in no live system
    at all is a finding too.

    ## Why it matters
    Principle P6: core data have one decided location. A master resource that no system
    stores has no location at all; one that several systems store has several candidate
    masters, and the decision the model claims to record has not been made. A master
    resource that does not list the data group contradicts the group's own `master`.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-asiakas, name: Asiakasrekisteri,
         data-groups: [dg-asiakas]}
      - {kind: data-group, id: dg-asiakas, name: Asiakastiedot, core: true,
         master: ir-asiakas}
      - {kind: information-system, id: sys-crm, name: CRM, stores: [ir-asiakas]}
      - {kind: information-system, id: sys-laskutus, name: Laskutus, stores: [ir-asiakas]}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-asiakas, name: Asiakasrekisteri,
         data-groups: [dg-asiakas]}
      - {kind: data-group, id: dg-asiakas, name: Asiakastiedot, core: true,
         master: ir-asiakas}
      - {kind: information-system, id: sys-crm, name: CRM, stores: [ir-asiakas],
         lifecycle: {phase: phasing-out, end: 2027-12-31}}
      - {kind: information-system, id: sys-uusi-crm, name: Uusi CRM, stores: [ir-asiakas],
         lifecycle: {phase: planned, start: 2027-06-01}}
    ```

    ## Known limitations
    Systems that store only a dataset of the master resource are not counted.

    ## References
    - Mikkeli's digital programme (Lupaus 2016), principle 6
    - JHS 179: core data and their master location, as-is and to-be
    """

    code = "EA202"
    name = "core-data-mastered-once"
    applies_to = (DataGroup,)
    enforces = "P6"

    def applies(self, group: DataGroup, ctx: RuleContext) -> bool:
        return group.core and group.is_live and _master(group, ctx) is not None

    def check(self, group: DataGroup, ctx: RuleContext) -> Iterator[Violation]:
        resource = _master(group, ctx)
        if resource is None:
            return
        systems = [s for s in ctx.model.sources(resource, "stores", InformationSystem)
                   if s.is_live]
        as_is = [s for s in systems if not s.is_planned]
        to_be = [s for s in systems if not _outgoing(s, ctx)]
        if not systems:
            yield self.violation(
                group,
                f"master resource {label(resource)} of core data group {label(group)} is "
                "stored in no information system",
                hint=f"add {resource.id} to the `stores:` of the one system that masters it",
                field="master",
            )
        for state, found in (("as-is", as_is), ("to-be", to_be)):
            if len(found) > 1:
                names = listing([label(s) for s in found])
                yield self.violation(
                    group,
                    f"master resource {label(resource)} of core data group {label(group)} "
                    f"is stored in {len(found)} {state} information systems ({names})",
                    hint="decide which system masters the data: keep the resource in that "
                    "system's `stores:` and model the others' copies as their own resources "
                    "fed by integrations",
                    field="master",
                )
                break  # the same systems usually make both counts: report once
        if group.id not in {g.id for g in ctx.model.targets(resource, "holds")}:
            yield self.violation(
                group,
                f"master resource {label(resource)} does not list core data group "
                f"{label(group)} under its data-groups",
                hint=f"add {group.id} to `data-groups:` of {resource.id}",
                field="master",
            )
