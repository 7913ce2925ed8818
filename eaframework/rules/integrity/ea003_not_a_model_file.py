"""EA003 not-a-model-file."""

from __future__ import annotations

from ..registry import register
from .base import LoaderRule


@register
class NotAModelFile(LoaderRule):
    """A YAML file is not an eaframework model file.

    ## What it does
    Reports a file that is not a mapping, lacks `apiVersion: eaframework/v1`, or whose
    `elements:` or `relations:` is not a list. The run exits with 2.

    ## Why it matters
    Every file under the model folder is part of the model; a stray file is more likely a
    mistake than something to ignore.

    ## Example
    ```text
    elements:
      - {kind: service, id: svc-a, name: A}
    ```

    Use instead:
    ```text
    apiVersion: eaframework/v1
    elements:
      - {kind: service, id: svc-a, name: A}
    ```
    """

    code = "EA003"
    name = "not-a-model-file"
