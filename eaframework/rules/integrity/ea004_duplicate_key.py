"""EA004 duplicate-key."""

from __future__ import annotations

from ..registry import register
from .base import LoaderRule


@register
class DuplicateKey(LoaderRule):
    """A key appears twice in one mapping.

    ## What it does
    Reports every repeated key, at the repetition, naming the line of the first one.

    ## Why it matters
    YAML parsers keep one of the two values silently; the architect's other value would be
    lost without a word.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: organisation-unit
        id: ou-a
        name: Konsernipalvelut
        name: Sivistystoimi
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: organisation-unit
        id: ou-a
        name: Konsernipalvelut
    ```
    """

    code = "EA004"
    name = "duplicate-key"
