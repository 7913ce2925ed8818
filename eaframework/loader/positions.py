"""Where things are in a model file, found from the text's block structure.

The fast parser returns plain data without positions. Positions are needed only to locate
an error or a finding, so they are found on demand by one pass over the lines that follows
YAML's block structure: each `key:` line and each `- ` list item opens a node at its
indentation. The same pass reports duplicate keys within a mapping, which the fast parser
would silently merge. The pass reads an element's own lines only when a position inside
that element is asked for (see `PositionIndex`).

Flow collections (`{...}`, `[...]`) are not descended into: a path inside one resolves to
the line of the key that holds it, which is where a person would look anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, repeat
from operator import not_

# "- - key: value" / "key:" / "'quoted key': value"; group 1 = dashes, 2 = key
# A plain key is anything up to ": " that cannot start a flow collection, a comment, a
# quoted scalar or another indicator: Finnish letters, spaces and `$ref` are all keys.
_LINE = re.compile(
    r"""^(?P<indent>[ ]*)(?P<dashes>(?:-(?:[ ]+|$))*)
        (?:(?P<key>[^ \t#'"\[\]{},&*!|>%@`\-][^:#]*?|-[^ \t:#][^:#]*?|"[^"]*"|'[^']*')
        [ ]*:(?:[ ]+|$))?""",
    re.VERBOSE,
)
_DASH = re.compile(r"-[ ]+|-$")
# What follows a key's colon when its value is a literal or folded block scalar.
_BLOCK_SCALAR = re.compile(r"[|>][0-9+-]*[ ]*(?:#.*)?$")


class _Node:
    __slots__ = ("line", "column", "indent", "children", "items", "is_item", "pending")

    def __init__(self, line: int, column: int, indent: int, is_item: bool = False) -> None:
        self.line = line
        self.column = column
        self.indent = indent  # indentation of the node's children
        self.children: dict = {}  # key (str or int) -> _Node
        self.items = 0  # list items seen, for sequences
        self.is_item = is_item  # opened by "- " rather than by "key:"
        self.pending: tuple | None = None  # lines below it not yet read (a _Segment)


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    key: str
    line: int
    column: int
    first_line: int


# A segment: lines [start, end) deeper than the index's `shallow` column, and the state
# the pass had when it reached them: (start, end, open nodes, block scalar being skipped).
# A plain tuple: a large file has one per element.
_Segment = tuple


# The dash of the first list item under a top-level `elements:` (else of any list item):
# its column is how deep the pass reads eagerly.
_ELEMENTS_ITEM = re.compile(r"^elements:.*\n(?:[ ]*(?:#.*)?\n)*([ ]*)- ", re.MULTILINE)
_ANY_ITEM = re.compile(r"^([ ]*)- ", re.MULTILINE)


class PositionIndex:
    """Maps a path of keys and list indexes (as pydantic and the loader report them) to a
    (line, column) in one file.

    Built in two steps, with results identical to one full pass. The pass reads the
    shallow lines (indented at most as deep as the items of `elements:`) at once; the
    lines below each of them are kept as a segment and read only when a `find` goes into
    the node they belong to. A finding about one element of a 500-element file then
    reads that element's lines, not the whole file's. This is exact because a deeper line
    never closes a shallower node: a segment only adds nodes below the shallow node it
    follows, and a shallow line that adds to a node first reads the node's segment.
    """

    def __init__(self, text: str) -> None:
        self.root = _Node(line=1, column=1, indent=-1)
        self._duplicates: list[DuplicateKey] = []
        self._lines: list[str] | None = text.splitlines()
        self._segments: list[_Node] = []  # nodes with a pending segment, in line order
        item = _ELEMENTS_ITEM.search(text) or _ANY_ITEM.search(text)
        self._shallow = len(item.group(1)) if item else 0
        self._run(0, len(self._lines), [self.root], None, eager=False)

    @property
    def duplicates(self) -> list[DuplicateKey]:
        """Keys given twice in one mapping, in line order (reads the whole file)."""
        if self._lines is not None:
            for node in self._segments:
                if node.pending is not None:
                    self._read(node)
            self._segments = []
            self._lines = None
            self._duplicates.sort(key=lambda d: d.line)
        return self._duplicates

    def release(self) -> None:
        """Forget the lines not read yet, for an index no longer used: an unread segment
        holds the open nodes above it, its own node among them, a cycle that only the
        garbage collector would free (and none runs during a rules run)."""
        for node in self._segments:
            node.pending = None
        self._segments = []
        self._lines = None

    def find(self, path: tuple) -> tuple[int, int]:
        """The deepest known node on `path`: its line and column (1-based)."""
        node = self.root
        for step in path:
            if node.pending is not None:
                self._read(node)
            child = node.children.get(step)
            if child is None:
                break
            node = child
        return node.line, node.column

    def _read(self, node: _Node) -> None:
        start, end, stack, skip = node.pending
        node.pending = None
        self._run(start, end, list(stack), skip, eager=True)

    def _run(self, start: int, end: int, stack: list, skip: int | None, eager: bool) -> None:
        """The pass over lines [start, end): each `key:` line and each `- ` list item opens
        a node at its indentation. The stack holds the open nodes, the innermost last.

        With eager=False (the first pass over the whole file) lines deeper than
        `_shallow` are not read but kept as segments of the shallow node they follow."""
        lines = self._lines
        duplicates = self._duplicates
        match_line = _LINE.match
        if eager:
            indexes: Iterable[int] = range(start, end)
        else:  # only the shallow lines, picked out at C speed
            pad = " " * (self._shallow + 1)
            indexes = compress(
                range(start, end), map(not_, map(str.startswith, lines, repeat(pad)))
            )
        segment_start = start  # first line after the last shallow line that opened a node
        seen = start - 1  # the last shallow line looked at
        deep = False  # whether lines since segment_start include deeper ones
        snapshot: tuple = (tuple(stack), skip)
        for index in indexes:
            raw = lines[index]
            if index > seen + 1:
                deep = True
            seen = index
            match = match_line(raw)  # always matches; its indent spares a stripped copy
            spaces, dashes, key = match.groups()
            indent = len(spaces)
            if indent == len(raw) or raw[indent] == "#":
                continue  # a blank line or a comment
            if skip is not None:
                if indent > skip:
                    continue  # inside a literal or folded block scalar
                skip = None
            if indent == 0 and raw.startswith(("---", "...")):
                continue
            if not dashes and key is None:
                continue  # continuation of a scalar or a flow collection
            number = index + 1
            if not eager:
                if deep:
                    self._defer((segment_start, index, *snapshot))
                    deep = False
                segment_start = index + 1
            column = indent
            # Each "- " opens a list item; nested dashes on one line open nested items.
            if not dashes:
                spans: Iterable = ()
            elif dashes.count("-") == 1:  # the usual single item: no regex needed
                spans = ((0, len(dashes)),)
            else:
                spans = [dash.span() for dash in _DASH.finditer(dashes)]
            for dash_start, dash_end in spans:
                column = indent + dash_start
                # A dash at a key's own column is that key's (indentless) sequence.
                while stack[-1].indent > column or (
                    stack[-1].indent == column and stack[-1].is_item
                ):
                    stack.pop()
                parent = stack[-1]
                if parent.pending is not None:
                    self._read(parent)
                item = _Node(number, column + 1, column, True)
                parent.children[parent.items] = item
                parent.items += 1
                stack.append(item)
                column = indent + dash_end
            if key is not None:
                key_column = indent + len(dashes)
                while stack[-1].indent >= key_column:
                    stack.pop()
                parent = stack[-1]
                if parent.pending is not None:
                    self._read(parent)
                name = key[1:-1] if key[0] in "'\"" else key
                existing = parent.children.get(name)
                if existing is not None:
                    duplicates.append(DuplicateKey(name, number, key_column + 1, existing.line))
                node = _Node(number, key_column + 1, key_column)
                parent.children[name] = node
                stack.append(node)
                if ("|" in raw or ">" in raw) and _BLOCK_SCALAR.match(raw, match.end()):
                    skip = key_column
            if not eager:
                snapshot = (tuple(stack), skip)
        if not eager and (deep or end > seen + 1):
            self._defer((segment_start, end, *snapshot))

    def _defer(self, segment: _Segment) -> None:
        """Keep a segment with the innermost shallow node open before it: only that
        node's subtree can change when the segment is read."""
        shallow = self._shallow
        for anchor in reversed(segment[2]):
            if anchor.indent <= shallow:
                break
        if anchor.pending is not None:  # (each shallow line opens a new anchor: not seen)
            self._read(anchor)
        anchor.pending = segment
        self._segments.append(anchor)
