"""EA505 principle-enforced."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import did_you_mean
from ...model import Principle
from ..base import Rule, RuleContext, Violation, label
from ..registry import REGISTRY, known_refs, lookup, register


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
        return principle.is_live

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
        for index, ref in enumerate(principle.rules):
            if lookup(ref) is None:
                yield self.violation(
                    principle,
                    f"principle {label(principle)} lists unknown rule {ref!r}"
                    f"{did_you_mean(ref, known_refs())}",
                    hint="name a rule by its code (EA306) or name (see `ea rules`)",
                    field=("rules", index),
                )
