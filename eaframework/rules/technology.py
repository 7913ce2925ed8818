"""EA4xx: technology (teknologia-arkkitehtuuri): platforms and shared technology services."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from weakref import WeakKeyDictionary

from ..diagnostics import Severity
from ..model import (
    Audience,
    ElementBase,
    InformationSystem,
    Model,
    Phase,
    Platform,
    ServiceCategory,
    State,
    TechnologyService,
)
from .base import Rule, RuleContext, Violation, label
from .registry import register
from .scope import live

# The shared services principle P1 asks every citizen-facing e-service to use.
P1_CATEGORIES = (ServiceCategory.IDENTIFICATION, ServiceCategory.MESSAGING)

_DESIGNATED: WeakKeyDictionary[Model, dict[ServiceCategory, list[TechnologyService]]] = (
    WeakKeyDictionary()
)


def designated_services(model: Model, category: ServiceCategory) -> list[TechnologyService]:
    """The live technology services marked `designated: true` for `category`, in file order.

    Computed once per model (one pass over the technology services), then a lookup."""
    found = _DESIGNATED.get(model)
    if found is None:
        found = defaultdict(list)
        for service in model.of_kind("technology-service"):
            if service.designated and service.category is not None and live(service):
                found[service.category].append(service)
        _DESIGNATED[model] = found
    return found.get(category, [])


def kind_words(element: ElementBase) -> str:
    """'information system', 'platform', 'technology service'."""
    return element.kind.replace("-", " ")


def _in_production(element: ElementBase) -> bool:
    if element.lifecycle is None:
        return element.state is State.AS_IS
    return element.lifecycle.phase is Phase.IN_PRODUCTION


def _gone(element: ElementBase, today: dt.date) -> str | None:
    """Why `element` no longer runs anything ('retired', 'phasing out, ended ...'), or None."""
    lifecycle = element.lifecycle
    if lifecycle is None:
        return None
    if lifecycle.phase is Phase.RETIRED:
        return f"retired since {lifecycle.end.isoformat()}" if lifecycle.end else "retired"
    if lifecycle.phase is Phase.PHASING_OUT and lifecycle.end is not None and lifecycle.end < today:
        return f"phasing out with an end date {lifecycle.end.isoformat()} already passed"
    return None


@register
class NoProductionOnRetiredPlatform(Rule):
    """Nothing in production runs on a retired platform or technology service.

    ## What it does
    Checks every information system, platform and technology service that is in production
    (lifecycle phase `in-production`, or no `lifecycle` at all on an as-is element) and
    reports each platform or technology service in its `runs-on` that is retired, or
    phasing out with a `lifecycle.end` date that has already passed.

    ## Why it matters
    JHS 179 lifecycle sanity: nothing in production may depend on a retired platform. A
    retired platform gets no security updates and no vendor support, so the systems on it
    break the security obligation over the whole lifecycle (TiHL §13) and are one failure
    away from an outage of the city's services.

    ## Example
    ```yaml
    elements:
      - {kind: platform, id: pf-ws2012, name: Windows Server 2012,
         lifecycle: {phase: retired, end: 2023-10-10}}
      - {kind: information-system, id: sys-tilat, name: Tilavaraus, runs-on: [pf-ws2012],
         lifecycle: {phase: in-production}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: platform, id: pf-ws2012, name: Windows Server 2012,
         lifecycle: {phase: retired, end: 2023-10-10}}
      - {kind: platform, id: pf-ws2022, name: Windows Server 2022,
         lifecycle: {phase: in-production}}
      - {kind: information-system, id: sys-tilat, name: Tilavaraus, runs-on: [pf-ws2022],
         lifecycle: {phase: in-production}}
    ```

    ## Known limitations
    Only `runs-on` counts as depending. A system that merely `uses` a retired technology
    service is not reported here.

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: lifecycle of the
      technology architecture
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 13
    """

    code = "EA401"
    name = "no-production-on-retired-platform"
    applies_to = (InformationSystem, Platform, TechnologyService)
    default_severity = Severity.ERROR
    enforces = "JHS 179"

    def applies(self, element, ctx) -> bool:
        return _in_production(element)

    def check(self, element, ctx: RuleContext) -> Iterator[Violation]:
        for host in ctx.model.targets(element, "runs-on"):
            why = _gone(host, ctx.today)
            if why is not None:
                yield self.violation(
                    element,
                    f"{kind_words(element)} {label(element)} is in production but runs on "
                    f"{kind_words(host)} {label(host)}, {why}",
                    hint="move it to a supported platform and update `runs-on:`, or record "
                    "its own lifecycle if it is being retired too",
                    field="runs-on",
                )


def _external(element: ElementBase, ctx: RuleContext) -> bool:
    """Provided by an organisation outside the city, or a shared national service."""
    if getattr(element, "national", False):
        return True
    return any(
        getattr(unit, "external", False)
        for unit in ctx.model.targets(element, "provided-by", "organisation-unit")
    )


@register
class PlatformHasOwner(Rule):
    """Every platform and technology service of the city's own has an owner.

    ## What it does
    Checks that every platform and technology service that is not retired and is not
    provided by an external organisation (a `provider` with `external: true`, or a
    `national: true` service) has an `owner`: an organisation unit.

    ## Why it matters
    TiHL §4 obliges management to define responsibilities for information management, and
    principle P8 asks for a named owner with resources. A server or infrastructure service
    nobody owns is never patched, renewed or budgeted, and its retirement is nobody's
    decision.

    ## Example
    ```yaml
    elements:
      - {kind: platform, id: pf-tietokanta, name: Tietokantapalvelin}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-tieto, name: Tietohallinto}
      - {kind: platform, id: pf-tietokanta, name: Tietokantapalvelin, owner: ou-tieto}
    ```

    ## Known limitations
    Services and platforms provided by an external organisation are out of scope: the
    city's side of the responsibility is recorded on the systems that use them.

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 4
    """

    code = "EA402"
    name = "platform-has-owner"
    applies_to = (Platform, TechnologyService)
    default_severity = Severity.WARNING
    enforces = "TiHL §4"

    def applies(self, element, ctx) -> bool:
        return live(element) and not _external(element, ctx)

    def check(self, element, ctx: RuleContext) -> Iterator[Violation]:
        if element.owner is None and ctx.model.owner_of(element) is None:
            yield self.violation(
                element,
                f"{kind_words(element)} {label(element)} has no owner",
                hint="add `owner:` with the organisation unit that runs and renews it",
            )


@register
class DesignatedSharedServices(Rule):
    """The model designates exactly one identification and one messaging service.

    ## What it does
    Checks the model as a whole: among the technology services that are not retired,
    exactly one has `category: identification` and `designated: true`, and exactly one has
    `category: messaging` and `designated: true`. Reports a category with none, and a
    category with several in the same `state` (one as-is and one to-be designated service
    is a planned change, not a conflict). It applies to models that describe citizen-facing
    e-services or identification or messaging services.

    ## Why it matters
    Principle P1: one set of credentials and one communication channel for all of the
    city's e-services. The rules that check each e-service (EA101, EA102) need to know
    which service is the city's choice; with none, nobody knows what to use, and with
    several, residents end up with several logins and inboxes.

    ## Example
    ```yaml
    metadata: {organisation: Esimerkkilä}
    elements:
      - {kind: technology-service, id: ts-tunnistus, name: Suomi.fi-tunnistus,
         category: identification}
      - {kind: technology-service, id: ts-viestit, name: Suomi.fi-viestit,
         category: messaging, designated: true}
    ```

    Use instead:
    ```yaml
    metadata: {organisation: Esimerkkilä}
    elements:
      - {kind: technology-service, id: ts-tunnistus, name: Suomi.fi-tunnistus,
         category: identification, designated: true}
      - {kind: technology-service, id: ts-viestit, name: Suomi.fi-viestit,
         category: messaging, designated: true}
    ```

    ## Known limitations
    The finding belongs to the model as a whole, so it cannot be suppressed on an element;
    use `per-file-ignores` if a transition period must be accepted.

    ## References
    - Suomi.fi-tunnistus and Suomi.fi-viestit, the national shared services
      (Digi- ja väestötietovirasto)
    """

    code = "EA403"
    name = "designated-shared-services"
    applies_to = (Model,)
    default_severity = Severity.WARNING
    enforces = "P1"

    def applies(self, model, ctx) -> bool:
        if any(
            s.category in P1_CATEGORIES for s in model.of_kind("technology-service")
        ):
            return True
        return any(
            s.e_service and s.audience is not Audience.INTERNAL and live(s)
            for s in model.of_kind("service")
        )

    def check(self, model, ctx: RuleContext) -> Iterator[Violation]:
        for category in P1_CATEGORIES:
            services = designated_services(model, category)
            if not services:
                yield self.violation(
                    model,
                    f"the model designates no {category.value} service",
                    hint=f"mark the city's common {category.value} service (e.g. Suomi.fi) "
                    f"with `category: {category.value}` and `designated: true`",
                )
                continue
            by_state: dict[State, list[TechnologyService]] = defaultdict(list)
            for service in services:
                by_state[service.state].append(service)
            for state, same in by_state.items():
                if len(same) > 1:
                    names = ", ".join(f"{label(s)} ({s.id})" for s in same)
                    yield self.violation(
                        model,
                        f"the model designates {len(same)} {state.value} {category.value} "
                        f"services: {names}",
                        hint="keep `designated: true` on the one the city has chosen; mark a "
                        "planned replacement `state: to-be`",
                    )


@register
class PlatformLifecycleDates(Rule):
    """A platform or technology service that is phasing out has an end date.

    ## What it does
    Checks that every platform and technology service whose `lifecycle.phase` is
    `phasing-out` records `lifecycle.end`, the date it is to be retired.

    ## Why it matters
    JHS 179 lifecycle planning: the roadmap from as-is to to-be needs the date by which the
    systems on a platform must have moved. Without it, EA401 cannot tell when the platform
    stops being safe to run on, and the migration has no deadline to budget for.

    ## Example
    ```yaml
    elements:
      - {kind: platform, id: pf-ws2016, name: Windows Server 2016,
         lifecycle: {phase: phasing-out}}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: platform, id: pf-ws2016, name: Windows Server 2016,
         lifecycle: {phase: phasing-out, end: 2027-01-12}}
    ```

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen: roadmap (tiekartta)
    """

    code = "EA404"
    name = "platform-lifecycle-dates"
    applies_to = (Platform, TechnologyService)
    default_severity = Severity.INFO
    enforces = "JHS 179"

    def applies(self, element, ctx) -> bool:
        return element.lifecycle is not None and element.lifecycle.phase is Phase.PHASING_OUT

    def check(self, element, ctx: RuleContext) -> Iterator[Violation]:
        if element.lifecycle.end is None:
            yield self.violation(
                element,
                f"{kind_words(element)} {label(element)} is phasing out but has no end date",
                hint="add `end:` under `lifecycle:` with the planned retirement date",
                field="lifecycle",
            )
