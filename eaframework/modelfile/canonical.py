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
import math
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
        formatted = _emit(reordered, original)
    except Exception as exc:  # ruamel.yaml is stricter than the loader in a few corners
        raise FormatError("EA002", f"cannot be formatted: {_first_line(exc)}",
                          Location(name)) from None
    try:
        again = from_text(name, formatted).data
    except SourceError as exc:
        again = exc
    if not _same_data(again, original):
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
    `before` is the file's exact text, so a byte order mark or CRLF counts as a change.

    A result's `path` is the real file, the one to write: a symbolic link is written
    through to its target when the target lies inside the folder being formatted (and
    only once, however many links lead to it), so the link stays a link. A link to a
    file outside that folder is read, but refused if it would change, never written
    through: a checkout could point one at any file of the user's."""
    from ..files import display_name, model_files
    from ..loader.source import decode

    results, refused = [], []
    seen: set[Path] = set()
    for target in paths:
        if not target.exists():
            refused.append(f"{target}: no such file or folder")
            continue
        root = (target if target.is_dir() else target.parent).resolve()
        for file in model_files(target):
            real = file.resolve()
            if real in seen:
                continue
            seen.add(real)
            outside = not real.is_relative_to(root)
            name = _link_name(file) if outside else display_name(real)
            try:
                raw = real.read_bytes()
                after = format_text(decode(raw), name)
            except OSError as exc:
                refused.append(f"{name}: cannot read: {exc.strerror or exc}")
            except SourceError as exc:
                refused.append(f"{name}:{exc.line}:{exc.column}: {exc.code} {exc.message}")
            except FormatError as exc:
                refused.append(str(exc))
            else:
                before = raw.decode("utf-8", errors="replace")
                if outside and after != before:
                    refused.append(
                        f"{name}: a symbolic link to {real}, outside the model folder "
                        f"{display_name(root)}; ea fmt does not write through it (put the "
                        "file itself in the model folder, or format it where it lives)")
                    continue
                results.append(FileResult(real, name, before, after))
    return results, refused


def _link_name(path: Path) -> str:
    """A link as people see it (display_name would show where it points)."""
    from ..files import display_name

    folder = display_name(path.parent)
    return path.name if folder == "." else f"{folder}/{path.name}"


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
def _emit(text: str, original: object) -> str:
    yaml = model_yaml()
    data = yaml.load(text)
    _order_tree(data, "file")
    _adopt_numbers(data, original)
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


def _same_data(a: object, b: object) -> bool:
    """Equal data, where a NaN equals a NaN (the loader refuses NaN amounts, but a file
    holding one is still formatted, not reported as changed)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same_data(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(_same_data, a, b))
    return type(a) is type(b) and a == b if isinstance(a, (int, float)) else a == b


def _adopt_numbers(node, original) -> None:
    """Numbers the loader reads where ruamel.yaml reads text (`.5e1`, `_5`: YAML 1.2
    corners the two parsers disagree on) are emitted as the numbers the loader reads, so
    that formatting keeps the data and a second run changes nothing."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and isinstance(original, dict):
        for key, value in node.items():
            if key not in original:
                continue
            if _number_read_as_text(value, original[key]):
                node[key] = original[key]
            else:
                _adopt_numbers(value, original[key])
    elif isinstance(node, CommentedSeq) and isinstance(original, list):
        for index, (value, was) in enumerate(zip(node, original, strict=False)):
            if _number_read_as_text(value, was):
                node[index] = was
            else:
                _adopt_numbers(value, was)


def _number_read_as_text(value, original) -> bool:
    return (isinstance(value, str) and isinstance(original, (int, float))
            and not isinstance(original, bool))


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
