"""EA008 relation-not-allowed."""

from __future__ import annotations

from ..registry import register
from .base import LoaderRule


@register
class RelationNotAllowed(LoaderRule):
    """A relation joins kinds it may not join.

    ## What it does
    Checks every relation, from a reference field or the `relations:` list, against the
    table of allowed (source kind, relation, target kind) triples.

    ## Why it matters
    A system "owned by" another system, or a process that "stores" data, is a modelling
    mistake that would mislead every diagram and report built on it.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: information-system, id: sys-a, name: Talous}
      - {kind: information-system, id: sys-b, name: Palkat, owner: sys-a}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
      - {kind: information-system, id: sys-b, name: Palkat, owner: ou-konserni}
    ```
    """

    code = "EA008"
    name = "relation-not-allowed"
