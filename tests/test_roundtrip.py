"""Writer and loader agree: a valid model written with `modelfile.write.dump_file` and read
back with `load_model` is the same model, with no diagnostics; and what the writer writes
is already in the canonical form of `ea fmt`."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eaframework.loader import load_model
from eaframework.model import KINDS, Metadata, Relation, allowed
from eaframework.modelfile import format_text
from eaframework.modelfile import write as writer
from tests.conftest import REPO

IDS = st.from_regex(r"[a-z][a-z0-9-]{0,14}", fullmatch=True)
CHARS = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöåÄÖÅéü0123456789"
             "      .,:;-!?()/&%'\"#€@*[]{}|>\n")
TEXT = st.text(st.sampled_from(CHARS), min_size=1, max_size=60).map(str.strip).filter(bool)
WORD = st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyzäöå-_ ")), min_size=1,
               max_size=12).map(str.strip).filter(bool)
DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
MONEY = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
COUNT = st.integers(min_value=0, max_value=10**12)
SHARE = st.floats(min_value=0, max_value=100, allow_nan=False)  # percent


def enum_values(kind: str, field: str) -> list[str]:
    annotation = KINDS[kind].model_fields[field].annotation
    enum = next(a for a in getattr(annotation, "__args__", (annotation,)) if a is not type(None))
    return [member.value for member in enum]


@st.composite
def texts(draw, one_line: bool = False) -> dict | str:
    text = TEXT.map(lambda t: " ".join(t.split())) if one_line else TEXT  # names: one line
    fi = draw(text)
    translations = {lang: draw(text) for lang in ("en", "sv") if draw(st.booleans())}
    return {"fi": fi, **translations} if translations else fi


@st.composite
def models(draw):
    """(elements, listed relations, metadata) of a random valid model."""
    ids = iter(draw(st.lists(IDS, min_size=60, max_size=60, unique=True)))
    elements = []
    by_kind: dict[str, list[str]] = {}

    def maybe(strategy):
        return draw(strategy) if draw(st.booleans()) else None

    def pool(*kinds):
        return [i for k in kinds for i in by_kind.get(k, [])]

    def ref(*kinds):
        ids_ = pool(*kinds)
        return draw(st.sampled_from(ids_)) if ids_ and draw(st.booleans()) else None

    def refs(*kinds):
        ids_ = pool(*kinds)
        return draw(st.lists(st.sampled_from(ids_), unique=True, max_size=3)) if ids_ else []

    def enum(kind, field):
        return maybe(st.sampled_from(enum_values(kind, field)))

    def add(kind, **fields):
        data = {"kind": kind, "id": next(ids), "name": draw(texts(one_line=True))}
        if draw(st.booleans()):
            data["description"] = draw(texts())
        if draw(st.integers(0, 3)) == 0:
            data["tags"] = draw(st.lists(WORD, max_size=3))
        if draw(st.integers(0, 3)) == 0:
            data["properties"] = draw(st.dictionaries(WORD, TEXT, max_size=3))
        if draw(st.integers(0, 2)) == 0:
            start = draw(DATES)
            data["lifecycle"] = {
                "phase": draw(st.sampled_from(["planned", "in-production", "phasing-out",
                                               "retired"])),
                "start": start if draw(st.booleans()) else None,
                "end": start + dt.timedelta(days=draw(st.integers(0, 4000)))
                if draw(st.booleans()) else None,
            }
        if draw(st.integers(0, 4)) == 0:
            data["state"] = "to-be"
        if draw(st.integers(0, 5)) == 0:
            data["suppress"] = [{"rule": "EA302", "reason": draw(TEXT),
                                 "expires": maybe(DATES)}]
        if "owner" in KINDS[kind].model_fields:
            fields.setdefault("owner", ref("organisation-unit"))
        data.update({k: v for k, v in fields.items() if v not in (None, [], {})})
        element = KINDS[kind].model_validate(data)
        elements.append(element)
        by_kind.setdefault(kind, []).append(element.id)
        return element

    for _ in range(draw(st.integers(1, 3))):
        add("organisation-unit", part_of=ref("organisation-unit"),
            external=draw(st.booleans()), authority=draw(st.booleans()),
            business_id=maybe(st.from_regex(r"[0-9]{7}-[0-9]", fullmatch=True)),
            contact=maybe(TEXT))
    for _ in range(draw(st.integers(0, 2))):
        add("platform", platform_type=enum("platform", "platform_type"),
            provider=ref("organisation-unit"), runs_on=refs("platform"),
            version=maybe(WORD))
    for _ in range(draw(st.integers(0, 2))):
        add("technology-service", category=enum("technology-service", "category"),
            national=draw(st.booleans()), designated=draw(st.booleans()),
            provider=ref("organisation-unit"), runs_on=refs("platform"))
    for _ in range(draw(st.integers(0, 2))):
        add("information-resource", purpose=maybe(TEXT), retention=maybe(WORD),
            archiving=enum("information-resource", "archiving"),
            personal_data=maybe(st.booleans()),
            publicity=enum("information-resource", "publicity"),
            criticality=enum("information-resource", "criticality"),
            last_risk_assessment=maybe(DATES),
            medium=enum("information-resource", "medium"),
            disclosures=draw(st.lists(st.fixed_dictionaries(
                {"recipient": TEXT}, optional={"legal-basis": TEXT, "method": WORD}
            ), max_size=2)))
    for _ in range(draw(st.integers(0, 2))):
        add("interface", style=enum("interface", "style"), openness=enum("interface", "openness"),
            spec_url=maybe(st.just("https://api.example.fi/v1/openapi.json")),
            test_environment=maybe(st.booleans()), fee=maybe(st.booleans()),
            standards=draw(st.lists(WORD, max_size=2)))
    for _ in range(draw(st.integers(0, 3))):
        units = pool("organisation-unit")
        add("information-system", sourcing=enum("information-system", "sourcing"),
            vendor=maybe(TEXT), annual_cost=maybe(MONEY),
            cost_allocation=draw(st.dictionaries(st.sampled_from(units), SHARE, max_size=2)),
            contract=maybe(st.fixed_dictionaries(
                {}, optional={"reference": WORD, "ends": DATES, "exit-plan": st.booleans(),
                              "data-ownership": st.sampled_from(["organisation", "vendor"])})),
            criticality=enum("information-system", "criticality"),
            case_register=draw(st.booleans()),
            search_keys=draw(st.lists(WORD, max_size=2)),
            responsible=None, provider=ref("organisation-unit"),
            stores=refs("information-resource"), exposes=refs("interface"),
            runs_on=refs("platform", "technology-service"), uses=refs("technology-service"))
    for _ in range(draw(st.integers(0, 2))):
        add("data-group", core=draw(st.booleans()), master=ref("information-resource"),
            base_register=ref("information-system"), personal_data=maybe(st.booleans()),
            standards=draw(st.lists(WORD, max_size=2)))
    for _ in range(draw(st.integers(0, 2))):
        add("service", audience=enum("service", "audience"), e_service=draw(st.booleans()),
            uses=refs("information-system", "information-resource", "platform",
                      "technology-service"),
            user_involvement=maybe(TEXT), yearly_volume=maybe(COUNT))
    for _ in range(draw(st.integers(0, 2))):
        add("process", category=enum("process", "category"), part_of=ref("process"),
            realizes=refs("service"), uses=refs("information-system", "information-resource"),
            manual=draw(st.booleans()), manual_steps=maybe(COUNT), yearly_volume=maybe(COUNT))
    systems = pool("information-system")
    for _ in range(draw(st.integers(0, 2)) if systems else 0):
        add("integration", source=draw(st.sampled_from(systems)),
            target=draw(st.sampled_from(systems)),
            data=refs("information-resource", "data-group"), interface=ref("interface"),
            via=ref("platform", "technology-service"),
            method=enum("integration", "method"), frequency=maybe(WORD),
            personal_data=maybe(st.booleans()), exception_reason=maybe(TEXT))
    for _ in range(draw(st.integers(0, 2))):
        add("principle", code=maybe(st.from_regex(r"P[0-9]{1,2}", fullmatch=True)),
            statement=maybe(TEXT), rationale=maybe(TEXT), implications=maybe(TEXT),
            rules=draw(st.lists(st.sampled_from(["EA302", "procured-system-open-api"]),
                                unique=True, max_size=2)))

    every = [e.id for e in elements]
    listed = []
    for _ in range(draw(st.integers(0, 3))):
        source, target = draw(st.sampled_from(every)), draw(st.sampled_from(every))
        listed.append(Relation(
            "associated-with", source, target, description=maybe(TEXT),
            properties=draw(st.dictionaries(WORD, TEXT, max_size=2)) or None,
        ))
    for principle in pool("principle"):
        if draw(st.booleans()):
            listed.append(Relation("influences", principle, draw(st.sampled_from(every))))
    metadata = None
    if draw(st.booleans()):
        metadata = Metadata.model_validate({
            "organisation": draw(TEXT), "business-id": "1234567-8",
            "approved-by": maybe(TEXT), "approved-on": maybe(DATES),
            "last-reviewed": maybe(DATES), "version": maybe(WORD),
        })
    return elements, listed, metadata


def relation_facts(relations) -> Counter:
    return Counter(
        (r.type, r.source, r.target, r.field, r.description,
         tuple(sorted((r.properties or {}).items())))
        for r in relations
    )


def expected_relations(elements, listed) -> Counter:
    from_fields = [Relation(rel, e.id, target, field=field)
                   for e in elements for field, rel, target in e.references()]
    return relation_facts([*from_fields, *listed])


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.filter_too_much])
@given(models())
def test_dump_then_load_gives_the_same_model(tmp_path_factory, generated):
    elements, listed, metadata = generated
    for element in elements:  # the strategy builds only allowed references
        for _, relation, target in element.references():
            target_kind = next(e.kind for e in elements if e.id == target)
            assert allowed(relation, element.kind, target_kind)

    text = writer.dump_file(elements, listed, metadata)
    path = tmp_path_factory.mktemp("roundtrip") / "malli.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_model(path)

    assert [(d.code, str(d.location), d.message) for d in result.diagnostics] == [], text
    assert [e.model_dump() for e in result.model] == [e.model_dump() for e in elements]
    assert relation_facts(result.model.relations) == expected_relations(elements, listed)
    assert result.model.metadata == metadata
    assert format_text(text, "malli.yaml") == text  # `ea fmt --check` passes as written
    # writing the loaded model again gives the same text
    assert writer.dump_file(list(result.model), [r for r in result.model.relations
                                                 if r.field is None],
                            result.model.metadata) == text


def test_writer_output_shape():
    from eaframework.model import InformationSystem, OrganisationUnit

    unit = OrganisationUnit(kind="organisation-unit", id="org-a", name="Hallinto")
    system = InformationSystem(
        kind="information-system", id="sys-a", name={"fi": "Asianhallinta", "en": "Cases"},
        owner="org-a", description="Rivi yksi\nRivi kaksi: ei avain",
    )
    text = writer.dump_file([unit, system], [Relation("associated-with", "sys-a", "org-a",
                                                      field=None, description="x")])
    assert text.startswith("# yaml-language-server: $schema=../schema/eaframework.schema.json\n"
                           "apiVersion: eaframework/v1\nelements:\n  - kind: organisation-unit\n"
                           "    id: org-a\n    name: Hallinto\n")
    assert "    name:\n      fi: Asianhallinta\n      en: Cases\n" in text
    assert "    description: |-\n      Rivi yksi\n      Rivi kaksi: ei avain\n" in text
    assert "relations:\n  - type: associated-with\n    source: sys-a\n    target: org-a\n" in text
    # relations that come from reference fields are not written twice
    assert writer.dump_file([unit], [Relation("owned-by", "sys-a", "org-a", field="owner")],
                            schema=None) == (
        "apiVersion: eaframework/v1\nelements:\n  - kind: organisation-unit\n"
        "    id: org-a\n    name: Hallinto\n"
    )


@pytest.mark.parametrize("text", ["1e5", "0o17", "12e03", "_9", "1:30", "yes", "y", "~", "0777",
                                  "2024-05-01", "2024-13-01", "2024-5-1 10:00:00", "- a",
                                  "a: b", "x #y", " lead", "rivi\n", "yksi\n\n kaksi "])
def test_text_that_looks_like_something_else_roundtrips(tmp_path, text):
    from eaframework.model import Platform

    name = text if "\n" not in text.strip() else "Alusta"  # a name is one line
    platform = Platform(kind="platform", id="plat-a", name=name, version=text,
                        properties={"malli": text})
    path = tmp_path / "m.yaml"
    path.write_text(writer.dump_file([platform]), encoding="utf-8")
    result = load_model(path)
    assert [d.message for d in result.diagnostics] == []
    assert result.model.get("plat-a") == platform
    assert format_text(path.read_text(encoding="utf-8")) == path.read_text(encoding="utf-8")


# -- the direct writer is the emitter `ea fmt` uses, only faster ----------------------------
_ODD = st.text(st.sampled_from(list("aäZ09 -_.:#'\"\n|>{}[],&*!%@`?~=<")), max_size=20)
_SCALARS = (st.none() | st.booleans() | st.integers(-10**12, 10**12)
            | st.floats(allow_nan=False) | _ODD | st.sampled_from(
                ["yes", "No", "null", "2024-05-01", "2024-02-30", "1.0", "_9", "a" * 120]))
_KEYS = st.from_regex(r"[a-z][a-z0-9-]{0,9}", fullmatch=True) | _ODD | st.sampled_from(
    ["kind", "id", "name", "description", "owner", "lifecycle", "yes", "1", "k" * 130])
_DATA = st.recursive(_SCALARS, lambda children: st.lists(children, max_size=3)
                     | st.dictionaries(_KEYS, children, max_size=4), max_leaves=20)


@st.composite
def documents(draw) -> dict:
    """A model file's plain data, with elements of real kinds and odd values anywhere."""
    elements = []
    for _ in range(draw(st.integers(0, 3))):
        element = draw(st.dictionaries(_KEYS, _DATA, max_size=5))
        element.update(kind=draw(st.sampled_from(sorted(KINDS))), id="e-1",
                       name=draw(_SCALARS | st.fixed_dictionaries({"en": _ODD, "fi": _ODD})))
        elements.append(element)
    extra = draw(st.dictionaries(_KEYS, _DATA, max_size=2))
    return {**extra, "elements": elements, "apiVersion": "eaframework/v1"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_direct_writing_equals_the_formatters_emitter(document):
    assert writer.dump_document(document, schema=None) == writer.emitted(document)


def test_the_sample_written_directly_equals_the_emitter():
    model = load_model(REPO / "models" / "esimerkkila").model
    document = {"apiVersion": "eaframework/v1",
                "metadata": model.metadata.model_dump(by_alias=True, exclude_none=True,
                                                      mode="json"),
                "elements": [writer.element_data(e) for e in model],
                "relations": [writer.relation_data(r) for r in model.relations
                              if r.field is None]}
    text = writer.dump_document(document)
    assert text == writer.HEADER.format(schema=writer.SCHEMA) + writer.emitted(document)
    assert format_text(text) == text
