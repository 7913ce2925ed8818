"""EA403 designated-shared-services."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Audience, Model, State, TechnologyService
from ..base import Rule, RuleContext, Violation, label
from ..registry import register
from .shared_services import P1_CATEGORIES, designated_services


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
            s.e_service and s.audience is not Audience.INTERNAL and s.is_live
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
