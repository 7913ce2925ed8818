"""Model to YAML text in the canonical form (`canonical`), for importers, generators and
tests: what they write passes `ea fmt --check` as written.

The common layout (block mappings and lists of plain words, numbers, dates) is written
directly, which is several times faster than a YAML emitter; every scalar that needs a
decision (quoting, a multi-line text) is rendered by the emitter `ea fmt` uses
(`style.model_yaml`), and a document with anything more unusual (a key that is not a
plain word, a list in a list) is emitted by it whole. Returns text; only the CLI writes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from functools import lru_cache

from ..model import ElementBase, Metadata, Relation
from ..model.fileformat import API_VERSION
from .scalars import float_text, scalar_text
from .shape import Shape, canonical, child
from .style import model_yaml

HEADER = "# yaml-language-server: $schema={schema}\n"
SCHEMA = "../schema/eaframework.schema.json"


def element_data(element: ElementBase) -> dict:
    """The element as a file would hold it: kebab keys, defaults left out, a name or
    description in Finnish alone as plain text."""
    data = element.model_dump(by_alias=True, exclude_defaults=True, mode="json")
    data["kind"], data["id"] = element.kind, element.id
    for key in ("name", "description"):
        text = data.get(key)
        if isinstance(text, dict) and set(text) == {"fi"}:
            data[key] = text["fi"]
    return data


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
    out: list[str] = []
    _prime(document)
    try:
        _mapping(out, document, "file", 0)
    except _Unusual:
        return head + emitted(document)
    if out and _KEEP_LAST.search(out[-1].partition("\n")[0]):
        out.append("...\n")  # a text that keeps its final line breaks ends the document
    return head + "".join(out)


def emitted(document: dict) -> str:
    """`document` emitted whole by ruamel.yaml as `ea fmt` configures it: the reference
    that the direct writing above must equal."""
    out = io.StringIO()
    model_yaml().dump(_for_emitter(document, "file"), out)
    return out.getvalue()


# -- the direct writer --------------------------------------------------------------------
class _Unusual(Exception):
    """Something the direct writer leaves to the emitter."""


# Text that ruamel.yaml writes plain unless it is a reserved word: a letter, then letters,
# digits and a little punctuation, ending in neither a space nor a colon.
_PLAIN = re.compile(r"[^\W\d_](?:[\w .,()/–-]{0,998}[\w.)])?")
_RESERVED = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n"})
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_KEEP_LAST = re.compile(r": [|>][0-9]?\+[0-9]?$")
_KEY_LIMIT = 100  # longer keys are written as "? key" by the emitter


def _mapping(out: list[str], node: dict, shape: Shape, indent: int,
             first: str | None = None) -> None:
    pad = " " * indent
    for key in canonical(shape, node):
        value = node[key]
        if not (isinstance(key, str) and len(key) <= _KEY_LIMIT and _PLAIN.fullmatch(key)
                and key.lower() not in _RESERVED):
            raise _Unusual
        lead, first = (first, None) if first is not None else (pad, None)
        if isinstance(value, dict) and value:
            out.append(f"{lead}{key}:\n")
            _mapping(out, value, child(shape, node, key), indent + 2)
        elif isinstance(value, (list, tuple)) and value:
            out.append(f"{lead}{key}:\n")
            _sequence(out, value, child(shape, node, key), indent + 2)
        else:
            out.append(f"{lead}{key}:{_scalar(value, indent)}\n")


def _sequence(out: list[str], items, shape: Shape, dash: int) -> None:
    item_shape = shape[1] if isinstance(shape, tuple) else None
    pad = " " * dash
    for item in items:
        if isinstance(item, dict) and item:
            _mapping(out, item, item_shape, dash + 2, first=f"{pad}- ")
        elif item is None or (isinstance(item, (list, tuple)) and item):
            raise _Unusual
        else:
            text = _scalar(item, None)
            out.append(f"{pad}-{text}\n")


def _scalar(value, indent: int | None) -> str:
    """` value` as written after `key:` (a key at `indent`) or after `-` (indent None)."""
    if isinstance(value, str):
        if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED:
            return " " + value
        if _DATE.fullmatch(value) and _is_date(value):
            return " " + value
        text = _emitted_text(value)
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
        return " " + _emitted_float(repr(value))
    if value == {} or value == [] or value == ():
        return " {}" if isinstance(value, dict) else " []"
    raise _Unusual


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _emitted_text(value: str) -> str:
    text = _PRIMED.get((str, value)) or scalar_text(value)
    return text if text is not None else _emitted_text_alone(value)


def _emitted_float(text: str) -> str:
    emitted = _PRIMED.get((float, text)) or float_text(text)
    return emitted if emitted is not None else _emitted_float_alone(text)


@lru_cache(maxsize=4096)
def _emitted_text_alone(value: str) -> str:
    return _emitted_value(_scalar_for_emitter(value))


@lru_cache(maxsize=1024)
def _emitted_float_alone(text: str) -> str:
    return _emitted_value(_float_for_emitter(float(text)))


# The emitter's text of scalars, by (str, text) or (float, repr): filled by `_prime`.
_PRIMED: dict[tuple[type, str], str] = {}
_PRIMED_LIMIT = 1 << 16
_PRIMED_KEY = re.compile(r"^k[0-9]+:", re.MULTILINE)


def _prime(document) -> None:
    """Emit every scalar of `document` that the direct writer leaves to the emitter in one
    emitter call, not one call each: an import of 10,000 elements has thousands of them
    (texts with a colon, numbers), and each call costs about a millisecond of ruamel.yaml
    setting itself up. Each value comes out as `_emitted_value` gives it alone: one key
    of a block mapping, followed by another key. Where the one text cannot be split back
    into its values, nothing is primed and each value is emitted alone, as before."""
    texts: set[str] = set()
    floats: set[str] = set()
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
        elif isinstance(node, str):
            if not (_PLAIN.fullmatch(node) and node.lower() not in _RESERVED) and not (
                _DATE.fullmatch(node) and _is_date(node)
            ) and (str, node) not in _PRIMED and scalar_text(node) is None:
                texts.add(node)
        elif isinstance(node, float) and (float, repr(node)) not in _PRIMED and \
                float_text(repr(node)) is None:
            floats.add(repr(node))
    keys = [(str, t) for t in sorted(texts)] + [(float, f) for f in sorted(floats)]
    if len(keys) < 2:
        return
    try:
        numbers = iter(model_yaml().load(
            "".join(f"k{i}: {_float_text(f)}\n" for i, (_, f) in enumerate(keys[len(texts):]))
        ).values()) if floats else iter(())
        values = [_scalar_for_emitter(t) for t in sorted(texts)] + list(numbers)
        out = io.StringIO()
        model_yaml().dump({**{f"k{i}": v for i, v in enumerate(values)}, "z": 0}, out)
    except Exception:  # noqa: BLE001 - one by one instead, as before
        return
    text = out.getvalue().removesuffix("z: 0\n")
    starts = [m.start() for m in _PRIMED_KEY.finditer(text)]
    if len(starts) != len(keys) or len(values) != len(keys):
        return
    if len(_PRIMED) + len(keys) > _PRIMED_LIMIT:
        _PRIMED.clear()
    for i, (key, start, end) in enumerate(zip(keys, starts, [*starts[1:], len(text)])):
        chunk = text[start + len(f"k{i}"):end]  # ": value\n" or ":\n  block\n"
        _PRIMED[key] = chunk[2:-1] if chunk.startswith(": ") else chunk[1:-1]


def _emitted_value(value) -> str:
    """The emitter's text for `value` after `k:` (a key that is not the last, so that a
    trailing `|+` text is not followed by the end of the document)."""
    out = io.StringIO()
    model_yaml().dump({"k": value, "z": 0}, out)
    text = out.getvalue().removesuffix("z: 0\n")
    return text[3:-1] if text.startswith("k: ") else text[2:-1]


# -- plain data as the emitter should see it ----------------------------------------------
def _for_emitter(node, shape: Shape):
    if isinstance(node, dict):
        return {k: _for_emitter(node[k], child(shape, node, k)) for k in canonical(shape, node)}
    if isinstance(node, (list, tuple)):
        item = shape[1] if isinstance(shape, tuple) else None
        return [_for_emitter(v, item) for v in node]
    if isinstance(node, str):
        return _scalar_for_emitter(node)
    if isinstance(node, float):
        return _float_for_emitter(node)
    return node


def _float_for_emitter(value: float):
    """The number as the formatter reads it back from a notation that YAML 1.1 readers
    also take for a number (1.0e+17, not 1e+17): ruamel.yaml rebuilds the text of some
    numbers (1.5235653563975952e-140 for 1.5235653563975953e-140, the same number), and
    the writer writes the form the formatter keeps."""
    return model_yaml().load(f"k: {_float_text(repr(value))}\n")["k"]


def _float_text(text: str) -> str:
    """The notation of `_float_for_emitter` for a float's repr."""
    if "e" in text and "." not in text:
        return text.replace("e", ".0e")
    if text in ("inf", "-inf", "nan"):
        return text.replace("inf", ".inf").replace("nan", ".nan")
    return text


def _scalar_for_emitter(value: str):
    """A date as a date (written plain, as the formatter reads and writes it back), a
    multi-line text as a literal block."""
    if _DATE.fullmatch(value) and _is_date(value):
        return dt.date.fromisoformat(value)
    if "\n" in value:
        from ruamel.yaml.scalarstring import LiteralScalarString

        return LiteralScalarString(value)
    return value
