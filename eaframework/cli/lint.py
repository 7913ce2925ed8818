"""`ea lint`: check the model; exit 0 clean, 1 findings, 2 unusable input or settings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..config import FAIL_ON, FORMATS, PRESETS, ConfigError
from . import fail, main
from .gate import lint_exit
from .options import model_paths, paths_argument, settings_for, today_option
from .output import write_output


@main.command()
@paths_argument
@click.option("--select", multiple=True, metavar="REF",
              help="Rules to run: codes, names, groups (systems) or prefixes (EA3).")
@click.option("--ignore", multiple=True, metavar="REF", help="Rules not to run.")
@click.option("--severity", multiple=True, metavar="REF=LEVEL",
              help="Severity of rules: error, warning, info or off.")
@click.option("--preset", type=click.Choice(PRESETS), help="Rule set (default: recommended).")
@click.option("--preview/--no-preview", default=False, help="Also run preview rules.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="auto = github under GitHub Actions, else text.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the findings here instead of stdout.")
@click.option("--fail-on", type=click.Choice(FAIL_ON),
              help="Lowest severity that makes the exit code 1 (default: error).")
@click.option("--show-suppressed", is_flag=True, help="List suppressed findings too.")
@click.option("--statistics", is_flag=True, help="Print findings per rule on stderr.")
@click.option("--cache/--no-cache", default=None,
              help="Reuse results for unchanged files, kept in the user cache folder "
                   "(default: on, off when CI is set; EA_CACHE=1/0, EA_CACHE_DIR).")
@click.option("--color/--no-color", default=None, help="Colour (default: on a terminal).")
@today_option
@click.pass_context
def lint(ctx, paths, fmt, output, statistics, cache, color, **_):
    """Check the model in PATHS against the rules (default: `models` from setup.cfg)."""
    from ..lint import lint as run_lint
    from ..lint.formats import FORMATTERS, resolve_format
    from ..lint.formats.text import statistics_table, summary

    settings = settings_for(ctx, paths, lint_options=True)
    targets = model_paths(settings, paths)
    try:
        report = run_lint(targets, settings, use_cache=cache)
    except ConfigError as exc:
        fail(str(exc))
    name = resolve_format(settings.format, os.environ)
    colour = (output is None and sys.stdout.isatty()) if color is None else color
    text = FORMATTERS[name](
        report,
        colour=colour,
        show_suppressed=settings.show_suppressed,
        srcroot=Path.cwd(),
        default_uri=_first_file(targets),
    )
    if output is not None:
        write_output(output, text)
    elif text.strip():
        click.echo(text, nl=not text.endswith("\n"), color=colour)
    if statistics:
        click.echo(statistics_table(report), err=True)
    click.echo(summary(report), err=True)
    sys.exit(lint_exit(report, settings.fail_on))


def _first_file(targets: list[Path]) -> str | None:
    """Where findings about the model as a whole are shown (SARIF needs a file)."""
    from ..files import display_name, model_files

    for target in targets:
        files = model_files(target) if target.exists() else []
        if files:
            return display_name(files[0])
    return None
