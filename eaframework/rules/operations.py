"""EA1xx: operations (toiminta-arkkitehtuuri): services, channels and processes."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field, NonNegativeInt

from ..diagnostics import Severity
from ..model import Process, ProcessCategory, Service, ServiceCategory, TechnologyService
from .base import Rule, RuleContext, RuleOptions, Violation, label
from .registry import register
from .required import FieldRequired
from .scope import live
from .technology import designated_services


def citizen_facing(service: Service) -> bool:
    """A live service for residents or businesses (`audience` citizen or business)."""
    return service.citizen_facing and live(service)


def audience_words(service: Service) -> str:
    return f"{service.audience.value}-facing"


def _reachable_technology(service: Service, ctx: RuleContext) -> list[TechnologyService]:
    """Technology services the service relies on: in its own `uses`, or in the `uses` of a
    live information system it uses, of a live channel it is delivered through, or of a
    live system such a channel uses. Hash lookups only."""
    model = ctx.model
    found: dict[str, TechnologyService] = {}
    via: list = []
    for target in model.targets(service, "uses"):
        if target.kind == "technology-service":
            found.setdefault(target.id, target)
        elif target.kind == "information-system" and live(target):
            via.append(target)
    for channel in model.targets(service, "delivered-through", "channel"):
        if not live(channel):
            continue
        via.append(channel)
        via.extend(s for s in model.targets(channel, "uses", "information-system") if live(s))
    for element in via:
        for tech in model.targets(element, "uses", "technology-service"):
            found.setdefault(tech.id, tech)
    return list(found.values())


class _UsesDesignatedService(Rule):
    """Shared logic of EA101 and EA102 (not registered itself)."""

    category: ServiceCategory
    applies_to = (Service,)
    default_severity = Severity.WARNING
    enforces = "P1"

    def applies(self, service, ctx) -> bool:
        return service.e_service and citizen_facing(service)

    def check(self, service: Service, ctx: RuleContext) -> Iterator[Violation]:
        what = self.category.value
        designated = designated_services(ctx.model, self.category)
        used = _reachable_technology(service, ctx)
        chosen = {t.id for t in designated}
        if any(t.id in chosen for t in used):
            return
        field = "uses" if service.uses else ()
        if not designated:
            yield self.violation(
                service,
                f"e-service {label(service)} uses no designated {what} service, and the "
                f"model designates none",
                hint=f"mark the city's common {what} service (e.g. Suomi.fi) with "
                f"`category: {what}` and `designated: true`, then list it under `uses:`",
                field=field,
            )
            return
        names = " or ".join(label(t) for t in designated)
        others = [t for t in used if t.category is self.category]  # none of them chosen
        instead = (
            f"; it uses {', '.join(label(t) for t in others)} instead" if others else ""
        )
        yield self.violation(
            service,
            f"e-service {label(service)} does not use the designated {what} service "
            f"{names}{instead}",
            hint=f"add `{designated[0].id}` to the service's `uses:`, or to the `uses:` of an "
            "information system or channel it relies on",
            field=field,
        )


@register
class EServiceUsesIdentification(_UsesDesignatedService):
    """Citizen-facing e-services use the designated identification service.

    ## What it does
    Checks that every e-service (`e-service: true`) for residents or businesses
    (`audience: citizen` or `business`) that is not retired uses the organisation's
    designated identification service: the `technology-service` with
    `category: identification` and `designated: true`. The service counts as used when it
    is in the e-service's own `uses:`, or in the `uses:` of an information system the
    e-service uses, of a channel it is delivered through (`channels:`), or of an
    information system such a channel uses. When the model designates no identification
    service, the finding says so.

    ## Why it matters
    Principle P1, the user at the centre: one set of credentials for all of the city's
    e-services. Every service-specific login is one more password for the resident, one
    more identity store for the city to secure, and a weaker identification than the
    national Suomi.fi-tunnistus.

    ## Example
    ```yaml
    elements:
      - {kind: technology-service, id: ts-tunnistus, name: Suomi.fi-tunnistus,
         category: identification, designated: true}
      - {kind: information-system, id: sys-kirjasto, name: Kirjastojärjestelmä}
      - {kind: service, id: svc-kirjasto, name: Verkkokirjasto, audience: citizen,
         e-service: true, uses: [sys-kirjasto]}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: technology-service, id: ts-tunnistus, name: Suomi.fi-tunnistus,
         category: identification, designated: true}
      - {kind: information-system, id: sys-kirjasto, name: Kirjastojärjestelmä,
         uses: [ts-tunnistus]}
      - {kind: service, id: svc-kirjasto, name: Verkkokirjasto, audience: citizen,
         e-service: true, uses: [sys-kirjasto]}
    ```

    ## Known limitations
    The path is followed at most through one channel and one information system; a
    service whose login is provided further down a chain of systems should list the
    identification service in its own `uses:`.

    ## References
    - Suomi.fi-tunnistus (Digi- ja väestötietovirasto)
    - Laki hallinnon yhteisistä sähköisen asioinnin tukipalveluista 571/2016
    """

    code = "EA101"
    name = "e-service-uses-identification"
    category = ServiceCategory.IDENTIFICATION


@register
class EServiceUsesMessagingChannel(_UsesDesignatedService):
    """Citizen-facing e-services use the designated messaging service.

    ## What it does
    Checks that every e-service (`e-service: true`) for residents or businesses
    (`audience: citizen` or `business`) that is not retired uses the organisation's
    designated messaging service: the `technology-service` with `category: messaging` and
    `designated: true`. The service counts as used when it is in the e-service's own
    `uses:`, or in the `uses:` of an information system the e-service uses, of a channel
    it is delivered through (`channels:`), or of an information system such a channel
    uses. When the model designates no messaging service, the finding says so.

    ## Why it matters
    Principle P1, the user at the centre: one communication channel for all of the city's
    e-services. Decisions and notices scattered over e-mails, text messages and
    service-specific inboxes get lost; one channel (such as Suomi.fi-viestit) is one place
    for the resident to look and a reliable way for the city to serve notice.

    ## Example
    ```yaml
    elements:
      - {kind: technology-service, id: ts-viestit, name: Suomi.fi-viestit,
         category: messaging, designated: true}
      - {kind: service, id: svc-tilat, name: Tilavaraus, audience: citizen,
         e-service: true}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: technology-service, id: ts-viestit, name: Suomi.fi-viestit,
         category: messaging, designated: true}
      - {kind: channel, id: ch-viestit, name: Suomi.fi-viestit, channel-type: messaging,
         uses: [ts-viestit]}
      - {kind: service, id: svc-tilat, name: Tilavaraus, audience: citizen,
         e-service: true, channels: [ch-viestit]}
    ```

    ## Known limitations
    The path is followed at most through one channel and one information system.

    ## References
    - Suomi.fi-viestit (Digi- ja väestötietovirasto)
    - Laki hallinnon yhteisistä sähköisen asioinnin tukipalveluista 571/2016
    """

    code = "EA102"
    name = "e-service-uses-messaging-channel"
    category = ServiceCategory.MESSAGING


def _effective_category(process: Process, ctx: RuleContext) -> ProcessCategory | None:
    """The process's own category, or that of the nearest parent process that has one."""
    if process.category is not None:
        return process.category
    for parent in ctx.model.ancestors(process):
        category = getattr(parent, "category", None)
        if category is not None:
            return category
    return None


def _has_live_parts(process: Process, ctx: RuleContext) -> bool:
    return any(live(p) for p in ctx.model.sources(process, "part-of", "process"))


@register
class ProcessRecordsManualWork(Rule):
    """Core and support processes record their manual steps and yearly volume.

    ## What it does
    Checks that every process that is not retired, whose category (its own, or else its
    nearest parent's) is one of `categories`, and that has no sub-processes records both
    `manual-steps` and `yearly-volume`. A process divided into sub-processes is out of
    scope: the numbers belong to the sub-processes where the work is done.

    ## Why it matters
    Principle P3: develop where automatic processing removes manual work. Without the
    number of manual steps and how often the process runs, automation candidates cannot
    be found or ranked (see EA104), and the payback of a development project (P2) cannot
    be estimated.

    ## Example
    ```yaml
    elements:
      - {kind: process, id: prc-ostolaskut, name: Ostolaskujen käsittely, category: support,
         yearly-volume: 38000}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: process, id: prc-ostolaskut, name: Ostolaskujen käsittely, category: support,
         manual-steps: 4, yearly-volume: 38000}
    ```

    ## Options
    - `categories`: process categories that must record manual steps and yearly volume.

    ## References
    - Mikkeli's digital programme (Lupaus 2016): 44 application processes digitised end
      to end
    """

    code = "EA103"
    name = "process-records-manual-work"
    applies_to = (Process,)
    default_severity = Severity.INFO
    enforces = "P3"

    class Options(RuleOptions):
        categories: list[ProcessCategory] = Field(
            default=[ProcessCategory.CORE, ProcessCategory.SUPPORT],
            description="process categories that must record manual steps and yearly volume",
        )

    def applies(self, process, ctx) -> bool:
        return (
            live(process)
            and _effective_category(process, ctx) in set(self.options.categories)
            and not _has_live_parts(process, ctx)
        )

    def check(self, process: Process, ctx: RuleContext) -> Iterator[Violation]:
        missing = [
            key
            for key, value in (
                ("manual-steps", process.manual_steps),
                ("yearly-volume", process.yearly_volume),
            )
            if value is None
        ]
        if not missing:
            return
        category = _effective_category(process, ctx)
        what = (
            "neither manual-steps nor yearly-volume"
            if len(missing) == 2
            else f"no {missing[0]}"
        )
        yield self.violation(
            process,
            f"{category.value} process {label(process)} records {what}",
            hint="add " + " and ".join(f"`{key}:`" for key in missing)
            + " (manual work steps per case; cases per year)",
        )


@register
class AutomationCandidate(Rule):
    """A process with many manual steps and a high yearly volume is an automation candidate.

    ## What it does
    Reports every process that is not retired and whose `manual-steps` is at least
    `min-manual-steps` and whose `yearly-volume` is at least `min-yearly-volume`, with the
    numbers and their product (manual steps a year), so that candidates can be ranked.
    This is information for planning, not a defect: the rule is not in `recommended`.

    ## Why it matters
    Principle P3: develop where automatic processing removes manual work. Manual steps
    repeated thousands of times a year are where automation pays back fastest, and where
    manual errors and waiting times hurt residents most.

    ## Example
    ```yaml
    elements:
      - {kind: process, id: prc-ostolaskut, name: Ostolaskujen käsittely, category: support,
         manual-steps: 4, yearly-volume: 38000}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: process, id: prc-ostolaskut, name: Ostolaskujen käsittely, category: support,
         manual-steps: 1, yearly-volume: 38000}
    ```

    ## Options
    - `min-manual-steps`: the smallest number of manual steps that makes a candidate.
    - `min-yearly-volume`: the smallest yearly volume (cases a year) that makes a candidate.

    ## References
    - Mikkeli's digital programme (Lupaus 2016): 44 application processes digitised end
      to end
    """

    code = "EA104"
    name = "automation-candidate"
    applies_to = (Process,)
    default_severity = Severity.INFO
    recommended = False
    enforces = "P3"

    class Options(RuleOptions):
        min_manual_steps: NonNegativeInt = Field(
            default=3, description="the smallest number of manual steps that makes a candidate"
        )
        min_yearly_volume: NonNegativeInt = Field(
            default=1000,
            description="the smallest yearly volume (cases a year) that makes a candidate",
        )

    def applies(self, process, ctx) -> bool:
        return (
            live(process)
            and process.manual_steps is not None
            and process.yearly_volume is not None
        )

    def check(self, process: Process, ctx: RuleContext) -> Iterator[Violation]:
        steps, volume = process.manual_steps, process.yearly_volume
        if steps >= self.options.min_manual_steps and volume >= self.options.min_yearly_volume:
            yield self.violation(
                process,
                f"process {label(process)} is an automation candidate: {steps} manual steps, "
                f"yearly volume {volume} ({steps * volume} manual steps a year)",
                hint="consider automating the manual steps; record the decision as a "
                "`development-project` with its investment calculation",
                field="manual-steps",
            )


@register
class ServiceUserInvolvement(Rule):
    """Citizen-facing services record how users took part in developing them.

    ## What it does
    Checks that every service for residents or businesses (`audience: citizen` or
    `business`) that is not retired records `user-involvement`: how its users took part
    in designing or testing it.

    ## Why it matters
    Principle P4: develop together with users, units and citizens. Recording the
    involvement makes it visible which services were designed with their users and which
    were not, so the next round of development knows where to start.

    ## Example
    ```yaml
    elements:
      - {kind: service, id: svc-ilmo, name: Ilmoittautuminen perusopetukseen,
         audience: citizen, e-service: true}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: service, id: svc-ilmo, name: Ilmoittautuminen perusopetukseen,
         audience: citizen, e-service: true,
         user-involvement: Lomake testattiin kymmenen perheen kanssa keväällä 2024}
    ```

    ## References
    - Mikkeli's digital programme (Lupaus 2016): develop together with residents
    """

    code = "EA105"
    name = "service-user-involvement"
    applies_to = (Service,)
    default_severity = Severity.INFO
    enforces = "P4"

    def applies(self, service, ctx) -> bool:
        return citizen_facing(service)

    def check(self, service: Service, ctx: RuleContext) -> Iterator[Violation]:
        if not service.user_involvement:
            yield self.violation(
                service,
                f"{audience_words(service)} service {label(service)} does not record user "
                "involvement",
                hint="add `user-involvement:` saying how users took part (workshops, user "
                "testing, resident panel, feedback)",
            )


@register
class ProcessHasOwner(FieldRequired):
    """Every process has an owning organisation unit.

    ## What it does
    Checks that every process that is not retired has an `owner`: an organisation unit.
    Sub-processes need their own owner; it is not inherited from the parent process.

    ## Why it matters
    TiHL §4 obliges management to define responsibilities for information management, and
    the information management model of §5 describes processes with their responsible
    authority. A process nobody owns has nobody to decide on its information systems, its
    records or its development.

    ## Example
    ```yaml
    elements:
      - {kind: process, id: prc-palkat, name: Palkanlaskenta, category: support}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-hr, name: Henkilöstöpalvelut}
      - {kind: process, id: prc-palkat, name: Palkanlaskenta, category: support,
         owner: ou-hr}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 4 and § 5
    - Espoo's information management model: one "vastaa" relation per process
    """

    code = "EA106"
    name = "process-has-owner"
    applies_to = (Process,)
    default_severity = Severity.ERROR
    enforces = "TiHL §4"

    required = "owner"
    missing = "has no owner"
    fix = "add `owner:` with the organisation unit responsible for the process"


@register
class ServiceHasOwner(FieldRequired):
    """Every service has an owning organisation unit.

    ## What it does
    Checks that every service that is not retired, citizen-facing or internal, has an
    `owner`: an organisation unit.

    ## Why it matters
    TiHL §4 obliges management to define responsibilities for information management. A
    service nobody owns has nobody to answer for its quality, its channels or the
    information systems it relies on.

    ## Example
    ```yaml
    elements:
      - {kind: service, id: svc-palaute, name: Palaute, audience: citizen}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-asiakas, name: Asiakaspalvelu}
      - {kind: service, id: svc-palaute, name: Palaute, audience: citizen,
         owner: ou-asiakas}
    ```

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 4
    """

    code = "EA107"
    name = "service-has-owner"
    applies_to = (Service,)
    default_severity = Severity.WARNING
    enforces = "TiHL §4"

    required = "owner"
    missing = "has no owner"
    fix = "add `owner:` with the organisation unit responsible for the service"


@register
class ServiceHasChannel(Rule):
    """Citizen-facing services name at least one channel.

    ## What it does
    Checks that every service for residents or businesses (`audience: citizen` or
    `business`) that is not retired is delivered through at least one channel: a
    `channels:` entry or a `delivered-through` relation to a `channel`.

    ## Why it matters
    Principle P1, the user at the centre: a resident reaches a service through a channel
    (web, service point, phone, messages). Without the channels, the model cannot show
    which services are available online, which still need a visit, and what a channel's
    closure would affect.

    ## Example
    ```yaml
    elements:
      - {kind: service, id: svc-neuvonta, name: Neuvonta, audience: citizen}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: channel, id: ch-puhelin, name: Puhelinpalvelu, channel-type: phone}
      - {kind: service, id: svc-neuvonta, name: Neuvonta, audience: citizen,
         channels: [ch-puhelin]}
    ```

    ## References
    - JHS 179: customer channels (asiointikanavat) in the operations architecture
    """

    code = "EA108"
    name = "service-has-channel"
    applies_to = (Service,)
    default_severity = Severity.INFO
    enforces = "P1"

    def applies(self, service, ctx) -> bool:
        return citizen_facing(service)

    def check(self, service: Service, ctx: RuleContext) -> Iterator[Violation]:
        if not service.channels and not ctx.model.targets(service, "delivered-through"):
            yield self.violation(
                service,
                f"{audience_words(service)} service {label(service)} names no channel",
                hint="add `channels:` with the channels (web, service point, phone ...) it is "
                "delivered through",
            )
