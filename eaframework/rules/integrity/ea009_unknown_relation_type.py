"""EA009 unknown-relation-type."""

from __future__ import annotations

from ..registry import register
from .base import LoaderRule


@register
class UnknownRelationType(LoaderRule):
    """A `relations:` entry has an unknown type.

    ## What it does
    Reports a relation type that is not in the relation table, with the closest known one.

    ## Why it matters
    Each relation type maps to an ArchiMate relationship and a meaning in the reports; an
    unknown type has neither.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: principle, id: pr-a, name: Avoimet rajapinnat}
      - {kind: information-system, id: sys-a, name: Talous}
    relations:
      - {type: influencs, source: pr-a, target: sys-a}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: principle, id: pr-a, name: Avoimet rajapinnat}
      - {kind: information-system, id: sys-a, name: Talous}
    relations:
      - {type: influences, source: pr-a, target: sys-a}
    ```
    """

    code = "EA009"
    name = "unknown-relation-type"
