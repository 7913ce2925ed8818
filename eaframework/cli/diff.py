"""`ea diff`: what changed between two models or git revisions. Exit 0, 1 new load errors
(or new findings with --fail-on-new-findings), 2 a file of NEW could not be read.

A file of OLD that could not be read is only a warning: a change that repairs a broken
file is exactly what should pass."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..config import ConfigError
from . import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail, main
from .options import lang_option, model_paths, settings_for
from .output import write_output


@main.command()
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="markdown: for a pull-request comment or a memo.")
@lang_option
@click.option("--fail-on-new-findings", is_flag=True,
              help="Exit 1 when NEW has lint findings that OLD does not have.")
@click.option("--path", "model_path", type=click.Path(path_type=Path),
              help="Model folder in the repository, for git revisions "
                   "(default: `models` of setup.cfg).")
@click.option("--lint/--no-lint", "with_lint", default=True, show_default=True,
              help="Compare the lint findings of the two sides.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the report here instead of stdout.")
@click.pass_context
def diff(ctx, old, new, fmt, lang, fail_on_new_findings, model_path, with_lint, output):
    """What changed from OLD to NEW, each a model folder or a git revision (HEAD~1, main,
    a tag), read with git without checking anything out: elements added, removed and
    changed field by field, renames, relations, ownership, costs, lifecycle, and the lint
    findings that appear or go. A folder of that name wins over a revision."""
    from ..changes.compare import compare_sides
    from ..changes.diff_report import FORMATS
    from ..changes.revisions import RevisionError

    folder = next((Path(s) for s in (new, old) if Path(s).exists()), None)
    settings = settings_for(ctx, (folder,) if folder else ())
    path = model_path if model_path is not None else model_paths(settings, ())[0]
    try:
        result = compare_sides(old, new, path, settings, with_lint=with_lint)
    except (RevisionError, ConfigError) as exc:
        fail(str(exc))
    write_output(output, FORMATS[fmt](result.diff, settings.language))
    for level, left_out in (("warning", result.old_left_out), ("error", result.new_left_out)):
        for d in left_out:  # compared without them; that side was partly unusable
            click.echo(f"{level}: {d.location}: {d.code} {d.message}; left out of the "
                       "comparison", err=True)
    if result.new_left_out:
        sys.exit(EXIT_ERROR)
    if result.new_load_errors:
        click.echo(f"{len(result.new_load_errors)} new load error(s): {result.diff.new_label} "
                   "does not load cleanly", err=True)
        sys.exit(EXIT_FINDINGS)
    if fail_on_new_findings and result.diff.findings_new:
        click.echo(f"{len(result.diff.findings_new)} new finding(s)", err=True)
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)
