"""Fuzzing `ea fmt`: on mutated pieces of the sample's files, `format_text` either refuses
(FormatError, located) or returns text that the loader reads exactly as the original, and
that a second run leaves unchanged. It never raises anything else."""

from __future__ import annotations

import math

from hypothesis import example, given
from hypothesis import strategies as st

from eaframework.loader.source import SourceError, from_text
from eaframework.modelfile import FormatError, format_text
from tests.fuzz.common import HEADER, HOSTILE, fragment, mutated_text, sample_texts
from tests.fuzz.conftest import fuzz_settings

NAMES = sorted(sample_texts())


def _same(a, b) -> bool:
    """Equal as data (key order aside: fmt orders keys), NaN equal to NaN, the type of
    each number kept."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def check_fmt(text: str) -> None:
    try:
        formatted = format_text(text, "f.yaml")
    except FormatError as exc:
        assert exc.code.startswith("EA0") and exc.location.file == "f.yaml"
        return
    before = from_text("f.yaml", text).data
    try:
        after = from_text("f.yaml", formatted).data
    except SourceError as exc:  # pragma: no cover - the failure to report
        raise AssertionError(f"ea fmt wrote a file the loader cannot read: {exc.message}")
    assert _same(before, after), "ea fmt changed what the loader reads"
    assert format_text(formatted, "f.yaml") == formatted, "ea fmt is not idempotent"


@fuzz_settings(1.5)
@given(st.sampled_from(NAMES), st.integers(0, 400), st.integers(5, 40), st.data())
def test_fmt_on_mutated_fragments(name, start, size, data):
    text = fragment(sample_texts()[name], start, size)
    check_fmt(data.draw(mutated_text(text), label="text"))


@fuzz_settings()
@given(st.sampled_from(HOSTILE), st.sampled_from(["name", "annual-cost", "description", "x",
                                                  "tags", "users"]))
@example("0.1e-400", "annual-cost")  # issue 11: not idempotent on odd floats
@example("1e309", "annual-cost")
@example('"\\x85"', "name")
def test_fmt_on_hostile_values(value, key):
    name = "" if key == "name" else "    name: A\n"
    text = (f"{HEADER}elements:\n  - kind: information-system\n    id: sys-a\n{name}"
            f"    {key}: {value}\n")
    check_fmt(text)
