"""Finding model files, naming them for people, and writing output atomically.

Kept free of heavy imports: the cached path of `ea lint` uses it before anything else.
"""

from __future__ import annotations

import functools
import os
import stat
import tempfile
from pathlib import Path

MODEL_SUFFIXES = (".yaml", ".yml")


def model_files(path: Path) -> list[Path]:
    """The YAML files of a model: the file itself, or every *.yaml / *.yml below a folder
    (hidden folders skipped, symbolic links to folders not followed), in sorted order."""
    if not path.is_dir():
        return [path]
    found = []
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(folder, f) for f in files if f.endswith(MODEL_SUFFIXES))
    return sorted(found)


def display_name(path: Path) -> str:
    """A path as people see it: relative to the working folder where possible."""
    try:
        return path.resolve().relative_to(_resolved(os.getcwd())).as_posix()
    except ValueError:
        return path.as_posix()


@functools.lru_cache(maxsize=8)
def _resolved(folder: str) -> Path:
    # The working folder resolved once, not once per file (0.2 s of a 2,500-file load);
    # keyed by its name, so a process that changes folder gets the new one.
    return Path(folder).resolve()


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write a whole file or nothing: a temporary file beside it, then a rename. An
    OSError names `path`, not the temporary file."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        _write_atomic(Path(path), data)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write: {exc.strerror or exc}", str(path)) from None


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        _keep_mode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _keep_mode(path: Path, tmp: str) -> None:
    """An existing file keeps its permissions (a 0600 file stays private) and, where
    allowed, its owner; a new one gets 0666 less the umask (mkstemp makes 0600)."""
    try:
        old = os.stat(path)
    except OSError:
        os.chmod(tmp, 0o666 & ~_umask())
        return
    if hasattr(os, "chown") and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(tmp, old.st_uid, old.st_gid)
        except OSError:
            pass  # only the owner's own groups, or root, may give a file away
    os.chmod(tmp, stat.S_IMODE(old.st_mode))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
