"""EA007 unknown-reference."""

from __future__ import annotations

from ..registry import register
from .base import LoaderRule


@register
class UnknownReference(LoaderRule):
    """A reference names no element of the model.

    ## What it does
    Reports a reference field (`owner:`, `supports:` ...) or a relation end that names an
    id no element has, with the closest existing id of a fitting kind.

    ## Why it matters
    A dangling owner is no owner: Backstage allows them, and its catalogues fill with
    owners that do not exist.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
      - {kind: information-system, id: sys-a, name: Talous, owner: ou-konsreni}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
      - {kind: information-system, id: sys-a, name: Talous, owner: ou-konserni}
    ```
    """

    code = "EA007"
    name = "unknown-reference"
