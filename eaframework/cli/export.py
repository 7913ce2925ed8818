"""`ea export archimate|csv`: the model for ArchiMate tools. Exit 0 done, 1 the model has
integrity errors, 2 unusable input or target."""

from __future__ import annotations

from pathlib import Path

import click

from . import fail, main
from .gate import fit_model
from .options import paths_argument
from .output import write_output

FIX_THEM = "before exporting"


@main.group("export")
def export() -> None:
    """Write the model for other tools (ArchiMate exchange file, Archi CSV)."""


@export.command("archimate")
@paths_argument
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="The exchange file to write (- for stdout).")
@click.option("--views/--no-views", default=True, show_default=True,
              help="Add a diagram, laid out by Graphviz, per built-in view.")
@click.pass_context
def export_archimate(ctx, paths, output, views):
    """The model in PATHS as an ArchiMate Model Exchange File (default: `models` from
    setup.cfg), with one diagram per built-in view so that Archi opens them drawn."""
    from ..diagrams import GraphvizError, find_binary
    from ..interchange.archimate_export import export_archimate as build
    from ..interchange.exchange import InterchangeError
    from ..interchange.views import diagram_views

    checked = fit_model(ctx, paths, FIX_THEM)
    try:
        binary = find_binary("svg", checked.settings.dot) if views else None
        diagrams = diagram_views(checked.model, binary) if views else []
    except GraphvizError as exc:
        fail(f"{exc} (or export without diagrams: --no-views)")
    try:
        data = build(checked.model, diagrams)
    except InterchangeError as exc:
        fail(exc.message)
    write_output(output, data)


@export.command("csv")
@paths_argument
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="Folder for elements.csv, relations.csv and properties.csv.")
@click.option("--neutralise-formulas/--raw-formulas", "neutralised", default=True,
              show_default=True,
              help="Put a ' before a cell that starts with =, +, -, @, ', TAB or CR, so that "
                   "a spreadsheet shows it instead of running it (ea import csv takes it "
                   "away again); --raw-formulas writes the cells as they are.")
@click.pass_context
def export_csv(ctx, paths, output, neutralised):
    """The model in PATHS as Archi's three CSV files. A name like `=HYPERLINK(...)` is
    written `'=HYPERLINK(...)` unless --raw-formulas (for Archi round trips)."""
    from ..interchange.csv import export_csv as build

    checked = fit_model(ctx, paths, FIX_THEM)
    if output.exists() and not output.is_dir():
        fail(f"{output} is a file; -o names the folder for the CSV files")
    for name, data in build(checked.model, "neutralise" if neutralised else "raw").items():
        write_output(output / name, data)
