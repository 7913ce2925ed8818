"""The metamodel's element classes: text, ids, keys, the kind discriminator and the
relation table the reference fields point into."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from eaframework.model import (
    ELEMENT_CLASSES,
    KINDS,
    RELATIONS,
    REVERSE,
    VIEWPOINT_OF_KIND,
    Element,
    InformationSystem,
    OrganisationUnit,
    Service,
    Text,
    Viewpoint,
    allowed,
)
from eaframework.model.base import ID_PATTERN

ELEMENT = TypeAdapter(Element)


def validate_as_loader(data: dict):
    """Validate one element the way the loader does: only the kebab-case file keys count."""
    return ELEMENT.validate_python(data, by_alias=True, by_name=False)


def errors_of(data: dict) -> list[dict]:
    with pytest.raises(ValidationError) as info:
        validate_as_loader(data)
    return info.value.errors(include_url=False)


# -- text -----------------------------------------------------------------------------------
def test_plain_string_name_is_finnish():
    unit = validate_as_loader({"kind": "organisation-unit", "id": "org-a", "name": "Hallinto"})
    assert unit.name == Text(fi="Hallinto")
    assert unit.name.sv is None and unit.name.en is None
    assert unit.label == "Hallinto"
    assert str(unit.name) == "Hallinto"


def test_name_mapping_with_translations():
    unit = validate_as_loader(
        {"kind": "organisation-unit", "id": "org-a",
         "name": {"fi": "Sivistystoimi", "en": "Education", "sv": "Bildningsväsendet"}}
    )
    assert unit.name.get("fi") == "Sivistystoimi"
    assert unit.name.get("en") == "Education"
    assert unit.name.get("sv") == "Bildningsväsendet"
    assert unit.name.languages() == {
        "fi": "Sivistystoimi", "sv": "Bildningsväsendet", "en": "Education"
    }


def test_name_mapping_without_finnish_is_rejected():
    errors = errors_of({"kind": "service", "id": "svc-a", "name": {"en": "Day care"}})
    assert [(e["type"], e["loc"]) for e in errors] == [("missing", ("service", "name", "fi"))]


def test_empty_finnish_name_is_rejected():
    errors = errors_of({"kind": "service", "id": "svc-a", "name": "   "})
    assert [e["loc"] for e in errors] == [("service", "name", "fi")]
    assert errors[0]["type"] == "string_too_short"


@pytest.mark.parametrize("lang", ["en", "sv", "de"])
def test_text_get_falls_back_to_finnish(lang):
    assert Text(fi="Päivähoito").get(lang) == "Päivähoito"
    assert Text(fi="Päivähoito").get() == "Päivähoito"


def test_text_get_returns_translation_when_present():
    text = Text(fi="Päivähoito", en="Day care")
    assert text.get("en") == "Day care"
    assert text.get("sv") == "Päivähoito"


def test_description_accepts_plain_string_too():
    svc = validate_as_loader(
        {"kind": "service", "id": "svc-a", "name": "A", "description": "Kuvaus ääkkösin"}
    )
    assert svc.description == Text(fi="Kuvaus ääkkösin")


# -- keys -----------------------------------------------------------------------------------
def test_extra_key_is_rejected():
    errors = errors_of({"kind": "service", "id": "svc-a", "name": "A", "ownr": "org-a"})
    assert [(e["type"], e["loc"]) for e in errors] == [("extra_forbidden", ("service", "ownr"))]


def test_extra_key_in_nested_structure_is_rejected():
    errors = errors_of(
        {"kind": "service", "id": "svc-a", "name": "A",
         "lifecycle": {"phase": "planned", "begin": "2024-01-01"}}
    )
    assert [(e["type"], e["loc"]) for e in errors] == [
        ("extra_forbidden", ("service", "lifecycle", "begin"))
    ]


def test_extra_key_in_text_is_rejected():
    errors = errors_of({"kind": "service", "id": "svc-a", "name": {"fi": "A", "de": "B"}})
    assert [(e["type"], e["loc"]) for e in errors] == [("extra_forbidden", ("service", "name", "de"))]


@pytest.mark.parametrize(
    ("kind", "snake", "kebab", "value"),
    [
        ("information-system", "runs_on", "runs-on", ["plat-a"]),
        ("information-system", "annual_cost", "annual-cost", 100.0),
        ("service", "e_service", "e-service", True),
        ("process", "task_class", "task-class", "tc-a"),
        ("organisation-unit", "part_of", "part-of", "org-a"),
    ],
)
def test_snake_case_keys_are_rejected_as_the_loader_validates(kind, snake, kebab, value):
    base = {"kind": kind, "id": "x-1", "name": "X"}
    errors = errors_of({**base, snake: value})
    assert [(e["type"], e["loc"]) for e in errors] == [("extra_forbidden", (kind, snake))]
    # ... while the kebab-case key of the file format is accepted,
    element = validate_as_loader({**base, kebab: value})
    field = snake
    got = getattr(element, field)
    assert got == (tuple(value) if isinstance(value, list) else value)
    # ... and Python code may still use the field name.
    assert getattr(KINDS[kind].model_validate({**base, snake: value}), field) == got


def test_models_are_frozen():
    unit = OrganisationUnit(kind="organisation-unit", id="org-a", name="A")
    with pytest.raises(ValidationError):
        unit.id = "org-b"


# -- kind discriminator ---------------------------------------------------------------------
def test_discriminator_errors_name_only_the_matching_kind():
    errors = errors_of(
        {"kind": "information-system", "id": "sys-a", "name": "A",
         "sourcing": "saass", "vendr": "X"}
    )
    assert {e["loc"][0] for e in errors} == {"information-system"}
    assert sorted((e["type"], e["loc"][1]) for e in errors) == [
        ("enum", "sourcing"), ("extra_forbidden", "vendr")
    ]


def test_unknown_kind_is_one_tag_error():
    errors = errors_of({"kind": "servce", "id": "svc-a", "name": "A"})
    assert len(errors) == 1
    assert errors[0]["type"] == "union_tag_invalid"
    assert errors[0]["ctx"]["tag"] == "servce"


def test_missing_kind_is_one_error():
    errors = errors_of({"id": "svc-a", "name": "A"})
    assert [e["type"] for e in errors] == ["union_tag_not_found"]


# -- ids ------------------------------------------------------------------------------------
@pytest.mark.parametrize("good", ["a", "sys-asianhallinta", "org-2", "x1-y2-z3"])
def test_valid_ids(good):
    assert validate_as_loader({"kind": "stakeholder", "id": good, "name": "S"}).id == good


@pytest.mark.parametrize(
    "bad", ["Sys-a", "sys_a", "1sys", "-sys", "sys a", "sys.a", "", "ä-sys", "x" * 121]
)
def test_invalid_ids(bad):
    errors = errors_of({"kind": "stakeholder", "id": bad, "name": "S"})
    assert [e["loc"] for e in errors] == [("stakeholder", "id")]
    assert errors[0]["type"] in ("string_pattern_mismatch", "string_too_long")


def test_references_must_be_ids():
    errors = errors_of(
        {"kind": "information-system", "id": "sys-a", "name": "A", "runs-on": ["ok", "Not OK"]}
    )
    assert [(e["type"], e["loc"]) for e in errors] == [
        ("string_pattern_mismatch", ("information-system", "runs-on", 1))
    ]


# -- registry -------------------------------------------------------------------------------
def test_every_kind_has_a_viewpoint():
    assert len(KINDS) == len(ELEMENT_CLASSES)  # one distinct kind per class
    for kind, cls in KINDS.items():
        assert isinstance(cls.viewpoint, Viewpoint), kind
        assert VIEWPOINT_OF_KIND[kind] is cls.viewpoint
    assert VIEWPOINT_OF_KIND["information-system"] is Viewpoint.SYSTEMS
    assert VIEWPOINT_OF_KIND["organisation-unit"] is Viewpoint.OPERATIONS
    assert VIEWPOINT_OF_KIND["data-group"] is Viewpoint.INFORMATION
    assert VIEWPOINT_OF_KIND["platform"] is Viewpoint.TECHNOLOGY
    assert VIEWPOINT_OF_KIND["principle"] is Viewpoint.CROSS


def test_every_viewpoint_has_kinds():
    assert set(VIEWPOINT_OF_KIND.values()) == set(Viewpoint)


def _holds_ids(annotation) -> bool:
    return ID_PATTERN in repr(annotation)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_reference_fields_name_relations_the_kind_may_write(kind):
    cls = KINDS[kind]
    for field, relation in cls.reference_fields.items():
        assert field in cls.model_fields, f"{kind}: reference field {field} is not a field"
        assert relation in RELATIONS, f"{kind}.{field}: unknown relation {relation}"
        _, sources, targets = RELATIONS[relation]
        assert "*" in sources or kind in sources, f"{kind} may not write {relation}"
        assert targets, relation


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_id_holding_field_is_a_reference_field(kind):
    """A field of ids that is not in reference_fields would never be resolved or checked."""
    cls = KINDS[kind]
    id_fields = {
        name for name, info in cls.model_fields.items()
        if name != "id" and (_holds_ids(info.annotation) or _holds_ids(info.metadata))
    }
    assert id_fields == set(cls.reference_fields)


def test_relation_table_names_only_real_kinds():
    for relation, (reverse, sources, targets) in RELATIONS.items():
        assert reverse and REVERSE[relation] == reverse
        for kind in (*sources, *targets):
            assert kind == "*" or kind in KINDS, f"{relation}: {kind}"


@pytest.mark.parametrize(
    ("relation", "source", "target", "expected"),
    [
        ("owned-by", "information-system", "organisation-unit", True),
        ("owned-by", "information-system", "person", False),
        ("owned-by", "organisation-unit", "organisation-unit", False),
        ("runs-on", "information-system", "platform", True),
        ("runs-on", "information-system", "organisation-unit", False),
        ("part-of", "dataset", "information-resource", True),
        ("part-of", "information-resource", "dataset", False),
        ("associated-with", "location", "principle", True),
        ("influences", "principle", "information-system", True),
        ("influences", "information-system", "principle", False),
        ("adds", "development-project", "stakeholder", True),
        ("no-such-relation", "service", "service", False),
    ],
)
def test_allowed(relation, source, target, expected):
    assert allowed(relation, source, target) is expected


def test_references_lists_every_target_with_its_relation():
    system = InformationSystem(
        kind="information-system", id="sys-a", name="A", owner="org-a",
        runs_on=("plat-a", "plat-b"), cost_allocation={"org-a": 60, "org-b": 40},
    )
    assert sorted(system.references()) == sorted([
        ("owner", "owned-by", "org-a"),
        ("runs_on", "runs-on", "plat-a"),
        ("runs_on", "runs-on", "plat-b"),
        ("cost_allocation", "cost-allocated-to", "org-a"),
        ("cost_allocation", "cost-allocated-to", "org-b"),
    ])
    assert Service(kind="service", id="svc-a", name="S").references() == []



def test_element_union_in_a_list_validates_as_it_does_alone():
    """The union's schema is generated once and shared by every adapter that holds it:
    in a list it finds the same errors at the same places, and sharing changes nothing."""
    from copy import deepcopy

    from eaframework.model.elements import _UnionSchema

    bad = {"kind": "service", "id": "s", "name": {"fi": "x", "en": "a\x01"}, "yearly-volume": -1}
    shared = deepcopy(_UnionSchema.built)  # built by ELEMENT above
    assert shared is not None
    items = TypeAdapter(list[Element])
    with pytest.raises(ValidationError) as alone:
        validate_as_loader(bad)
    with pytest.raises(ValidationError) as listed:
        items.validate_python([bad], by_alias=True, by_name=False)
    assert [(0, *e["loc"]) for e in alone.value.errors()] == [e["loc"] for e in listed.value.errors()]
    assert [e["type"] for e in alone.value.errors()] == [e["type"] for e in listed.value.errors()]
    assert _UnionSchema.built == shared
