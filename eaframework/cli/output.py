"""Writing what a command made: one file at a time, whole or not at all, and saying so."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def write_output(path: Path | None, content: str | bytes) -> None:
    """Write `content` atomically to `path` and print `wrote PATH` on stderr; to stdout
    when `path` is None or `-`. A path that cannot be written raises OSError, which `run`
    shows as one line and exit 2."""
    from ..diagnostics import printable
    from ..files import write_atomic
    from . import fail

    if path is None or str(path) == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            click.echo(content, nl=False)
        return
    if path.is_dir():
        fail(f"{path} is a folder; -o names the file to write")
    write_atomic(path, content)
    click.echo(f"wrote {printable(str(path))}", err=True)
