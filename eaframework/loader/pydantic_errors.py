"""Pydantic's validation errors as sentences a model's author understands: which key of
which element, what is allowed there, and the closest allowed word ("did you mean").

`explain` serves the loader; `allowed_keys`, `choices`, `sentence` and `bad_text` are the
pieces that view definitions and rule options use for their own errors, so that all of
them speak alike.
"""

from __future__ import annotations

from pydantic import BaseModel

from ..diagnostics import did_you_mean
from ..model import KINDS
from ..model.values import PROSE_PATTERN as _PROSE
from ..model.values import TEXT_PATTERNS, Bounds, forbidden_character, shown

# Errors of a number or date outside what its type allows: worded from the type's Bounds.
_OUT_OF_BOUNDS = frozenset({
    "finite_number", "greater_than_equal", "less_than_equal", "greater_than", "less_than",
    "float_parsing", "float_type", "int_parsing", "int_parsing_size", "int_from_float",
    "int_type", "date_parsing", "date_from_datetime_parsing", "date_type",
    "date_from_datetime_inexact",
})


def explain(error: dict, label: str, cls: type[BaseModel] | None) -> tuple[str, tuple]:
    """A message naming the element and the field, with a did-you-mean, and the path of
    the field inside the element (the discriminator's tag removed)."""
    kind_tag = error["loc"][:1] if cls is not None and error["loc"][:1] == (_kind(cls),) else ()
    loc = tuple(error["loc"][len(kind_tag):])
    if loc[-1:] == ("[key]",):  # a mapping's key is wrong, not its value: point at the key
        loc = loc[:-1]
    kind = error["type"]
    ctx = error.get("ctx") or {}
    where = f"`{'.'.join(_shown_key(p) for p in loc)}` of {label}" if loc else label
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
    if is_bad_text(error):
        return f"{where} {bad_text(error, loc[:1] in (('name',), ('title',)))}", loc
    if kind == "text_not_one_line":
        return f"{where} {sentence(error)}", loc
    if kind in _OUT_OF_BOUNDS:
        bounds = _bounds(cls, loc)
        if bounds is not None:
            return f"{where} must be {bounds.phrase()}, not {shown(error.get('input'))}", loc
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


def is_bad_text(error: dict) -> bool:
    """Whether the error is a text holding a character text may not hold."""
    return (error["type"] == "string_pattern_mismatch"
            and (error.get("ctx") or {}).get("pattern") in TEXT_PATTERNS)


def bad_text(error: dict, name: bool = False) -> str:
    """Why a text is refused: the first character it may not hold, and where. (A name or
    title is one line, but its texts are checked for line breaks before the pattern.)"""
    text = error.get("input")
    one_line = name or error["ctx"]["pattern"] != _PROSE
    found = forbidden_character(text, one_line) if isinstance(text, str) else None
    if found is None:
        return "holds characters text may not hold"
    index, what = found
    rule = ("this text is one line, without control characters" if one_line else
            "of the control characters, text may hold only line breaks and tabs")
    return f"holds {what} at character {index + 1} of {shown(text[:60])}; remove it ({rule})"


def _shown_key(part) -> str:
    """A key of the path as text, with control characters escaped."""
    text = str(part)
    return repr(text)[1:-1] if not text.isprintable() else text


def _bounds(cls: type[BaseModel] | None, loc: tuple) -> Bounds | None:
    """The Bounds of the number or date field at `loc` inside `cls` (through nested
    models, lists and mappings), or None."""
    info = None
    for step in loc:
        if cls is None or isinstance(step, int):
            continue
        found = _field_by_alias(cls, step)
        if found is None:
            break  # a mapping's key (cost-allocation's unit id): the field is the last one
        info = found
        cls = _nested_model(info.annotation)
    if info is None:
        return None
    for meta in info.metadata:
        if isinstance(meta, Bounds):
            return meta
    return _bounds_in(info.annotation)


def _bounds_in(annotation) -> Bounds | None:
    for meta in getattr(annotation, "__metadata__", ()) or ():
        if isinstance(meta, Bounds):
            return meta
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _bounds_in(arg)
        if found is not None:
            return found
    return None


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
