"""`ea impact`: what depends on an element, and whom to inform."""

from __future__ import annotations

import json
import textwrap

import pytest

from eaframework.changes.impact import DEPENDENCIES, impact
from eaframework.loader import load_model, load_texts
from eaframework.model import RELATIONS

from .gitrepo import SAMPLE


def ids(found, kind: str | None = None) -> list[str]:
    return [i.element.id for i in found.impacted if kind is None or i.element.kind == kind]

CHAIN = """\
apiVersion: eaframework/v1
elements:
  - {kind: organisation-unit, id: ou-ict, name: ICT}
  - {kind: organisation-unit, id: ou-edu, name: Education}
  - {kind: organisation-unit, id: ou-fin, name: Finance}
  - {kind: stakeholder, id: sh-families, name: Families}
  - {kind: person, id: per-anna, name: Anna}
  - {kind: platform, id: pf-vm, name: VM, owner: ou-ict}
  - {kind: information-system, id: sys-edu, name: Edu, owner: ou-edu, responsible: per-anna,
     runs-on: [pf-vm], supports: [prc-enrol], stores: [ir-pupils]}
  - {kind: information-system, id: sys-fin, name: Fin, owner: ou-fin}
  - {kind: information-resource, id: ir-pupils, name: Pupils, owner: ou-edu}
  - {kind: process, id: prc-enrol, name: Enrolment, owner: ou-edu, realizes: [svc-school]}
  - {kind: service, id: svc-school, name: School, owner: ou-edu, serves: [sh-families]}
  - {kind: integration, id: int-fees, name: Fees, owner: ou-fin, source: sys-edu,
     target: sys-fin}
"""


@pytest.fixture(scope="module")
def chain():
    result = load_texts({"m.yaml": CHAIN})
    assert not result.diagnostics, result.diagnostics
    return result.model


def test_every_dependency_names_a_known_relation_and_end():
    for dep in DEPENDENCIES:
        assert dep.relation in RELATIONS, dep
        assert dep.dependent in ("source", "target"), dep


def test_a_platform_takes_down_what_runs_on_it_and_what_depends_on_that(chain):
    found = impact(chain, "pf-vm")
    by_id = {i.element.id: i for i in found.impacted}
    assert (by_id["sys-edu"].depth, by_id["sys-edu"].relation, by_id["sys-edu"].stops) == (
        1, "runs-on", True)
    assert (by_id["prc-enrol"].depth, by_id["prc-enrol"].via.id) == (2, "sys-edu")
    assert (by_id["svc-school"].depth, by_id["svc-school"].relation) == (3, "realizes")
    assert (by_id["int-fees"].relation, by_id["int-fees"].stops) == ("flows-from", True)
    # Affected but not stopped: the data the system stores, the system the integration
    # fed, the stakeholders the service serves. None of them passes the impact on.
    assert not by_id["ir-pupils"].stops and not by_id["sys-fin"].stops
    assert (by_id["sh-families"].stops, by_id["sh-families"].depth) == (False, 4)
    assert "ou-edu" not in by_id  # owners are informed, not impacted
    owners = {o.owner.id: [r.id for r in o.elements] for o in found.owners}
    assert owners == {
        "ou-edu": ["sys-edu", "ir-pupils", "prc-enrol", "svc-school"],
        "ou-fin": ["int-fees", "sys-fin"],
        "ou-ict": ["pf-vm"],
    }
    assert [(p.id, s.id) for p, s in found.responsible] == [("per-anna", "sys-edu")]


def test_an_integration_going_costs_its_target_its_data_only(chain):
    found = impact(chain, "int-fees")
    assert [(i.element.id, i.stops, i.reason) for i in found.impacted] == [
        ("sys-fin", False, "loses data it receives through")]


def test_depth_limits_the_search(chain):
    assert ids(impact(chain, "pf-vm", depth=1)) == ["sys-edu"]
    assert set(ids(impact(chain, "pf-vm", depth=2))) == {
        "sys-edu", "int-fees", "ir-pupils", "prc-enrol"}


def test_impact_on_the_central_case_management_system_of_the_sample():
    model = load_model(SAMPLE).model
    system = "sys-asianhallinta"
    found = impact(model, system)
    direct = {i.element.id for i in found.impacted if i.depth == 1}
    # Everything that uses the system or that it supports is hit directly ...
    users = {r.source for r in model.incoming(system, "uses")}
    supported = {r.target for r in model.outgoing(system, "supports")}
    assert users | supported <= direct
    assert {"prc-asianhallinta", "prc-paatoksenteko"} <= set(ids(found, "process"))
    assert "svc-paatokset-verkossa" in ids(found, "service")
    # ... and so are its interface and the integrations to and from it.
    assert "if-asianhallinta-api" in direct
    flows = {r.source for r in model.incoming(system) if r.type in ("flows-from", "flows-to")}
    assert flows and flows <= direct
    # The archive and the web site lose the data the integrations brought them.
    lose = {i.element.id for i in found.impacted if i.reason == "loses data it receives through"}
    assert lose == {"sys-earkisto", "sys-verkkosivusto"}
    owners = {o.owner.id for o in found.owners}
    assert {"ou-hallintopalvelut", "ou-viestinta", "ou-asiakaspalvelu"} <= owners
    for item in found.impacted:
        owner = model.owner_of(item.element.id)
        if owner is not None:
            assert any(item.element in o.elements for o in found.owners if o.owner.id == owner.id)


def test_cli_text_and_json(run_ea):
    code, out, err = run_ea("impact", "sys-asianhallinta", str(SAMPLE), "--lang", "en")
    assert code == 0, err
    assert out.startswith("Impact of information system 'Asianhallintajärjestelmä Dokumo' "
                          "(sys-asianhallinta)\nowner: Hallintopalvelut (ou-hallintopalvelut)\n")
    assert "\nStops working if it goes (" in out and "\nOwners to inform (" in out
    assert "      process  prc-paatoksenteko  Toimielinten päätöksenteko  " \
           "[owner: ou-hallintopalvelut]" in out
    assert "  Viestintä (ou-viestinta): sys-verkkosivusto\n" in out
    code, out, err = run_ea("impact", "sys-asianhallinta", str(SAMPLE), "--lang", "en",
                            "--format", "json", "--depth", "1")
    assert code == 0, err
    data = json.loads(out)
    assert data["root"]["id"] == "sys-asianhallinta" and data["depth_limit"] == 1
    assert {i["depth"] for i in data["impacted"]} == {1}
    item = next(i for i in data["impacted"] if i["element"]["id"] == "prc-asianhallinta")
    assert (item["element"]["kind"], item["via"]["id"], item["stops"], item["owner"]["id"]) == (
        "process", "sys-asianhallinta", True, "ou-hallintopalvelut")
    assert item["relation"] in ("uses", "supports")


def test_cli_unknown_id_and_broken_model(run_ea, write_model, tmp_path):
    code, out, err = run_ea("impact", "sys-asianhallintaa", str(SAMPLE))
    assert code == 2 and out == ""
    assert err == (f"error: no element 'sys-asianhallintaa' in {SAMPLE}; did you mean "
                   "'sys-asianhallinta'?\n")
    folder = write_model(tmp_path / "m", {"m.yaml": textwrap.dedent("""\
        apiVersion: eaframework/v1
        elements:
          - {kind: process, id: prc-a, name: A, uses: [sys-gone]}
        """)})
    code, out, err = run_ea("impact", "prc-a", str(folder))
    assert code == 1 and out == "" and "EA007" in err


def test_impact_diagram(run_ea, tmp_path):
    code, out, err = run_ea("impact", "sys-asianhallinta", str(SAMPLE), "--format", "dot")
    assert code == 0, err
    assert out.startswith('digraph "vaikutukset-sys-asianhallinta" {')
    assert "Vaikutukset: Asianhallintajärjestelmä Dokumo" in out
    for element in ("sys-asianhallinta", "prc-asianhallinta", "prc-paatoksenteko",
                    "svc-paatokset-verkossa", "if-asianhallinta-api", "sys-verkkosivusto"):
        assert f'"{element}" [' in out, element
    assert '"sys-crm" [' not in out  # sources of integrations into it are not impacted
    assert '"cluster_ou-hallintopalvelut"' in out  # grouped by owner
    target = tmp_path / "impact.svg"
    code, out, err = run_ea("impact", "sys-asianhallinta", str(SAMPLE), "--format", "svg",
                            "-o", str(target), "--depth", "1")
    assert code == 0 and out == "", err
    svg = target.read_text(encoding="utf-8")
    assert svg.lstrip().startswith(("<?xml", "<svg")) and 'id="prc-paatoksenteko"' in svg
    assert 'id="sh-asukkaat"' not in svg  # two relations away, beyond --depth 1
    code, _, err = run_ea("impact", "sys-asianhallinta", str(SAMPLE), "--format", "png")
    assert code == 2 and err == "error: --format png needs -o FILE\n"


def test_cli_text_in_finnish_for_a_council_memo(run_ea):
    result = run_ea("impact", "sys-asianhallinta", "--lang", "fi")
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith(
        "Vaikutukset: tietojärjestelmä 'Asianhallintajärjestelmä Dokumo' (sys-asianhallinta)\n"
        "omistaja: Hallintopalvelut (ou-hallintopalvelut)\n")
    assert "Lakkaa toimimasta, jos kohde poistuu" in out
    assert "    käyttää (uses):\n      prosessi  prc-asianhallinta  " in out
    assert "on osa kohdetta prc-asianhallinta (etäisyys 2)" in out
    assert "Tiedotettavat omistajat" in out
    # every reason has a Finnish wording, so no English one leaks into the memo
    from eaframework.changes.impact import DEPENDENCIES, REASONS_FI

    assert {d.reason for d in DEPENDENCIES} == set(REASONS_FI)
    assert not any(f"    {d.reason} (" in out for d in DEPENDENCIES)
