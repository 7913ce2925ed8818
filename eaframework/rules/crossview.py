"""EA5xx: across the viewpoints: traceability, principles, the roadmap and lifecycles."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ..diagnostics import Severity, did_you_mean
from ..model import (
    Channel,
    Dataset,
    DevelopmentProject,
    InformationResource,
    InformationSystem,
    Integration,
    Medium,
    Model,
    Principle,
    Process,
    Service,
    State,
)
from .base import Rule, RuleContext, RuleOptions, Violation, label
from .scope import internal, listing, live, planned, retired
from .registry import REGISTRY, lookup, register


def _index(values: tuple, value: str, name: str):
    """The field path of `value` inside the list field `name`, or the field itself."""
    return (name, values.index(value)) if value in values else name


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
        return live(system) and internal(system, ctx)

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


@register
class ProcessUsesInformation(Rule):
    """Every process uses an information system or information resource, or is manual.

    ## What it does
    Checks that every process that is not retired and not marked `manual: true` `uses` an
    information system, information resource or dataset, or is supported by a system
    (`supports:` on the system). A process whose sub-processes (`part-of`) do so counts
    as well.

    ## Why it matters
    JHS 179 traceability: each process is linked to the information and systems it
    needs, so that the effects of changing a system on operations can be seen. TiHL §5
    asks the information management model to link processes to information resources and
    systems. A process with neither links nor a `manual` mark is simply undocumented.

    ## Example
    ```yaml
    elements:
      - {kind: process, id: pr-haku, name: Varhaiskasvatukseen hakeminen}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-vaka, name: Vaka-järjestelmä}
      - {kind: process, id: pr-haku, name: Varhaiskasvatukseen hakeminen, uses: [sys-vaka]}
    ```

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5
    """

    code = "EA502"
    name = "process-uses-information"
    applies_to = (Process,)
    enforces = "JHS 179"

    def applies(self, process, ctx: RuleContext) -> bool:
        return live(process) and not process.manual

    def check(self, process: Process, ctx: RuleContext) -> Iterator[Violation]:
        seen: set[str] = set()
        todo = [process]
        while todo:
            current = todo.pop()
            if current.id in seen:
                continue
            seen.add(current.id)
            if any(ctx.model.targets(current, "uses", kind)
                   for kind in (InformationSystem, InformationResource, Dataset)):
                return
            if ctx.model.sources(current, "supports", InformationSystem):
                return
            todo.extend(ctx.model.sources(current, "part-of", Process))
        yield self.violation(
            process,
            f"process {label(process)} uses no information system or information resource",
            hint="list what it uses under `uses:`, or mark it `manual: true` if it is "
            "carried out without information systems",
        )


@register
class ResourceHeldInSystem(Rule):
    """Every electronic information resource is stored in an information system.

    ## What it does
    Checks that every information resource that is not retired and not `medium: paper`
    is stored in (`stores:` of) a live information system, or has a dataset that is.
    Storage in retired systems does not count.

    ## Why it matters
    JHS 179 traceability: information resources are linked to the systems that hold
    them, and TiHL §5 asks the information management model to link each resource to its
    systems. Without the link nobody knows where the data is, who secures it or what
    happens to it when a system is retired.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri}
      - {kind: information-system, id: sys-vaka, name: Vaka-järjestelmä, stores: [ir-vaka]}
    ```

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5
    """

    code = "EA503"
    name = "resource-held-in-system"
    applies_to = (InformationResource,)
    enforces = "JHS 179"

    def applies(self, resource, ctx: RuleContext) -> bool:
        return live(resource) and resource.medium is not Medium.PAPER

    def check(self, resource: InformationResource, ctx: RuleContext) -> Iterator[Violation]:
        holders = [resource, *ctx.model.sources(resource, "part-of", Dataset)]
        systems = [s for h in holders for s in ctx.model.sources(h, "stores", InformationSystem)]
        if any(live(s) for s in systems):
            return
        old = f" (only in retired {listing([label(s) for s in systems])})" if systems else ""
        yield self.violation(
            resource,
            f"information resource {label(resource)} is stored in no information system"
            + old,
            hint="add the resource to `stores:` of the system that holds it, or set "
            "`medium: paper` if it is kept on paper only",
        )


@register
class PrincipleComplete(Rule):
    """Every architecture principle has a statement, rationale and implications.

    ## What it does
    Checks that every principle that is not retired has `statement` (periaate),
    `rationale` (perustelu) and `implications` (vaikutukset). One finding names what is
    missing.

    ## Why it matters
    JHS 179 writes each architecture principle as statement, rationale and implications.
    A principle without its rationale cannot be weighed against another when they
    conflict, and one without implications does not say what anybody must do differently.

    ## Example
    ```yaml
    elements:
      - {kind: principle, id: p6, name: Kaupunki omistaa tietonsa,
         statement: Kaupunki omistaa tietonsa ja prosessinsa}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: principle, id: p6, name: Kaupunki omistaa tietonsa,
         statement: Kaupunki omistaa tietonsa ja prosessinsa,
         rationale: Tietoa käytetään monessa järjestelmässä,
         implications: Hankittavissa järjestelmissä on avoin rajapinta}
    ```

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: arkkitehtuuriperiaatteet
    """

    code = "EA504"
    name = "principle-complete"
    applies_to = (Principle,)
    default_severity = Severity.ERROR
    enforces = "JHS 179"

    def applies(self, principle, ctx: RuleContext) -> bool:
        return live(principle)

    def check(self, principle: Principle, ctx: RuleContext) -> Iterator[Violation]:
        missing = [
            key
            for key in ("statement", "rationale", "implications")
            if not getattr(principle, key)
        ]
        if missing:
            yield self.violation(
                principle,
                f"principle {label(principle)} has no {listing(missing)}",
                hint="write the principle as `statement:` (periaate), `rationale:` "
                "(perustelu) and `implications:` (vaikutukset)",
                field=missing[0] if len(missing) == 1 else (),
            )


@register
class PrincipleEnforced(Rule):
    """Every architecture principle names the rules that enforce it, and those rules exist.

    ## What it does
    Checks that every principle that is not retired lists at least one rule under
    `rules:` (by code, e.g. EA306, or name, e.g. procured-system-open-interface), and that
    every listed rule is one `ea` knows. An unknown rule is reported at its place in the
    list with the closest known code or name.

    ## Why it matters
    JHS 179: principles steer the architecture only when compliance with them is checked.
    Linking a principle to its rules is what lets `ea` report compliance per principle; a
    misspelt rule silently checks nothing.

    ## Example
    ```yaml
    elements:
      - {kind: principle, id: p6, name: Kaupunki omistaa tietonsa,
         statement: Kaupunki omistaa tietonsa, rationale: Tietoa käytetään laajasti,
         implications: Avoimet rajapinnat, rules: [EA306, core-data-has-mastr]}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: principle, id: p6, name: Kaupunki omistaa tietonsa,
         statement: Kaupunki omistaa tietonsa, rationale: Tietoa käytetään laajasti,
         implications: Avoimet rajapinnat, rules: [EA306, core-data-has-master]}
    ```

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: arkkitehtuuriperiaatteet
    """

    code = "EA505"
    name = "principle-enforced"
    applies_to = (Principle,)
    enforces = "JHS 179"

    def applies(self, principle, ctx: RuleContext) -> bool:
        return live(principle)

    def check(self, principle: Principle, ctx: RuleContext) -> Iterator[Violation]:
        if not principle.rules:
            suggested = sorted(
                rule.code for rule in REGISTRY.values()
                if principle.code and rule.enforces == principle.code
            )
            yield self.violation(
                principle,
                f"principle {label(principle)} lists no rule enforcing it",
                hint="list the codes or names of the rules that check it under `rules:`"
                + (f", e.g. [{', '.join(suggested)}]" if suggested
                   else " (see `ea rules`)"),
            )
            return
        choices = [name for rule in REGISTRY.values() for name in (rule.code, rule.name)]
        for index, ref in enumerate(principle.rules):
            if lookup(ref) is None:
                yield self.violation(
                    principle,
                    f"principle {label(principle)} lists unknown rule {ref!r}"
                    f"{did_you_mean(ref, choices)}",
                    hint="name a rule by its code (EA306) or name (see `ea rules`)",
                    field=("rules", index),
                )


@register
class ChangeHasImpactAssessment(Rule):
    """A change that adds or replaces an information system references an impact assessment.

    ## What it does
    Checks that every development project that is not retired and `adds` or `replaces`
    an information system references an `impact-assessment`. A planned or to-be system of
    the organisation that no development project `adds` is reported itself, since nothing
    links it to an assessment; a planned system that some project adds is that project's
    responsibility and is not reported.

    ## Why it matters
    TiHL §5.3: material changes to administration or information systems are assessed in
    advance for their effects on information management: security, disclosures and
    interfaces, case management, publicity and interoperability. Without the assessment
    these surface only after the system is bought.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-uusi, name: Uusi asiakasjärjestelmä,
         lifecycle: {phase: planned}}
      - {kind: development-project, id: dp-asiakas, name: Asiakkuushanke, adds: [sys-uusi]}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-uusi, name: Uusi asiakasjärjestelmä,
         lifecycle: {phase: planned}}
      - {kind: impact-assessment, id: ia-asiakas, name: Asiakkuushankkeen vaikutusarvio,
         assessed-on: 2026-02-01}
      - {kind: development-project, id: dp-asiakas, name: Asiakkuushanke, adds: [sys-uusi],
         impact-assessment: ia-asiakas}
    ```

    ## Known limitations
    An information system cannot reference an impact assessment itself; a planned system
    outside any project is reported even if its change has been assessed. Put it into a
    development project (EA510 asks the same).

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5 (3)
    - Digi- ja väestötietovirasto: muutosvaikutusten arviointi (suositus)
    """

    code = "EA506"
    name = "change-has-impact-assessment"
    applies_to = (DevelopmentProject, InformationSystem)
    default_severity = Severity.ERROR
    enforces = "TiHL §5"

    @staticmethod
    def _changed(project: DevelopmentProject, ctx: RuleContext) -> list:
        return [
            system
            for relation in ("adds", "replaces")
            for system in ctx.model.targets(project, relation, InformationSystem)
        ]

    def applies(self, subject, ctx: RuleContext) -> bool:
        if isinstance(subject, DevelopmentProject):
            return live(subject) and bool(self._changed(subject, ctx))
        return (
            planned(subject)
            and internal(subject, ctx)
            and not ctx.model.sources(subject, "adds", DevelopmentProject)
        )

    def check(self, subject, ctx: RuleContext) -> Iterator[Violation]:
        if isinstance(subject, InformationSystem):
            yield self.violation(
                subject,
                f"planned system {label(subject)} is not part of a development project with "
                "an impact assessment",
                hint="add it to `adds:` of the development project that introduces it, and "
                "give the project an `impact-assessment:`",
            )
            return
        if subject.impact_assessment is None:
            changed = self._changed(subject, ctx)
            systems = ("information systems " if len(changed) > 1 else "information system ")
            yield self.violation(
                subject,
                f"development project {label(subject)} changes {systems}"
                f"{listing([label(s) for s in changed])} but references no impact assessment",
                hint="assess the change's effects on information management and reference "
                "the `impact-assessment` element under `impact-assessment:`",
            )


@register
class ProjectInvestmentCalculation(Rule):
    """Every development project has an investment calculation with a known payback.

    ## What it does
    Checks that every development project that is not retired has `costs.investment`,
    `expected-annual-benefit` and a payback period: either `payback-years` or one that
    can be computed (investment divided by the annual benefit less the annual costs).
    One finding names what is missing.

    ## Why it matters
    Principle P2: an investment calculation is made before every development project and
    IT procurement, so that the payback time is known and projects can be compared and
    prioritised on the roadmap.

    ## Example
    ```yaml
    elements:
      - {kind: development-project, id: dp-asiakas, name: Asiakkuushanke,
         costs: {investment: 120000}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: development-project, id: dp-asiakas, name: Asiakkuushanke,
         costs: {investment: 120000, annual: 10000}, expected-annual-benefit: 50000}
    ```

    ## Known limitations
    Whether the payback is acceptable is not judged: a maximum payback is an investment
    policy, a different concern from knowing the payback at all.

    ## References
    - Mikkeli's digital programme (Lupaus 2016), principle 2: investment calculation
    """

    code = "EA507"
    name = "project-investment-calculation"
    applies_to = (DevelopmentProject,)
    enforces = "P2"

    def applies(self, project, ctx: RuleContext) -> bool:
        return live(project)

    def check(self, project: DevelopmentProject, ctx: RuleContext) -> Iterator[Violation]:
        missing: list[tuple[str, tuple]] = []
        investment = project.costs.investment if project.costs is not None else None
        if investment is None:
            missing.append(("costs.investment", ("costs", "investment")))
        if project.expected_annual_benefit is None:
            missing.append(("expected-annual-benefit", ("expected-annual-benefit",)))
        if project.payback_years is None and project.computed_payback() is None:
            why = (
                " (it cannot be computed: the expected annual benefit does not exceed the "
                "annual costs)"
                if investment is not None and project.expected_annual_benefit is not None
                else ""
            )
            missing.append(("payback-years" + why, ("payback-years",)))
        if not missing:
            return
        yield self.violation(
            project,
            f"development project {label(project)} has no "
            + listing([name for name, _ in missing]),
            hint="record the investment calculation: `costs: {investment: ..., annual: ...}`, "
            "`expected-annual-benefit:` and, if it cannot be computed from these, "
            "`payback-years:`",
            field=missing[0][1] if len(missing) == 1 else (),
        )


@register
class ModelApproved(Rule):
    """The model records who approved it, when, and when it was last reviewed.

    ## What it does
    Checks that the model's `metadata` has `approved-by`, `approved-on` and
    `last-reviewed`, and that the last review is no older than `max-review-age-days`. A
    model without `metadata` is a finding. Missing fields are named in one finding; an
    outdated review is a second finding.

    ## Why it matters
    TiHL §4: the management of the authority is responsible for information management
    and for keeping the information management model up to date. Recording who approved
    the model and when it was last reviewed is how the model shows that it is the
    authority's decided description and not somebody's draft.

    ## Example
    ```yaml
    metadata: {organisation: Esimerkkilän kaupunki, approved-by: Kaupunginjohtaja}
    elements:
      - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
    ```

    Use instead:
    ```yaml
    metadata: {organisation: Esimerkkilän kaupunki, approved-by: Kaupunginjohtaja,
               approved-on: 2026-01-15, last-reviewed: 2026-01-15}
    elements:
      - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
    ```

    ## Options
    - `max-review-age-days`: how many days old the last review may be.

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 4 and § 5
    """

    code = "EA508"
    name = "model-approved"
    applies_to = (Model,)
    enforces = "TiHL §4"

    class Options(RuleOptions):
        max_review_age_days: int = Field(
            default=400, ge=1, description="how many days old the last review may be"
        )

    def check(self, model: Model, ctx: RuleContext) -> Iterator[Violation]:
        meta = model.metadata
        if meta is None:
            yield self.violation(
                model,
                "model has no metadata, so nobody is recorded as having approved it",
                hint="add a `metadata:` block with `organisation:`, `approved-by:`, "
                "`approved-on:` and `last-reviewed:` to one file",
            )
            return
        missing = [
            key
            for key, value in (
                ("approved-by", meta.approved_by),
                ("approved-on", meta.approved_on),
                ("last-reviewed", meta.last_reviewed),
            )
            if not value
        ]
        if missing:
            yield self.violation(
                model,
                f"model metadata has no {listing(missing)}",
                hint="record who approved the model (`approved-by:`), when "
                "(`approved-on:`) and when it was last reviewed (`last-reviewed:`)",
                field=missing[0] if len(missing) == 1 else (),
            )
        limit = self.options.max_review_age_days
        if meta.last_reviewed is not None:
            age = (ctx.today - meta.last_reviewed).days
            if age > limit:
                yield self.violation(
                    model,
                    f"model was last reviewed on {meta.last_reviewed.isoformat()}, {age} "
                    f"days ago (more than {limit})",
                    hint="review the model with its owners and update `last-reviewed:`",
                    field="last-reviewed",
                )


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
        return live(subject)

    def check(self, subject, ctx: RuleContext) -> Iterator[Violation]:
        if isinstance(subject, Integration):
            yield from self._integration(subject, ctx)
            return
        uses = getattr(subject, "uses", ())
        for system in ctx.model.targets(subject, "uses", InformationSystem):
            if retired(system):
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
        if not any(live(end) for _, end in ends):
            return
        for field, end in ends:
            if retired(end):
                yield self.violation(
                    integration,
                    f"integration {label(integration)} connects retired information system "
                    f"{label(end)}",
                    hint="retire the integration too, or point it at the system that "
                    "replaced the retired one",
                    field=field,
                )


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
        return planned(system) and internal(system, ctx)

    def check(self, system: InformationSystem, ctx: RuleContext) -> Iterator[Violation]:
        if not ctx.model.sources(system, "adds", DevelopmentProject):
            yield self.violation(
                system,
                f"planned system {label(system)} is not added by any development project",
                hint="add it to `adds:` of the development project that introduces it",
                field="state" if system.state is State.TO_BE else ("lifecycle", "phase"),
            )
