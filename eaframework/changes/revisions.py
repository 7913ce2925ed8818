"""One side of a comparison: a model folder (or file), or a git revision read with git
itself, without checking anything out.

A git side costs three git processes whatever the model's size: `rev-parse` resolves the
revision, `ls-tree -r -z` lists the model's files in it, and one `cat-file --batch` reads
all their contents. The texts then go through `loader.load_texts`, so a model in git is
checked exactly like one on disk.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..diagnostics import Diagnostic, Location
from ..files import MODEL_SUFFIXES, display_name, model_files
from ..loader import Limits, LoadResult, load_texts
from ..loader.source import SourceError, decode

GIT_TIMEOUT = 120  # seconds; a local repository answers in well under one


class RevisionError(Exception):
    """A side that cannot be read: not a folder, not a revision, or git failed."""


@dataclass
class Side:
    """The model files of one side, as {name shown to people: text}."""

    spec: str  # what the user wrote: a folder, HEAD~1, main, a tag ...
    label: str  # how reports name it: the folder, or "HEAD~1 (3f2a9c1)"
    texts: dict[str, str] = field(default_factory=dict)
    commit: str | None = None  # full hash for a git side
    unreadable: list[Diagnostic] = field(default_factory=list)  # files that did not decode

    def load(self, limits: Limits | None = None) -> LoadResult:
        """The loaded model; files that could not be decoded are reported as EA001, as
        is a model over `limits` (default: the loader's)."""
        result = load_texts(self.texts, limits)
        if self.unreadable:
            result.diagnostics[:0] = self.unreadable
        return result


def read_side(spec: str, path: str | os.PathLike | None = None, cwd: Path | None = None) -> Side:
    """`spec` as a folder or file if one exists by that name, else as a git revision whose
    model is under `path` (relative to `cwd`, default the current folder).

    Raises RevisionError with a one-line reason when it is neither.
    """
    cwd = Path(cwd or Path.cwd())
    candidate = Path(spec) if Path(spec).is_absolute() else cwd / spec
    if spec and candidate.exists():
        return _read_folder(spec, candidate)
    return _read_revision(spec, Path(path) if path is not None else Path("models"), cwd)


def _read_folder(spec: str, folder: Path) -> Side:
    side = Side(spec=spec, label=display_name(folder))
    for file in model_files(folder):
        name = display_name(file)
        try:
            side.texts[name] = decode(file.read_bytes())
        except OSError as exc:
            side.unreadable.append(_unreadable(name, f"cannot read file: {exc.strerror or exc}"))
        except SourceError as exc:
            side.unreadable.append(_unreadable(name, exc.message, exc.line, exc.column))
    if not side.texts and not side.unreadable:
        raise RevisionError(f"{spec}: folder holds no .yaml model files")
    return side


def _read_revision(spec: str, path: Path, cwd: Path) -> Side:
    if not spec or spec.startswith("-"):
        raise RevisionError(f"{spec!r} is neither a model folder nor a git revision")
    top = _toplevel(spec, cwd)
    commit = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{spec}^{{commit}}"],
                  top, allow_fail=True)
    if commit is None:
        raise RevisionError(
            f"{spec!r} is neither a model folder nor a revision known to git "
            "(try a branch, a tag, a commit or HEAD~1)"
        )
    commit = commit.decode().strip()
    inside = _inside(path, cwd, top)
    pathspec = [inside] if inside else []
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", *pathspec], top)
    blobs = _model_blobs(listing, inside)
    short = commit[:7]
    if not blobs:
        raise RevisionError(
            f"revision {spec} ({short}) has no .yaml model files under {inside or '.'}/ "
            "(choose the folder with --path)"
        )
    side = Side(spec=spec, label=f"{spec} ({short})", commit=commit)
    for (name, _), raw in zip(blobs, _cat_blobs([sha for _, sha in blobs], top), strict=True):
        shown = f"{spec}:{name}"
        try:
            side.texts[shown] = decode(raw)
        except SourceError as exc:
            side.unreadable.append(_unreadable(shown, exc.message, exc.line, exc.column))
    return side


def _toplevel(spec: str, cwd: Path) -> Path:
    out = _git(["rev-parse", "--show-toplevel"], cwd, allow_fail=True)
    if out is None:
        raise RevisionError(
            f"{spec!r} is neither a model folder nor a git revision "
            f"({display_name(cwd)} is not inside a git repository)"
        )
    return Path(out.decode().strip())


def _inside(path: Path, cwd: Path, top: Path) -> str:
    """`path` as a path inside the repository, in git's spelling ('' for the root)."""
    absolute = Path(os.path.realpath(path if path.is_absolute() else cwd / path))
    try:
        relative = absolute.relative_to(Path(os.path.realpath(top)))
    except ValueError:
        raise RevisionError(f"--path {path} is outside the git repository {top}") from None
    text = relative.as_posix()
    return "" if text == "." else text


def _model_blobs(listing: bytes, inside: str) -> list[tuple[str, str]]:
    """(path, blob hash) of the model files in `ls-tree -r -z` output, in path order.
    Hidden folders are skipped and symbolic links not followed, as for a folder on disk."""
    found = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_name = entry.partition(b"\t")
        mode, kind, sha = meta.split()
        name = raw_name.decode("utf-8", errors="replace")
        if kind != b"blob" or mode == b"120000" or not name.endswith(MODEL_SUFFIXES):
            continue
        below = name[len(inside) + 1:] if inside and name.startswith(inside + "/") else name
        if any(part.startswith(".") for part in PurePosixPath(below).parts[:-1]):
            continue
        found.append((name, sha.decode()))
    return sorted(found)


def _cat_blobs(shas: list[str], top: Path) -> list[bytes]:
    """The contents of all the blobs, in order, from one `git cat-file --batch`."""
    if not shas:
        return []
    out = _git(["cat-file", "--batch"], top, stdin="".join(f"{s}\n" for s in shas).encode())
    contents = []
    pos = 0
    for sha in shas:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if len(header) != 3 or header[1] != b"blob":
            raise RevisionError(f"git cat-file could not read blob {sha}: {out[pos:end]!r}")
        size = int(header[2])
        contents.append(out[end + 1:end + 1 + size])
        pos = end + 1 + size + 1  # the content is followed by a newline
    return contents


def _git(args: list[str], cwd: Path, allow_fail: bool = False, stdin: bytes | None = None):
    """git's stdout; None on failure when `allow_fail`, else RevisionError with its message."""
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    env.pop("GIT_DIR", None)
    try:
        proc = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env,
            timeout=GIT_TIMEOUT, check=False,
        )
    except FileNotFoundError:
        raise RevisionError("git is not installed (needed to read a revision); "
                            "give model folders instead") from None
    except subprocess.TimeoutExpired:
        raise RevisionError(f"git {args[0]} did not answer in {GIT_TIMEOUT} s") from None
    if proc.returncode != 0:
        if allow_fail:
            return None
        message = proc.stderr.decode(errors="replace").strip().splitlines()
        raise RevisionError(f"git {args[0]} failed: {message[-1] if message else proc.returncode}")
    return proc.stdout


def _unreadable(name: str, message: str, line: int = 1, column: int = 1) -> Diagnostic:
    return Diagnostic(code="EA001", message=message, location=Location(name, line, column),
                      rule="unreadable-file")
