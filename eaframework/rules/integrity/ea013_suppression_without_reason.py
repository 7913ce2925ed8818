"""EA013 suppression-without-reason."""

from __future__ import annotations

from ..registry import register
from .base import SuppressionRule


@register
class SuppressionWithoutReason(SuppressionRule):
    """A suppression has no meaningful reason, or runs longer than allowed.

    ## What it does
    Reports a suppression whose `reason` is missing or shorter than the minimum length
    (15 characters by default), or, where the configuration sets
    `max-suppression-days`, one without an `expires` date or running beyond it. A
    suppression without a meaningful reason does not suppress.

    ## Why it matters
    An accepted exception is a decision; "ok" or "tbd" records none, and the council's
    register of exceptions would be empty words.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: information-system
        id: sys-a
        name: Talous
        suppress:
          - {rule: system-has-owner, reason: ok}
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

    code = "EA013"
    name = "suppression-without-reason"
