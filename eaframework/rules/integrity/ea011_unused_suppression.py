"""EA011 unused-suppression."""

from __future__ import annotations

from ..registry import register
from .base import SuppressionRule


@register
class UnusedSuppression(SuppressionRule):
    """A suppression suppresses nothing.

    ## What it does
    Reports a suppression on an element where its rule finds nothing (the rule ran and the
    element complies).

    ## Why it matters
    An exception that is no longer needed stays in the register of accepted exceptions
    and hides the next real finding of that rule on the element.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: organisation-unit
        id: ou-a
        name: Konsernipalvelut
      - kind: information-system
        id: sys-a
        name: Talous
        owner: ou-a
        suppress:
          - {rule: system-has-owner, reason: "Omistaja päätetään vuoden 2026 aikana"}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: organisation-unit
        id: ou-a
        name: Konsernipalvelut
      - kind: information-system
        id: sys-a
        name: Talous
        owner: ou-a
    ```
    """

    code = "EA011"
    name = "unused-suppression"
