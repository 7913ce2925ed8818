"""Limits on the size of the whole model, checked before the work they bound.

A model in a pull request is untrusted input. `source` caps each file (MAX_FILE_BYTES);
these cap the whole model, so that many files under the per-file cap cannot exhaust memory
and have the process killed instead of refused:

- `max_bytes`: the model files' total size, from their sizes on disk, before any is read;
- `max_elements`: the number of elements, counted after each file is parsed and before its
  elements are validated; reading stops at the file that goes over.

Both are `[eaframework]` settings (`max-model-bytes`, `max-elements`); the defaults leave
room for 100,000-element models (a synthetic one is about 28 MB in 200 files). A refusal
is one EA001 finding, so every command exits 2.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024
MAX_MODEL_BYTES = 256 * MB  # keep equal to config.DEFAULT_MAX_MODEL_BYTES
MAX_ELEMENTS = 500_000  # keep equal to config.DEFAULT_MAX_ELEMENTS


@dataclass(frozen=True)
class Limits:
    max_bytes: int = MAX_MODEL_BYTES
    max_elements: int = MAX_ELEMENTS


def file_size(path: Path) -> int:
    """Bytes that reading `path` would give: the size of a regular file (through a
    symbolic link, as reading goes), else 0 (what cannot be read is reported when read)."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            info = os.stat(path)
    except OSError:
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


def megabytes(size: int) -> str:
    """A size for people: `300 MB`, `1.5 MB`, `40 KB` (units of 1024, as in the settings)."""
    value = size / MB
    if value >= 10 or value == int(value) and value:
        return f"{value:.0f} MB"
    if size >= MB:
        return f"{value:.1f} MB"
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


def too_many_bytes(size: int, files: int, limit: int) -> str:
    count = f"{files} file" if files == 1 else f"{files} files"
    return (f"the model is {megabytes(size)} in {count}, over the limit of "
            f"{megabytes(limit)} (max-model-bytes); raise it in [eaframework] of setup.cfg "
            "if this model is really that large")


def too_many_elements(count: int, limit: int) -> str:
    return (f"the model has {count:,} elements up to this file, over the limit of "
            f"{limit:,} (max-elements); raise it in [eaframework] of setup.cfg if this "
            "model is really that large")
