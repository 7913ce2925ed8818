"""EA006 duplicate-id."""

from __future__ import annotations

from ..registry import register
from .base import LoaderRule


@register
class DuplicateId(LoaderRule):
    """Two elements have the same id.

    ## What it does
    Reports the second element with an id already used anywhere in the model, naming the
    place of the first.

    ## Why it matters
    Ids are how every reference, diagram and export names an element; two elements with
    one id make every reference ambiguous.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: service, id: svc-a, name: Kirjastopalvelut}
      - {kind: service, id: svc-a, name: Liikuntapalvelut}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: service, id: svc-kirjasto, name: Kirjastopalvelut}
      - {kind: service, id: svc-liikunta, name: Liikuntapalvelut}
    ```
    """

    code = "EA006"
    name = "duplicate-id"
