"""EA402 platform-has-owner."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import ElementBase, Platform, TechnologyService
from ..base import Rule, RuleContext, Violation, kind_words, label
from ..registry import register


def _provided_externally(element: ElementBase, ctx: RuleContext) -> bool:
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
        return element.is_live and not _provided_externally(element, ctx)

    def check(self, element, ctx: RuleContext) -> Iterator[Violation]:
        if element.owner is None and ctx.model.owner_of(element) is None:
            yield self.violation(
                element,
                f"{kind_words(element)} {label(element)} has no owner",
                hint="add `owner:` with the organisation unit that runs and renews it",
            )
