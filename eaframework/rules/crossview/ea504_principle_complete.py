"""EA504 principle-complete."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Principle
from ..base import Rule, RuleContext, Violation, label, listing
from ..registry import register


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
        return principle.is_live

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
