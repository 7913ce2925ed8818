"""EA012 expired-suppression."""

from __future__ import annotations

from ..registry import register
from .base import SuppressionRule


@register
class ExpiredSuppression(SuppressionRule):
    """A suppression has expired.

    ## What it does
    Reports a suppression whose `expires` date has passed. The suppression no longer
    applies, so the finding it covered is reported again.

    ## Why it matters
    Exceptions are decided for a time (until a contract ends, until a project delivers);
    after that, someone must decide again.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: information-system
        id: sys-a
        name: Talous
        suppress:
          - {rule: system-has-owner, reason: "Omistaja päätetään vuoden 2020 aikana",
             expires: 2020-12-31}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: information-system
        id: sys-a
        name: Talous
        suppress:
          - {rule: system-has-owner, reason: "Omistaja päätetään vuoden 2099 aikana",
             expires: 2099-12-31}
    ```
    """

    code = "EA012"
    name = "expired-suppression"
