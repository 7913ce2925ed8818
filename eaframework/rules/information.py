"""EA2xx: information (tietoarkkitehtuuri): information resources, datasets, data groups."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ..diagnostics import Severity
from ..model import (
    DataGroup,
    Dataset,
    DevelopmentProject,
    InformationResource,
    InformationSystem,
    Integration,
    Phase,
)
from .base import Rule, RuleContext, RuleOptions, Violation, label
from .registry import register
from .required import FieldRequired
from .scope import internal, listing, live, planned, years_before

# -- helpers shared with the crossview rules (EA5xx) -------------------------------------


def outgoing(element, ctx: RuleContext) -> bool:
    """Phasing out, or replaced by a development project: not part of the to-be architecture."""
    if element.lifecycle is not None and element.lifecycle.phase is Phase.PHASING_OUT:
        return True
    return any(live(p) for p in ctx.model.sources(element, "replaces", DevelopmentProject))


def _master(group: DataGroup, ctx: RuleContext) -> InformationResource | None:
    masters = ctx.model.targets(group, "mastered-in", InformationResource)
    return masters[0] if masters else None


# -- rules ---------------------------------------------------------------------------------


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
        return group.core and live(group)

    def check(self, group: DataGroup, ctx: RuleContext) -> Iterator[Violation]:
        if group.master is None:
            yield self.violation(
                group,
                f"core data group {label(group)} has no master information resource",
                hint="add `master:` with the information resource that keeps the "
                "authoritative copy of this data",
            )


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
        return group.core and live(group) and _master(group, ctx) is not None

    def check(self, group: DataGroup, ctx: RuleContext) -> Iterator[Violation]:
        resource = _master(group, ctx)
        if resource is None:
            return
        systems = [s for s in ctx.model.sources(resource, "stores", InformationSystem)
                   if live(s)]
        as_is = [s for s in systems if not planned(s)]
        to_be = [s for s in systems if not outgoing(s, ctx)]
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


@register
class ResourceHasOwner(FieldRequired):
    """Every information resource has an owning organisation unit.

    ## What it does
    Checks that every information resource that is not retired has an `owner`: the
    organisation unit responsible for it.

    ## Why it matters
    TiHL §4 obliges the management of an authority to define the responsibilities for
    information management, and §5 asks the information management model to name the
    authority responsible for each information resource. A register that nobody owns has
    nobody to decide on its disclosures, retention and security.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-sivistys, name: Sivistystoimiala}
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         owner: ou-sivistys}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 4 and § 5
    - Espoo's information management model: one "vastaa" relation per information resource
    """

    code = "EA203"
    name = "resource-has-owner"
    applies_to = (InformationResource,)
    default_severity = Severity.ERROR
    enforces = "TiHL §4"

    required = "owner"
    missing = "has no owner"
    fix = "add `owner:` with the organisation unit responsible for the resource"


@register
class ResourceHasPurpose(FieldRequired):
    """Every information resource states its purpose.

    ## What it does
    Checks that every information resource that is not retired has a `purpose`.

    ## Why it matters
    TiHL §5: the information management model describes for each information resource the
    purpose for which it is kept. The purpose is what retention, disclosures and the legal
    basis of personal data processing are judged against.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         purpose: Varhaiskasvatuksen järjestäminen ja asiakasmaksut}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5 (2)
    """

    code = "EA204"
    name = "resource-has-purpose"
    applies_to = (InformationResource,)
    enforces = "TiHL §5"

    required = "purpose"
    missing = "has no purpose"
    fix = "add `purpose:` saying what the resource is kept for"


@register
class ResourceRetention(Rule):
    """Every information resource records its retention period and archiving.

    ## What it does
    Checks that every information resource that is not retired has `retention` (how long
    the data is kept) and `archiving` (`permanent` or `destroy`). A field missing on the
    resource is accepted when the resource has datasets and every one of them gives it:
    retention is often decided per record series. One finding names what is missing.

    ## Why it matters
    TiHL §5: the information management model records the retention periods of
    information resources and whether their datasets are archived permanently or
    destroyed. Without them data is either kept forever against data protection law or
    destroyed before the archive law allows.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         retention: 10 v}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         retention: 10 v, archiving: destroy}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5 (2)
    - Arkistolaki 831/1994 (permanent retention decisions)
    """

    code = "EA205"
    name = "resource-retention"
    applies_to = (InformationResource,)
    enforces = "TiHL §5"

    def applies(self, resource, ctx: RuleContext) -> bool:
        return live(resource)

    def check(self, resource: InformationResource, ctx: RuleContext) -> Iterator[Violation]:
        datasets = ctx.model.sources(resource, "part-of", Dataset)
        missing = [
            key
            for key, attr in (("retention", "retention"), ("archiving", "archiving"))
            if getattr(resource, attr) is None
            and not (datasets and all(getattr(d, attr) is not None for d in datasets))
        ]
        if missing:
            yield self.violation(
                resource,
                f"information resource {label(resource)} has no "
                + " and no ".join(missing),
                hint="add `retention:` (e.g. '10 v' or 'pysyvä') and `archiving:` "
                "(permanent or destroy) from the records management plan",
                field=missing[0] if len(missing) == 1 else (),
            )


@register
class ResourceListsDataGroups(FieldRequired):
    """Every information resource lists its main data groups.

    ## What it does
    Checks that every information resource that is not retired lists at least one data
    group under `data-groups`.

    ## Why it matters
    TiHL §5: the information management model describes the main data groups of each
    information resource. They are what the document publicity description (§28) is built
    from, and without them nobody can tell where, say, personal identity codes are kept.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: data-group, id: dg-lapsi, name: Lapsen perustiedot}
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         data-groups: [dg-lapsi]}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5 (2)
    """

    code = "EA206"
    name = "resource-lists-data-groups"
    applies_to = (InformationResource,)
    enforces = "TiHL §5"

    required = "data_groups"
    missing = "lists no data groups"
    fix = (
        "model its main data groups as `data-group` elements and list them "
        "under `data-groups:`"
    )


@register
class PersonalDataLegalBasis(Rule):
    """An information resource with personal data records the legal basis for processing.

    ## What it does
    Checks that every information resource that is not retired and has
    `personal-data: true` has a `legal-basis`.

    ## Why it matters
    GDPR art. 6 allows processing personal data only on a legal basis, and TiHL §5 asks the
    information management model to describe each resource's purpose and disclosures. For a
    public body the basis is usually a statutory task; writing it down is what lets the
    data protection officer check the resource's scope and disclosures.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         personal-data: true}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         personal-data: true,
         legal-basis: "GDPR 6.1 c; varhaiskasvatuslaki 540/2018 § 70"}
    ```

    ## Known limitations
    Data groups have no `legal-basis` field, so a data group with `personal-data: true` is
    not checked; the resources that hold it are.

    ## References
    - EU General Data Protection Regulation 2016/679, art. 6
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5
    """

    code = "EA207"
    name = "personal-data-legal-basis"
    applies_to = (InformationResource,)
    default_severity = Severity.ERROR
    enforces = "TiHL §5"

    def applies(self, resource, ctx: RuleContext) -> bool:
        return bool(resource.personal_data) and live(resource)

    def check(self, resource: InformationResource, ctx: RuleContext) -> Iterator[Violation]:
        if not resource.legal_basis:
            yield self.violation(
                resource,
                f"information resource {label(resource)} holds personal data but has no "
                "legal basis",
                hint="add `legal-basis:` with the GDPR art. 6 basis and the law that gives "
                "the task",
                field="personal-data",
            )


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
        return live(system) and internal(system, ctx) and bool(self._needs(system, ctx))

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        needs = self._needs(system, ctx)
        # what each base-register system sends to this one, over live integrations
        received: dict[str, set[str]] = {}
        for integration in ctx.model.sources(system, "flows-to", Integration):
            if not live(integration):
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


@register
class ResourceSecurityClassification(Rule):
    """Every information resource is classified and its risks recently assessed.

    ## What it does
    Checks that every information resource that is not retired has a `criticality`, a
    `publicity` class and a `last-risk-assessment` date, and that the assessment is no
    older than `max-age-years`. Missing fields are named in one finding; an outdated
    assessment is a second finding.

    ## Why it matters
    TiHL §13: the authority secures its datasets over their whole lifecycle, based on a
    risk assessment, and classifies them by publicity and significance. A resource without
    a classification gets no particular protection; a risk assessment years old no longer
    reflects the systems and threats of today.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         criticality: high}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         criticality: high, publicity: secret, last-risk-assessment: 2025-09-15}
    ```

    ## Options
    - `max-age-years`: how many years old the last risk assessment may be.

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 13
    - Julkisen hallinnon tietoturvallisuuden arviointikriteeristö (Julkri)
    """

    code = "EA209"
    name = "resource-security-classification"
    applies_to = (InformationResource,)
    enforces = "TiHL §13"

    class Options(RuleOptions):
        max_age_years: int = Field(
            default=3, ge=1, description="how many years old the last risk assessment may be"
        )

    def applies(self, resource, ctx: RuleContext) -> bool:
        return live(resource)

    def check(self, resource: InformationResource, ctx: RuleContext) -> Iterator[Violation]:
        missing = [
            key
            for key, value in (
                ("criticality", resource.criticality),
                ("publicity", resource.publicity),
                ("last-risk-assessment", resource.last_risk_assessment),
            )
            if value is None
        ]
        if missing:
            yield self.violation(
                resource,
                f"information resource {label(resource)} has no {listing(missing)}",
                hint="classify the resource (`criticality:`, `publicity:`) and record the "
                "date of its last risk assessment in `last-risk-assessment:`",
                field=missing[0] if len(missing) == 1 else (),
            )
        assessed = resource.last_risk_assessment
        years = self.options.max_age_years
        if assessed is not None and assessed < years_before(ctx.today, years):
            yield self.violation(
                resource,
                f"last risk assessment of information resource {label(resource)} is from "
                f"{assessed.isoformat()}, more than {years} years ago",
                hint="assess the resource's risks again and update `last-risk-assessment:`",
                field="last-risk-assessment",
            )


@register
class DatasetSearchKeys(Rule):
    """Datasets of a case register record their search keys.

    ## What it does
    Checks that every dataset that is not retired and belongs to a case register has
    `search-keys`. A dataset belongs to a case register when a live information system
    with `case-register: true` stores it, or stores the information resource it is part of.

    ## Why it matters
    TiHL §28: the authority publishes a document publicity description
    (asiakirjajulkisuuskuvaus) of its case registers, listing datasets by data group with
    the search keys (hakutekijät) by which documents can be found. Customers and
    journalists use them to make information requests the authority can answer.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-asiat, name: Asiarekisteri}
      - {kind: dataset, id: ds-kirjeet, name: Saapuneet kirjeet, resource: ir-asiat}
      - {kind: information-system, id: sys-ahj, name: Asianhallinta, case-register: true,
         stores: [ir-asiat]}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-asiat, name: Asiarekisteri}
      - {kind: dataset, id: ds-kirjeet, name: Saapuneet kirjeet, resource: ir-asiat,
         search-keys: [diaarinumero, lähettäjä, saapumispäivä]}
      - {kind: information-system, id: sys-ahj, name: Asianhallinta, case-register: true,
         stores: [ir-asiat]}
    ```

    ## Known limitations
    Systems holding only service data (`service-data: true`), which §28 also covers, are
    not looked at.

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 28
    """

    code = "EA210"
    name = "dataset-search-keys"
    applies_to = (Dataset,)
    enforces = "TiHL §28"

    def _register(self, dataset: Dataset, ctx: RuleContext) -> InformationSystem | None:
        holders = [dataset, *ctx.model.targets(dataset, "part-of", InformationResource)]
        for holder in holders:
            for system in ctx.model.sources(holder, "stores", InformationSystem):
                if system.case_register and live(system):
                    return system
        return None

    def applies(self, dataset, ctx: RuleContext) -> bool:
        return live(dataset) and self._register(dataset, ctx) is not None

    def check(self, dataset: Dataset, ctx: RuleContext) -> Iterator[Violation]:
        system = self._register(dataset, ctx)
        if system is not None and not dataset.search_keys:
            yield self.violation(
                dataset,
                f"dataset {label(dataset)} of case register {label(system)} has no search "
                "keys",
                hint="add `search-keys:` with the fields documents can be searched by "
                "(e.g. diaarinumero, asianosainen, päivämäärä)",
            )
