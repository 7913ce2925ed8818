"""Where things are in a model file, found from the text's block structure.

The fast parser returns plain data without positions. Positions are needed only to locate
an error or a finding, so they are found on demand by one pass over the lines that follows
YAML's block structure: each `key:` line and each `- ` list item opens a node at its
indentation. The same pass reports duplicate keys within a mapping, which the fast parser
would silently merge.

Flow collections (`{...}`, `[...]`) are not descended into: a path inside one resolves to
the line of the key that holds it, which is where a person would look anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# "- - key: value" / "key:" / "'quoted key': value"; group 1 = dashes, 2 = key
_LINE = re.compile(
    r"""^(?P<indent>[ ]*)(?P<dashes>(?:-[ ]+)*)
        (?:(?P<key>[A-Za-z0-9_][A-Za-z0-9_.\-]*|"[^"]*"|'[^']*')[ ]*:(?:[ ]|$))?""",
    re.VERBOSE,
)
_BLOCK_SCALAR = re.compile(r":[ ]+[|>][0-9+-]*[ ]*(?:#.*)?$")
_LONE_DASH = re.compile(r"^[ ]*-[ ]*$")


@dataclass
class _Node:
    line: int
    column: int
    indent: int  # indentation of the node's children
    children: dict = field(default_factory=dict)  # key (str or int) -> _Node
    items: int = 0  # list items seen, for sequences
    is_item: bool = False  # opened by "- " rather than by "key:"


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    key: str
    line: int
    column: int
    first_line: int


class PositionIndex:
    """Maps a path of keys and list indexes (as pydantic and the loader report them) to a
    (line, column) in one file."""

    def __init__(self, text: str) -> None:
        self.root = _Node(line=1, column=1, indent=-1)
        self.duplicates: list[DuplicateKey] = []
        self._build(text)

    def find(self, path: tuple) -> tuple[int, int]:
        """The deepest known node on `path`: its line and column (1-based)."""
        node = self.root
        for step in path:
            child = node.children.get(step)
            if child is None:
                break
            node = child
        return node.line, node.column

    def _build(self, text: str) -> None:
        # The stack holds (indent, node): the innermost open node last.
        stack: list[tuple[int, _Node]] = [(-1, self.root)]
        skip_deeper_than: int | None = None
        for number, raw in enumerate(text.splitlines(), start=1):
            stripped = raw.lstrip(" ")
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(raw) - len(stripped)
            if skip_deeper_than is not None:
                if indent > skip_deeper_than:
                    continue  # inside a literal or folded block scalar
                skip_deeper_than = None
            if stripped.startswith(("---", "...")) and indent == 0:
                continue
            match = _LINE.match(raw)
            dashes = match.group("dashes") if match else ""
            key = match.group("key") if match else None
            if not dashes and key is None:
                continue  # continuation of a scalar or a flow collection
            column = indent
            # Each "- " opens a list item; nested dashes on one line open nested items.
            for dash in re.finditer(r"-[ ]+|-$", dashes) if dashes else ():
                column = indent + dash.start()
                # A dash at a key's own column is that key's (indentless) sequence.
                while stack[-1][0] > column or (stack[-1][0] == column and stack[-1][1].is_item):
                    stack.pop()
                parent = stack[-1][1]
                index = parent.items
                parent.items += 1
                item = _Node(line=number, column=column + 1, indent=column, is_item=True)
                parent.children[index] = item
                stack.append((column, item))
                column = indent + dash.end()
            if _LONE_DASH.match(raw):
                continue
            if key is not None:
                key_column = indent + len(dashes)
                while stack[-1][0] >= key_column:
                    stack.pop()
                parent = stack[-1][1]
                name = key[1:-1] if key[0] in "'\"" else key
                existing = parent.children.get(name)
                if existing is not None:
                    self.duplicates.append(
                        DuplicateKey(name, number, key_column + 1, existing.line)
                    )
                node = _Node(line=number, column=key_column + 1, indent=key_column)
                parent.children[name] = node
                stack.append((key_column, node))
                if _BLOCK_SCALAR.search(raw):
                    skip_deeper_than = key_column
