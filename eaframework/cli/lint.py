"""`ea lint`: check the model; exit 0 clean, 1 findings, 2 unusable input."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, main


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text"]), default="text", show_default=True)
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse results for unchanged files (kept in .ea_cache/).")
@click.option("--color/--no-color", default=None, help="Colour the output (default: on a terminal).")
def lint(paths: tuple[Path, ...], fmt: str, cache: bool, color: bool | None) -> None:
    """Check the model in PATHS (folders or files; default: models)."""
    from ..lint import lint as run_lint
    from ..reporting import FORMATTERS, summary

    report = run_lint(list(paths) or [Path("models")], use_cache=cache)
    colour = sys.stdout.isatty() if color is None else color
    output = FORMATTERS[fmt](report.diagnostics, colour=colour)
    if output.strip():
        click.echo(output, nl=False)
    click.echo(summary(report.diagnostics, report.files, report.elements), err=True)
    if report.fatal:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if report.diagnostics else EXIT_OK)
