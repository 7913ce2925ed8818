"""Reading one model file safely: bytes to text to plain data, or a located reason why not.

Nothing in a file is ever executed: the parser builds only plain mappings, lists and
scalars (no tags, no objects), expands aliases only up to a small limit, and stops at a
fixed nesting depth. The parser is yaml-rs (Rust, about 20 times PyYAML's C loader here);
it has no node positions, so positions come from `positions.PositionIndex` on demand.
"""

from __future__ import annotations

import re
import stat
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
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_DOCUMENT_START = re.compile(r"^---(?=[ \t]|$)", re.MULTILINE)


class SourceError(Exception):
    """A file that cannot be used at all, with the code, message and place of the cause."""

    def __init__(self, code: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column


class SourceFile:
    """One model file: its name as shown to people, its text, and what it parsed to."""

    def __init__(self, name: str, text: str, data: object = None) -> None:
        self.name = name
        self._text: str | bytes = text
        self.data = data
        self.problems: list[SourceError] = []  # found, but not fatal

    @property
    def text(self) -> str:
        text = self._text
        return text if isinstance(text, str) else text.decode("utf-8-sig")

    def keep_bytes(self, raw: bytes) -> None:
        """Hold the file as the bytes its text came from, decoded again for positions: one
        en dash makes a text take two bytes a character, its UTF-8 about one."""
        self._text = raw

    @cached_property
    def positions(self) -> PositionIndex:
        return PositionIndex(self.text)

    def locate(self, path: tuple) -> tuple[int, int]:
        return self.positions.find(path)

    def forget_positions(self) -> None:
        """Drop the position index (built again if asked for): it holds the file's lines."""
        positions = self.__dict__.pop("positions", None)
        if positions is not None:
            positions.release()


def decode(raw: bytes) -> str:
    """UTF-8 text of a file (a BOM is allowed), or a SourceError at the first bad byte."""
    if len(raw) > MAX_FILE_BYTES:
        raise SourceError("EA001", _too_large(len(raw)))
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
    long_line = _first_long_line(text)
    if long_line >= 0:
        raise SourceError(
            "EA002",
            f"line is longer than {MAX_LINE_CHARS} characters; this is not a model file",
            text.count("\n", 0, long_line) + 1,
        )
    try:
        data = _load(text, yaml_rs.DuplicateKeyPolicy.Error)
    except yaml_rs.YAMLDecodeError as exc:
        raise _located(text, str(exc)) from None
    second = _second_document(text) if isinstance(data, list) else None
    if second is not None:
        raise SourceError(
            "EA002", "file holds several YAML documents; put one model document per file",
            text.count("\n", 0, second) + 1,
        )
    return data


def _second_document(text: str) -> int | None:
    """Where a second YAML document starts, or None: a `---` line after content, or a
    second `---` line."""
    starts = [m.start() for m in _DOCUMENT_START.finditer(text)]
    if not starts:
        return None
    before = text[: starts[0]]
    content_first = any(
        line.strip() and not line.lstrip().startswith(("#", "%")) for line in before.splitlines()
    )
    if content_first:
        return starts[0]
    return starts[1] if len(starts) > 1 else None


def _first_long_line(text: str) -> int:
    """Where the first line longer than MAX_LINE_CHARS starts, or -1; in linear time.

    Such a line contains a whole aligned block of half that length with no newline, so
    only blocks are searched for a newline (in C), and only a block without one leads
    to measuring its line. (A regex `[^\\n]{100001}` is quadratic in the line length.)
    """
    size = len(text)
    if size <= MAX_LINE_CHARS:
        return -1
    block = max(1, MAX_LINE_CHARS // 2)
    start = 0
    while start + block <= size:
        if text.find("\n", start, start + block) >= 0:
            start += block
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start + block)
        if line_end < 0:
            line_end = size
        if line_end - line_start > MAX_LINE_CHARS:
            return line_start
        start = (line_end // block + 1) * block  # the next block after this line
    return -1


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
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A link to /dev/zero or a FIFO would never end, or never start.
            raise SourceError("EA001", "not a regular file (a device, pipe or socket?); "
                              "model files are plain text files")
        if info.st_size > MAX_FILE_BYTES:
            raise SourceError("EA001", _too_large(info.st_size))
        with path.open("rb") as handle:
            # Asking for the size stat gave (plus one) spares a 32 MiB buffer per file;
            # a file growing meanwhile is read on, and stops at the limit.
            raw = handle.read(info.st_size + 1)
            if len(raw) > info.st_size:
                raw += handle.read(MAX_FILE_BYTES + 1 - len(raw))
    except OSError as exc:
        raise SourceError("EA001", f"cannot read file: {exc.strerror or exc}") from None
    source = from_text(name, decode(raw))
    source.keep_bytes(raw)
    return source


def _too_large(size: int) -> str:
    return (f"file is {size / (1024 * 1024):.1f} MiB; model files may be at most "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MiB (split it into several files)")


def from_text(name: str, text: str) -> SourceFile:
    """Parse text already decoded."""
    try:
        return SourceFile(name=name, text=text, data=parse(text))
    except SourceError as exc:
        if exc.code != "EA004":
            raise
        source = SourceFile(name=name, text=text)
        duplicates = _all_duplicates(text, source.positions.duplicates)
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
    duplicates = _all_duplicates(text, PositionIndex(text).duplicates)
    if duplicates:
        return _duplicate_error(duplicates[0])
    return SourceError("EA004", cause)


def _all_duplicates(text: str, in_blocks: list[DuplicateKey]) -> list[DuplicateKey]:
    """Duplicates found by the block scan, plus those inside `{...}` that only a full
    parse sees; each once, in file order."""
    found = {(d.line, d.column): d for d in in_blocks}
    if "{" in text:
        for dup in _duplicates_in_flow(text):
            found.setdefault((dup.line, dup.column), dup)
    return [found[k] for k in sorted(found)]


def _duplicates_in_flow(text: str) -> list[DuplicateKey]:
    """Exact but slow: ruamel.yaml's node tree (the emitter `ea fmt` already depends on),
    for duplicates inside `{...}` mappings. Where it cannot read the file (characters or
    depths yaml-rs accepts), none are found."""
    from ruamel.yaml import YAML  # only on this rare path
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    found: list[DuplicateKey] = []
    # ruamel.yaml refuses some characters yaml-rs accepts; blanking them keeps positions.
    readable = _UNREADABLE.sub(" ", text)
    try:
        stack = [YAML(typ="safe", pure=True).compose(readable)]
    except (YAMLError, RecursionError):
        return found
    visited: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in visited:  # an alias shares its node: walk it once, never a bomb
            continue
        visited.add(id(node))
        if isinstance(node, MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, ScalarNode):
                    mark = key.start_mark
                    if key.value in seen:
                        found.append(
                            DuplicateKey(key.value, mark.line + 1, mark.column + 1, seen[key.value])
                        )
                    seen.setdefault(key.value, mark.line + 1)
                stack.append(value)
        elif isinstance(node, SequenceNode):
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
    """Line and column (in characters, like every other location) of a byte offset."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column
