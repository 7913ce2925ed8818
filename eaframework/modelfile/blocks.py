"""Pass 1 of the formatter: keys reordered as blocks of whole lines (a key with the
comment lines above it and every line of its value), guided by the positions ruamel.yaml
records, so that comments stay beside the lines they were written for."""

from __future__ import annotations

from dataclasses import dataclass

from .shape import Shape, canonical, child
from .style import model_yaml


def reorder_lines(text: str) -> str:
    from ruamel.yaml.comments import CommentedMap

    data = model_yaml().load(text)
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
            body = self.node(node[key], child(shape, node, key), row + 1, e)
            chunks[key] = (self.lines[b:row], self.lines[row], body)
        order = canonical(shape, node)
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
