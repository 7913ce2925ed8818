"""`import_archimate`: exchange files from other tools become lintable model files, with
clear kinds where the mapping is clear, everything else kept, and a mapping report."""

from __future__ import annotations

import pytest

from eaframework.interchange.archimate_import import import_archimate
from eaframework.interchange.exchange import InterchangeError
from eaframework.interchange.model_files import verified_files
from eaframework.lint import lint_texts
from tests.conftest import position

from .helpers import SAMPLES, model_of

FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
       identifier="id-4f6c" version="7">
  <name xml:lang="en">Kaupunki Oy model</name>
  <documentation xml:lang="en">Exported from a tool</documentation>
  <properties>
    <property propertyDefinitionRef="pd-owner"><value xml:lang="en">EA team</value></property>
  </properties>
  <elements>
    <element identifier="id-a1" xsi:type="ApplicationComponent">
      <name xml:lang="en">Case management</name>
      <name xml:lang="fi">Asianhallinta</name>
      <name xml:lang="de">Vorgangsbearbeitung</name>
      <documentation xml:lang="fi">Kirjaamon järjestelmä</documentation>
      <properties>
        <property propertyDefinitionRef="pd-owner"><value>Hallinto</value></property>
        <property propertyDefinitionRef="pd-cost"><value>12000</value></property>
        <property propertyDefinitionRef="pd-cost"><value>13000</value></property>
      </properties>
    </element>
    <element identifier="id-p1" xsi:type="BusinessProcess">
      <name xml:lang="en">Handle case</name>
    </element>
    <element identifier="cap-1" xsi:type="Capability">
      <name>Asiakkuus</name>
    </element>
    <element identifier="id-j1" xsi:type="OrJunction"/>
    <element identifier="id-d1" xsi:type="DataObject">
      <name xml:lang="fi">Asiakirjat</name>
    </element>
  </elements>
  <relationships>
    <relationship identifier="id-r1" xsi:type="Serving" source="id-a1" target="id-p1">
      <name xml:lang="en">supports</name>
    </relationship>
    <relationship identifier="id-r2" xsi:type="Realization" source="id-p1" target="cap-1"/>
    <relationship identifier="id-r3" xsi:type="Access" source="id-p1" target="id-d1"
                  accessType="Write"/>
    <relationship identifier="id-r4" xsi:type="Triggering" source="id-p1" target="id-j1"/>
    <relationship identifier="id-r5" xsi:type="Association" source="id-r1" target="id-a1"/>
  </relationships>
  <organizations>
    <item><label xml:lang="en">Application</label><item identifierRef="id-a1"/></item>
  </organizations>
  <propertyDefinitions>
    <propertyDefinition identifier="pd-owner" type="string"><name>Owner</name></propertyDefinition>
    <propertyDefinition identifier="pd-cost" type="number"><name>Cost</name></propertyDefinition>
  </propertyDefinitions>
  <views>
    <diagrams>
      <view identifier="id-v1" xsi:type="Diagram"><name xml:lang="en">View</name></view>
    </diagrams>
  </views>
</model>
"""


@pytest.fixture(scope="module")
def foreign():
    result = import_archimate(FOREIGN.encode())
    return result, model_of(verified_files(result))


@pytest.mark.parametrize("sample", SAMPLES or [None], ids=lambda p: p.name if p else "absent")
def test_shared_samples_give_lintable_model_files_and_a_report(sample):
    if sample is None:
        pytest.skip("needs ../shared/archimate-xsd/samples/, which is absent")
    result = import_archimate(sample.read_bytes())
    files = verified_files(result)
    report = lint_texts(files)
    assert not [d for d in report.diagnostics if d.code.startswith("EA0")]
    text = result.report.render()
    assert text.startswith("mapping report (ArchiMate exchange file)\nelements: ")
    assert sum(result.report.elements.values()) == len(result.elements) >= 2
    assert "relationships: 2" in text or "relationships: 1" in text


def test_archi_sample_maps_types_and_keeps_the_assignment():
    sample = next((s for s in SAMPLES if s.name == "archi_Sample1.xml"), None)
    if sample is None:
        pytest.skip("needs ../shared/archimate-xsd/samples/archi_Sample1.xml")
    result = import_archimate(sample.read_bytes())
    model = model_of(verified_files(result))
    role, process = model.get("id-37d5bc4b"), model.get("id-89c22226")
    assert (role.kind, process.kind) == ("role", "process")
    assert role.name.fi == role.name.en == "Sales Person"
    assert role.description.fi == "A description of a sales person"
    [relation] = model.relations
    assert (relation.type, relation.source, relation.target) == (
        "associated-with", "id-37d5bc4b", "id-89c22226")
    assert relation.properties == {"archimate-type": "Assignment", "archimate-id": "id-52b86b7b"}
    assert ("BusinessRole", "role", "by type") in result.report.elements
    assert ("Assignment", "associated-with", "kept as associated-with") in (
        result.report.relationships)


def test_kinds_where_clear_and_generic_elements_otherwise(foreign):
    result, model = foreign
    assert {e.id: e.kind for e in model} == {
        "a1": "information-system", "p1": "process", "cap-1": "archimate-element",
        "j1": "archimate-element", "d1": "information-resource",
    }
    assert model.get("cap-1").archimate_type == "Capability"
    assert model.get("cap-1").viewpoint.value == "operations"
    assert model.get("j1").name.fi == "OrJunction"  # no name: its type names it
    assert model.get("cap-1").properties == {"archimate-id": "cap-1"}  # not id- + our id


def test_names_and_documentation_in_every_language(foreign):
    _, model = foreign
    system = model.get("a1")
    assert (system.name.fi, system.name.en) == ("Asianhallinta", "Case management")
    assert system.properties["archimate-name:de"] == "Vorgangsbearbeitung"
    assert system.description.fi == "Kirjaamon järjestelmä"
    process = model.get("p1")
    assert process.name.fi == process.name.en == "Handle case"  # Finnish is required


def test_properties_are_kept_and_repeated_keys_renamed(foreign):
    result, model = foreign
    assert model.get("a1").properties == {"Owner": "Hallinto", "Cost": "12000",
                                          "Cost (2)": "13000",
                                          "archimate-name:de": "Vorgangsbearbeitung"}
    assert any("'Cost' given more than once" in n for n in result.report.notes)


def test_relationships_map_where_one_relation_fits_and_are_kept_otherwise(foreign):
    result, model = foreign
    facts = {(r.type, r.source, r.target, r.field): dict(r.properties) for r in model.relations}
    # the tool's identifiers are kept: its ids are not the ones export would derive
    assert {p.pop("archimate-id") for p in facts.values()} == {"id-r1", "id-r2", "id-r3",
                                                                "id-r4"}
    # Serving from a system to a process: `supports` (uses would be the reverse)
    assert facts[("supports", "a1", "p1", None)] == {"archimate-name:en": "supports"}
    assert facts[("associated-with", "p1", "cap-1", None)] == {"archimate-type": "Realization"}
    # process -> data: `uses` reads; this one writes, which is kept
    assert facts[("uses", "p1", "d1", None)] == {"archimate-access-type": "Write"}
    assert facts[("associated-with", "p1", "j1", None)] == {"archimate-type": "Triggering"}
    assert model.get("p1").uses == ()  # properties a field cannot hold: listed instead
    report = result.report
    line = position(FOREIGN, 'identifier="id-r5"')[0]
    assert report.lost == [f"relationship id-r5 (Association, line {line}): its source "
                           "'id-r1' is a relationship; relations connect elements only"]
    assert "relationships whose end" not in report.render()
    assert report.relationships[("Serving", "supports", "by type and ends")] == 1


def test_what_is_not_kept_is_reported(foreign):
    result, model = foreign
    text = result.report.render()
    assert "1 views (diagrams come from views/" in text
    assert "1 organization folders" in text
    assert "1 model properties" in text
    assert model.metadata.organisation == "Kaupunki Oy model"
    assert model.metadata.description == "Exported from a tool"
    assert model.metadata.version == "7"


def test_reference_fields_are_filled_where_the_relationship_is_plain():
    xml = FOREIGN.replace('<name xml:lang="en">supports</name>', "").replace(
        'accessType="Write"', 'accessType="Read"')
    model = model_of(verified_files(import_archimate(xml.encode())))
    result = import_archimate(xml.encode())
    model = model_of(verified_files(result))
    assert model.get("a1").supports == ("p1",)
    assert model.get("p1").uses == ("d1",)
    assert {(r.type, r.field) for r in model.relations} >= {("supports", "supports"),
                                                            ("uses", "uses")}
    assert result.report.dropped_ids == 2
    assert "2 relationships became reference fields" in result.report.render()


def test_part_of_cycles_are_kept_as_associations():
    xml = """<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
      <name>M</name><elements>
      <element identifier="id-a" xsi:type="BusinessActor"><name>A</name></element>
      <element identifier="id-b" xsi:type="BusinessActor"><name>B</name></element></elements>
      <relationships>
      <relationship identifier="r1" xsi:type="Aggregation" source="id-a" target="id-b"/>
      <relationship identifier="r2" xsi:type="Aggregation" source="id-b" target="id-a"/>
      </relationships></model>"""
    result = import_archimate(xml.encode())
    model = model_of(verified_files(result))
    assert model.get("b").part_of == "a"
    assert [(r.type, r.source, r.target) for r in model.relations if r.field is None] == [
        ("associated-with", "b", "a")]
    assert any("would close a cycle" in n for n in result.report.notes)


def test_invalid_field_values_stay_properties():
    xml = """<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m"><name>M</name>
      <elements><element identifier="id-sys-a" xsi:type="ApplicationComponent"><name>A</name>
      <properties><property propertyDefinitionRef="p1"><value>leased</value></property>
      <property propertyDefinitionRef="p2"><value>custom</value></property></properties>
      </element></elements>
      <propertyDefinitions>
      <propertyDefinition identifier="p1" type="string"><name>ea:sourcing</name>
      </propertyDefinition>
      <propertyDefinition identifier="p2" type="string"><name>ea:vendor</name>
      </propertyDefinition>
      </propertyDefinitions></model>"""
    model = model_of(verified_files(import_archimate(xml.encode())))
    system = model.get("sys-a")
    assert system.sourcing is None and system.vendor == "custom"
    assert system.properties == {"ea:sourcing": "leased"}


def test_an_element_that_cannot_be_its_kind_is_kept_generic():
    xml = """<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m"><name>M</name>
      <elements><element identifier="id-int-a" xsi:type="ApplicationInteraction"><name>I</name>
      <properties><property propertyDefinitionRef="p1"><value>integration</value></property>
      </properties></element></elements>
      <propertyDefinitions><propertyDefinition identifier="p1" type="string"><name>ea:kind</name>
      </propertyDefinition></propertyDefinitions></model>"""
    result = import_archimate(xml.encode())
    element = model_of(verified_files(result)).get("int-a")
    assert (element.kind, element.archimate_type) == ("archimate-element", "ApplicationInteraction")
    assert any("not a valid integration" in n for n in result.report.notes)


@pytest.mark.parametrize(("change", "message", "at"), [
    (('identifier="id-p1"', 'identifier="id-a1"'),
     "identifier 'id-a1' is used twice (first on line {first})", ('identifier="id-a1"', 1)),
    (('identifier="id-d1" ', ""), "<element> has no identifier", ('"DataObject"', 0)),
    (('xsi:type="Capability"', ""), "cap-1 has no xsi:type", ('"cap-1"', 0)),
    (('source="id-a1" target="id-p1"', 'target="id-p1"'), "<relationship> has no source",
     ('"id-r1"', 0)),
])
def test_structural_problems_are_located(change, message, at):
    text = FOREIGN.replace(*change)
    with pytest.raises(InterchangeError) as caught:
        import_archimate(text.encode())
    first = position(text, 'identifier="id-a1"')[0]
    assert caught.value.message == message.format(first=first)
    assert caught.value.line == position(text, *at)[0]


def test_nested_fields_that_do_not_fit_stay_properties():
    xml = """<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m"><name>M</name>
      <elements><element identifier="id-sys-a" xsi:type="ApplicationComponent"><name>A</name>
      <properties><property propertyDefinitionRef="p1"><value>soon</value></property>
      <property propertyDefinitionRef="p2"><value>x</value></property>
      <property propertyDefinitionRef="p3"><value>2030-01-01</value></property></properties>
      </element></elements><propertyDefinitions>
      <propertyDefinition identifier="p1" type="string"><name>ea:lifecycle.phase</name>
      </propertyDefinition>
      <propertyDefinition identifier="p2" type="string"><name>ea:contract.nothing</name>
      </propertyDefinition>
      <propertyDefinition identifier="p3" type="string"><name>ea:contract.ends</name>
      </propertyDefinition></propertyDefinitions></model>"""
    result = import_archimate(xml.encode())
    system = model_of(verified_files(result)).get("sys-a")
    assert system.kind == "information-system"
    assert system.lifecycle is None and str(system.contract.ends) == "2030-01-01"
    assert system.properties == {"ea:contract.nothing": "x", "ea:lifecycle.phase": "soon"}
    assert any("lifecycle not valid, kept as property" in n for n in result.report.notes)


def test_an_element_type_that_is_no_type_name_is_not_imported_and_named():
    xml = FOREIGN.replace('xsi:type="Capability"', 'xsi:type="Capa bility"')
    result = import_archimate(xml.encode())
    line = position(xml, 'identifier="cap-1"')[0]
    assert (f"element cap-1 ('Capa bility', line {line}): not even an archimate-element can "
            "hold it") in result.report.lost
    # the relationship to it is named too, and the rest is a model
    assert any(t.startswith("relationship id-r2 ") and "'cap-1' is no element" in t
               for t in result.report.lost)
    assert model_of(verified_files(result)).get("cap-1") is None


def test_a_property_without_a_definition_is_not_imported_and_named():
    xml = FOREIGN.replace('"pd-cost"><value>12', '"pd-x"><value>12')
    result = import_archimate(xml.encode())
    line = position(xml, '"pd-x"')[0]
    assert (f"a property of id-a1 (line {line}): it refers to 'pd-x', which no "
            "propertyDefinition defines") in result.report.lost
    assert "not imported: a property of id-a1" in result.report.render()
