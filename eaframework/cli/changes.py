"""`ea diff`, `ea impact` and `ea fmt`: change over time. Each command parses its options,
calls `eaframework.changes` and maps the outcome to an exit code."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..config import ConfigError
from . import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail, main
from .options import model_paths, paths_argument, settings_for


def _refuse(label: str, diagnostics, exit_code: int) -> None:
    """Print the load errors that make a model unusable, and exit."""
    for d in diagnostics:
        where = f"{d.location}  " if d.location else ""
        click.echo(f"{where}{d.severity.value}  {d.code}  {d.message}", err=True)
    click.echo(f"error: {label}: {len(diagnostics)} load error(s) above; refusing to work "
               "on a model that does not load cleanly", err=True)
    sys.exit(exit_code)


def _write(output: Path | None, content: str | bytes) -> None:
    from ..files import write_atomic

    if output is None:
        click.echo(content, nl=False)
        return
    try:
        write_atomic(output, content)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")


@main.command()
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="markdown: for a pull-request comment or a memo.")
@click.option("--lang", type=click.Choice(["en", "fi"]), default="en", show_default=True,
              help="Language of the summary and tables (fi: a memo for the council).")
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
    try:
        settings = settings_for(ctx, (folder,) if folder else (), lint_options=False)
        path = model_path if model_path is not None else model_paths(settings, ())[0]
        result = compare_sides(old, new, path, settings, with_lint=with_lint)
    except (RevisionError, ConfigError) as exc:
        fail(str(exc))
    _write(output, FORMATS[fmt](result.diff, lang))
    for d in result.left_out:  # compared without them; the input was partly unusable
        click.echo(f"error: {d.location}: {d.code} {d.message}; left out of the comparison",
                   err=True)
    if result.left_out:
        sys.exit(EXIT_ERROR)
    if result.new_load_errors:
        click.echo(f"{len(result.new_load_errors)} new load error(s): {result.diff.new_label} "
                   "does not load cleanly", err=True)
        sys.exit(EXIT_FINDINGS)
    if fail_on_new_findings and result.diff.findings_new:
        click.echo(f"{len(result.diff.findings_new)} new finding(s)", err=True)
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


@main.command()
@click.argument("element_id", metavar="ID")
@paths_argument
@click.option("--format", "fmt", type=click.Choice(["text", "json", "svg", "png", "dot"]),
              default="text", show_default=True, help="svg, png, dot: a diagram of the impact.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here, not stdout.")
@click.option("--depth", type=click.IntRange(min=1), help="Follow at most N relations.")
@click.option("--lang", type=click.Choice(["en", "fi"]), default="en", show_default=True,
              help="Language of the text report (fi: for a council memo).")
@click.pass_context
def impact(ctx, element_id, paths, fmt, output, depth, lang):
    """What depends on element ID, directly and transitively, and whom to inform."""
    from ..changes.compare import load_errors
    from ..changes.impact import FORMATS, impact as analyse
    from ..diagnostics import did_you_mean
    from ..loader import load_model

    try:
        settings = settings_for(ctx, paths, lint_options=False)
    except ConfigError as exc:
        fail(str(exc))
    targets = model_paths(settings, paths)
    label = " ".join(map(str, targets))
    result = load_model(targets)
    errors, exit_code = load_errors(result)
    if errors:
        _refuse(label, errors, exit_code)
    if element_id not in result.model:
        fail(f"no element {element_id!r} in {label}"
             f"{did_you_mean(element_id, result.model.elements)}")
    found = analyse(result.model, element_id, depth)
    if fmt in FORMATS:
        _write(output, FORMATS[fmt](found, lang=lang))
        return
    if fmt == "png" and output is None:
        fail("--format png needs -o FILE")
    from ..changes.impact_diagram import DiagramUnavailable, render

    try:
        _write(output, render(result.model, found, fmt, settings))
    except DiagramUnavailable as exc:
        fail(str(exc))


@main.command("fmt")
@paths_argument
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if a file would change.")
@click.option("--diff", "show_diff", is_flag=True, help="Write nothing; print a unified diff.")
@click.pass_context
def fmt_command(ctx, paths, check, show_diff):
    """Write the model files in PATHS (default: `models` from setup.cfg) in one canonical
    form: key order, indentation, quoting; comments kept. Nothing is written if any file
    cannot be formatted."""
    import difflib

    from ..changes.fmt import format_files
    from ..files import write_atomic

    try:
        settings = settings_for(ctx, paths, lint_options=False)
    except ConfigError as exc:
        fail(str(exc))
    results, refused = format_files(model_paths(settings, paths))
    if refused:
        for line in refused:
            click.echo(f"error: {line}", err=True)
        fail(f"{len(refused)} file(s) cannot be formatted; nothing was written")
    changed = [r for r in results if r.changed]
    for r in changed:
        if show_diff:
            click.echo("".join(difflib.unified_diff(r.before.splitlines(True),
                                                    r.after.splitlines(True),
                                                    f"a/{r.name}", f"b/{r.name}")), nl=False)
        elif check:
            click.echo(f"would reformat {r.name}", err=True)
        else:
            try:
                write_atomic(r.path, r.after)
            except OSError as exc:
                fail(f"cannot write {r.name}: {exc.strerror or exc}; the file is unchanged")
            click.echo(f"reformatted {r.name}", err=True)
    verb = "would be reformatted" if check or show_diff else "reformatted"
    click.echo(f"{len(changed)} file(s) {verb}, {len(results) - len(changed)} already formatted",
               err=True)
    sys.exit(EXIT_FINDINGS if check and changed else EXIT_OK)
