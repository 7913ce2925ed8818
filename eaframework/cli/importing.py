"""`ea import archimate|csv`: a model from ArchiMate tools into model files in a new folder.
Nothing is written unless all of it was read; hostile input gets one line and exit 2. What
the model cannot hold (a relationship whose end is missing, a property with no definition,
an element of no type) is left out and named, the rest written, and the import exits 1."""

from __future__ import annotations

import gc
from pathlib import Path

import click

from . import EXIT_FINDINGS, fail, main

# An exchange file is about 5 times the model files: a 100,000-element model exports to
# about 140 MB, which must import back with the defaults.
DEFAULT_MAX_MB = 256


@main.group("import")
def import_() -> None:
    """Read a model from other tools into model files."""


_target = click.option("-o", "--output", "target", required=True,
                       type=click.Path(path_type=Path), help="Model folder to create.")
_force = click.option("--force", is_flag=True,
                      help="Replace the model folder if it exists and is not empty.")
_max_size = click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_MB,
                         show_default=True, metavar="MB", help="Refuse larger input files.")
EXIT_CODES = ("Exit 0: all of it imported. Exit 1: the model files are written, but "
              "something of the input is not in them; the mapping report lists each as "
              "'not imported: ... (why)'. Exit 2: nothing written (unreadable or hostile "
              "input, or the folder cannot be written).")


@import_.command("archimate", epilog=EXIT_CODES)
@click.argument("file", type=click.Path(path_type=Path))
@_target
@_force
@_max_size
def import_archimate(file, target, force, max_size):
    """An ArchiMate Model Exchange File (3.0 or 3.1) into model files in a new folder."""
    from ..interchange.archimate_import import import_archimate as read

    _check_target(target, force)
    held = [_read(file, max_size)]  # popped by the reading: not held while mapping
    _install(lambda: read(held.pop(), max_size * 1024 * 1024), target, file)


@import_.command("csv", epilog=EXIT_CODES)
@click.argument("folder", type=click.Path(path_type=Path))
@_target
@_force
@_max_size
@click.option("--neutralise-formulas/--raw-formulas", "neutralised", default=True,
              help="Whether the cells were neutralised against formulas (the default of "
                   "ea export csv): take the `'` it put before =, +, -, @, ' away.")
def import_csv(folder, target, force, max_size, neutralised):
    """Archi's elements.csv, relations.csv and properties.csv in FOLDER into model files.
    A cell that `ea export csv` neutralised (`'=...`) is read back as it was; give
    --raw-formulas for files whose cells are as they are (Archi's own)."""
    from ..interchange.csv import ELEMENTS_FILE, PROPERTIES_FILE, RELATIONS_FILE
    from ..interchange.csv import import_csv as read

    _check_target(target, force)
    if not folder.is_dir():
        fail(f"{folder}: not a folder; give the folder of Archi's CSV files")
    files = {name: _read(folder / name, max_size)
             for name in (ELEMENTS_FILE, RELATIONS_FILE, PROPERTIES_FILE)
             if (folder / name).is_file() or name == ELEMENTS_FILE}
    formulas = "neutralise" if neutralised else "raw"
    _install(lambda: read(files, formulas), target, folder)


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
    from ..diagnostics import printable
    from ..interchange.exchange import InterchangeError
    from ..interchange.model_files import check_files, model_files, write_model_folder

    # The import makes a few hundred thousand objects and keeps nearly all of them until
    # it ends, so the cyclic collector's passes find nothing: about a fifth of its time.
    gc.disable()
    try:
        result = read()
        files = model_files(result)
        report, elements = result.report, len(result.elements)
        del result  # the mapped model: not held beside the texts and their check
        check_files(files, elements)
    except InterchangeError as exc:
        fail(exc.where(str(source)))
    finally:
        gc.enable()
    try:
        write_model_folder(target, files)
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror or exc}")
    click.echo(report.render(), err=True, nl=False)
    click.echo(printable(f"wrote {len(files)} model files to {target}"), err=True)
    if report.lost:
        click.echo(f"{len(report.lost)} thing(s) of {printable(str(source))} not "
                   "imported (listed above)", err=True)
        raise SystemExit(EXIT_FINDINGS)
