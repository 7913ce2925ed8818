"""EA208 once-only-from-base-register."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DataGroup, InformationSystem, Integration
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class OnceOnlyFromBaseRegister(Rule):
    """A system storing base-register data receives it through an integration from the register.

    ## What it does
    Looks at every live information system of the organisation that `stores` an
    information resource or dataset holding a data group with a `base-register` (the
    national base register's system, e.g. DVV's population information system). For each
    such data group, checks that some live integration flows from the base-register system
    to this system and carries the data group, or the resource or dataset holding it.

    The finding is reported on the storing system, at the resource in its `stores:`: the
    missing piece is that system's integration, which its owner has to build or model. The
    data group itself is right to say where the data comes from.

    ## Why it matters
    TiHL §20 (once-only): an authority obtains data that another authority's base register
    provides through a technical interface, instead of asking the customer for it again or
    retyping it. A copy of population data without an incoming flow is typed in by hand, or
    fetched in a way the model does not show, and goes out of date when people move.

    ## Example
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-dvv, name: Digi- ja väestötietovirasto,
         external: true, authority: true}
      - {kind: information-system, id: sys-vtj, name: Väestötietojärjestelmä, owner: ou-dvv}
      - {kind: data-group, id: dg-henkilo, name: Henkilön perustiedot, base-register: sys-vtj}
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         data-groups: [dg-henkilo]}
      - {kind: information-system, id: sys-vaka, name: Vaka-järjestelmä, stores: [ir-vaka]}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-dvv, name: Digi- ja väestötietovirasto,
         external: true, authority: true}
      - {kind: information-system, id: sys-vtj, name: Väestötietojärjestelmä, owner: ou-dvv}
      - {kind: data-group, id: dg-henkilo, name: Henkilön perustiedot, base-register: sys-vtj}
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         data-groups: [dg-henkilo]}
      - {kind: information-system, id: sys-vaka, name: Vaka-järjestelmä, stores: [ir-vaka]}
      - {kind: integration, id: int-vtj-vaka, name: VTJ-kysely, source: sys-vtj,
         target: sys-vaka, data: [dg-henkilo], method: api}
    ```

    ## Known limitations
    Only direct integrations count: data relayed through another system of the
    organisation (e.g. an integration platform modelled as a system) is not followed;
    model the platform with the integration's `via:` instead. Data groups held only by
    datasets of a stored resource, not by the resource itself, are not looked at.

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 20
    - Digi- ja väestötietovirasto: Väestötietojärjestelmän tietopalvelut
    """

    code = "EA208"
    name = "once-only-from-base-register"
    applies_to = (InformationSystem,)
    enforces = "TiHL §20"

    def _needs(self, system: InformationSystem, ctx: RuleContext):
        """(stored item, data group, register system) for base-register data it stores."""
        found = []
        for item in ctx.model.targets(system, "stores"):
            for group in ctx.model.targets(item, "holds", DataGroup):
                for source_register in ctx.model.targets(group, "provided-by-register",
                                                  InformationSystem):
                    if source_register.id != system.id:
                        found.append((item, group, source_register))
        return found

    def applies(self, system, ctx: RuleContext) -> bool:
        return system.is_live and ctx.model.is_internal(system) and bool(self._needs(system, ctx))

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        needs = self._needs(system, ctx)
        # what each base-register system sends to this one, over live integrations
        received: dict[str, set[str]] = {}
        for integration in ctx.model.sources(system, "flows-to", Integration):
            if not integration.is_live:
                continue
            carried = {e.id for e in ctx.model.targets(integration, "carries")}
            for source in ctx.model.targets(integration, "flows-from"):
                received.setdefault(source.id, set()).update(carried)
        reported: set[tuple[str, str]] = set()
        for item, group, source_register in needs:
            if (group.id, source_register.id) in reported:
                continue
            holders = {i.id for i, g, r in needs if g.id == group.id and r.id == source_register.id}
            if received.get(source_register.id, set()) & ({group.id} | holders):
                continue
            reported.add((group.id, source_register.id))
            problem = (
                f"the integrations from {label(source_register)} do not carry it"
                if source_register.id in received
                else f"no integration from {label(source_register)} brings it"
            )
            index = system.stores.index(item.id) if item.id in system.stores else None
            yield self.violation(
                system,
                f"system {label(system)} stores {label(group)} from base register "
                f"{label(source_register)} in {label(item)}, but {problem}",
                hint=f"model an `integration` with `source: {source_register.id}`, "
                f"`target: {system.id}` and `data: [{group.id}]`, using the register's "
                "technical interface",
                field=("stores", index) if index is not None else "stores",
            )
