"""Reading one model file safely: bytes to text to plain data, or a located reason why not.

Nothing in a file is ever executed: the parser builds only plain mappings, lists and
scalars (no tags, no objects), expands aliases only up to a small limit, and stops at a
fixed nesting depth. The parser is yaml-rs (Rust, about 20 times PyYAML's C loader here);
it has no node positions, so positions come from `positions.PositionIndex` on demand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml_rs

from .positions import DuplicateKey, PositionIndex

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_LINE_CHARS = 100_000
# A model never needs many aliases; a billion-laughs file needs millions of events.
_ALIAS_LIMITS = yaml_rs.AliasLimits(
    max_total_replayed_events=100_000, max_replay_stack_depth=16
)
_PARSE_ERROR = re.compile(r"line (\d+), column (\d+)")
_DOCUMENT_START = re.compile(r"^---", re.MULTILINE)
_LONG_LINE = re.compile("[^\n]{%d}" % (MAX_LINE_CHARS + 1))


class SourceError(Exception):
    """A file that cannot be used at all, with the code, message and place of the cause."""

    def __init__(self, code: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column


@dataclass
class SourceFile:
    """One model file: its name as shown to people, its text, and what it parsed to."""

    name: str
    text: str
    data: object = None
    problems: list[SourceError] = field(default_factory=list)  # found, but not fatal

    @cached_property
    def positions(self) -> PositionIndex:
        return PositionIndex(self.text)

    def locate(self, path: tuple) -> tuple[int, int]:
        return self.positions.find(path)


def decode(raw: bytes) -> str:
    """UTF-8 text of a file (a BOM is allowed), or a SourceError at the first bad byte."""
    if len(raw) > MAX_FILE_BYTES:
        raise SourceError(
            "EA001",
            f"file is {len(raw) // (1024 * 1024)} MiB; model files may be at most "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MiB (split it into several files)",
        )
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _position_of_byte(raw, nul)
        raise SourceError(
            "EA001", "file contains a NUL byte: it is binary, not a YAML model file", line, column
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position_of_byte(raw, exc.start)
        raise SourceError(
            "EA001",
            f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
            line,
            column,
        ) from None
    return text


def parse(text: str) -> object:
    """Plain data of one YAML document, or a SourceError with the parser's location."""
    long_line = _LONG_LINE.search(text)
    if long_line:
        raise SourceError(
            "EA002",
            f"line is longer than {MAX_LINE_CHARS} characters; this is not a model file",
            text.count("\n", 0, long_line.start()) + 1,
        )
    try:
        data = _load(text, yaml_rs.DuplicateKeyPolicy.Error)
    except yaml_rs.YAMLDecodeError as exc:
        raise _located(text, str(exc)) from None
    if isinstance(data, list) and len(_DOCUMENT_START.findall(text)) > 1:
        starts = [m.start() for m in _DOCUMENT_START.finditer(text)]
        line = text.count("\n", 0, starts[1]) + 1
        raise SourceError(
            "EA002", "file holds several YAML documents; put one model document per file", line
        )
    return data


def _load(text: str, duplicates: yaml_rs.DuplicateKeyPolicy) -> object:
    return yaml_rs.loads(
        text,
        parse_datetime=False,  # dates stay text; the metamodel parses them
        alias_limits=_ALIAS_LIMITS,
        duplicate_key_policy=duplicates,
    )


def read(path: Path, name: str) -> SourceFile:
    """Read, decode and parse one file.

    Duplicate keys do not stop the file: every one is reported, and the rest of the file
    is still read (last value wins) so that its other problems are found in the same run.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError("EA001", f"cannot read file: {exc.strerror or exc}") from None
    text = decode(raw)
    try:
        return SourceFile(name=name, text=text, data=parse(text))
    except SourceError as exc:
        if exc.code != "EA004":
            raise
        source = SourceFile(name=name, text=text)
        duplicates = source.positions.duplicates or _duplicates_in_flow(text)
        source.problems = [_duplicate_error(dup) for dup in duplicates] or [exc]
        source.data = _load(text, yaml_rs.DuplicateKeyPolicy.LastWins)
        return source


def _located(text: str, message: str) -> SourceError:
    lines = message.strip().splitlines()
    cause = lines[-1].strip() if lines else "invalid YAML"
    if cause.startswith("duplicate mapping key"):
        return _duplicate_key(text, cause)
    if "repetition limit" in message or "alias" in cause and "limit" in cause:
        cause = "too many alias expansions (a YAML alias bomb?); write the data out instead"
    elif "recursion limit" in message or "depth" in cause:
        cause = f"YAML is nested too deeply ({cause})"
    match = _PARSE_ERROR.search(message)
    line, column = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
    return SourceError("EA002", f"invalid YAML: {cause}", line, column)


def _duplicate_key(text: str, cause: str) -> SourceError:
    duplicates = PositionIndex(text).duplicates or _duplicates_in_flow(text)
    if duplicates:
        return _duplicate_error(duplicates[0])
    return SourceError("EA004", cause)


def _duplicates_in_flow(text: str) -> list[DuplicateKey]:
    """Exact but slow: PyYAML's node tree, for duplicates inside `{...}` mappings."""
    import yaml  # only on this rare path

    found: list[DuplicateKey] = []
    stack = [yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    mark = key.start_mark
                    if key.value in seen:
                        found.append(
                            DuplicateKey(key.value, mark.line + 1, mark.column + 1, seen[key.value])
                        )
                    seen.setdefault(key.value, mark.line + 1)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return sorted(found, key=lambda d: (d.line, d.column))


def _duplicate_error(dup) -> SourceError:
    return SourceError(
        "EA004",
        f"duplicate key {dup.key!r} in one mapping (first on line {dup.first_line}); "
        "only one value can count",
        dup.line,
        dup.column,
    )


def _position_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1
