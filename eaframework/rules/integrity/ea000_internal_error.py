"""EA000 internal-error."""

from __future__ import annotations

from ..registry import register
from .base import LoaderRule


@register
class InternalError(LoaderRule):
    """A rule failed with an internal error.

    ## What it does
    Reports a rule that raised an exception on an element, naming the rule, the element
    and the exception. The run exits with 2: its results are incomplete.

    ## Why it matters
    A crashing check must not pass silently, nor hide the other findings behind a
    traceback.

    ## Example
    ```text
    EA000  rule EA305 cost-fully-allocated failed on sys-talous: ZeroDivisionError
    ```

    ## References
    - Report the model that triggers it to the eaframework maintainers.
    """

    code = "EA000"
    name = "internal-error"
