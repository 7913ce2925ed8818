"""EA3xx: information systems (tietojärjestelmäarkkitehtuuri)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ..diagnostics import Severity
from ..model import (
    DataOwnership,
    InformationSystem,
    Integration,
    Interface,
    InterfaceStyle,
    Openness,
    Phase,
    ServiceCategory,
    Sourcing,
    TransferMethod,
)
from .base import Rule, RuleContext, RuleOptions, Violation, label
from .registry import register
from .required import FieldRequired
from .scope import internal, listing, live, planned, years_before


def _system(system_id: str, ctx: RuleContext) -> InformationSystem | None:
    element = ctx.model.get(system_id)
    return element if isinstance(element, InformationSystem) else None


def _name(element_id: str, ctx: RuleContext) -> str:
    element = ctx.model.get(element_id)
    return label(element) if element is not None else repr(element_id)


@register
class SystemHasOwner(FieldRequired):
    """Every information system has an owning organisation unit.

    ## What it does
    Checks that every information system of the organisation that is not retired has an
    `owner`: an organisation unit.

    ## Why it matters
    Principle P8: every information system has a named owner with the resources to run
    and develop it. TiHL §4 obliges management to define responsibilities for
    information management; a system nobody owns is nobody's to fix, fund or retire.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-talous, name: Taloushallinto}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
      - {kind: information-system, id: sys-talous, name: Taloushallinto, owner: ou-konserni}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 4
    - Espoo's information management model: one "vastaa" relation per system
    """

    code = "EA301"
    name = "system-has-owner"
    applies_to = (InformationSystem,)
    default_severity = Severity.ERROR
    enforces = "P8"

    required = "owner"
    missing = "has no owner"
    fix = (
        "add `owner:` with the organisation unit responsible for the operations "
        "the system serves"
    )


@register
class ProcuredSystemOpenInterface(Rule):
    """Procured and SaaS systems expose an open interface.

    ## What it does
    Checks that every live information system bought from a vendor (`sourcing: procured`
    or `saas`) `exposes` at least one interface whose `openness` is one of the accepted
    values and whose `style` is not `manual`.

    ## Why it matters
    Principle P6: the city owns its data, and every procured system has an open interface
    so the data can be used in other systems. Without one, the data is locked into the
    vendor's product and every integration becomes a negotiation.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-vaka, name: Varhaiskasvatus, sourcing: procured}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: interface, id: if-vaka, name: Vaka API, style: rest, openness: open,
         spec-url: "https://api.esimerkkila.fi/vaka/openapi.json"}
      - {kind: information-system, id: sys-vaka, name: Varhaiskasvatus, sourcing: procured,
         exposes: [if-vaka]}
    ```

    ## Options
    - `accepted-openness`: openness values that count as open.

    ## References
    - Open Knowledge Finland: the definition of an open API
    """

    code = "EA306"
    name = "procured-system-open-interface"
    applies_to = (InformationSystem,)
    default_severity = Severity.ERROR
    enforces = "P6"

    class Options(RuleOptions):
        accepted_openness: list[Openness] = Field(
            default=[Openness.OPEN, Openness.BUYER_CONTROLLED],
            description="openness values that count as open",
        )

    def applies(self, system, ctx) -> bool:
        return (
            system.sourcing in (Sourcing.PROCURED, Sourcing.SAAS)
            and live(system)
            and internal(system, ctx)
        )

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        accepted = set(self.options.accepted_openness)
        interfaces = ctx.model.targets(system, "exposes", "interface")
        if not any(
            i.openness in accepted and (i.style is None or i.style.value != "manual")
            for i in interfaces
        ):
            found = ", ".join(f"{i.id} ({i.openness or 'openness unknown'})" for i in interfaces)
            yield self.violation(
                system,
                f"{system.sourcing.value} system {label(system)} exposes no open interface"
                + (f"; it has {found}" if found else ""),
                hint="model the vendor's documented API as an `interface` with `openness: open` "
                "(or buyer-controlled) and list it under `exposes:`",
                field="exposes" if interfaces else (),
            )


@register
class SystemHasResponsiblePerson(FieldRequired):
    """Every information system has a named responsible person.

    ## What it does
    Checks that every information system of the organisation that is not retired names
    its responsible person (`responsible:`, a `person`).

    ## Why it matters
    Principle P8: every information system has a named owner *and* a named responsible
    person (vastaava viranhaltija). An organisation unit cannot answer a question from the
    data protection officer or sign off a change: a person can.

    ## Example
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-talous, name: Talouspalvelut}
      - {kind: information-system, id: sys-talous, name: Taloushallinto, owner: ou-talous}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-talous, name: Talouspalvelut}
      - {kind: person, id: per-jukka, name: Jukka Nieminen, unit: ou-talous}
      - {kind: information-system, id: sys-talous, name: Taloushallinto, owner: ou-talous,
         responsible: per-jukka}
    ```

    ## Known limitations
    Systems owned by an external organisation unit (another authority, a vendor) are out
    of scope: their responsible person is the other party's business.

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 4
    - Espoo's information management model: "vastaava viranhaltija" per system
    """

    code = "EA302"
    name = "system-has-responsible-person"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "P8"

    required = "responsible"
    missing = "has no responsible person"
    fix = (
        "add `responsible:` with the `person` who answers for the system "
        "(vastaava viranhaltija)"
    )
    own_only = True


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
        if not (live(system) and internal(system, ctx)) or ctx.model.owner_of(system) is None:
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


@register
class SystemCostKnown(FieldRequired):
    """Every information system has a known annual cost.

    ## What it does
    Checks that every information system of the organisation that is not retired records
    its `annual-cost` (euros per year; 0 is a known cost).

    ## Why it matters
    Principle P8: all IT costs are known and allocated fairly. Without the cost of each
    system the city cannot compare sourcing options, allocate costs to the units that use
    the system or see what a retirement saves.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-arkisto, name: Sähköinen arkisto}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-arkisto, name: Sähköinen arkisto,
         annual-cost: 24000}
    ```

    ## References
    - Mikkeli digital programme (Lupaus 2016), principle 8
    """

    code = "EA304"
    name = "system-cost-known"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "P8"

    required = "annual_cost"
    missing = "has no annual cost"
    fix = (
        "add `annual-cost:` in euros per year (licences, service fees, hosting, "
        "support); estimate it if the invoice bundles several services"
    )
    own_only = True


@register
class CostFullyAllocated(Rule):
    """The annual cost of a system is fully allocated to organisation units.

    ## What it does
    For every information system of the organisation that is not retired and whose
    `annual-cost` is above zero, checks that `cost-allocation` is given and that its
    shares (percent per organisation unit) sum to 100.

    ## Why it matters
    Principle P8: all IT costs are known and allocated fairly. A cost nobody is charged
    for is paid out of the IT budget, and units have no reason to give up systems they
    no longer need.

    ## Example
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-aspa, name: Asiakaspalvelu}
      - {kind: organisation-unit, id: ou-sivistys, name: Sivistystoimi}
      - {kind: information-system, id: sys-crm, name: CRM, annual-cost: 74000,
         cost-allocation: {ou-aspa: 60, ou-sivistys: 30}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-aspa, name: Asiakaspalvelu}
      - {kind: organisation-unit, id: ou-sivistys, name: Sivistystoimi}
      - {kind: information-system, id: sys-crm, name: CRM, annual-cost: 74000,
         cost-allocation: {ou-aspa: 60, ou-sivistys: 40}}
    ```

    ## Options
    - `tolerance`: how far the sum may be from 100, in percentage points (for rounding).

    ## References
    - Mikkeli digital programme (Lupaus 2016), principle 8
    """

    code = "EA305"
    name = "cost-fully-allocated"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "P8"

    class Options(RuleOptions):
        tolerance: float = Field(
            default=0.5,
            ge=0,
            description="how far the sum may be from 100, in percentage points (for rounding)",
        )

    def applies(self, system, ctx) -> bool:
        return (
            system.annual_cost is not None
            and system.annual_cost > 0
            and live(system)
            and internal(system, ctx)
        )

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        if not system.cost_allocation:
            yield self.violation(
                system,
                f"annual cost of information system {label(system)} is not allocated to any "
                "unit",
                hint="add `cost-allocation:` mapping each organisation unit that uses the "
                "system to its share in percent (shares sum to 100)",
            )
            return
        total = sum(system.cost_allocation.values())
        if abs(total - 100) > self.options.tolerance:
            yield self.violation(
                system,
                f"cost allocation of information system {label(system)} sums to "
                f"{round(total, 2):g} %, not 100 %",
                hint="correct the shares, or add the units that are missing, so that they "
                "sum to 100",
                field="cost-allocation",
            )


@register
class ContractDataOwnership(Rule):
    """Contracts of procured and SaaS systems leave the data to the organisation.

    ## What it does
    Checks that every live procured or SaaS information system of the organisation
    records its `contract` with `data-ownership: organisation`. Reports a missing
    contract, a contract that does not record data ownership, and ownership that is
    `vendor` or `unclear`.

    ## Why it matters
    Principle P6: the city owns its data. If the contract does not say so, getting the
    data out at the end of the contract, or into another system meanwhile, depends on
    the vendor's goodwill and price list.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-sign, name: Sähköinen allekirjoitus,
         sourcing: saas, contract: {reference: ESIDno-2020-233, data-ownership: unclear}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-sign, name: Sähköinen allekirjoitus,
         sourcing: saas,
         contract: {reference: ESIDno-2020-233, data-ownership: organisation}}
    ```

    ## Known limitations
    The rule reads what the model records about the contract, not the contract itself.

    ## References
    - JHS 166 Julkisen hallinnon IT-hankintojen yleiset sopimusehdot (JIT 2015), data
      ownership and return of data
    """

    code = "EA307"
    name = "contract-data-ownership"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "P6"

    def applies(self, system, ctx) -> bool:
        return (
            system.sourcing in (Sourcing.PROCURED, Sourcing.SAAS)
            and live(system)
            and internal(system, ctx)
        )

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        what = f"{system.sourcing.value} system {label(system)}"
        hint = (
            "record the contract under `contract:` with `data-ownership: organisation`; "
            "if the contract says otherwise, renegotiate it or plan the exit"
        )
        if system.contract is None:
            yield self.violation(
                system, f"{what} records no contract, so who owns its data is unknown",
                hint=hint,
            )
        elif system.contract.data_ownership is None:
            yield self.violation(
                system, f"contract of {what} does not record who owns the data",
                hint=hint, field="contract",
            )
        elif system.contract.data_ownership is DataOwnership.VENDOR:
            yield self.violation(
                system, f"contract of {what} leaves the ownership of the data to the vendor",
                hint=hint, field=("contract", "data-ownership"),
            )
        elif system.contract.data_ownership is DataOwnership.UNCLEAR:
            yield self.violation(
                system, f"contract of {what} leaves the ownership of the data unclear",
                hint=hint, field=("contract", "data-ownership"),
            )


@register
class CustomBuildJustified(Rule):
    """A custom-built system records why it was not bought.

    ## What it does
    Checks that every live information system of the organisation with
    `sourcing: custom` records a `sourcing-justification`.

    ## Why it matters
    Principle P5: the city buys information systems as a service rather than building
    custom applications. A custom application is the city's to maintain, secure and
    eventually replace alone; the reason to accept that is worth writing down.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-tilat, name: Tilavaraus, sourcing: custom}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-tilat, name: Tilavaraus, sourcing: custom,
         sourcing-justification: "Markkinoilla ei ollut 2012 kuntien vuorojakoon sopivaa palvelua"}
    ```

    ## References
    - Mikkeli digital programme (Lupaus 2016), principle 5
    """

    code = "EA308"
    name = "custom-build-justified"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "P5"

    def applies(self, system, ctx) -> bool:
        return system.sourcing is Sourcing.CUSTOM and live(system) and internal(system, ctx)

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        if not system.sourcing_justification:
            yield self.violation(
                system,
                f"custom-built information system {label(system)} has no sourcing "
                "justification",
                hint="add `sourcing-justification:` saying why no service or product on "
                "the market was suitable",
                field="sourcing",
            )


@register
class NewSystemSaasFirst(Rule):
    """A new system that is not bought as a service records why.

    ## What it does
    For every planned information system of the organisation (lifecycle phase `planned`,
    or `state: to-be` without a lifecycle) whose `sourcing` is `procured` or `custom`,
    checks that a `sourcing-justification` says why it is not bought as a service
    (`saas`) or used as a shared service (`shared`).

    ## Why it matters
    Principle P5: buy information systems as a service rather than build or run them.
    The choice is made once, before procurement; recording the reason then makes the
    principle part of the decision instead of an afterthought.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-uusi, name: Uusi hankinta, sourcing: procured,
         lifecycle: {phase: planned}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-uusi, name: Uusi hankinta, sourcing: procured,
         lifecycle: {phase: planned},
         sourcing-justification: "Toimittajat tarjoavat vain asennettavaa versiota"}
    ```

    ## Known limitations
    A planned custom-built system without a justification is reported both here and by
    EA308 (custom-build-justified); one `sourcing-justification` fixes both.

    ## References
    - Mikkeli digital programme (Lupaus 2016), principle 5
    """

    code = "EA309"
    name = "new-system-saas-first"
    applies_to = (InformationSystem,)
    default_severity = Severity.INFO
    enforces = "P5"

    def applies(self, system, ctx) -> bool:
        return (
            system.sourcing in (Sourcing.PROCURED, Sourcing.CUSTOM)
            and planned(system)
            and internal(system, ctx)
        )

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        if not system.sourcing_justification:
            how = "procured" if system.sourcing is Sourcing.PROCURED else "custom-built"
            yield self.violation(
                system,
                f"planned information system {label(system)} is to be {how}, with no "
                "justification for not buying it as a service",
                hint="add `sourcing-justification:` saying why no SaaS or shared service "
                "fits, or change `sourcing:` to saas",
                field="sourcing",
            )


@register
class SystemHasPurpose(FieldRequired):
    """Every information system records its purpose.

    ## What it does
    Checks that every information system of the organisation that is not retired has a
    `purpose`.

    ## Why it matters
    TiHL §5: the information management model describes each information system's name,
    responsible authority and purpose of use (käyttötarkoitus). The purpose also tells
    whether two systems overlap and which one to retire.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-intra, name: Intranet}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-intra, name: Intranet,
         purpose: Henkilöstön sisäinen viestintä ja ohjeet}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5
    """

    code = "EA310"
    name = "system-has-purpose"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "TiHL §5"

    required = "purpose"
    missing = "has no purpose"
    fix = "add `purpose:` describing what the system is used for (käyttötarkoitus)"
    own_only = True


@register
class SystemSecurityAssessed(Rule):
    """Every information system is classified and its risks recently assessed.

    ## What it does
    Checks that every information system of the organisation that is not retired has a
    `criticality` and, once it is past the planning stage, a `last-risk-assessment` date
    no older than `max-age-years`.

    ## Why it matters
    TiHL §13: the security of information systems is ensured over their whole lifecycle
    on the basis of a risk assessment. Criticality tells how much security a system
    needs; an assessment that is years old no longer describes today's threats, users or
    integrations.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-tilat, name: Tilavaraus, criticality: low,
         last-risk-assessment: 2019-05-10}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-tilat, name: Tilavaraus, criticality: low,
         last-risk-assessment: 2025-05-10}
    ```

    ## Options
    - `max-age-years`: how many years a risk assessment stays valid.

    ## Known limitations
    Planned systems (lifecycle phase `planned`, or `state: to-be` without a lifecycle)
    need only a criticality: their risk assessment is due before they are taken into use.

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 13
    - Julkisen hallinnon digitaalisen turvallisuuden johtoryhmä (VAHTI): riskienhallinta
    """

    code = "EA311"
    name = "system-security-assessed"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "TiHL §13"

    class Options(RuleOptions):
        max_age_years: int = Field(
            default=3, ge=1, description="how many years a risk assessment stays valid"
        )

    def applies(self, system, ctx) -> bool:
        return live(system) and internal(system, ctx)

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        if system.criticality is None:
            yield self.violation(
                system,
                f"information system {label(system)} has no criticality",
                hint="add `criticality:` from the system's security classification",
            )
        if planned(system):
            return
        years = self.options.max_age_years
        assessed = system.last_risk_assessment
        if assessed is None:
            yield self.violation(
                system,
                f"information system {label(system)} has no risk assessment",
                hint="assess the system's information security risks and record the date in "
                "`last-risk-assessment:`",
            )
        elif assessed < years_before(ctx.today, years):
            yield self.violation(
                system,
                f"last risk assessment of information system {label(system)} is from "
                f"{assessed.isoformat()}, more than {years} year{'s' if years != 1 else ''} ago",
                hint="renew the risk assessment and update `last-risk-assessment:`",
                field="last-risk-assessment",
            )


@register
class CaseRegisterDescription(Rule):
    """Systems holding case registers or service data carry their publicity description.

    ## What it does
    Checks that every live information system of the organisation with
    `case-register: true` or `service-data: true` records its `search-keys`
    (hakutekijät) and a `disclosure-contact`: who decides on disclosures and how to reach
    them. One finding lists what is missing.

    ## Why it matters
    TiHL §28: an authority publishes a document publicity description
    (asiakirjajulkisuuskuvaus) of the systems holding its case register and service data,
    with the search keys and the contact for information requests. With these fields in
    the model the description can be generated instead of kept by hand.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-rava, name: Rakennusvalvonnan rekisteri,
         case-register: true}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-rava, name: Rakennusvalvonnan rekisteri,
         case-register: true, search-keys: [hakemustunnus, kiinteistötunnus],
         disclosure-contact: "Rakennusvalvonta, rakennusvalvonta@esimerkkila.fi"}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 28
    """

    code = "EA312"
    name = "case-register-description"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "TiHL §28"

    def applies(self, system, ctx) -> bool:
        return (system.case_register or system.service_data) and live(system) and internal(
            system, ctx
        )

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        missing = []
        if not system.search_keys:
            missing.append("search keys")
        if not system.disclosure_contact:
            missing.append("disclosure contact")
        if missing:
            holds = "a case register" if system.case_register else "service data"
            yield self.violation(
                system,
                f"information system {label(system)} holds {holds} but records no "
                f"{listing(missing)} for the publicity description",
                hint="add `search-keys:` (the keys records are found by) and "
                "`disclosure-contact:` (who decides on disclosures, with contacts)",
                field="case-register" if system.case_register else "service-data",
            )


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
        return live(interface) and not planned(interface)

    def check(self, interface: Interface, ctx: RuleContext) -> Iterator[Violation]:
        if not interface.spec_url and not interface.documentation:
            yield self.violation(
                interface,
                f"interface {label(interface)} has no specification or documentation",
                hint="add `spec-url:` (e.g. the OpenAPI document) or `documentation:` "
                "(where the description is)",
            )


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
        return interface.style in _STANDARD_STYLES and live(interface)

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


@register
class OpenInterfaceCriteria(Rule):
    """An interface marked open meets the criteria of an open API.

    ## What it does
    Checks that every interface that is not retired and has `openness: open` meets the
    open API criteria: public `documentation`, a published lifecycle plan
    (`lifecycle-plan`: how versions change and old ones are retired), self-service access (`self-service: true`), a test environment
    (`test-environment: true`) and no usage fee (`fee` not true). One finding lists the
    unmet criteria.

    ## Why it matters
    The JHS 179 method and Open Knowledge Finland's definition of an open API: an API is
    open when anyone can read how it works, start using it without negotiation, try it
    safely and rely on its lifecycle, free of charge. "Open" that fails these is a claim
    the city cannot build integrations on (principle P6).

    ## Example
    ```yaml
    elements:
      - {kind: interface, id: if-ytj, name: YTJ avoin data, style: rest, openness: open,
         self-service: true, fee: false}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: interface, id: if-ytj, name: YTJ avoin data, style: rest, openness: open,
         documentation: "https://avoindata.prh.fi/", self-service: true,
         test-environment: true, fee: false,
         lifecycle-plan: "https://avoindata.prh.fi/versiointi"}
    ```

    ## Known limitations
    The model does not say whether the documentation is public: a recorded
    `documentation` counts as met. A planned
    interface (lifecycle phase `planned`, or `state: to-be` without a lifecycle) is not
    asked for documentation, which does not exist yet.

    ## References
    - Open Knowledge Finland: Avoimen rajapinnan määritelmä (definition of an open API)
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen
    """

    code = "EA315"
    name = "open-interface-criteria"
    applies_to = (Interface,)
    default_severity = Severity.WARNING
    enforces = "JHS 179"

    def applies(self, interface, ctx) -> bool:
        return interface.openness is Openness.OPEN and live(interface)

    def check(self, interface: Interface, ctx: RuleContext) -> Iterator[Violation]:
        unmet = []
        if not interface.documentation and not planned(interface):
            unmet.append("no public documentation")
        if not interface.lifecycle_plan:
            unmet.append("no lifecycle plan")
        if interface.self_service is not True:
            unmet.append("no self-service access")
        if interface.test_environment is not True:
            unmet.append("no test environment")
        if interface.fee is True:
            unmet.append("a usage fee")
        if unmet:
            yield self.violation(
                interface,
                f"open interface {label(interface)} fails the open API criteria: "
                f"{', '.join(unmet)}",
                hint="record `documentation:`, `lifecycle-plan:`, `self-service: true`, "
                "`test-environment: true` and `fee: false` once they hold, or set "
                "`openness:` to what the interface really is",
                field="openness",
            )


@register
class IntegrationHasMethod(FieldRequired):
    """Every integration records its transfer method.

    ## What it does
    Checks that every integration that is not retired has a `method` (api, message, file,
    database, view or manual).

    ## Why it matters
    TiHL §5: the information management model describes each information system's
    interfaces to other systems and the transfer method used (tiedonsiirtotapa). The
    method also tells where manual work (P3) and fragile file transfers hide.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-hr, name: Palkat}
      - {kind: information-system, id: sys-talous, name: Talous}
      - {kind: integration, id: int-palkat, name: Palkkakirjanpito, source: sys-hr,
         target: sys-talous}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-hr, name: Palkat}
      - {kind: information-system, id: sys-talous, name: Talous}
      - {kind: integration, id: int-palkat, name: Palkkakirjanpito, source: sys-hr,
         target: sys-talous, method: file}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5
    """

    code = "EA316"
    name = "integration-has-method"
    applies_to = (Integration,)
    default_severity = Severity.ERROR
    enforces = "TiHL §5"

    required = "method"
    missing = "has no transfer method"
    fix = "add `method:` (api, message, file, database, view or manual)"


@register
class ManualTransfer(Rule):
    """Data moved by hand between two systems is an automation candidate.

    ## What it does
    Reports every integration that is not retired and has `method: manual` (retyping,
    e-mail, paper), naming the two systems.

    ## Why it matters
    Principle P3: develop where automatic processing removes manual work. Retyping data
    from one system into another costs working hours on every case and brings errors
    that surface later.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-lupa, name: Lupapiste}
      - {kind: information-system, id: sys-rava, name: Rakennusvalvonnan rekisteri}
      - {kind: integration, id: int-luvat, name: Lupatiedot rekisteriin, source: sys-lupa,
         target: sys-rava, method: manual}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-lupa, name: Lupapiste}
      - {kind: information-system, id: sys-rava, name: Rakennusvalvonnan rekisteri}
      - {kind: integration, id: int-luvat, name: Lupatiedot rekisteriin, source: sys-lupa,
         target: sys-rava, method: api}
    ```

    ## References
    - Mikkeli digital programme (Lupaus 2016), principle 3
    """

    code = "EA317"
    name = "manual-transfer"
    applies_to = (Integration,)
    default_severity = Severity.WARNING
    enforces = "P3"

    def applies(self, integration, ctx) -> bool:
        return integration.method is TransferMethod.MANUAL and live(integration)

    def check(self, integration: Integration, ctx: RuleContext) -> Iterator[Violation]:
        yield self.violation(
            integration,
            f"integration {label(integration)} moves data by hand from "
            f"{_name(integration.source, ctx)} to {_name(integration.target, ctx)}",
            hint="automation candidate: record the volume (`volume:`) and plan an api, "
            "message or file transfer",
            field="method",
        )


def _authorities(integration: Integration, ctx: RuleContext) -> list:
    """External authorities owning the source or target system of an integration."""
    found = []
    for end in (integration.source, integration.target):
        system = _system(end, ctx)
        owner = ctx.model.owner_of(system) if system is not None else None
        if (
            owner is not None
            and getattr(owner, "external", False)
            and getattr(owner, "authority", False)
            and owner not in found
        ):
            found.append(owner)
    return found


@register
class AuthorityDisclosureViaInterface(Rule):
    """Data exchanged with other authorities goes through a technical interface.

    ## What it does
    Checks that every integration that is not retired and whose source or target system
    is owned by an external organisation unit with `authority: true` uses `method: api`
    or `method: message`, or records an `exception-reason`.

    ## Why it matters
    TiHL §22: regular, standard-content electronic disclosures between authorities are
    made through technical interfaces, unless that is technically or economically
    unreasonable. File transfers and e-mail to another authority are slower, harder to
    secure and harder to log.

    ## Example
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-dvv, name: Digi- ja väestötietovirasto,
         external: true, authority: true}
      - {kind: information-system, id: sys-vtj, name: Väestötietojärjestelmä, owner: ou-dvv}
      - {kind: information-system, id: sys-rava, name: Rakennusvalvonta}
      - {kind: integration, id: int-rakennukset, name: Rakennustietojen ilmoitus,
         source: sys-rava, target: sys-vtj, method: file}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-dvv, name: Digi- ja väestötietovirasto,
         external: true, authority: true}
      - {kind: information-system, id: sys-vtj, name: Väestötietojärjestelmä, owner: ou-dvv}
      - {kind: information-system, id: sys-rava, name: Rakennusvalvonta}
      - {kind: integration, id: int-rakennukset, name: Rakennustietojen ilmoitus,
         source: sys-rava, target: sys-vtj, method: file,
         exception-reason: "DVV ottaa rakennustiedot vastaan vain eräsiirtona"}
    ```

    ## Known limitations
    Integrations without a method are left to EA316 (integration-has-method).

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 22
    """

    code = "EA318"
    name = "authority-disclosure-via-interface"
    applies_to = (Integration,)
    default_severity = Severity.WARNING
    enforces = "TiHL §22"

    def applies(self, integration, ctx) -> bool:
        return (
            integration.method is not None
            and live(integration)
            and bool(_authorities(integration, ctx))
        )

    def check(self, integration: Integration, ctx: RuleContext) -> Iterator[Violation]:
        if integration.method in (TransferMethod.API, TransferMethod.MESSAGE):
            return
        if integration.exception_reason:
            return
        names = listing([label(a) for a in _authorities(integration, ctx)])
        yield self.violation(
            integration,
            f"integration {label(integration)} exchanges data with {names} by "
            f"{integration.method.value} transfer, not through a technical interface",
            hint="use the authority's api or message interface, or record in "
            "`exception-reason:` why that is technically or economically unreasonable",
            field="method",
        )


@register
class PersonalDataLegalBasis(Rule):
    """Personal data moves only with a recorded legal basis.

    ## What it does
    Checks that every integration and every interface that is not retired and has
    `personal-data: true` records its `legal-basis` (the law section, or the privacy
    notice naming the basis).

    ## Why it matters
    TiHL §5 requires the information management model to describe disclosures, and the
    GDPR (Art. 5, 6) requires a legal basis for every processing of personal data. A
    transfer of personal data without a known basis is a disclosure the city cannot
    defend to the data protection officer or the data subject.

    ## Example
    ```yaml
    elements:
      - {kind: interface, id: if-koulu, name: Koulunetin rajapinta, style: rest,
         personal-data: true}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: interface, id: if-koulu, name: Koulunetin rajapinta, style: rest,
         personal-data: true, legal-basis: "Perusopetuslaki 628/1998 40 §"}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5
    - EU General Data Protection Regulation 2016/679, Art. 6
    """

    code = "EA319"
    name = "personal-data-legal-basis-in-transfer"
    applies_to = (Integration, Interface)
    default_severity = Severity.WARNING
    enforces = "TiHL §5"

    def applies(self, element, ctx) -> bool:
        return element.personal_data is True and live(element)

    def check(self, element: Integration | Interface, ctx: RuleContext) -> Iterator[Violation]:
        if not element.legal_basis:
            yield self.violation(
                element,
                f"{element.kind} {label(element)} carries personal data but records no legal "
                "basis",
                hint="add `legal-basis:` with the law section or the privacy notice that "
                "names the basis",
                field="personal-data",
            )


@register
class RetiredSystemNoLiveInterfaces(Rule):
    """A retired system has no live interfaces or integrations.

    ## What it does
    For every retired information system, checks that it `exposes` no interface that is
    not retired (an interface without a lifecycle counts as live), and that no
    integration that is not retired has it as `source` or `target`. One finding lists
    what is still live.

    ## Why it matters
    The JHS 179 lifecycle view: a retired system that still has live interfaces or
    integrations is either not retired, or the model shows data flows that no longer
    happen. Either way the roadmap and the TiHL §5 description of transfers are wrong.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-vanha, name: Vanha talous,
         lifecycle: {phase: retired}}
      - {kind: information-system, id: sys-uusi, name: Uusi talous}
      - {kind: integration, id: int-siirto, name: Kirjanpitosiirto, source: sys-vanha,
         target: sys-uusi, method: file}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-vanha, name: Vanha talous,
         lifecycle: {phase: retired}}
      - {kind: information-system, id: sys-uusi, name: Uusi talous}
      - {kind: integration, id: int-siirto, name: Kirjanpitosiirto, source: sys-vanha,
         target: sys-uusi, method: file, lifecycle: {phase: retired}}
    ```

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: lifecycle of
      architecture elements
    """

    code = "EA320"
    name = "retired-system-no-live-interfaces"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "JHS 179"

    def applies(self, system, ctx) -> bool:
        return not live(system)

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        interfaces = [i for i in ctx.model.targets(system, "exposes", "interface") if live(i)]
        integrations = []
        for relation in ("flows-from", "flows-to"):
            for integration in ctx.model.sources(system, relation, "integration"):
                if live(integration) and integration not in integrations:
                    integrations.append(integration)
        parts = []
        if interfaces:
            parts.append("interfaces " + ", ".join(label(i) for i in interfaces))
        if integrations:
            parts.append("integrations " + ", ".join(label(i) for i in integrations))
        if parts:
            yield self.violation(
                system,
                f"retired information system {label(system)} still has live "
                f"{' and '.join(parts)}",
                hint="retire the interfaces and integrations too (`lifecycle: {phase: "
                "retired}`), or correct the system's lifecycle",
                field="exposes" if interfaces else "lifecycle",
            )


@register
class PhaseOutHasEndDate(Rule):
    """A system being phased out has a planned end date.

    ## What it does
    Checks that every information system whose lifecycle phase is `phasing-out` records
    `lifecycle.end`, the date it is planned to be retired.

    ## Why it matters
    The JHS 179 lifecycle view and roadmap: a phase-out without a date never ends. The
    date sets when the replacement must be ready, when contracts may lapse and when the
    data must be migrated or archived.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-talous, name: Taloushallinto,
         lifecycle: {phase: phasing-out, start: 2012-01-01}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-talous, name: Taloushallinto,
         lifecycle: {phase: phasing-out, start: 2012-01-01, end: 2027-06-30}}
    ```

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: roadmap
    """

    code = "EA321"
    name = "phase-out-has-end-date"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "JHS 179"

    def applies(self, system, ctx) -> bool:
        return system.lifecycle is not None and system.lifecycle.phase is Phase.PHASING_OUT

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        if system.lifecycle is not None and system.lifecycle.end is None:
            yield self.violation(
                system,
                f"information system {label(system)} is being phased out but has no end date",
                hint="add the planned retirement date as `end:` under `lifecycle:`",
                field="lifecycle",
            )


def _integration_platform(element) -> bool:
    return element.kind == "platform" or (
        element.kind == "technology-service"
        and getattr(element, "category", None) is ServiceCategory.INTEGRATION
    )


@register
class IntegrationViaPlatform(Rule):
    """Internal integrations go through the integration platform.

    ## What it does
    For every integration that is not retired, uses `method: api` or `method: message`
    and connects two information systems of the organisation, checks that it goes `via`
    an integration service (a `technology-service` with `category: integration`) or a
    `platform`. With `require-via` off, only a `via` that is neither is reported.

    ## Why it matters
    Principle P7: rely on reference architectures. Point-to-point integrations multiply
    with every new system; going through the integration platform gives the city one
    place for monitoring, security and reuse of interfaces, and makes replacing a system
    cheaper.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-sign, name: Allekirjoitus}
      - {kind: information-system, id: sys-asha, name: Asianhallinta}
      - {kind: integration, id: int-sign, name: Allekirjoitetut asiakirjat,
         source: sys-sign, target: sys-asha, method: api}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: technology-service, id: ts-integraatio, name: Integraatiopalvelu,
         category: integration}
      - {kind: information-system, id: sys-sign, name: Allekirjoitus}
      - {kind: information-system, id: sys-asha, name: Asianhallinta}
      - {kind: integration, id: int-sign, name: Allekirjoitetut asiakirjat,
         source: sys-sign, target: sys-asha, method: api, via: ts-integraatio}
    ```

    ## Options
    - `require-via`: whether an integration without `via` is reported.

    ## Known limitations
    Integrations with other authorities' or vendors' systems are out of scope: they often
    use the national Data Exchange Layer or a direct connection by design.

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: technology architecture
    """

    code = "EA322"
    name = "integration-via-platform"
    applies_to = (Integration,)
    default_severity = Severity.INFO
    enforces = "P7"
    recommended = False

    class Options(RuleOptions):
        require_via: bool = Field(
            default=True, description="whether an integration without `via` is reported"
        )

    def applies(self, integration, ctx) -> bool:
        if integration.method not in (TransferMethod.API, TransferMethod.MESSAGE):
            return False
        if not live(integration):
            return False
        ends = [_system(integration.source, ctx), _system(integration.target, ctx)]
        return all(s is not None and internal(s, ctx) for s in ends)

    def check(self, integration: Integration, ctx: RuleContext) -> Iterator[Violation]:
        between = (
            f"{_name(integration.source, ctx)} and {_name(integration.target, ctx)}"
        )
        if integration.via is None:
            if self.options.require_via:
                yield self.violation(
                    integration,
                    f"integration {label(integration)} between {between} is point-to-point, "
                    "not through an integration platform",
                    hint="route it through the integration service and record it in `via:`",
                    field="method",
                )
            return
        for element in ctx.model.targets(integration, "via"):
            if not _integration_platform(element):
                yield self.violation(
                    integration,
                    f"integration {label(integration)} between {between} goes via "
                    f"{label(element)}, which is not an integration service or platform",
                    hint="set `via:` to the integration service (a technology-service with "
                    "`category: integration`) or platform it goes through",
                    field="via",
                )
