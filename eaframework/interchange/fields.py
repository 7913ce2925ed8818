"""Our element fields as ArchiMate properties, and back.

Each field that is not a name, a description, the free-form `properties` or a reference
(those are relationships) becomes a property `ea:FIELD`: scalars as text (`true`, `12.5`,
`2025-02-10`), nested structures flattened (`ea:lifecycle.phase`), lists as JSON. Keys
starting `ea:` are ours; every other key is the element's own property.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from ..model import ElementBase

PREFIX = "ea:"
KIND_KEY = "ea:kind"
RELATION_KEY = "ea:relation"
# Fields carried by the ArchiMate structure itself, never as properties.
STRUCTURAL = frozenset({"id", "kind", "name", "description", "properties", "archimate_type"})
# Properties of the model as a whole: Metadata fields other than those in the structure.
METADATA_STRUCTURAL = frozenset({"organisation", "description", "version"})


def unwrap(annotation: Any) -> Any:
    """The type inside Optional[...] / Annotated[...]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _shape(annotation: Any) -> str:
    # By identity first: hashing a typing construct (Annotated[...]) costs more than the
    # lookup, and the same field's annotation is asked about for every element.
    known = _SHAPES.get(id(annotation))
    if known is not None and known[0] is annotation:
        return known[1]
    try:
        shape = _cached_shape(annotation)
    except TypeError:  # an unhashable annotation
        return _shape_of(annotation)
    _SHAPES[id(annotation)] = (annotation, shape)
    return shape


_SHAPES: dict[int, tuple[Any, str]] = {}


@cache
def _cached_shape(annotation: Any) -> str:
    return _shape_of(annotation)


def _shape_of(annotation: Any) -> str:
    inner = unwrap(annotation)
    if typing.get_origin(inner) in (tuple, list, dict) or inner in (tuple, list, dict):
        return "json"
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return "nested"
    if inner is float or inner is int:
        return inner.__name__
    return "scalar"


def _text(value: Any) -> tuple[str, str]:
    """(property text, property definition type) of one scalar value."""
    if isinstance(value, bool):
        return ("true" if value else "false"), "boolean"
    if isinstance(value, Enum):
        return str(value.value), "string"
    if isinstance(value, (int, float)):
        text = repr(value)
        return (text[:-2] if text.endswith(".0") else text), "number"
    if isinstance(value, dt.date):
        return value.isoformat(), "date"
    return str(value), "string"


def _encode(key: str, value: Any, model: type[BaseModel] | None, out: list) -> None:
    if isinstance(value, dict) and model is not None:
        for name, info in model.model_fields.items():
            alias = info.alias or name
            if alias in value:
                nested = unwrap(info.annotation)
                sub = nested if _shape(info.annotation) == "nested" else None
                _encode(f"{key}.{alias}", value[alias], sub, out)
    elif isinstance(value, (list, tuple, dict)):
        text = json.dumps(to_jsonable_python(value), ensure_ascii=False, separators=(", ", ": "))
        out.append((key, text, "string"))
    else:
        out.append((key, *_text(value)))


def field_properties(data: dict, cls: type[BaseModel], skip=STRUCTURAL
                     ) -> list[tuple[str, str, str]]:
    """(key, text, type) for each field in `data` (a `model_dump(by_alias=True,
    exclude_defaults=True)`), in the class's field order."""
    out: list[tuple[str, str, str]] = []
    references = getattr(cls, "reference_fields", {})
    for name, info in cls.model_fields.items():
        alias = info.alias or name
        if name in skip or name in references or alias not in data:
            continue
        nested = unwrap(info.annotation) if _shape(info.annotation) == "nested" else None
        _encode(PREFIX + alias, data[alias], nested, out)
    return out


def element_properties(element: ElementBase) -> list[tuple[str, str, str]]:
    data = element.model_dump(by_alias=True, exclude_defaults=True)
    return field_properties(data, type(element))


# -- back ----------------------------------------------------------------------------------
@cache
def _fields_by_alias(cls: type[BaseModel]) -> dict[str, Any]:
    return {info.alias or name: info for name, info in cls.model_fields.items()}


@cache
def _skipped(cls: type[BaseModel], skip: frozenset) -> frozenset:
    """Aliases of the fields never read from properties: references and `skip`."""
    references = getattr(cls, "reference_fields", {})
    return frozenset((info.alias or name) for name, info in cls.model_fields.items()
                     if name in references or name in skip)


def field_values(cls: type[BaseModel], props: list[tuple[str, str]], skip=STRUCTURAL
                 ) -> tuple[dict, dict[str, list[tuple[str, str]]], list[tuple[str, str]]]:
    """Fields of `cls` from `ea:` properties: (data by alias, the properties each field
    came from, properties that are no field of `cls`)."""
    fields = _fields_by_alias(cls)
    references = _skipped(cls, frozenset(skip))
    data: dict = {}
    sources: dict[str, list[tuple[str, str]]] = {}
    rest: list[tuple[str, str]] = []
    for key, value in props:
        path = key[len(PREFIX):].split(".")
        info = fields.get(path[0])
        if info is None or path[0] in references or not _assign(data, path, value, info):
            rest.append((key, value))
            continue
        sources.setdefault(path[0], []).append((key, value))
    return data, sources, rest


def _assign(data: dict, path: list[str], value: str, info) -> bool:
    """Put `value` at `path` in `data`, decoded by the field's shape; False if it does
    not fit (then it stays a property)."""
    shape = _shape(info.annotation)
    head = path[0]
    if shape == "nested":
        if len(path) < 2:
            return False
        sub = _fields_by_alias(unwrap(info.annotation)).get(path[1])
        if sub is None:
            return False
        target = data.setdefault(head, {})
        if isinstance(target, dict) and _assign(target, path[1:], value, sub):
            return True
        if target == {}:  # nothing fitted: leave no empty structure behind
            del data[head]
        return False
    if len(path) != 1 or head in data:
        return False
    if shape == "json":
        try:
            data[head] = json.loads(value)
        except ValueError:
            return False
    elif shape in ("float", "int"):
        data[head] = _number(value, shape)
    else:
        data[head] = value
    return True


def _number(text: str, shape: str) -> Any:
    """A property's text as the number a float or int field takes (the model refuses
    quoted numbers in YAML); a text that is no number stays text, for validation to
    refuse with its usual message."""
    try:
        return float(text) if shape == "float" else int(text)
    except ValueError:
        return text
