"""Pydantic's validation errors as sentences a model's author understands: which key of
which element, what is allowed there, and the closest allowed word ("did you mean").

`explain` serves the loader; `allowed_keys`, `choices` and `sentence` are the pieces that
view definitions and rule options use for their own errors, so that all of them speak
alike.
"""

from __future__ import annotations

from pydantic import BaseModel

from ..diagnostics import did_you_mean
from ..model import KINDS


def explain(error: dict, label: str, cls: type[BaseModel] | None) -> tuple[str, tuple]:
    """A message naming the element and the field, with a did-you-mean, and the path of
    the field inside the element (the discriminator's tag removed)."""
    kind_tag = error["loc"][:1] if cls is not None and error["loc"][:1] == (_kind(cls),) else ()
    loc = tuple(error["loc"][len(kind_tag):])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    where = f"`{'.'.join(str(p) for p in loc)}` of {label}" if loc else label
    if kind == "union_tag_invalid":
        tag = ctx.get("tag")
        return f"unknown kind {tag!r} of {label}{did_you_mean(tag, KINDS)}", ("kind",)
    if kind == "union_tag_not_found":
        return f"{label} has no `kind`; it is one of: {', '.join(KINDS)}", ()
    if kind == "extra_forbidden":
        key = loc[-1] if loc else "?"
        hint = did_you_mean(key, allowed_keys(cls, loc[:-1]))
        return f"unknown key {key!r} in {label}{hint}", loc
    if kind == "missing":
        return f"{label} is missing the required key `{loc[-1]}`", loc[:-1]
    if kind in ("enum", "literal_error"):
        expected = choices(error)
        value = error.get("input")
        return (
            f"{where}: {value!r} is not one of {', '.join(expected)}"
            f"{did_you_mean(value, expected)}",
            loc,
        )
    if kind == "string_pattern_mismatch" and loc[-1:] == ("id",):
        return (
            f"id {error.get('input')!r} of {label} must be a lowercase slug: a letter, then "
            "letters, digits and hyphens (e.g. sys-asianhallinta)",
            loc,
        )
    if kind == "string_pattern_mismatch":
        return (
            f"{where}: {error.get('input')!r} is not an element id (a lowercase slug)",
            loc,
        )
    return f"{where}: {sentence(error)}", loc


def sentence(error: dict) -> str:
    """Pydantic's own message, to follow a colon: 'Value error, ' dropped, lower case first."""
    message = error["msg"].removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


def choices(error: dict) -> list[str]:
    """The values an enum or literal error says are allowed."""
    expected = (error.get("ctx") or {}).get("expected", "")
    return [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]


def allowed_keys(cls: type[BaseModel] | None, loc: tuple) -> list[str]:
    """The keys allowed at `loc` inside `cls`, following nested models."""
    for step in loc:
        if cls is None or isinstance(step, int):
            continue
        field_info = _field_by_alias(cls, step)
        cls = _nested_model(field_info.annotation) if field_info else None
    if cls is None:
        return []
    return [f.alias or n for n, f in cls.model_fields.items()]


def _field_by_alias(cls: type[BaseModel], alias: str):
    for name, info in cls.model_fields.items():
        if (info.alias or name) == alias:
            return info
    return None


def _nested_model(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _nested_model(arg)
        if found is not None:
            return found
    meta = getattr(annotation, "__metadata__", None)
    if meta is not None:
        return _nested_model(annotation.__origin__)
    return None


def _kind(cls) -> str:
    return cls.model_fields["kind"].annotation.__args__[0] if "kind" in cls.model_fields else ""
