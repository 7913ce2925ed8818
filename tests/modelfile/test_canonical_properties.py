"""Property-based tests of `ea fmt`: whatever the layout of a model file (key order, flow
or block style, quoting, indentation, comments anywhere), formatting changes nothing the
loader sees, keeps every comment, and a second run changes nothing more.

The files are made from real elements of the sample model, written out in layouts drawn
by hypothesis.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from itertools import count

import yaml_rs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eaframework.loader import load_texts
from eaframework.modelfile import format_text

from tests.conftest import REPO

SAMPLE = REPO / "models" / "esimerkkila"


@cache
def pool() -> tuple[list[dict], dict | None]:
    elements, metadata = [], None
    for path in sorted(SAMPLE.glob("*.yaml")):
        data = yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False)
        elements += data.get("elements") or []
        metadata = data.get("metadata") or metadata
    return elements, metadata


def _reads_back(text: str, value) -> bool:
    try:
        return yaml_rs.loads(f"k: {text}\nl: [{text}]\n", parse_datetime=False) == {
            "k": value, "l": [value]}
    except Exception:
        return False


class Writer:
    """Writes plain data as YAML in the layout chosen by `draw` (a hypothesis draw)."""

    def __init__(self, draw) -> None:
        self.draw = draw
        self.step = draw(st.sampled_from([2, 4]))
        self.indentless = draw(st.booleans())  # "- item" at the key's column
        self.notes = count(1)
        self.written: list[str] = []

    def comment(self, indent: int) -> list[str]:
        if not self.draw(st.integers(0, 5)) == 0:
            return []
        note = f"# note {next(self.notes)}"
        self.written.append(note)
        return [" " * indent + note + "\n"]

    def scalar(self, value) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if value is None:
            return "null"
        if isinstance(value, (int, float)):
            return json.dumps(value)
        style = self.draw(st.sampled_from(["plain", "single", "double"]))
        if style == "plain" and value and _reads_back(value, value):
            return value
        if style == "single" and "\n" not in value:
            return "'" + value.replace("'", "''") + "'"
        return json.dumps(value, ensure_ascii=False)

    def flow(self, value) -> str:
        if isinstance(value, dict):
            items = self.shuffled(value).items()
            return "{" + ", ".join(f"{k}: {self.flow(v)}" for k, v in items) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.flow(v) for v in value) + "]"
        return self.scalar(value)

    def shuffled(self, mapping: dict) -> dict:
        keys = self.draw(st.permutations(list(mapping)))
        return {k: mapping[k] for k in keys}

    def mapping(self, mapping: dict, indent: int, dash: str | None = None) -> list[str]:
        lines: list[str] = []
        for i, (key, value) in enumerate(self.shuffled(mapping).items()):
            prefix = dash if (dash is not None and i == 0) else " " * indent
            if not (dash is not None and i == 0):
                lines += self.comment(indent)
            # Mostly block style at the top, where the elements are; either style below.
            block = isinstance(value, (dict, list)) and value and (
                indent == 0 or self.draw(st.booleans()))
            if block and isinstance(value, dict):
                lines.append(f"{prefix}{key}:\n")
                lines += self.mapping(value, indent + self.step)
            elif block:
                lines.append(f"{prefix}{key}:\n")
                lines += self.sequence(value, indent if self.indentless else indent + self.step)
            elif isinstance(value, str) and " " in value and "\n" not in value \
                    and value == value.strip() and self.draw(st.integers(0, 7)) == 0:
                lines.append(f"{prefix}{key}: >-\n{' ' * (indent + self.step)}{value}\n")
            else:
                eol = f"  # note {next(self.notes)}" if self.draw(st.integers(0, 6)) == 0 else ""
                if eol:
                    self.written.append(eol.strip())
                lines.append(f"{prefix}{key}: {self.flow(value)}{eol}\n")
        return lines

    def sequence(self, items: list, indent: int) -> list[str]:
        lines: list[str] = []
        for item in items:
            lines += self.comment(indent)
            if isinstance(item, dict) and item and self.draw(st.booleans()):
                lines += self.mapping(item, indent + 2, dash=" " * indent + "- ")
            else:
                lines.append(f"{' ' * indent}- {self.flow(item)}\n")
        return lines


@st.composite
def model_files(draw) -> tuple[str, list[str]]:
    elements, metadata = pool()
    chosen = draw(st.lists(st.integers(0, len(elements) - 1), min_size=1, max_size=6,
                           unique=True))
    writer = Writer(draw)
    document: dict = {"apiVersion": "eaframework/v1", "elements": [elements[i] for i in chosen]}
    if draw(st.booleans()):
        document["metadata"] = metadata
    if draw(st.booleans()):
        ids = [elements[i]["id"] for i in chosen]
        document["relations"] = [{"type": "associated-with", "source": a, "target": b}
                                 for a, b in zip(ids, reversed(ids))]
    lines = ["# yaml-language-server: $schema=../schema/eaframework.schema.json\n"]
    lines += writer.mapping(document, 0)
    return "".join(lines), writer.written


def seen_by_loader(text: str):
    result = load_texts({"m.yaml": text})
    return (
        [(e.id, e.model_dump()) for e in result.model],
        sorted((r.type, r.source, r.target, r.field, r.description)
               for r in result.model.relations),
        result.model.metadata,
        sorted((d.code, d.element or "", d.message) for d in result.diagnostics),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model_files())
def test_formatting_changes_nothing_the_loader_sees_and_is_idempotent(drawn):
    text, notes = drawn
    formatted = format_text(text, "m.yaml")
    assert seen_by_loader(formatted) == seen_by_loader(text)
    assert format_text(formatted, "m.yaml") == formatted
    kept = Counter(line.strip() for line in formatted.splitlines() if "# note " in line)
    for note in notes:
        assert any(note in line for line in kept), note
    assert sum(line.count("# note ") for line in formatted.splitlines()) == len(notes)
    assert formatted.startswith("# yaml-language-server: $schema=")
