"""Fuzzing the loader, and what runs on what it reads: mutated sample files, random bytes
and generated documents. The loader never raises for bad input; every problem is a
diagnostic located in the file; a model that loads is linted, and every lint output
format is well formed."""

from __future__ import annotations

import json

from hypothesis import example, given
from hypothesis import strategies as st

from eaframework.diagnostics import FATAL_CODES
from eaframework.lint import lint_loaded
from eaframework.loader import load_texts
from eaframework.loader.source import SourceError, decode
from tests.fuzz.common import HEADER, check_lint_outputs, mutated_bytes, mutated_text, sample_texts
from tests.fuzz.conftest import fuzz_settings

NAMES = sorted(sample_texts())


def check_loaded(files: dict[str, str]):
    """Load `files`; check the diagnostics; lint and check every output format."""
    result = load_texts(files)
    for d in result.diagnostics:
        assert d.code.startswith("EA") and d.message, d
        if d.location is not None:
            assert d.location.file in files, d
            text = files[d.location.file]
            assert 1 <= d.location.line <= text.count("\n") + 2, d
    if not result.fatal:
        report = lint_loaded(result)
        check_lint_outputs(report)
    return result


@fuzz_settings(1.5)
@given(st.sampled_from(NAMES), st.data())
@example("model.yaml", None)  # the sample itself
def test_mutated_sample_files(name, data):
    files = dict(sample_texts())
    if data is not None:
        files[name] = data.draw(mutated_text(files[name]), label="text")
    check_loaded(files)


@fuzz_settings()
@given(st.sampled_from(NAMES), st.data())
def test_mutated_bytes(name, data):
    raw = data.draw(mutated_bytes(sample_texts()[name].encode("utf-8")), label="bytes")
    try:
        text = decode(raw)
    except SourceError as exc:
        assert exc.code == "EA001" and exc.line >= 1
        return
    check_loaded({**sample_texts(), name: text})


# Documents made from parts: every kind, fields by their names, values of every type.
_SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(-2**70, 2**70)
            | st.floats() | st.text(max_size=12)
            | st.sampled_from(["1e308", "-0", "2024-01-01", "ir-asiakirjat", "ou-hallintopalvelut",
                               "production", "in-production", "high", "public", "x\x1by"]))
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


@st.composite
def documents(draw):
    from eaframework.model import KINDS

    elements = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(sorted(KINDS)))
        fields = [f.alias or n for n, f in KINDS[kind].model_fields.items()]
        element = {"kind": kind, "id": draw(st.sampled_from(["a", "b", "sys-x", "ou-y"])
                                            | st.text(max_size=10)),
                   "name": draw(st.text(max_size=12) | st.fixed_dictionaries(
                       {"fi": st.text(max_size=8), "en": st.text(max_size=8)}))}
        for field in draw(st.lists(st.sampled_from(fields), max_size=5, unique=True)):
            element[field] = draw(_VALUES)
        elements.append(element)
    return {"apiVersion": "eaframework/v1", "elements": elements}


@fuzz_settings()
@given(documents(), st.booleans())
@example({"apiVersion": "eaframework/v1", "elements": [  # a control char in a key: text output
    {"kind": "archimate-element", "id": "a", "name": "x", "properties": {"\x08": 1}}]}, False)
def test_generated_documents(document, with_sample):
    text = json.dumps(document, ensure_ascii=False, allow_nan=True)  # JSON is YAML
    files = {**(sample_texts() if with_sample else {}), "generated.yaml": text}
    check_loaded(files)


@fuzz_settings(0.5)
@given(st.text(max_size=300))
@example("apiVersion: eaframework/v1\nelements: " + "[" * 5000 + "]" * 5000)
@example("apiVersion: eaframework/v1\nelements: &a [*a]")
@example("apiVersion: eaframework/v1\nelements:\n- &a {kind: role, id: r, name: *a}")
@example(HEADER + "elements: [{kind: role, id: r, name: x, <<: {id: s}}]")
@example(HEADER + "elements:\n- {kind: role, id: \ufffer-x, name: x}\n")  # U+FFFE broke junit XML
def test_any_text(text):
    result = check_loaded({"x.yaml": text})
    assert all(d.location is not None for d in result.diagnostics if d.code in FATAL_CODES)
