"""`ea report`: the council report, one self-contained HTML file. A model that is unusable
(exit 2) or has integrity errors (exit 1) is refused: a report of a broken model would be
wrong, and wrong is worse than none."""

from __future__ import annotations

from pathlib import Path

import click

from . import main
from .gate import fit_model
from .options import exports_folder, lang_option, paths_argument, today_option
from .output import write_output

FIX_THEM = "first, nothing written"


@main.command()
@paths_argument
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write (default: report.html in `exports`).")
@lang_option
@click.option("--diagrams/--no-diagrams", default=True, show_default=True,
              help="Draw the built-in views (needs Graphviz).")
@click.option("--cache/--no-cache", default=None,
              help="Reuse lint results for unchanged files (default: on, off when CI is set).")
@today_option
@click.pass_context
def report(ctx, paths, output, lang, diagrams, cache, today):
    """Write the council report of the model in PATHS: one self-contained HTML file with
    the summary, costs, principle compliance, diagrams, projects, findings and accepted
    exceptions, and a section for every element."""
    from ..report import report_html

    checked = fit_model(ctx, paths, FIX_THEM, lint=True, use_cache=cache)
    settings = checked.settings
    html = report_html(checked.model, checked.report, lang=settings.language,
                       today=settings.today, diagrams=diagrams, dot=settings.dot)
    write_output(output or exports_folder(settings) / "report.html", html)
