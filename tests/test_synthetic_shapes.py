"""The benchmark's two shapes of synthetic model (bench/synthetic): both load with no
diagnostics, and the "wide" one is what `make bench` relies on it to be (small files,
every reference field of every kind used, many findings). Nothing here is timed."""

from __future__ import annotations

import pytest

from bench.synthetic import municipality
from eaframework.lint import lint_texts
from eaframework.loader import load_texts
from eaframework.model import KINDS


@pytest.fixture(scope="module")
def wide() -> dict[str, str]:
    return municipality(4000, seed=1, shape="wide")


def test_wide_loads_clean_in_small_files(wide):
    result = load_texts(wide)
    assert result.diagnostics == []
    assert len(result.model) >= 3900
    assert len(wide) >= 4000 // 45  # about 40 elements a file


def test_wide_uses_every_reference_field_of_every_kind(wide):
    model = load_texts(wide).model
    used: dict[str, set[str]] = {}
    for element in model:
        for field, _, _ in element.references():
            used.setdefault(element.kind, set()).add(field)
    present = {element.kind for element in model}
    missing = {
        kind: sorted(set(cls.reference_fields) - used.get(kind, set()))
        for kind, cls in KINDS.items()
        if kind in present and set(cls.reference_fields) - used.get(kind, set())
    }
    assert missing == {}


def test_wide_has_many_findings_and_the_sample_few(wide):
    many = lint_texts(wide).diagnostics
    few = lint_texts(municipality(4000, seed=1)).diagnostics
    assert len(many) > 4000 // 10 > len(few)


def test_unknown_shape_is_refused():
    with pytest.raises(ValueError, match="unknown shape"):
        municipality(100, shape="round")
