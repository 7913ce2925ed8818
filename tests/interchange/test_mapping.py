"""The mapping table: complete, made of real ArchiMate types, read backwards only where it
is clear, and documented by a page generated from it."""

from __future__ import annotations

import pytest
from lxml import etree

from eaframework.interchange import archimate_types as types
from eaframework.interchange.mapping_doc import mapping_markdown
from eaframework.model import KINDS, RELATIONS, allowed
from eaframework.model.generic import ARCHIMATE_ELEMENT_TYPES
from tests.conftest import REPO

from .helpers import XSD

DOC = REPO / "docs" / "archimate-mapping.md"


def test_every_kind_and_relation_has_a_mapping():
    assert set(types.KIND_TYPES) == set(KINDS) - {types.GENERIC_KIND}
    assert set(types.RELATION_TYPES) == set(RELATIONS)


def test_types_are_archimate_types():
    for spec in types.KIND_TYPES.values():
        assert spec.type in types.ELEMENT_TYPES
    for relation, spec in types.RELATION_TYPES.items():
        for rel in (spec.default, *spec.by_source.values(), *spec.by_target.values()):
            assert rel.type in types.RELATIONSHIP_TYPES, relation
            assert rel.access is None or rel.access in types.ACCESS_TYPES
        for kind in (*spec.by_source, *spec.by_target):
            assert kind in KINDS, relation


def test_type_lists_match_the_open_group_schema():
    model_xsd = XSD / "archimate3_Model.xsd"
    if not model_xsd.is_file():
        pytest.skip(f"needs {model_xsd}, which is absent")
    schema = etree.parse(str(model_xsd))
    xs = {"xs": "http://www.w3.org/2001/XMLSchema"}

    def extending(base: str) -> set[str]:
        found = schema.xpath(f"//xs:complexType[.//xs:extension[@base='{base}']]/@name",
                             namespaces=xs)
        return set(found)

    elements = extending("RealElementType") | extending("RelationshipConnectorType") | (
        extending("CompositeType"))
    elements |= {"Location", "Grouping"}
    assert set(ARCHIMATE_ELEMENT_TYPES) == elements - {"RealElementType"}
    assert set(types.RELATIONSHIP_TYPES) == extending("RelationshipType")


def test_each_imported_type_is_one_kind():
    for archimate_type, kind in types.IMPORTED_KIND.items():
        assert types.element_type(kind) == archimate_type
    assert types.IMPORTED_KIND["BusinessActor"] == "organisation-unit"
    assert "BusinessFunction" not in types.IMPORTED_KIND  # a function is not a task class
    assert types.kinds_of_type("DataObject") == ("information-resource", "dataset")


@pytest.mark.parametrize(("archimate_type", "source", "target", "expected"), [
    ("Serving", "information-system", "process", ("supports", False)),  # over reversed uses
    ("Serving", "platform", "information-system", ("runs-on", True)),
    ("Aggregation", "organisation-unit", "organisation-unit", ("part-of", True)),
    ("Assignment", "channel", "service", ("delivered-through", True)),
    ("Realization", "process", "service", ("realizes", False)),
    ("Composition", "information-system", "interface", ("exposes", False)),
    ("Serving", "technology-service", "information-system", ("runs-on", True)),
    ("Access", "information-system", "information-resource", ("stores", False)),
    ("Access", "process", "information-resource", ("uses", False)),
    ("Association", "information-system", "organisation-unit", None),  # never guessed
    ("Influence", "principle", "principle", None),  # `influences` targets anything
    ("Triggering", "process", "process", None),
])
def test_infer_relation(archimate_type, source, target, expected):
    assert types.infer_relation(archimate_type, source, target) == expected


def test_inferred_relations_are_allowed_between_the_kinds():
    kinds = [k for k in KINDS if k != types.GENERIC_KIND]
    for archimate_type in types.RELATIONSHIP_TYPES:
        for source in kinds:
            for target in kinds:
                found = types.infer_relation(archimate_type, source, target)
                if found:
                    relation, reverse = found
                    ends = (target, source) if reverse else (source, target)
                    assert allowed(relation, *ends)


def test_csv_names():
    assert types.csv_element_type("AndJunction") == types.csv_element_type("OrJunction") == (
        "Junction")
    assert types.csv_element_type("ApplicationComponent") == "ApplicationComponent"
    assert types.csv_relationship_type("Serving") == "ServingRelationship"


def test_the_documentation_page_is_current():
    assert DOC.read_text(encoding="utf-8") == mapping_markdown(), (
        "docs/archimate-mapping.md is stale: run "
        "`python -m eaframework.interchange.archimate_types > docs/archimate-mapping.md`")
    for kind in types.KIND_TYPES:
        assert f"| `{kind}` |" in DOC.read_text(encoding="utf-8")
