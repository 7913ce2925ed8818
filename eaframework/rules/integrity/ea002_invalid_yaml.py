"""EA002 invalid-yaml."""

from __future__ import annotations

from ..registry import register
from .base import LoaderRule


@register
class InvalidYaml(LoaderRule):
    """A model file is not valid YAML, or is hostile YAML.

    ## What it does
    Reports broken YAML with the parser's line and column, and refuses alias bombs
    (billions of expansions from a few lines), absurd nesting, overlong lines and several
    documents in one file. The run exits with 2.

    ## Why it matters
    Nothing a model file says may make the linter hang, run out of memory or execute code.

    ## Example
    ```yaml
    elements: [{kind: service, id: svc-a, name: A}
    ```

    Use instead:
    ```yaml
    elements: [{kind: service, id: svc-a, name: A}]
    ```
    """

    code = "EA002"
    name = "invalid-yaml"
