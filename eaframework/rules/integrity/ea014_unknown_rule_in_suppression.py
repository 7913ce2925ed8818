"""EA014 unknown-rule-in-suppression."""

from __future__ import annotations

from ..registry import register
from .base import SuppressionRule


@register
class UnknownRuleInSuppression(SuppressionRule):
    """A suppression names a rule that does not exist.

    ## What it does
    Reports a suppression whose `rule` is neither a rule code nor a rule name, with the
    closest one.

    ## Why it matters
    A misspelt rule suppresses nothing, and the architect believes the exception is in
    place.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: information-system
        id: sys-a
        name: Talous
        suppress:
          - {rule: system-has-ownr, reason: "Omistaja päätetään vuoden 2026 aikana"}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: information-system
        id: sys-a
        name: Talous
        suppress:
          - {rule: system-has-owner, reason: "Omistaja päätetään vuoden 2026 aikana"}
    ```
    """

    code = "EA014"
    name = "unknown-rule-in-suppression"
