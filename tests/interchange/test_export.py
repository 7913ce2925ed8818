"""`export_archimate`: valid against the Open Group schemas, every language and field
carried, stable ids and order."""

from __future__ import annotations

import pytest
from lxml import etree

from bench.synthetic import municipality
from eaframework.interchange.archimate_export import export_archimate
from eaframework.interchange.exchange import InterchangeError, relationship_base_id
from eaframework.loader import load_model
from tests.conftest import REPO

from .helpers import HEADER, NS, XML_LANG, XSI_TYPE, assert_valid, model_of

SAMPLE = REPO / "models" / "esimerkkila"


@pytest.fixture(scope="module")
def sample_model():
    result = load_model(SAMPLE)
    assert not [d for d in result.diagnostics if d.code.startswith("EA0")]
    return result.model


@pytest.fixture(scope="module")
def sample_xml(sample_model) -> bytes:
    return export_archimate(sample_model, diagrams=[])


def test_sample_validates_against_the_open_group_schemas(sample_xml):
    document = assert_valid(sample_xml)
    assert document.tag == f"{{{NS['a']}}}model"
    assert len(document.findall("a:elements/a:element", NS)) == len(load_model(SAMPLE).model)


def test_synthetic_model_validates(tmp_path):
    model = model_of(municipality(400, seed=3))
    assert_valid(export_archimate(model, diagrams=[]))


def test_file_shape_declaration_and_section_order(sample_xml):
    assert sample_xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<model ')
    assert b"\n  <elements>\n    <element " in sample_xml  # pretty-printed
    document = etree.fromstring(sample_xml)
    sections = [etree.QName(child).localname for child in document]
    assert sections == ["name", "documentation", "properties", "metadata", "elements",
                        "relationships", "organizations", "propertyDefinitions"]


def test_same_model_same_bytes(sample_model, sample_xml):
    again = load_model(SAMPLE).model
    assert export_archimate(again, diagrams=[]) == sample_xml


def element(document, element_id: str):
    found = document.find(f"a:elements/a:element[@identifier='id-{element_id}']", NS)
    assert found is not None, element_id
    return found


def properties_of(document, node) -> dict[str, str]:
    names = {d.get("identifier"): d.findtext("a:name", namespaces=NS)
             for d in document.iterfind("a:propertyDefinitions/a:propertyDefinition", NS)}
    return {names[p.get("propertyDefinitionRef")]: p.findtext("a:value", namespaces=NS)
            for p in node.iterfind("a:properties/a:property", NS)}


def test_elements_have_their_type_names_in_every_language_and_fields_as_properties(sample_xml):
    document = etree.fromstring(sample_xml)
    city = element(document, "ou-kaupunki")
    assert city.get(XSI_TYPE) == "BusinessActor"
    assert [(n.get(XML_LANG), n.text) for n in city.iterfind("a:name", NS)] == [
        ("fi", "Esimerkkilän kaupunki"), ("sv", "Esimerkkilä stad"), ("en", "City of Esimerkkilä"),
    ]
    assert city.findtext("a:documentation", namespaces=NS).startswith("Kaupunkikonserni")
    assert properties_of(document, city) == {"ea:business-id": "1234567-1",
                                             "ea:contact": "kirjaamo@esimerkkila.fi"}
    resource = element(document, "ir-asiakirjat")
    assert resource.get(XSI_TYPE) == "DataObject"
    props = properties_of(document, resource)
    assert props["ea:archiving"] == "permanent"
    assert props["ea:personal-data"] == "true"
    assert props["ea:last-risk-assessment"] == "2024-05-14"
    assert props["ea:disclosures"].startswith('[{"recipient": "Asianosaiset')
    assert "ea:owner" not in props and "ea:data-groups" not in props  # relationships


def test_property_definitions_are_typed(sample_xml):
    document = etree.fromstring(sample_xml)
    types = {d.findtext("a:name", namespaces=NS): d.get("type")
             for d in document.iterfind("a:propertyDefinitions/a:propertyDefinition", NS)}
    assert types["ea:personal-data"] == "boolean"
    assert types["ea:last-risk-assessment"] == "date"
    assert types["ea:annual-cost"] == "number"
    assert types["ea:sourcing"] == "string"
    assert types["ea:lifecycle.phase"] == "string"
    assert types["ea:cost-allocation"] == "number"


def test_kind_is_said_only_where_the_type_would_not_say_it(sample_xml):
    document = etree.fromstring(sample_xml)
    person = document.xpath("//a:element[a:properties/a:property]", namespaces=NS)
    kinds = {properties_of(document, e).get("ea:kind") for e in person}
    assert kinds >= {"person", "dataset", "task-class", "integration"}
    assert "organisation-unit" not in kinds and "information-system" not in kinds


def test_relationships_follow_the_mapping_table():
    model = model_of({"m.yaml": HEADER + """elements:
  - {kind: organisation-unit, id: ou-a, name: A}
  - {kind: organisation-unit, id: ou-b, name: B, part-of: ou-a}
  - {kind: information-system, id: sys-a, name: S, owner: ou-a, stores: [ir-a], runs-on: [pl-a],
     cost-allocation: {ou-a: 60, ou-b: 40}}
  - {kind: information-resource, id: ir-a, name: R}
  - {kind: platform, id: pl-a, name: P}
  - {kind: process, id: pr-a, name: Pr, uses: [sys-a]}
relations:
  - {type: associated-with, source: pr-a, target: ou-b, description: kysyy neuvoa}
"""})
    document = etree.fromstring(export_archimate(model, diagrams=[]))

    def rel(source, target):
        found = document.xpath(f"//a:relationship[@source='id-{source}'][@target='id-{target}']",
                               namespaces=NS)
        assert len(found) == 1, (source, target)
        return found[0]

    to_unit = document.xpath("//a:relationship[@source='id-sys-a'][@target='id-ou-a']",
                             namespaces=NS)  # owned-by and a cost share
    assert [(r.get(XSI_TYPE), r.get("isDirected"), properties_of(document, r))
            for r in to_unit] == [
        ("Association", "true", {"ea:relation": "owned-by"}),
        ("Association", "true", {"ea:relation": "cost-allocated-to",
                                 "ea:cost-allocation": "60"}),
    ]
    part = rel("ou-a", "ou-b")  # the whole aggregates the part
    assert part.get(XSI_TYPE) == "Aggregation"
    assert part.get("identifier") == relationship_base_id("ou-b", "part-of", "ou-a")
    stores = rel("sys-a", "ir-a")
    assert (stores.get(XSI_TYPE), stores.get("accessType")) == ("Access", "ReadWrite")
    assert properties_of(document, stores) == {}  # stores is what an import makes of it
    runs = rel("pl-a", "sys-a")
    assert runs.get(XSI_TYPE) == "Serving"
    assert properties_of(document, runs) == {}
    uses = rel("sys-a", "pr-a")
    assert uses.get(XSI_TYPE) == "Serving"
    assert properties_of(document, uses) == {"ea:relation": "uses"}  # supports would fit too
    shares = document.xpath("//a:relationship[@source='id-sys-a'][@target='id-ou-b']",
                            namespaces=NS)
    assert [properties_of(document, s) for s in shares] == [
        {"ea:relation": "cost-allocated-to", "ea:cost-allocation": "40"}]
    note = rel("pr-a", "ou-b")
    assert note.get(XSI_TYPE) == "Association" and note.get("isDirected") is None
    assert note.findtext("a:documentation", namespaces=NS) == "kysyy neuvoa"


def test_organizations_are_folders_by_viewpoint(sample_xml):
    document = etree.fromstring(sample_xml)
    folders = document.findall("a:organizations/a:item", NS)
    labels = [f.findall("a:label", NS)[1].text for f in folders]
    assert {f.findall("a:label", NS)[1].get(XML_LANG) for f in folders} == {"en"}
    assert labels == ["Operations architecture", "Information architecture",
                      "Information systems architecture", "Technology architecture",
                      "Principles and development", "Relations"]
    systems = {i.get("identifierRef") for i in folders[2].iterfind("a:item", NS)}
    assert "id-sys-asianhallinta" in systems and "id-ou-kaupunki" not in systems
    relationships = document.findall("a:relationships/a:relationship", NS)
    assert len(folders[5].findall("a:item", NS)) == len(relationships)


def test_dublin_core_metadata(sample_xml):
    document = etree.fromstring(sample_xml)
    assert document.findtext("a:metadata/a:schema", namespaces=NS) == "Dublin Core"
    assert document.findtext("a:metadata/dc:title", namespaces=NS) == "Esimerkkilän kaupunki"
    assert document.findtext("a:metadata/dc:date", namespaces=NS) == "2025-02-10"
    assert document.get("version") == "2025.2"


def test_generic_elements_keep_their_type_and_viewpoint():
    model = model_of({"m.yaml": HEADER + """elements:
  - {kind: archimate-element, id: cap-a, name: Asiakkuudenhallinta, archimate-type: Capability}
  - {kind: archimate-element, id: req-a, name: Vaatimus, archimate-type: Requirement}
  - {kind: archimate-element, id: act-a, name: Toimija, archimate-type: BusinessActor}
"""})
    assert model.get("cap-a").viewpoint.value == "operations"
    assert model.get("req-a").viewpoint.value == "cross"
    document = etree.fromstring(export_archimate(model, diagrams=[]))
    assert element(document, "cap-a").get(XSI_TYPE) == "Capability"
    assert properties_of(document, element(document, "cap-a")) == {}
    # a type that would import as a kind of ours says it stays generic
    assert properties_of(document, element(document, "act-a")) == {"ea:kind": "archimate-element"}


def test_control_characters_are_a_clear_error():
    # The loader refuses such a name (tests/loader/test_values.py); a model built in
    # Python without validation can still hold one, and the export says so.
    from eaframework.model import Location, Model, Text

    location = Location.model_construct(kind="location", id="loc-a",
                                        name=Text.model_construct(fi="A\x01B"))
    model = Model([location], [], None)
    with pytest.raises(InterchangeError, match="element id-loc-a has text with a control"):
        export_archimate(model, diagrams=[])


# -- diagrams -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def with_views(sample_model) -> bytes:
    from eaframework.diagrams.graphviz_runner import GraphvizError

    try:
        return export_archimate(sample_model)
    except GraphvizError as exc:
        pytest.skip(f"needs Graphviz (graphviz-pure comes with the package): {exc}")


def test_built_in_views_become_laid_out_diagrams(with_views):
    from eaframework.diagrams.builtin import BUILTIN

    document = assert_valid(with_views)
    views = document.findall("a:views/a:diagrams/a:view", NS)
    assert [v.get("identifier") for v in views] == [f"view-{name}" for name in BUILTIN]
    elements = {e.get("identifier") for e in document.iterfind("a:elements/a:element", NS)}
    relationships = {r.get("identifier"): r for r in
                     document.iterfind("a:relationships/a:relationship", NS)}
    for view in views:
        assert view.findtext("a:name", namespaces=NS)
        boxes = {}
        for node in view.iter(f"{{{NS['a']}}}node"):
            boxes[node.get("identifier")] = tuple(int(node.get(k)) for k in "xywh")
            ref = node.get("elementRef")
            assert ref is None or ref in elements
            parent = node.getparent()
            if parent.tag == node.tag:  # nested: inside its parent's box
                px, py, pw, ph = (int(parent.get(k)) for k in "xywh")
                x, y, w, h = boxes[node.get("identifier")]
                assert px <= x and py <= y and x + w <= px + pw + 1 and y + h <= py + ph + 1
        assert len(boxes) >= 5
        for connection in view.iterfind("a:connection", NS):
            relationship = relationships[connection.get("relationshipRef")]
            ends = {view.xpath(f".//a:node[@identifier='{connection.get(end)}']/@elementRef",
                               namespaces=NS)[0] for end in ("source", "target")}
            assert ends == {relationship.get("source"), relationship.get("target")}
    service_map = views[0]
    assert len(service_map.findall("a:connection", NS)) > 5  # delivered-through, drawn
    assert any(n.get(XSI_TYPE) == "Container" for n in service_map.iter(f"{{{NS['a']}}}node"))


def test_diagrams_are_stable_and_survive_a_round_trip(with_views, sample_model):
    from eaframework.interchange.archimate_import import import_archimate
    from eaframework.interchange.model_files import verified_files

    assert export_archimate(sample_model) == with_views
    imported = model_of(verified_files(import_archimate(with_views)))
    assert export_archimate(imported) == with_views
