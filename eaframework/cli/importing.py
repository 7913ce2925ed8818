"""`ea import archimate|csv`: a model from ArchiMate tools into model files in a new folder.
Nothing is written unless all of it was read; hostile input gets one line and exit 2."""

from __future__ import annotations

from pathlib import Path

import click

from . import fail, main

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
