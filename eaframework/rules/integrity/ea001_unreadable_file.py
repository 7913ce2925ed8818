"""EA001 unreadable-file."""

from __future__ import annotations

from ..registry import register
from .base import LoaderRule


@register
class UnreadableFile(LoaderRule):
    """A model file cannot be read as UTF-8 text.

    ## What it does
    Reports a file that cannot be opened, is larger than 32 MiB, contains NUL bytes
    (binary data) or is not valid UTF-8, at the first offending byte. The run exits with 2.

    ## Why it matters
    A model that cannot be read cannot be checked; guessing an encoding would silently
    change names.

    ## Example
    ```text
    a file saved as Latin-1: "Yhteispalvelupiste" followed by the byte 0xe4 for "ä"
    ```

    Use instead:
    ```text
    save the file as UTF-8 (every editor offers it)
    ```
    """

    code = "EA001"
    name = "unreadable-file"
