"""An import's result as model files, checked by loading them back, and the one place
that puts a model folder on disk (for the CLI): staged beside the target and renamed into
place only when complete, so a failed import leaves no half-written folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

from ..model import ElementBase
from .decode import ImportResult
from .exchange import InterchangeError

FILES = {  # viewpoint -> file, in the order of the JHS descriptions
    "operations": "operations.yaml",
    "information": "information.yaml",
    "systems": "systems.yaml",
    "technology": "technology.yaml",
    "cross": "model.yaml",
}
RELATIONS_FILE = "relations.yaml"


def model_files(result: ImportResult) -> dict[str, str]:
    """{file name: YAML text}: one file per viewpoint, the metadata with the cross-cutting
    elements in model.yaml, and the listed relations in relations.yaml."""
    from ..modelfile.write import dump_file

    by_viewpoint: dict[str, list[ElementBase]] = defaultdict(list)
    for element in result.elements:
        by_viewpoint[element.viewpoint.value].append(element)
    files = {}
    for viewpoint, name in FILES.items():
        metadata = result.metadata if viewpoint == "cross" else None
        if by_viewpoint.get(viewpoint) or metadata is not None:
            files[name] = dump_file(by_viewpoint.get(viewpoint, []), (), metadata)
    if result.relations:
        files[RELATIONS_FILE] = dump_file((), result.relations)
    return files


def verified_files(result: ImportResult) -> dict[str, str]:
    """`model_files`, checked by loading them back: an import never leaves files that
    `ea lint` would refuse. A failure here is a bug of the import, said plainly."""
    files = model_files(result)
    check_files(files, len(result.elements))
    return files


def check_files(files: dict[str, str], elements: int) -> None:
    """The check of `verified_files`, given how many elements the files must hold: the
    caller may let the mapped elements go first (a 100,000-element import holds them,
    the texts and the loaded model at once otherwise)."""
    from ..loader import load_texts

    loaded = load_texts(files)
    problems = [d for d in loaded.diagnostics if d.code.startswith("EA0")]
    if problems:
        first = problems[0]
        raise InterchangeError(
            f"the imported model does not load cleanly ({len(problems)} problems, first: "
            f"{first.location} {first.code} {first.message}); nothing was written")
    if len(loaded.model) != elements:
        raise InterchangeError("the imported model lost elements on the way; nothing was "
                               "written")


def write_model_folder(target: Path, files: dict[str, str]) -> None:
    """Write `files` as the folder `target`, replacing what is there: staged in a new
    folder beside it, which is renamed into place; an old folder is removed only once the
    new one is in place (and put back if that fails)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        if not target.exists():
            os.replace(staging, target)
            return
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old",
                                    dir=target.parent))
        old.rmdir()
        os.replace(target, old)
        try:
            os.replace(staging, target)
        except OSError:
            os.replace(old, target)
            raise
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
