"""Archi's CSV format both ways: the exact layout Archi writes (headers, quoting, BOM, CRLF,
class names, the model row, special properties) and files as Archi and spreadsheets
produce them."""

from __future__ import annotations

import csv
import io

import pytest

from eaframework.interchange.csv import export_csv, import_csv
from eaframework.interchange.exchange import InterchangeError
from eaframework.interchange.model_files import verified_files

from .helpers import HEADER, model_of

MODEL = HEADER + """metadata:
  organisation: Esimerkkilä
  description: "Kuvaus \\"lainausmerkein\\""
  version: "3"
elements:
  - kind: organisation-unit
    id: ou-a
    name: {fi: Hallinto, en: Administration}
  - kind: information-system
    id: sys-a
    name: 'Asianhallinta "Case"'
    description: "Rivi yksi\\nRivi kaksi, pilkulla"
    owner: ou-a
    stores: [ir-a]
    sourcing: saas
  - {kind: information-resource, id: ir-a, name: Asiakirjat}
  - {kind: archimate-element, id: j-a, name: Liitos, archimate-type: OrJunction}
"""


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return export_csv(model_of({"m.yaml": MODEL}))


def records(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_three_files_with_archis_headers_bom_and_crlf(files):
    assert list(files) == ["elements.csv", "relations.csv", "properties.csv"]
    assert files["elements.csv"].startswith(
        b'\xef\xbb\xbf"ID","Type","Name","Documentation","Specialization"\r\n')
    assert files["relations.csv"].startswith(
        b'\xef\xbb\xbf"ID","Type","Name","Documentation","Source","Target","Specialization"\r\n')
    assert files["properties.csv"].startswith(b'\xef\xbb\xbf"ID","Key","Value"\r\n')
    for data in files.values():
        assert not data.endswith(b"\r\n")  # Archi writes a line break before each row


def test_every_field_is_quoted_and_quotes_doubled(files):
    for data in files.values():
        rows = records(data)
        requoted = "\r\n".join(",".join('"' + f.replace('"', '""') + '"' for f in row)
                               for row in rows)
        assert data.decode("utf-8-sig") == requoted
    assert b'"Asianhallinta ""Case"""' in files["elements.csv"]
    assert b'"Rivi yksi\nRivi kaksi, pilkulla"' in files["elements.csv"]


def test_model_row_elements_and_class_names(files):
    rows = records(files["elements.csv"])
    assert rows[1] == ["id-model", "ArchimateModel", "Esimerkkilä", 'Kuvaus "lainausmerkein"', ""]
    types = {row[0]: row[1] for row in rows[1:]}
    assert types == {"id-model": "ArchimateModel", "id-ou-a": "BusinessActor",
                     "id-sys-a": "ApplicationComponent", "id-ir-a": "DataObject",
                     "id-j-a": "Junction"}
    relations = records(files["relations.csv"])[1:]
    assert sorted((r[1], r[4], r[5]) for r in relations) == [
        ("AccessRelationship", "id-sys-a", "id-ir-a"),
        ("AssociationRelationship", "id-sys-a", "id-ou-a"),
    ]


def test_special_and_other_properties(files):
    props = records(files["properties.csv"])[1:]
    by_id = {}
    for identifier, key, value in props:
        by_id.setdefault(identifier, []).append((key, value))
    assert ("Junction_Type", "Or") in by_id["id-j-a"]
    assert ("archimate-name:en", "Administration") in by_id["id-ou-a"]
    assert ("ea:sourcing", "saas") in by_id["id-sys-a"]
    assert ("ea:version", "3") in by_id["id-model"]
    access = next(r[0] for r in records(files["relations.csv"])[1:] if r[1] == "AccessRelationship")
    association = next(r[0] for r in records(files["relations.csv"])[1:]
                       if r[1] == "AssociationRelationship")
    assert ("Access_Type", "ReadWrite") in by_id[access]
    assert ("Directed", "true") in by_id[association]


def test_round_trip(files):
    model = model_of(verified_files(import_csv(files)))
    system = model.get("sys-a")
    assert (system.name.fi, system.description.fi) == ('Asianhallinta "Case"',
                                                        "Rivi yksi\nRivi kaksi, pilkulla")
    assert (system.owner, system.stores, system.sourcing.value) == ("ou-a", ("ir-a",), "saas")
    assert model.get("ou-a").name.en == "Administration"
    assert model.get("j-a").archimate_type == "OrJunction"
    assert model.metadata.version == "3"
    assert export_csv(model) == files


# Written the way Archi writes them (its default: UTF-8 without BOM), by hand.
ARCHI_ELEMENTS = (
    '"ID","Type","Name","Documentation","Specialization"\n'
    '"5f1c","ArchimateModel","Kunta","Tarkoitus ""lainauksin"".\nToinen rivi.",""\n'
    '"a1b2","BusinessActor","Kirjaamo","",""\n'
    '"c3d4","ApplicationComponent","Asianhallinta","Järjestelmä\nrivitetty","SaaS"\n'
    '"e5f6","Capability","Asiointi","",""\n'
    '"g7h8","Junction","","",""\n'
)
ARCHI_RELATIONS = (
    '"ID","Type","Name","Documentation","Source","Target","Specialization"\n'
    '"r1","AssociationRelationship","vastaa","","a1b2","c3d4",""\n'
    '"r2","AccessRelationship","","","c3d4","e5f6",""\n'
    '"r3","FlowRelationship","","","c3d4","g7h8",""\n'
)
ARCHI_PROPERTIES = (
    '"ID","Key","Value"\n'
    '"5f1c","Omistaja","Tietohallinto"\n'
    '"c3d4","Kustannus","12 000 €"\n'
    '"r1","Directed","true"\n'
    '"r2","Access_Type","Read"\n'
    '"g7h8","Junction_Type","Or"\n'
)


def test_files_as_archi_writes_them():
    result = import_csv({"elements.csv": ARCHI_ELEMENTS.encode(),
                         "relations.csv": ARCHI_RELATIONS.encode(),
                         "properties.csv": ARCHI_PROPERTIES.encode()})
    model = model_of(verified_files(result))
    assert model.metadata.organisation == "Kunta"
    assert model.metadata.description == 'Tarkoitus "lainauksin".\nToinen rivi.'
    system = next(e for e in model if e.kind == "information-system")
    assert system.name.fi == "Asianhallinta"
    assert system.description.fi == "Järjestelmä\nrivitetty"
    assert system.properties["Kustannus"] == "12 000 €"
    assert system.properties["archimate-specialization"] == "SaaS"
    assert system.properties["archimate-id"] == "c3d4"
    kinds = sorted((e.kind, getattr(e, "archimate_type", None)) for e in model)
    assert kinds == [("archimate-element", "Capability"), ("archimate-element", "OrJunction"),
                     ("information-system", None), ("organisation-unit", None)]
    facts = sorted((r.type, *(r.properties.get(f"archimate-{key}", "") for key in (
        "type", "name", "directed", "access-type"))) for r in model.relations)
    assert facts == [
        ("associated-with", "", "vastaa", "true", ""),
        ("associated-with", "Access", "", "", "Read"),
        ("associated-with", "Flow", "", "", ""),
    ]
    assert "1 model properties" in result.report.render()
    # and back out in Archi's terms
    out = export_csv(model)
    assert '"c3d4","ApplicationComponent","Asianhallinta","Järjestelmä\nrivitetty","SaaS"'.encode(
    ) in out["elements.csv"]
    assert b'"r1","AssociationRelationship","vastaa","","a1b2","c3d4",""' in out["relations.csv"]
    assert b'"r2","Access_Type","Read"' in out["properties.csv"]


def test_semicolons_tabs_bom_and_missing_files():
    for delimiter in (";", "\t"):
        text = ARCHI_ELEMENTS.replace('","', f'"{delimiter}"')
        model = model_of(verified_files(import_csv(
            {"elements.csv": ("\ufeff" + text).encode()})))
        assert len(model) == 4 and model.relations == ()


@pytest.mark.parametrize(("files", "message", "line"), [
    ({}, "elements.csv is missing", None),
    ({"elements.csv": b'"Id","Kind"\n'}, "elements.csv: the first row is not Archi's header", 1),
    ({"elements.csv": ARCHI_ELEMENTS.encode() + b'"x","BusinessActor","X"\n'},
     "elements.csv: a row has 3 fields; the header has 5", 9),
    ({"elements.csv": ARCHI_ELEMENTS.encode() + b'"x y","Node","X","",""\n'},
     "elements.csv: id 'x y' has characters Archi does not allow", 9),
    ({"elements.csv": b"\xff\xfe\x00"}, "elements.csv: not UTF-8 text", None),
])
def test_bad_files_are_clear_errors(files, message, line):
    with pytest.raises(InterchangeError) as caught:
        import_csv(files)
    file, _, text = message.partition(": ")
    if not text:  # no file of its own
        file, text = None, message
    assert (caught.value.file, caught.value.line) == (file, line)
    assert caught.value.message.startswith(text)
    where = f"csv/{file}:{line}:1: " if line else f"csv/{file}: " if file else "csv: "
    assert caught.value.where("csv").startswith(where + text)
