"""The value types of `model.values`: the bounds hold exactly at their ends, integers stay
exact as floats, and the text patterns read the same in pydantic-core and Python."""

from __future__ import annotations

import re

import pytest
from pydantic import TypeAdapter, ValidationError

from eaframework.model.values import (
    LINE_PATTERN,
    MAX_COUNT,
    MAX_MONEY,
    PROSE_PATTERN,
    Count,
    Date,
    Line,
    Money,
    Prose,
    Share,
    Years,
    forbidden_character,
)


@pytest.mark.parametrize(("kind", "good", "bad"), [
    (Money, [0, 0.0, 1.5, MAX_MONEY], [-0.01, MAX_MONEY + 1, float("inf"), float("nan")]),
    (Share, [0, 33.3, 100], [-1, 100.5, float("nan")]),
    (Years, [0, 2.5, 1000], [-1, 1000.1, float("inf")]),
    (Count, [0, 1, MAX_COUNT], [-1, MAX_COUNT + 1, 1.5, 10**400]),
    (Date, ["1900-01-01", "2200-12-31"], ["1899-12-31", "2201-01-01", "0001-01-01"]),
])
def test_bounds_hold_at_their_ends(kind, good, bad):
    adapter = TypeAdapter(kind)
    for value in good:
        adapter.validate_python(value)
    for value in bad:
        with pytest.raises(ValidationError):
            adapter.validate_python(value)


def test_bounded_integers_are_exact_as_floats():
    assert MAX_MONEY < 2**53 and MAX_COUNT < 2**53
    assert float(MAX_COUNT - 1) == MAX_COUNT - 1


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\r", "\x7f", "\x85", "\x9f",
                                  "\u2028", "\u2029", "\u202a", "\u202e", "\u2066", "\u2069"])
def test_text_may_not_hold_controls(char):
    for kind in (Prose, Line):
        with pytest.raises(ValidationError):
            TypeAdapter(kind).validate_python(f"a{char}b")
    assert forbidden_character(f"a{char}b", one_line=False)[0] == 1


def test_prose_keeps_lines_and_tabs_a_line_does_not():
    TypeAdapter(Prose).validate_python("a\nb\tc äö € \u200d emoji 🙂")
    for char in "\n\t":
        with pytest.raises(ValidationError):
            TypeAdapter(Line).validate_python(f"a{char}b")


def test_the_patterns_read_alike_in_rust_and_python():
    """Every character of the first 12 288 code points, in both patterns."""
    for pattern, kind in ((PROSE_PATTERN, Prose), (LINE_PATTERN, Line)):
        adapter = TypeAdapter(kind)
        python_pattern = re.compile(pattern)
        for code in range(0x3000):
            text = f"x{chr(code)}y"
            try:
                adapter.validate_python(text)
                rust = True
            except ValidationError:
                rust = False
            assert (python_pattern.match(text) is not None) == rust, (hex(code), pattern)
