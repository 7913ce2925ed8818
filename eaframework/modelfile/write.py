"""Model to YAML text in the canonical form (`canonical`), for importers, generators and
tests: what they write passes `ea fmt --check` as written.

The common layout (block mappings and lists of plain words, numbers, dates) is written
directly, which is several times faster than a YAML emitter, and so are the one-line
texts and decimals whose quoting `scalars` knows; every other scalar is rendered by the
emitter `ea fmt` uses (`emitted`), and a document with anything more unusual (a key that
is not a plain word, a list in a list) is emitted by it whole. Returns text; only the CLI
writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..model import ElementBase, Metadata, Relation
from ..model.fileformat import API_VERSION
from .emitted import DATE, emitted, float_of, is_date, known_float, known_text, prime, text_of
from .shape import Shape, canonical, child

HEADER = "# yaml-language-server: $schema={schema}\n"
SCHEMA = "../schema/eaframework.schema.json"


def element_data(element: ElementBase) -> dict:
    """The element as a file would hold it: kebab keys, defaults left out, a name or
    description in Finnish alone as plain text."""
    data = _element_adapter().dump_python(element, by_alias=True, exclude_defaults=True,
                                          mode="json")
    data["kind"], data["id"] = element.kind, element.id
    for key in ("name", "description"):
        text = data.get(key)
        if isinstance(text, dict) and set(text) == {"fi"}:
            data[key] = text["fi"]
    return data


@lru_cache(maxsize=1)
def _element_adapter():
    """The union of all kinds (its schema is built once and shared with the loader): a
    class's own `model_dump` would first build that class's serializer, 22 of them."""
    from pydantic import TypeAdapter

    from ..model import Element

    return TypeAdapter(Element)


def relation_data(relation: Relation) -> dict:
    data = {"type": relation.type, "source": relation.source, "target": relation.target}
    if relation.description:
        data["description"] = relation.description
    if relation.properties:
        data["properties"] = dict(relation.properties)
    return data


def dump_file(
    elements: Iterable[ElementBase],
    relations: Iterable[Relation] = (),
    metadata: Metadata | None = None,
    schema: str | None = SCHEMA,
) -> str:
    """One model file. Relations that come from reference fields are not written twice."""
    document: dict = {"apiVersion": API_VERSION}
    if metadata is not None:
        document["metadata"] = metadata.model_dump(by_alias=True, exclude_none=True, mode="json")
    document["elements"] = [element_data(e) for e in elements]
    listed = [relation_data(r) for r in relations if r.field is None]
    if listed:
        document["relations"] = listed
    return dump_document(document, schema)


def dump_document(document: dict, schema: str | None = SCHEMA) -> str:
    """One model file from plain data (dicts, lists, text, numbers, booleans; dates as
    ISO text), its keys put in canonical order whatever order the dicts have."""
    head = HEADER.format(schema=schema) if schema else ""
    try:
        writer = _Writer(final=False)
        writer.mapping(document, "file", 0)
        if writer.texts or writer.floats:  # rare: emit those together, then write again
            prime(writer.texts, writer.floats)
            writer = _Writer(final=True)
            writer.mapping(document, "file", 0)
    except _Unusual:
        return head + emitted(document)
    out = writer.out
    if out and _KEEP_LAST.search(out[-1].partition("\n")[0]):
        out.append("...\n")  # a text that keeps its final line breaks ends the document
    return head + "".join(out)


# -- the direct writer --------------------------------------------------------------------
class _Unusual(Exception):
    """Something the direct writer leaves to the emitter."""


# Text that ruamel.yaml writes plain unless it is a reserved word: a letter, then letters,
# digits and a little punctuation, ending in neither a space nor a colon.
_PLAIN = re.compile(r"[^\W\d_](?:[\w .,()/–-]{0,998}[\w.)])?")
_RESERVED = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n"})
_RESERVED_LONGEST = 5
_KEEP_LAST = re.compile(r": [|>][0-9]?\+[0-9]?$")
_KEY_LIMIT = 100  # longer keys are written as "? key" by the emitter
_PLAIN_KEYS: set[str] = set()  # keys found to be plain words (the same ones recur)


def _plain_key(key) -> bool:
    if key in _PLAIN_KEYS:
        return True
    if isinstance(key, str) and len(key) <= _KEY_LIMIT and _PLAIN.fullmatch(key) and \
            key.lower() not in _RESERVED:
        if len(_PLAIN_KEYS) < 4096:
            _PLAIN_KEYS.add(key)
        return True
    return False


class _Writer:
    """One pass over a document. In the first pass a scalar that only the emitter can
    write is noted (`texts`, `floats`) and stands in as a blank; the final pass, after
    they are primed, writes them (each alone where priming could not)."""

    def __init__(self, final: bool) -> None:
        self.out: list[str] = []
        self.final = final
        self.texts: set[str] = set()
        self.floats: set[str] = set()

    def mapping(self, node: dict, shape: Shape, indent: int, first: str | None = None
                ) -> None:
        out = self.out
        lead = first if first is not None else " " * indent
        for key in canonical(shape, node):
            value = node[key]
            if key not in _PLAIN_KEYS and not _plain_key(key):
                raise _Unusual
            if type(value) is str and _PLAIN.fullmatch(value) and (
                    len(value) > _RESERVED_LONGEST or value.lower() not in _RESERVED):
                out.append(f"{lead}{key}: {value}\n")  # the most common line: a plain word
            elif isinstance(value, dict) and value:
                out.append(f"{lead}{key}:\n")
                self.mapping(value, child(shape, node, key), indent + 2)
            elif isinstance(value, (list, tuple)) and value:
                out.append(f"{lead}{key}:\n")
                self.sequence(value, child(shape, node, key), indent + 2)
            else:
                out.append(f"{lead}{key}:{self.scalar(value, indent)}\n")
            lead = " " * indent

    def sequence(self, items, shape: Shape, dash: int) -> None:
        item_shape = shape[1] if isinstance(shape, tuple) else None
        pad = " " * dash
        for item in items:
            if isinstance(item, dict) and item:
                self.mapping(item, item_shape, dash + 2, first=f"{pad}- ")
            elif item is None or (isinstance(item, (list, tuple)) and item):
                raise _Unusual
            else:
                self.out.append(f"{pad}-{self.scalar(item, None)}\n")

    def scalar(self, value, indent: int | None) -> str:
        """` value` as written after `key:` (a key at `indent`) or after `-` (indent
        None)."""
        if isinstance(value, str):
            if _PLAIN.fullmatch(value) and (len(value) > _RESERVED_LONGEST
                                            or value.lower() not in _RESERVED):
                return " " + value
            if DATE.fullmatch(value) and is_date(value):
                return " " + value
            text = known_text(value)
            if text is None:
                if not self.final:
                    self.texts.add(value)
                    return ""
                text = text_of(value)
            if "\n" in text:
                if indent is None:
                    raise _Unusual
                text = re.sub(r"\n(?=.)", "\n" + " " * indent, text)
            return " " + text
        if value is None:
            return ""
        if value is True or value is False:
            return " true" if value else " false"
        if isinstance(value, int):
            return f" {value}"
        if isinstance(value, float):
            text = known_float(repr(value))
            if text is None:
                if not self.final:
                    self.floats.add(repr(value))
                    return ""
                text = float_of(repr(value))
            return " " + text
        if value == {} or value == [] or value == ():
            return " {}" if isinstance(value, dict) else " []"
        raise _Unusual
