"""EA010 part-of-cycle."""

from __future__ import annotations

from ..registry import register
from .base import LoaderRule


@register
class PartOfCycle(LoaderRule):
    """A part-of hierarchy loops back on itself.

    ## What it does
    Reports a chain of `part-of` links (organisation units, processes, task classes) that
    returns to where it started.

    ## Why it matters
    Hierarchies drive grouping in diagrams and ownership checks ("the owner or a unit
    above it"); a loop has no top.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: organisation-unit, id: ou-a, name: A, part-of: ou-b}
      - {kind: organisation-unit, id: ou-b, name: B, part-of: ou-a}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: organisation-unit, id: ou-a, name: A, part-of: ou-b}
      - {kind: organisation-unit, id: ou-b, name: B}
    ```
    """

    code = "EA010"
    name = "part-of-cycle"
