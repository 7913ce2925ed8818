"""Model files in one canonical form, so that diffs show changes and nothing else.

The form: keys in the order of `shape` (`kind`, `id`, `name`, then the kind's fields in
declared order, unknown keys last), mappings indented by 2 with lists indented under their
key, strings plain where YAML allows and in double quotes where it does not (`style`).
Comments, blank lines, flow or block style and folded text stay as written.

Two passes, because reordering keys in a YAML tree detaches comments from the lines they
were written beside:
1. keys are reordered as blocks of whole lines (`blocks`);
2. ruamel.yaml's round trip re-emits the result with the canonical indentation and
   quoting, and orders the keys of flow mappings (`{fi: ..., en: ...}`).

Then the result is parsed again with the loader's parser and compared with the original
data: if anything differs, the file is refused, never written. A file the loader cannot
use (not YAML, not a model file, duplicate keys) is refused before anything else.

`format_text` is pure: text in, text out. `format_files` reads the files of a model and
formats them in memory; only the CLI writes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Location
from ..loader.source import SourceError, from_text
from ..model.fileformat import API_VERSION
from .blocks import reorder_lines
from .shape import Shape, canonical, child, out_of_order
from .style import model_yaml


class FormatError(Exception):
    """A file that is not formatted: why, and where when known."""

    def __init__(self, code: str, message: str, location: Location) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.code} {self.message}"


def format_text(text: str, name: str = "<text>") -> str:
    """The canonical form of one model file. Raises FormatError when the file cannot be
    used, or when formatting it would change what the loader reads."""
    original = _usable(text, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        reordered = reorder_lines(text) if out_of_order(original, "file") else text
        formatted = _emit(reordered)
    except Exception as exc:  # ruamel.yaml is stricter than the loader in a few corners
        raise FormatError("EA002", f"cannot be formatted: {_first_line(exc)}",
                          Location(name)) from None
    try:
        again = from_text(name, formatted).data
    except SourceError as exc:
        again = exc
    if again != original:
        raise FormatError(
            "EA000", "left unchanged: formatting it would change its data "
            "(please report this file)", Location(name))
    return formatted


@dataclass
class FileResult:
    path: Path
    name: str  # as shown to people
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.after != self.before


def format_files(paths: list[Path]) -> tuple[list[FileResult], list[str]]:
    """Every model file below `paths`, read and formatted in memory (nothing is written):
    the results, and a located one-line reason for each file that cannot be formatted.
    `before` is the file's exact text, so a byte order mark or CRLF counts as a change."""
    from ..files import display_name, model_files
    from ..loader.source import decode

    results, refused = [], []
    for target in paths:
        if not target.exists():
            refused.append(f"{target}: no such file or folder")
            continue
        for file in model_files(target):
            name = display_name(file)
            try:
                raw = file.read_bytes()
                after = format_text(decode(raw), name)
            except OSError as exc:
                refused.append(f"{name}: cannot read: {exc.strerror or exc}")
            except SourceError as exc:
                refused.append(f"{name}:{exc.line}:{exc.column}: {exc.code} {exc.message}")
            except FormatError as exc:
                refused.append(str(exc))
            else:
                before = raw.decode("utf-8", errors="replace")
                results.append(FileResult(file, name, before, after))
    return results, refused


def _usable(text: str, name: str) -> object:
    """The file's data as the loader reads it, or FormatError for the problems that make
    the loader give up on it (and duplicate keys, whose 'last one wins' a rewrite would
    make silent)."""
    try:
        source = from_text(name, text)
    except SourceError as exc:
        raise FormatError(exc.code, exc.message, Location(name, exc.line, exc.column)) from None
    if source.problems:
        first = source.problems[0]
        raise FormatError(first.code, first.message, Location(name, first.line, first.column))
    data = source.data
    if not isinstance(data, dict) or data.get("apiVersion") != API_VERSION:
        raise FormatError("EA003", f"not a model file (no `apiVersion: {API_VERSION}`)",
                          Location(name))
    return data


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


# -- pass 2: emit with canonical indentation and quoting ----------------------------------
def _emit(text: str) -> str:
    yaml = model_yaml()
    data = yaml.load(text)
    _order_tree(data, "file")
    out = io.StringIO()
    yaml.dump(data, out)
    return _indent_comments(out.getvalue())


_BLOCK_SCALAR = re.compile(r"(?:^|[\s:])[|>][-+0-9]*\s*(?:#.*)?$")


def _indent_comments(text: str) -> str:
    """Full-line comments indented like the line they stand above (ruamel.yaml keeps
    their old indentation, which no longer fits once the lines around them moved).
    Lines inside block scalars (`>-`, `|`) are text, not comments, and are left alone."""
    lines = text.splitlines(keepends=True)
    comments: list[int] = []
    scalar_indent = None  # indentation of the line that opened a block scalar
    for index, line in enumerate(lines):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if scalar_indent is not None:
            if not stripped.strip() or indent > scalar_indent:
                continue
            scalar_indent = None
        if stripped.startswith("#"):
            comments.append(index)
            continue
        if not stripped.strip():
            continue
        for c in comments:
            lines[c] = " " * indent + lines[c].lstrip(" ")
        comments = []
        if _BLOCK_SCALAR.search(line.rstrip("\n")):
            scalar_indent = indent
    return "".join(lines)


def _order_tree(node, shape: Shape) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        for key in canonical(shape, node):
            node.move_to_end(key)
        for key, value in node.items():
            _order_tree(value, child(shape, node, key))
    elif isinstance(node, CommentedSeq) and isinstance(shape, tuple):
        for item in node:
            _order_tree(item, shape[1])
