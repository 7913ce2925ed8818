"""Round trips without loss: export -> import -> export gives the same file; importing a
tool's file and exporting it keeps every element, relationship, property and name; and
the same holds for random models (hypothesis)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings

from bench.synthetic import municipality
from eaframework.config import Settings
from eaframework.interchange.archimate_export import export_archimate
from eaframework.interchange.archimate_import import import_archimate, parse, read_exchange
from eaframework.interchange.csv import export_csv, import_csv
from eaframework.interchange.model_files import verified_files
from eaframework.lint import lint, lint_texts
from eaframework.loader import load_model
from eaframework.modelfile import write as writer
from tests.conftest import REPO
from tests.test_roundtrip import models as random_models

from .helpers import SAMPLES, model_of
from .test_import import FOREIGN

SAMPLE = REPO / "models" / "esimerkkila"


def through_archimate(model):
    """(exported bytes, the model imported from them)."""
    data = export_archimate(model, diagrams=[])
    return data, model_of(verified_files(import_archimate(data)))


def relation_facts(relations, ignore=("archimate-id",)) -> Counter:
    return Counter(
        (r.type, r.source, r.target, r.field, r.description,
         tuple(sorted((k, v) for k, v in (r.properties or {}).items() if k not in ignore)))
        for r in relations
    )


def assert_same_model(before, after) -> None:
    assert [e.model_dump() for e in sorted(after, key=lambda e: e.id)] == [
        e.model_dump() for e in sorted(before, key=lambda e: e.id)]
    assert relation_facts(after.relations) == relation_facts(before.relations)
    assert after.metadata == before.metadata


@pytest.mark.slow
def test_few_hundred_elements_export_import_export_is_the_same_file():
    model = model_of(municipality(400, seed=7))
    first, imported = through_archimate(model)
    assert len(imported) == len(model) >= 400
    assert_same_model(model, imported)
    assert export_archimate(imported, diagrams=[]) == first


def test_sample_model_round_trip_keeps_the_file_and_the_findings():
    result = load_model(SAMPLE)
    first, imported = through_archimate(result.model)
    assert export_archimate(imported, diagrams=[]) == first
    assert_same_model(result.model, imported)
    files = verified_files(import_archimate(first))
    findings = lambda report: sorted((d.code, d.element, d.message)  # noqa: E731
                                     for d in report.diagnostics)
    before = lint([SAMPLE], Settings(), use_cache=False)
    assert findings(lint_texts(files, Settings())) == findings(before)
    assert len(before.diagnostics) > 20  # the sample has gaps on purpose: a real check


def test_sample_model_csv_round_trip():
    model = load_model(SAMPLE).model
    files = export_csv(model)
    imported = model_of(verified_files(import_csv(files)))
    assert_same_model(model, imported)
    assert export_csv(imported) == files


# -- foreign files keep everything --------------------------------------------------------
def _texts(texts):
    """Names as a set of (language, text), an untagged text counting as Finnish."""
    return {(lang or "fi", text.strip()) for lang, text in texts if text.strip()}


def assert_keeps_everything(original: bytes, exported: bytes) -> None:
    before, after = read_exchange(parse(original)), read_exchange(parse(exported))
    elements = {c.identifier: c for c in after.elements}
    for concept in before.elements:
        kept = elements[concept.identifier]
        assert kept.type == concept.type
        assert _texts(concept.names) <= _texts(kept.names)
        assert _texts(concept.documentation) <= _texts(kept.documentation)
        assert Counter(v for _, v in concept.properties) <= Counter(v for _, v in kept.properties)
        assert {k for k, _ in concept.properties} <= {k.split(" (")[0] for k, _ in kept.properties}
    by_ends = {}
    for concept in after.relationships:
        by_ends.setdefault((concept.type, concept.source, concept.target), []).append(concept)
    for concept in before.relationships:
        if concept.source not in elements or concept.target not in elements:
            continue  # a relationship to a relationship: reported as not kept
        [kept] = by_ends[(concept.type, concept.source, concept.target)]
        assert _texts(concept.names) <= {(lang or "fi", t) for lang, t in kept.names}
        assert {k: v for k, v in concept.properties} == {
            k: v for k, v in kept.properties if not k.startswith("ea:")}
        for attribute, value in concept.attributes.items():
            assert kept.attributes.get(attribute, "false") == value
    assert len(after.relationships) == len(
        [r for r in before.relationships if r.source in elements and r.target in elements])


@pytest.mark.parametrize("source", ["foreign", *[s.name for s in SAMPLES]])
def test_import_then_export_keeps_every_element_relationship_property_and_name(source):
    data = FOREIGN.encode() if source == "foreign" else next(
        s for s in SAMPLES if s.name == source).read_bytes()
    model = model_of(verified_files(import_archimate(data)))
    exported = export_archimate(model, diagrams=[])
    assert_keeps_everything(data, exported)
    # and from then on the file is stable
    again = model_of(verified_files(import_archimate(exported)))
    assert export_archimate(again, diagrams=[]) == exported


# -- random models --------------------------------------------------------------------------
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.filter_too_much])
@given(random_models())
def test_random_models_survive_both_formats(generated):
    elements, listed, metadata = generated
    model = model_of({"m.yaml": writer.dump_file(elements, listed, metadata)})
    first, imported = through_archimate(model)
    assert_same_model(model, imported)
    assert export_archimate(imported, diagrams=[]) == first
    files = export_csv(model)
    from_csv = model_of(verified_files(import_csv(files)))
    assert_same_model(model, from_csv)
    assert export_csv(from_csv) == files
