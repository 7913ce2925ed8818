"""EA005 invalid-element."""

from __future__ import annotations

from ..registry import register
from .base import LoaderRule


@register
class InvalidElement(LoaderRule):
    """An element does not match its kind's schema.

    ## What it does
    Reports unknown keys, unknown kinds, values outside an enumeration, wrong types, a
    missing required key and malformed ids, each at its key with a did-you-mean.

    ## Why it matters
    A misspelt key (`ownr:`) would otherwise be dropped, and the linter would report a
    missing owner that the architect did write.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: information-system, id: sys-a, name: Talous, sourcing: procurd}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: information-system, id: sys-a, name: Talous, sourcing: procured}
    ```
    """

    code = "EA005"
    name = "invalid-element"
