"""`ea report` (the council report, one HTML file) and `ea publish` (the statutory
descriptions of TiHL § 28 and § 5). Both refuse a model that does not load cleanly:
unusable input exits 2, integrity errors (EA0xx) exit 1, after printing them."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..config import ConfigError
from . import EXIT_ERROR, EXIT_FINDINGS, fail, main
from .options import date_option, model_paths, paths_argument, settings_for

LANGUAGES = ("fi", "en")  # eaframework.report.texts.LANGUAGES, without importing Jinja here
FORMATS = {"html": (".html",), "md": (".md",), "both": (".html", ".md")}
today_option = click.option(
    "--today", callback=lambda c, p, v: date_option(v), hidden=True,
    help="Pretend today is this date (for reproducible output in tests).",
)


def _exports(settings) -> Path:
    folder = settings.root / settings.exports
    try:
        return folder.relative_to(Path.cwd())
    except ValueError:
        return folder


def _refuse_broken(diagnostics, fatal: bool) -> None:
    """Print and stop on unusable input (exit 2) or integrity errors (exit 1): a report
    of a broken model would be wrong, and wrong is worse than none."""
    from ..diagnostics import FATAL_CODES, Severity
    from ..reporting import FORMATTERS

    blocking = [
        d for d in diagnostics
        if d.code in FATAL_CODES or (d.code.startswith("EA0") and d.severity is Severity.ERROR
                                     and d.suppressed is None)
    ]
    if not blocking:
        return
    click.echo(FORMATTERS["text"](blocking).rstrip("\n"), err=True)
    if fatal:
        click.echo("error: the model cannot be read; nothing written", err=True)
    else:
        click.echo(f"error: the model has {len(blocking)} integrity "
                   f"{'error' if len(blocking) == 1 else 'errors'}; fix them first, nothing "
                   "written", err=True)
    sys.exit(EXIT_ERROR if fatal else EXIT_FINDINGS)


def _settings(ctx, paths):
    try:
        settings = settings_for(ctx, paths, lint_options=False)
    except ConfigError as exc:
        fail(str(exc))
    return settings, model_paths(settings, paths)


def _write(path: Path, content: str) -> None:
    from ..files import display_name, write_atomic

    try:
        write_atomic(path, content)
    except OSError as exc:
        fail(f"{path}: cannot write: {exc.strerror or exc}")
    click.echo(f"wrote {display_name(path)}", err=True)


@main.command()
@paths_argument
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write (default: report.html in `exports`).")
@click.option("--lang", type=click.Choice(LANGUAGES), default="fi", show_default=True,
              help="Language of the report's own texts.")
@click.option("--diagrams/--no-diagrams", default=True, show_default=True,
              help="Draw the built-in views (needs Graphviz).")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse lint results for unchanged files.")
@today_option
@click.pass_context
def report(ctx, paths, output, lang, diagrams, cache, today):
    """Write the council report of the model in PATHS: one self-contained HTML file with
    the summary, costs, principle compliance, diagrams, projects, findings and accepted
    exceptions, and a section for every element."""
    from ..lint import lint
    from ..loader import load_model
    from ..report import report_html

    settings, targets = _settings(ctx, paths)
    if today:
        settings.today = today
    result = load_model(targets)
    _refuse_broken(result.diagnostics, result.fatal)
    try:
        checked = lint(targets, settings, use_cache=cache, loaded=result)
    except ConfigError as exc:
        fail(str(exc))
    html = report_html(result.model, checked, lang=lang, today=settings.today,
                       diagrams=diagrams, dot=settings.dot)
    _write(output or _exports(settings) / "report.html", html)


@main.group()
def publish():
    """Write the descriptions the Information Management Act (906/2019) asks for, in
    Finnish: `asiakirjajulkisuuskuvaus` (§ 28) and `tiedonhallintamalli` (§ 5)."""


def _publish_command(name: str, builder_name: str, summary: str):
    @publish.command(name, help=summary)
    @paths_argument
    @click.option("-o", "--output", "folder", type=click.Path(file_okay=False, path_type=Path),
                  help="Folder to write to (default: `exports` from setup.cfg).")
    @click.option("--format", "fmt", type=click.Choice(tuple(FORMATS)), default="both",
                  show_default=True, help="HTML, Markdown or both.")
    @today_option
    @click.pass_context
    def command(ctx, paths, folder, fmt, today):
        from ..loader import load_model
        from ..report import document, publish as documents

        settings, targets = _settings(ctx, paths)
        result = load_model(targets)
        _refuse_broken(result.diagnostics, result.fatal)
        built = getattr(documents, builder_name)(result.model, today=today or settings.today)
        folder = folder or _exports(settings)
        writers = {".html": document.html, ".md": document.markdown}
        for suffix in FORMATS[fmt]:
            _write(folder / f"{name}{suffix}", writers[suffix](built))
        gaps = document.missing_notes(built)
        if gaps:
            click.echo(f"{len(gaps)} gaps marked 'Puuttuu' in the {name}; `ea lint` reports "
                       "them too", err=True)

    return command


_publish_command(
    "asiakirjajulkisuuskuvaus", "asiakirjajulkisuuskuvaus",
    "The document publicity description (TiHL § 28) of the model in PATHS: case register, "
    "systems with service data, contacts for information requests, datasets by data group, "
    "search keys and open interfaces. Secret elements are left out.",
)
_publish_command(
    "tiedonhallintamalli", "tiedonhallintamalli",
    "A summary of the information management model (TiHL § 5) of the model in PATHS: "
    "responsibilities, processes, information resources, systems and interfaces, transfer "
    "methods, retention and archiving. Secret elements are left out.",
)
