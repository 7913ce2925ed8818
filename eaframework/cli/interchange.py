"""`ea export archimate|csv` and `ea import archimate|csv`: the model to and from ArchiMate
tools. Exit 0 done, 1 the model has integrity errors, 2 unusable input or target."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..config import ConfigError
from . import EXIT_FINDINGS, fail, main
from .options import model_paths, paths_argument, settings_for

DEFAULT_MAX_MB = 100


@main.group("export")
def export() -> None:
    """Write the model for other tools (ArchiMate exchange file, Archi CSV)."""


@main.group("import")
def import_() -> None:
    """Read a model from other tools into model files."""


# -- export -----------------------------------------------------------------------------------
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
    from ..diagrams.graphviz_runner import GraphvizError, find_binary
    from ..interchange.archimate_export import export_archimate as build
    from ..interchange.exchange import InterchangeError
    from ..interchange.views import diagram_views

    model, settings = _load(ctx, paths)
    try:
        diagrams = diagram_views(model, find_binary("svg", settings.dot)) if views else []
    except GraphvizError as exc:
        fail(f"{exc} (or export without diagrams: --no-views)")
    try:
        data = build(model, diagrams)
    except InterchangeError as exc:
        fail(exc.message)
    _write(output, data)


@export.command("csv")
@paths_argument
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="Folder for elements.csv, relations.csv and properties.csv.")
@click.pass_context
def export_csv(ctx, paths, output):
    """The model in PATHS as Archi's three CSV files."""
    from ..files import write_atomic
    from ..interchange.csv import export_csv as build

    model, _ = _load(ctx, paths)
    if output.exists() and not output.is_dir():
        fail(f"{output} is a file; -o names the folder for the CSV files")
    files = build(model)
    for name, data in files.items():
        write_atomic(output / name, data)
    click.echo(f"wrote {', '.join(files)} to {output}", err=True)


def _load(ctx, paths):
    """(model, settings), or exit: 1 with the problems when it has integrity errors."""
    from ..loader import load_model
    from ..reporting import format_text

    try:
        settings = settings_for(ctx, paths, lint_options=False)
    except ConfigError as exc:
        fail(str(exc))
    result = load_model(model_paths(settings, paths))
    problems = [d for d in result.diagnostics if d.code.startswith("EA0")]
    if problems:
        click.echo(format_text(problems), err=True, nl=False)
        click.echo(f"error: the model has {len(problems)} integrity error"
                   f"{'' if len(problems) == 1 else 's'}; fix them before exporting", err=True)
        sys.exit(EXIT_FINDINGS)
    return result.model, settings


def _write(output: Path, data: bytes) -> None:
    from ..files import write_atomic

    if str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    if output.is_dir():
        fail(f"{output} is a folder; -o names the file to write")
    write_atomic(output, data)
    click.echo(f"wrote {output}", err=True)


# -- import -----------------------------------------------------------------------------------
_target = click.option("-o", "--output", "target", required=True,
                       type=click.Path(path_type=Path), help="Model folder to create.")
_force = click.option("--force", is_flag=True,
                      help="Replace the model folder if it exists and is not empty.")
_max_size = click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_MB,
                         show_default=True, metavar="MB", help="Refuse larger input files.")


@import_.command("archimate")
@click.argument("file", type=click.Path(path_type=Path))
@_target
@_force
@_max_size
def import_archimate(file, target, force, max_size):
    """An ArchiMate Model Exchange File (3.0 or 3.1) into model files in a new folder."""
    from ..interchange.archimate_import import import_archimate as read

    _check_target(target, force)
    data = _read(file, max_size)
    _install(lambda: read(data, max_size * 1024 * 1024), target, file)


@import_.command("csv")
@click.argument("folder", type=click.Path(path_type=Path))
@_target
@_force
@_max_size
def import_csv(folder, target, force, max_size):
    """Archi's elements.csv, relations.csv and properties.csv in FOLDER into model files."""
    from ..interchange.csv import ELEMENTS_FILE, PROPERTIES_FILE, RELATIONS_FILE
    from ..interchange.csv import import_csv as read

    _check_target(target, force)
    if not folder.is_dir():
        fail(f"{folder}: not a folder; give the folder of Archi's CSV files")
    files = {name: _read(folder / name, max_size)
             for name in (ELEMENTS_FILE, RELATIONS_FILE, PROPERTIES_FILE)
             if (folder / name).is_file() or name == ELEMENTS_FILE}
    _install(lambda: read(files), target, folder)


def _check_target(target: Path, force: bool) -> None:
    if target.exists() and not target.is_dir():
        fail(f"{target} is a file; -o names the model folder to create")
    if target.is_dir() and any(target.iterdir()):
        if not force:
            fail(f"{target} exists and is not empty; use --force to replace it")
        here = Path.cwd().resolve()
        if (target / ".git").exists() or here == target.resolve() or \
                target.resolve() in here.parents:
            fail(f"refusing to replace {target}: it holds the working folder or a git "
                 "repository")


def _read(path: Path, max_mb: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_mb * 1024 * 1024:
            fail(f"{path}: the file is {size / 1024 / 1024:.1f} MB; the limit is {max_mb} MB "
                 "(--max-size)")
        return path.read_bytes()
    except FileNotFoundError:
        fail(f"{path}: no such file")
    except IsADirectoryError:
        fail(f"{path}: is a folder, not a file")
    except OSError as exc:
        fail(f"{path}: cannot read: {exc.strerror}")


def _install(read, target: Path, source: Path) -> None:
    """Import and write the model folder; nothing is written unless all of it succeeded."""
    from ..interchange.exchange import InterchangeError
    from ..interchange.model_files import verified_files, write_model_folder

    try:
        result = read()
        files = verified_files(result)
    except InterchangeError as exc:
        fail(exc.where(str(source)))
    try:
        write_model_folder(target, files)
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror or exc}")
    click.echo(result.report.render(), err=True, nl=False)
    click.echo(f"wrote {len(files)} model files to {target}", err=True)
