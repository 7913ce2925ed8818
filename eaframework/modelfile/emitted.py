"""The emitter's text (`style.model_yaml`, ruamel.yaml) of what the direct writer
(`write`) does not write itself: a whole unusual document, and the scalars that
`scalars` declines (multi-line texts, tabs and other escapes, exponent notation).

ruamel.yaml costs about a millisecond a call to set itself up, so the scalars of a
document are emitted together (`prime`) and remembered; one alone is the fallback.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from functools import lru_cache

from .scalars import float_text, scalar_text
from .shape import Shape, canonical, child
from .style import model_yaml

DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# The emitter's text of scalars, by (str, text) or (float, repr): filled by `prime`.
_PRIMED: dict[tuple[type, str], str] = {}
_PRIMED_LIMIT = 1 << 16
_PRIMED_KEY = re.compile(r"^k[0-9]+:", re.MULTILINE)


def emitted(document: dict) -> str:
    """`document` emitted whole by ruamel.yaml as `ea fmt` configures it: the reference
    that the direct writing must equal."""
    out = io.StringIO()
    model_yaml().dump(_for_emitter(document, "file"), out)
    return out.getvalue()


def known_text(value: str) -> str | None:
    """The emitter's text of `value` after `key: `, if known without running it."""
    text = _PRIMED.get((str, value))
    return text if text is not None else scalar_text(value)


def known_float(text: str) -> str | None:
    """The same for a float, given as its repr."""
    emitted_text = _PRIMED.get((float, text))
    return emitted_text if emitted_text is not None else float_text(text)


def text_of(value: str) -> str:
    text = known_text(value)
    return text if text is not None else emitted_text_alone(value)


def float_of(text: str) -> str:
    emitted_text = known_float(text)
    return emitted_text if emitted_text is not None else emitted_float_alone(text)


@lru_cache(maxsize=4096)
def emitted_text_alone(value: str) -> str:
    return _emitted_value(_scalar_for_emitter(value))


@lru_cache(maxsize=1024)
def emitted_float_alone(text: str) -> str:
    return _emitted_value(_float_for_emitter(float(text)))


def is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def prime(texts: set[str], floats: set[str]) -> None:
    """Emit these scalars (floats as their reprs) in one emitter call, not one call each.
    Each value comes out as `_emitted_value` gives it alone: one key of a block mapping,
    followed by another key. Where the one text cannot be split back into its values,
    nothing is primed and each value is emitted alone, as before."""
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
    if DATE.fullmatch(value) and is_date(value):
        return dt.date.fromisoformat(value)
    if "\n" in value:
        from ruamel.yaml.scalarstring import LiteralScalarString

        return LiteralScalarString(value)
    return value
