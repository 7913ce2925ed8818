"""The shape of a model file: which mappings have which canonical key order.

The order: the top level as apiVersion, metadata, elements, relations; an element as
`kind`, `id`, `name`, then the kind's fields in the order the metamodel declares them;
nested structures (`contract:`, `lifecycle:`, a relation entry) in their declared order;
unknown keys last, in their own order. Both the formatter and the writer follow it.

A shape is "file", "element", a pydantic class (a mapping of its fields), ("list", shape)
or None (free keys: keep them as written).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel

from ..model import KINDS, Metadata
from ..model.relations import RelationEntry

TOP_LEVEL_KEYS = ("apiVersion", "metadata", "elements", "relations")
HEAD_KEYS = ("kind", "id", "name")

Shape = Any
_FILE_CHILDREN = {"metadata": Metadata, "elements": ("list", "element"),
                  "relations": ("list", RelationEntry)}


def canonical(shape: Shape, node) -> list:
    """The keys of the mapping `node` in canonical order."""
    keys = list(node.keys())
    if shape == "file":
        order = TOP_LEVEL_KEYS
    elif shape == "element":
        order = _element_order(_kind(node))
    elif isinstance(shape, type):
        order = tuple(fields(shape))
    else:
        return keys
    known = [k for k in order if k in node]
    if len(known) == len(keys):
        return known
    return known + [k for k in keys if k not in order]


def child(shape: Shape, node, key) -> Shape:
    """The shape of `node[key]`."""
    if shape == "file":
        return _FILE_CHILDREN.get(key)
    if shape == "element":
        shape = KINDS.get(_kind(node))
    if isinstance(shape, type):
        return fields(shape).get(key)
    return None


def out_of_order(data, shape: Shape) -> bool:
    """Whether some mapping in the plain data (whose dicts keep the file's key order) is
    not in canonical order."""
    if isinstance(data, dict):
        if shape is not None and list(data) != canonical(shape, data):
            return True
        return any(out_of_order(v, child(shape, data, k)) for k, v in data.items()
                   if isinstance(v, (dict, list)))
    if isinstance(data, list) and isinstance(shape, tuple):
        return any(out_of_order(item, shape[1]) for item in data)
    return False


def _kind(node) -> str | None:
    kind = node.get("kind")
    return str(kind) if isinstance(kind, str) else None


@cache
def _element_order(kind: str | None) -> tuple[str, ...]:
    cls = KINDS.get(kind)
    return HEAD_KEYS + (tuple(a for a in fields(cls) if a not in HEAD_KEYS) if cls else ())


@cache
def fields(cls: type[BaseModel]) -> dict[str, Shape]:
    """alias -> shape of the value, in declared order."""
    return {info.alias or name: _shape_of(info.annotation)
            for name, info in cls.model_fields.items()}


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
