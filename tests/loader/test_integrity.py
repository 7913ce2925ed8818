"""Model integrity (EA004-EA010): every problem of the model in one run, each at its place,
with a did-you-mean where one helps. Through `load_model` and through `ea lint`."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from eaframework.loader import load_model
from eaframework.model import KINDS
from tests.conftest import integrity, position

API = "apiVersion: eaframework/v1\n"


def model_text(body: str) -> str:
    return API + textwrap.dedent(body).lstrip("\n")


@pytest.fixture
def load(tmp_path, monkeypatch, write_model):
    """load({"m.yaml": text, ...}) -> LoadResult, with file names relative to tmp_path."""
    monkeypatch.chdir(tmp_path)

    def _load(files: dict[str, str]):
        write_model(tmp_path / "model", files)
        monkeypatch.chdir(tmp_path / "model")
        return load_model(".")

    return _load


def diags(result) -> list[tuple[str, str, str]]:
    """(code, file:line:col, message) of each diagnostic."""
    return [(d.code, str(d.location), d.message) for d in result.diagnostics]


def at(text: str, needle: str, occurrence: int = 0, file: str = "m.yaml") -> str:
    line, column = position(text, needle, occurrence)
    return f"{file}:{line}:{column}"


# -- everything in one run -------------------------------------------------------------------
FIVE = model_text("""
    elements:
      - kind: organisation-unit
        id: org-a
        name: A
        name: AA
      - kind: information-system
        id: sys-a
        name: Järjestelmä
        ownr: org-a
      - kind: service
        id: org-a
        name: Palvelu
      - kind: process
        id: proc-a
        name: Prosessi
        uses:
          - sys-b
    relations:
      - type: uses-x
        source: proc-a
        target: org-a
    """)


def test_five_problems_in_one_file_give_five_diagnostics(load):
    result = load({"m.yaml": FIVE})
    assert diags(result) == [
        ("EA004", at(FIVE, "name: AA"),
         "duplicate key 'name' in one mapping (first on line 5); only one value can count"),
        ("EA005", at(FIVE, "ownr"),
         "unknown key 'ownr' in information-system 'sys-a'; did you mean 'owner'?"),
        ("EA006", at(FIVE, "id: org-a", 1),
         "id 'org-a' is already used by the element at m.yaml:3:3; ids must be unique "
         "across the whole model"),
        ("EA007", at(FIVE, "- sys-b"),
         "`uses` of process 'proc-a' refers to 'sys-b', which is not an element of the model"),
        ("EA009", at(FIVE, "type: uses-x"),
         "unknown relation type 'uses-x'; did you mean 'uses'?"),
    ]
    assert not result.fatal
    assert sorted(result.model.elements) == ["org-a", "proc-a"]
    assert {d.rule for d in result.diagnostics} == {
        "duplicate-key", "invalid-element", "duplicate-id", "unknown-reference",
        "unknown-relation-type",
    }


def test_five_problems_through_the_cli(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"m.yaml": FIVE})
    result = run_ea("lint", "m.yaml", cwd=tmp_path)
    assert result.code == 1, (result.out, result.err)
    found = integrity(result.out)
    assert [(f["code"], f"{f['file']}:{f['line']}:{f['col']}") for f in found] == [
        ("EA004", at(FIVE, "name: AA")),
        ("EA005", at(FIVE, "ownr")),
        ("EA006", at(FIVE, "id: org-a", 1)),
        ("EA007", at(FIVE, "- sys-b")),
        ("EA009", at(FIVE, "type: uses-x")),
    ]
    assert all(f["sev"] == "error" for f in found)
    assert "did you mean 'owner'?" in found[1]["msg"]
    assert "Traceback" not in result.err


def test_problems_in_several_files_are_all_reported(load):
    a = model_text("""
        elements:
          - kind: service
            id: svc-a
            name: A
            audience: citizens
        """)
    b = model_text("""
        elements:
          - kind: servce
            id: svc-b
            name: B
        """)
    result = load({"a.yaml": a, "b.yaml": b})
    assert [(c, loc) for c, loc, _ in diags(result)] == [
        ("EA005", at(a, "audience", file="a.yaml")),
        ("EA005", at(b, "kind", file="b.yaml")),
    ]


# -- EA005 invalid element --------------------------------------------------------------------
def test_unknown_key_with_did_you_mean_at_the_key(load):
    text = model_text("""
        elements:
          - kind: information-system
            id: sys-a
            name: A
            sourcing: saas
            runs_on: []
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA005", at(text, "runs_on"),
         "unknown key 'runs_on' in information-system 'sys-a'; did you mean 'runs-on'?"),
    ]


def test_unknown_key_inside_a_nested_structure(load):
    text = model_text("""
        elements:
          - kind: information-system
            id: sys-a
            name: A
            contract:
              reference: 123/2024
              data-ownershp: vendor
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA005", at(text, "data-ownershp"),
         "unknown key 'data-ownershp' in information-system 'sys-a'; "
         "did you mean 'data-ownership'?"),
    ]


def test_unknown_top_level_and_metadata_keys(load):
    text = model_text("""
        metadata:
          organisaton: Esimerkkilä
        element: []
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA005", at(text, "metadata"),
         "model metadata is missing the required key `organisation`"),
        ("EA005", at(text, "organisaton"),
         "unknown key 'organisaton' in model metadata; did you mean 'organisation'?"),
        ("EA005", at(text, "element:"),
         "unknown top-level key 'element'; did you mean 'elements'?"),
    ]


def test_bad_enum_value_with_did_you_mean(load):
    text = model_text("""
        elements:
          - kind: information-system
            id: sys-a
            name: A
            sourcing: saass
            lifecycle:
              phase: in-prodution
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA005", at(text, "sourcing"),
         "`sourcing` of information-system 'sys-a': 'saass' is not one of saas, procured, "
         "custom, shared; did you mean 'saas'?"),
        ("EA005", at(text, "phase"),
         "`lifecycle.phase` of information-system 'sys-a': 'in-prodution' is not one of "
         "planned, in-production, phasing-out, retired; did you mean 'in-production'?"),
    ]


def test_unknown_kind_with_did_you_mean(load):
    text = model_text("""
        elements:
          - kind: informaton-system
            id: sys-a
            name: A
          - name: Nimetön
        """)
    result = load({"m.yaml": text})
    assert diags(result) == [
        ("EA005", at(text, "kind"),
         "unknown kind 'informaton-system' of element 'sys-a'; did you mean "
         "'information-system'?"),
        ("EA005", at(text, "- name"),
         "element without an id has no `kind`; it is one of: " + ", ".join(KINDS)),
    ]


def test_missing_required_keys(load):
    text = model_text("""
        elements:
          - kind: service
            id: svc-a
          - kind: integration
            id: int-a
            name: Siirto
            lifecycle: {start: 2024-01-01}
        """)
    got = diags(load({"m.yaml": text}))
    assert got == [
        ("EA005", at(text, "- kind: service"),
         "service 'svc-a' is missing the required key `name`"),
        ("EA005", at(text, "- kind: integration"),
         "integration 'int-a' is missing the required key `source`"),
        ("EA005", at(text, "- kind: integration"),
         "integration 'int-a' is missing the required key `target`"),
        ("EA005", at(text, "lifecycle"),
         "integration 'int-a' is missing the required key `phase`"),
    ]


def test_bad_id_and_bad_reference_syntax(load):
    text = model_text("""
        elements:
          - kind: information-system
            id: Sys_A
            name: A
          - kind: information-system
            id: sys-b
            name: B
            runs-on:
              - plat-a
              - Plat B
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA005", at(text, "id: Sys_A"),
         "id 'Sys_A' of information-system 'Sys_A' must be a lowercase slug: a letter, then "
         "letters, digits and hyphens (e.g. sys-asianhallinta)"),
        ("EA005", at(text, "- Plat B"),
         "`runs-on.1` of information-system 'sys-b': 'Plat B' is not an element id "
         "(a lowercase slug)"),
    ]


def test_problems_inside_nested_lists_are_located_at_their_item(load):
    text = model_text("""
        elements:
          - kind: information-resource
            id: ir-a
            name: A
            disclosures:
              - recipient: Kela
              - recipent: Verohallinto
            suppress:
              - rule: EA302
                reasn: koska
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA005", at(text, "- recipent"),
         "information-resource 'ir-a' is missing the required key `recipient`"),
        ("EA005", at(text, "recipent"),
         "unknown key 'recipent' in information-resource 'ir-a'; did you mean 'recipient'?"),
        ("EA005", at(text, "reasn"),
         "unknown key 'reasn' in information-resource 'ir-a'; did you mean 'reason'?"),
    ]


def test_element_that_is_not_a_mapping(load):
    text = model_text("""
        elements:
          - kind: stakeholder
            id: sh-a
            name: Asukkaat
          - just a sentence
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA005", at(text, "- just"),
         "an element must be a mapping with `kind`, `id` and `name`, not a string"),
    ]


def test_metadata_given_twice(load):
    a = model_text("""
        metadata:
          organisation: Esimerkkilä
        elements: []
        """)
    b = model_text("""
        metadata:
          organisation: Toinen
        elements: []
        """)
    result = load({"a.yaml": a, "b.yaml": b})
    assert diags(result) == [
        ("EA005", at(b, "metadata", file="b.yaml"),
         "model metadata is already given in a.yaml; give it once"),
    ]
    assert result.model.metadata.organisation == "Esimerkkilä"


# -- EA004 duplicate keys ---------------------------------------------------------------------
def test_every_duplicate_key_is_reported_at_the_second_key(load):
    text = model_text("""
        elements:
          - kind: organisation-unit
            id: org-a
            name: A
            external: true
            name: B
            external: false
          - kind: organisation-unit
            id: org-b
            name: C
        elements: []
        """)
    result = load({"m.yaml": text})
    assert diags(result) == [
        ("EA004", at(text, "name: B"),
         "duplicate key 'name' in one mapping (first on line 5); only one value can count"),
        ("EA004", at(text, "external: false"),
         "duplicate key 'external' in one mapping (first on line 6); only one value can count"),
        ("EA004", at(text, "elements: []"),
         "duplicate key 'elements' in one mapping (first on line 2); only one value can count"),
    ]


def test_duplicate_keys_do_not_stop_the_rest_of_the_file(load):
    text = model_text("""
        elements:
          - kind: organisation-unit
            id: org-a
            name: A
            name: B
          - kind: service
            id: svc-a
            name: S
            owner: org-x
        """)
    result = load({"m.yaml": text})
    assert [c for c, _, _ in diags(result)] == ["EA004", "EA007"]
    assert result.model.get("org-a").name.fi == "B"  # the last value counts


def test_duplicate_key_inside_a_flow_mapping(load):
    text = model_text("""
        elements:
          - kind: organisation-unit
            id: org-a
            name: {fi: A, en: A, fi: B}
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA004", at(text, "fi: B"),
         "duplicate key 'fi' in one mapping (first on line 5); only one value can count"),
    ]


def test_duplicate_key_inside_a_one_line_element(load):
    text = model_text("""
        elements:
          - {kind: organisation-unit, id: org-a, name: A, id: org-b}
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA004", at(text, "id: org-b"),
         "duplicate key 'id' in one mapping (first on line 3); only one value can count"),
    ]


def test_block_and_flow_duplicates_in_one_file_are_all_reported(load):
    text = model_text("""
        elements:
          - kind: organisation-unit
            id: org-a
            name: A
            name: AA
          - kind: organisation-unit
            id: org-b
            name: {fi: B, fi: BB}
        """)
    assert [(c, loc) for c, loc, _ in diags(load({"m.yaml": text}))] == [
        ("EA004", at(text, "name: AA")),
        ("EA004", at(text, "fi: BB")),
    ]


# -- EA006 duplicate ids ----------------------------------------------------------------------
def test_duplicate_id_across_two_files_names_the_first(load):
    a = model_text("""
        elements:
          - kind: organisation-unit
            id: org-a
            name: A
        """)
    b = model_text("""
        elements:
          - kind: stakeholder
            id: sh-a
            name: S
          - kind: service
            id: org-a
            name: Palvelu
        """)
    result = load({"a.yaml": a, "b.yaml": b})
    assert diags(result) == [
        ("EA006", at(b, "id: org-a", file="b.yaml"),
         "id 'org-a' is already used by the element at a.yaml:3:3; ids must be unique "
         "across the whole model"),
    ]
    assert result.model.get("org-a").kind == "organisation-unit"


# -- EA007 unknown references -----------------------------------------------------------------
def test_unknown_reference_in_a_field_with_did_you_mean(load):
    text = model_text("""
        elements:
          - kind: organisation-unit
            id: org-sivistys
            name: Sivistystoimi
          - kind: information-system
            id: sys-vaka
            name: Varhaiskasvatus
            owner: org-sivistus
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA007", at(text, "owner"),
         "`owner` of information-system 'sys-vaka' refers to 'org-sivistus', which is not an "
         "element of the model; did you mean 'org-sivistys'?"),
    ]


def test_unknown_reference_in_a_list_is_located_at_the_item(load):
    text = model_text("""
        elements:
          - kind: platform
            id: plat-azure
            name: Azure
          - kind: information-system
            id: sys-a
            name: A
            runs-on:
              - plat-azure
              - plat-azur
              - plat-onprem
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA007", at(text, "- plat-azur\n"),
         "`runs-on` of information-system 'sys-a' refers to 'plat-azur', which is not an "
         "element of the model; did you mean 'plat-azure'?"),
        ("EA007", at(text, "- plat-onprem"),
         "`runs-on` of information-system 'sys-a' refers to 'plat-onprem', which is not an "
         "element of the model; did you mean 'plat-azure'?"),
    ]


def test_did_you_mean_only_offers_ids_of_allowed_kinds(load):
    text = model_text("""
        elements:
          - kind: stakeholder
            id: org-kunta
            name: Not a unit
          - kind: service
            id: svc-a
            name: A
            owner: org-kuntaa
        """)
    (code, _, message), = diags(load({"m.yaml": text}))
    assert code == "EA007" and "did you mean" not in message


def test_unknown_cost_allocation_unit_is_located_at_its_key(load):
    text = model_text("""
        elements:
          - kind: organisation-unit
            id: org-a
            name: A
          - kind: information-system
            id: sys-a
            name: A
            cost-allocation:
              org-a: 60
              org-b: 40
        """)
    assert [(c, loc) for c, loc, _ in diags(load({"m.yaml": text}))] == [
        ("EA007", at(text, "org-b: 40")),
    ]


def test_unknown_relation_end(load):
    text = model_text("""
        elements:
          - kind: principle
            id: pr-pilvi
            name: Pilvi ensin
        relations:
          - type: influences
            source: pr-pilvi
            target: sys-puuttuu
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA007", at(text, "target"),
         "relation target 'sys-puuttuu' is not an element of the model"),
    ]


def test_invalid_elements_ids_still_count_as_known(load):
    text = model_text("""
        elements:
          - kind: organisation-unit
            id: org-a
            name: A
            colour: blue
          - kind: information-system
            id: sys-a
            name: A
            owner: org-a
          - kind: service
            id: svc-a
            name: S
            uses: [sys-a]
        relations:
          - type: associated-with
            source: sys-a
            target: org-a
        """)
    result = load({"m.yaml": text})
    assert [(c, loc) for c, loc, _ in diags(result)] == [("EA005", at(text, "colour"))]
    assert [r.type for r in result.model.relations] == ["uses"]


# -- EA008 relation not allowed ---------------------------------------------------------------
def test_relation_not_allowed_from_a_reference_field(load):
    text = model_text("""
        elements:
          - kind: organisation-unit
            id: org-a
            name: A
          - kind: information-system
            id: sys-a
            name: A
            owner: org-a
            runs-on:
              - org-a
          - kind: process
            id: proc-a
            name: P
            owner: sys-a
        """)
    result = load({"m.yaml": text})
    assert diags(result) == [
        ("EA008", at(text, "- org-a"),
         "`runs-on` of information-system 'sys-a' must refer to a platform or a "
         "technology-service, but 'org-a' is an organisation-unit"),
        ("EA008", at(text, "owner: sys-a"),
         "`owner` of process 'proc-a' must refer to an organisation-unit, but 'sys-a' is an "
         "information-system"),
    ]
    # a refused link is not in the model
    assert [(r.source, r.type, r.target) for r in result.model.relations] == [
        ("sys-a", "owned-by", "org-a")
    ]


def test_relation_not_allowed_from_the_relations_list(load):
    text = model_text("""
        elements:
          - kind: organisation-unit
            id: org-a
            name: A
          - kind: information-system
            id: sys-a
            name: A
        relations:
          - type: associated-with
            source: org-a
            target: sys-a
          - type: uses
            source: org-a
            target: sys-a
        """)
    result = load({"m.yaml": text})
    assert diags(result) == [
        ("EA008", at(text, "- type: uses"),
         "relation 'uses' is not allowed from an organisation-unit to an information-system; "
         "it goes from a service, a channel, a process or an information-system to an "
         "information-system, an information-resource, a dataset, a platform or a "
         "technology-service"),
    ]
    assert [r.type for r in result.model.relations] == ["associated-with"]


# -- EA009 unknown relation type --------------------------------------------------------------
def test_unknown_relation_type(load):
    text = model_text("""
        elements:
          - kind: principle
            id: pr-a
            name: P
        relations:
          - type: influence
            source: pr-a
            target: pr-a
          - type: zzz
            source: pr-a
            target: pr-a
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA009", at(text, "type: influence"),
         "unknown relation type 'influence'; did you mean 'influences'?"),
        ("EA009", at(text, "type: zzz"), "unknown relation type 'zzz'"),
    ]


# -- EA010 part-of cycles ---------------------------------------------------------------------
def test_part_of_cycle(load):
    text = model_text("""
        elements:
          - kind: organisation-unit
            id: org-kunta
            name: Kunta
            part-of: org-b
          - kind: organisation-unit
            id: org-b
            name: B
            part-of: org-c
          - kind: organisation-unit
            id: org-c
            name: C
            part-of: org-kunta
          - kind: organisation-unit
            id: org-d
            name: D
            part-of: org-c
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA010", at(text, "part-of: org-c"),
         "part-of hierarchy of organisation-unit 'org-b' is a cycle: "
         "org-b -> org-c -> org-kunta -> org-b"),
    ]


def test_self_cycle_through_the_relations_list(load):
    text = model_text("""
        elements:
          - kind: process
            id: proc-a
            name: P
        relations:
          - type: part-of
            source: proc-a
            target: proc-a
        """)
    assert diags(load({"m.yaml": text})) == [
        ("EA010", at(text, "- kind: process"),
         "part-of hierarchy of process 'proc-a' is a cycle: proc-a -> proc-a"),
    ]


# -- a clean model ----------------------------------------------------------------------------
CLEAN = model_text(f"""
    metadata:
      organisation: Esimerkkilän kaupunki
      approved-by: Kaupunginhallitus
      approved-on: {dt.date.today().isoformat()}
      last-reviewed: {dt.date.today().isoformat()}
    elements:
      - kind: organisation-unit
        id: org-kunta
        name: {{fi: Esimerkkilän kaupunki, en: City of Esimerkkilä}}
      - kind: organisation-unit
        id: org-hallinto
        name: Hallinto
        part-of: org-kunta
    """)


def test_clean_model_loads_without_diagnostics(load):
    result = load({"m.yaml": CLEAN})
    assert result.diagnostics == []
    assert not result.fatal
    assert [(r.source, r.type, r.target, r.field) for r in result.model.relations] == [
        ("org-hallinto", "part-of", "org-kunta", "part_of")
    ]
    assert result.sources.locate("org-hallinto", ("part-of",)).line == position(CLEAN, "part-of")[0]


def test_integrity_errors_exit_1_and_a_clean_model_exits_0(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"clean/m.yaml": CLEAN, "broken/m.yaml": CLEAN.replace(
        "part-of: org-kunta", "part-of: org-kunt")})
    broken = run_ea("lint", "broken", cwd=tmp_path)
    assert broken.code == 1, (broken.out, broken.err)
    assert [(f["code"], f["file"], f["line"]) for f in integrity(broken.out)] == [
        ("EA007", "broken/m.yaml", position(CLEAN, "part-of")[0])
    ]
    assert "did you mean 'org-kunta'?" in broken.out
    clean = run_ea("lint", "clean", cwd=tmp_path)
    assert clean.code == 0, (clean.out, clean.err)
    assert clean.out == ""
    assert "no problems" in clean.err and "2 elements" in clean.err


# -- known bugs -------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["[service, process]", "{a: 1}"])
def test_kind_that_is_a_list_or_mapping(load, kind):
    text = model_text(f"""
        elements:
          - kind: {kind}
            id: svc-a
            name: A
        """)
    ((code, loc, message),) = diags(load({"m.yaml": text}))
    assert code == "EA005" and loc == at(text, "kind")


def test_unknown_finnish_key_is_located_at_the_key(load):
    text = model_text("""
        elements:
          - kind: information-system
            id: sys-a
            name: A
            ylläpitäjä: Tietohallinto
        """)
    assert [(c, loc) for c, loc, _ in diags(load({"m.yaml": text}))] == [
        ("EA005", at(text, "ylläpitäjä"))
    ]


def test_problem_in_an_element_opened_by_a_lone_dash(load):
    text = model_text("""
        elements:
          -
            kind: service
            id: svc-a
            name: A
            ownr: org-a
          - kind: service
            id: svc-b
            name: B
        """)
    assert [(c, loc) for c, loc, _ in diags(load({"m.yaml": text}))] == [
        ("EA005", at(text, "ownr"))
    ]
