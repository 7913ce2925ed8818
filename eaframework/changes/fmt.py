"""Model files in one canonical form, so that diffs show changes and nothing else.

The form: keys in a fixed order (`kind`, `id`, `name`, then the kind's fields in the
order the metamodel declares them, unknown keys last in their own order; the top level
as apiVersion, metadata, elements, relations; nested structures such as `contract:` or
`lifecycle:` in their declared order), mappings indented by 2 with lists indented under
their key, strings plain where YAML allows and in double quotes where it does not. Comments, blank
lines, flow or block style and folded text stay as written.

Two passes, because reordering keys in a YAML tree detaches comments from the lines they
were written beside:
1. keys are reordered as blocks of whole lines (a key with the comment lines above it and
   every line of its value), guided by the positions ruamel.yaml records;
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
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..diagnostics import Location
from ..loader.source import SourceError, from_text
from ..model import KINDS, Metadata
from ..model.fileformat import API_VERSION
from ..model.relations import RelationEntry

TOP_LEVEL_KEYS = ("apiVersion", "metadata", "elements", "relations")
HEAD_KEYS = ("kind", "id", "name")


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
        reordered = _reorder_lines(text) if _out_of_order(original, "file") else text
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


# -- the shape of a file: which mappings have which key order ------------------------------
# A shape is "file", "element", a pydantic class (a mapping of its fields), ("list", shape)
# or None (free keys: keep them as written).
Shape = Any


def _canonical(shape: Shape, node) -> list:
    keys = list(node.keys())
    if shape == "file":
        order = list(TOP_LEVEL_KEYS)
    elif shape == "element":
        cls = KINDS.get(node.get("kind"))
        order = list(HEAD_KEYS) + ([a for a in _fields(cls) if a not in HEAD_KEYS] if cls else [])
    elif isinstance(shape, type):
        order = list(_fields(shape))
    else:
        return keys
    known = [k for k in order if k in node]
    return known + [k for k in keys if k not in order]


def _child(shape: Shape, node, key) -> Shape:
    if shape == "file":
        return {"metadata": Metadata, "elements": ("list", "element"),
                "relations": ("list", RelationEntry)}.get(key)
    if shape == "element":
        shape = KINDS.get(node.get("kind"))
    if isinstance(shape, type):
        return _fields(shape).get(key)
    return None


@cache
def _fields(cls: type[BaseModel]) -> dict[str, Shape]:
    """alias -> shape of the value, in declared order."""
    found = {}
    for name, info in cls.model_fields.items():
        found[info.alias or name] = _shape_of(info.annotation)
    return found


def _shape_of(annotation) -> Shape:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = getattr(annotation, "__origin__", None)
    args = getattr(annotation, "__args__", ()) or ()
    if origin in (tuple, list) and args and args[0] is not Ellipsis:
        inner = _shape_of(args[0])
        return ("list", inner) if inner is not None else None
    if origin is dict:
        return None
    if getattr(annotation, "__metadata__", None) is not None:  # Annotated[...]
        return _shape_of(annotation.__origin__)
    for arg in args:  # X | None
        if arg is not type(None):
            shape = _shape_of(arg)
            if shape is not None:
                return shape
    return None


def _out_of_order(data, shape: Shape) -> bool:
    """Whether some mapping in the plain data (whose dicts keep the file's key order) is
    not in canonical order: if none is, the slow first pass is skipped."""
    if isinstance(data, dict):
        if shape is not None and list(data) != _canonical(shape, data):
            return True
        return any(_out_of_order(v, _child(shape, data, k)) for k, v in data.items()
                   if isinstance(v, (dict, list)))
    if isinstance(data, list) and isinstance(shape, tuple):
        return any(_out_of_order(item, shape[1]) for item in data)
    return False


# -- pass 1: reorder keys as blocks of lines -----------------------------------------------
def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = False
    yaml.width = 1 << 16  # never fold a long line: that would be a change of its own
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.Emitter = _Emitter()
    yaml.Representer = _Representer()
    return yaml


def _reorder_lines(text: str) -> str:
    from ruamel.yaml.comments import CommentedMap

    data = _yaml().load(text)
    if not isinstance(data, CommentedMap):
        return text
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return "".join(_Blocks(lines).node(data, "file", 0, len(lines)))


@dataclass
class _Blocks:
    lines: list[str]

    def node(self, value, shape: Shape, start: int, end: int) -> list[str]:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        if shape is not None and len(value if hasattr(value, "__len__") else ()) and \
                not _flow(value):
            if isinstance(value, CommentedMap):
                return self.mapping(value, shape, start, end)
            if isinstance(value, CommentedSeq) and isinstance(shape, tuple):
                return self.sequence(value, shape[1], start, end)
        return self.lines[start:end]

    def mapping(self, node, shape: Shape, start: int, end: int) -> list[str]:
        keys = list(node.keys())
        rows = [node.lc.key(k)[0] for k in keys]
        col = node.lc.key(keys[0])[1]
        if rows != sorted(rows) or rows[0] < start:
            return self.lines[start:end]
        inner_end = self._trim(rows[-1] + 1, end, col)
        bounds = [rows[0]]
        for i in range(1, len(keys)):
            b = rows[i]
            while b - 1 > rows[i - 1] and self._leading(b - 1, col):
                b -= 1
            bounds.append(b)
        bounds.append(inner_end)
        chunks = {}
        for i, key in enumerate(keys):
            b, row, e = bounds[i], rows[i], bounds[i + 1]
            body = self.node(node[key], _child(shape, node, key), row + 1, e)
            chunks[key] = (self.lines[b:row], self.lines[row], body)
        order = _canonical(shape, node)
        dash = self.lines[rows[0]][:col]
        if order != keys and dash.strip():  # the first key shares the line with "- "
            lead, line, body = chunks[keys[0]]
            chunks[keys[0]] = (lead, " " * col + line[col:], body)
            lead, line, body = chunks[order[0]]
            chunks[order[0]] = (lead, dash + line[col:], body)
        out = self.lines[start:rows[0]]
        for key in order:
            lead, line, body = chunks[key]
            out += [*lead, line, *body]
        return out + self.lines[inner_end:end]

    def sequence(self, node, item_shape: Shape, start: int, end: int) -> list[str]:
        rows = []
        for i in range(len(node)):
            row, col = node.lc.item(i)
            if not self.lines[row][:col].rstrip().endswith("-"):
                return self.lines[start:end]  # "-" alone on its line: leave the layout be
            rows.append(row)
        if rows != sorted(rows) or rows[0] < start:
            return self.lines[start:end]
        out = self.lines[start:rows[0]]
        for i, item in enumerate(node):
            item_end = rows[i + 1] if i + 1 < len(rows) else end
            out += self.node(item, item_shape, rows[i], item_end)
        return out

    def _leading(self, index: int, col: int) -> bool:
        """A blank line, or a comment at most as indented as the keys: it belongs to the
        key below it."""
        text = self.lines[index]
        stripped = text.lstrip(" ")
        indent = len(text) - len(stripped)
        return not stripped.strip() or (stripped.startswith("#") and indent <= col)

    def _trim(self, first: int, end: int, col: int) -> int:
        """Where a mapping's lines end: trailing blank lines and comments less indented
        than its keys belong to what follows (e.g. a section comment before the next
        element)."""
        while end - 1 >= first:
            text = self.lines[end - 1]
            stripped = text.lstrip(" ")
            if stripped.strip() and not (stripped.startswith("#")
                                         and len(text) - len(stripped) < col):
                break
            end -= 1
        return end


def _flow(value) -> bool:
    fa = getattr(value, "fa", None)
    return bool(fa is not None and fa.flow_style())


# -- pass 2: emit with canonical indentation and quoting ----------------------------------
def _emit(text: str) -> str:
    yaml = _yaml()
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
        for key in _canonical(shape, node):
            node.move_to_end(key)
        for key, value in node.items():
            _order_tree(value, _child(shape, node, key))
    elif isinstance(node, CommentedSeq) and isinstance(shape, tuple):
        for item in node:
            _order_tree(item, shape[1])


def _plain_is_ambiguous(value: str) -> bool:
    """Whether a YAML 1.1 reader (PyYAML, many editors) would read the plain scalar as
    something other than this string: 'yes', 'on', '1:30', '0777'."""
    import yaml

    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False))
    return tag != "tag:yaml.org,2002:str"


@cache
def _Representer():
    from ruamel.yaml.representer import RoundTripRepresenter

    class Representer(RoundTripRepresenter):
        def represent_str(self, data: str):
            style = '"' if data and _plain_is_ambiguous(data) else None
            return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    Representer.add_representer(str, Representer.represent_str)
    return Representer


@cache
def _Emitter():
    from ruamel.yaml.emitter import RoundTripEmitter

    class Emitter(RoundTripEmitter):
        def choose_scalar_style(self):
            style = super().choose_scalar_style()
            return '"' if style == "'" else style  # one quoting style: double

    return Emitter
