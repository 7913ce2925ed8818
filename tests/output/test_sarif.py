"""SARIF 2.1.0: valid against the OASIS schema, what GitHub code scanning needs, and a
snapshot (tool version redacted)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from eaframework import __version__
from eaframework.diagnostics import Severity, Suppressed
from eaframework.lint.formats import FORMATTERS, sarif
from eaframework.rules.registry import all_rules

from .helpers import MODEL, REASON, diag, handmade, line_of, lint_model

SCHEMA = "sarif/sarif-schema-2.1.0.json"
SNAPSHOT = Path(__file__).parent / "snapshots" / "lint.sarif.json"
UPDATE = os.environ.get("EA_UPDATE_SNAPSHOTS") == "1"


@pytest.fixture(scope="module")
def report():
    return lint_model()


@pytest.fixture(scope="module")
def log(report) -> dict:
    return json.loads(FORMATTERS["sarif"](report))


@pytest.fixture
def validate(shared_file):
    """Validate against `<repo>/../shared/sarif/sarif-schema-2.1.0.json` (skipped if absent),
    with the draft the schema declares."""
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (test extra) is needed")
    schema = json.loads(shared_file(SCHEMA).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)

    def _validate(data: dict) -> None:
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
        assert not errors, "\n".join(
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])

    return _validate


def _by_element(log: dict) -> dict[str, dict]:
    return {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]: r
            for r in log["runs"][0]["results"]}


def test_validates_against_the_schema(log, validate):
    validate(log)


def test_schema_uri_is_the_schemas_own_id(log, shared_file):
    schema = json.loads(shared_file(SCHEMA).read_text(encoding="utf-8"))
    assert log["$schema"] == schema["id"]


def test_what_github_code_scanning_needs(log):
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "eaframework"
    assert run["tool"]["driver"]["semanticVersion"] == __version__
    assert len(run["results"]) == 3
    for result in run["results"]:
        assert result["ruleId"] and result["message"]["text"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "m.yaml"
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert physical["region"]["startLine"] >= 1
    assert "%SRCROOT%" in run["originalUriBaseIds"]


def test_results_point_at_the_element(log):
    results = _by_element(log)
    talous = results["sys-talous"]
    assert talous["ruleId"] == "EA301"
    assert talous["level"] == "error"
    assert talous["locations"][0]["physicalLocation"]["region"] == {
        "startLine": line_of(MODEL, "id: sys-talous"), "startColumn": 3}
    assert talous["locations"][0]["logicalLocations"] == [
        {"name": "sys-talous", "fullyQualifiedName": "sys-talous", "kind": "element"}]
    assert talous["message"]["text"].startswith("information system 'Talous' has no owner\nhint: ")
    assert talous["properties"] == {"principle": "P8 Omistajuus"}
    assert results["sys-vaka"]["ruleId"] == "EA306"
    palkat = results["sys-palkat"]["locations"][0]["physicalLocation"]["region"]
    assert palkat["startLine"] == line_of(MODEL, "  - kind: information-system\n    id: sys-palkat")


def test_rule_index_points_at_the_rule(log):
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_suppressed_results_carry_the_justification(log):
    results = _by_element(log)
    assert results["sys-palkat"]["suppressions"] == [{
        "kind": "inSource", "status": "accepted", "justification": REASON,
        "properties": {"approvedBy": "Arkkitehtuuriryhmä", "expires": "2099-01-01"},
    }]
    assert "suppressions" not in results["sys-talous"]
    assert "suppressions" not in results["sys-vaka"]


def test_external_suppression(validate):
    reason = "per-file-ignores 'legacy/*' in the configuration"
    found = diag(suppressed=Suppressed("external", reason))
    log = json.loads(sarif.to_sarif(handmade(found)))
    validate(log)
    assert log["runs"][0]["results"][0]["suppressions"] == [{
        "kind": "external", "status": "accepted",
        "justification": reason}]


def test_driver_lists_every_registered_rule_with_its_docs(log):
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules()]
    by_id = {r["id"]: r for r in rules}
    owner = by_id["EA301"]
    assert owner["name"] == "system-has-owner"
    assert owner["shortDescription"]["text"] == (
        "Every information system has an owning organisation unit")
    assert owner["fullDescription"]["text"].startswith("Checks that every information system")
    assert owner["help"]["markdown"].startswith("# system-has-owner (EA301)")
    assert owner["help"]["text"] == owner["help"]["markdown"]
    assert owner["defaultConfiguration"] == {"level": "error"}
    assert owner["properties"]["tags"] == ["systems", "P8"]
    for rule in rules:
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}


def test_levels_follow_the_configured_severity(validate):
    log = json.loads(FORMATTERS["sarif"](lint_model(severity={"EA306": "info"})))
    validate(log)
    assert _by_element(log)["sys-vaka"]["level"] == "note"


def test_fingerprints_survive_moved_lines():
    before = json.loads(sarif.to_sarif(lint_model()))
    moved = MODEL.replace("elements:\n", "elements:\n  - {kind: service, id: svc-x, name: X}\n", 1)
    after = json.loads(sarif.to_sarif(lint_model({"m.yaml": moved})))

    def prints(log):
        return {e: (r["partialFingerprints"]["eaFinding/v1"],
                    r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for e, r in _by_element(log).items()}

    old, new = prints(before), prints(after)
    assert {e: p for e, (p, _) in old.items()} == {e: p for e, (p, _) in new.items()}
    assert all(new[e][1] == old[e][1] + 1 for e in old)
    assert len({p for p, _ in old.values()}) == 3


def test_a_finding_without_line_or_place_falls_back(validate):
    report = handmade(
        diag("model-wide problem", file=None, element=None),
        diag("no place but an element", file=None, element="sys-b"),
        diag("placed", file="models/a b/järjestelmät.yaml", line=4, column=1),
    )
    log = json.loads(sarif.to_sarif(report, default_uri="models/first.yaml"))
    validate(log)
    results = {r["message"]["text"]: r for r in log["runs"][0]["results"]}
    wide = results["model-wide problem"]["locations"][0]
    assert wide["physicalLocation"] == {
        "artifactLocation": {"uri": "models/first.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 1}}
    assert "logicalLocations" not in wide
    assert results["no place but an element"]["locations"][0]["logicalLocations"][0][
        "fullyQualifiedName"] == "sys-b"
    placed = results["placed"]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert placed["uri"] == "models/a%20b/j%C3%A4rjestelm%C3%A4t.yaml"
    # Without default_uri: the first file a finding names.
    log = json.loads(sarif.to_sarif(report))
    validate(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]}
    assert uris == {"models/a%20b/j%C3%A4rjestelm%C3%A4t.yaml"}


def test_srcroot_makes_absolute_paths_relative(tmp_path, validate):
    inside = tmp_path / "models" / "m.yaml"
    report = handmade(diag(file=str(inside)), diag("elsewhere", file="/elsewhere/x.yaml"))
    log = json.loads(sarif.to_sarif(report, srcroot=tmp_path))
    validate(log)
    run = log["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert {"uri": "models/m.yaml", "uriBaseId": "%SRCROOT%"} in locations
    assert {"uri": "file:///elsewhere/x.yaml"} in locations


def test_unregistered_codes_still_get_a_rule_entry(validate):
    report = handmade(diag(code="ESI901", rule="own-rule"))
    log = json.loads(sarif.to_sarif(report, all_rules=False))
    validate(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["rules"] == [{"id": "ESI901", "name": "own-rule"}]
    assert run["results"][0]["ruleIndex"] == 0


def test_an_empty_report_is_valid(validate):
    log = json.loads(sarif.to_sarif(handmade()))
    validate(log)
    assert log["runs"][0]["results"] == []


def test_typed_models_reject_what_sarif_forbids():
    with pytest.raises(ValueError):
        sarif.Region(start_line=0)
    with pytest.raises(ValueError):
        sarif.Suppression(kind="comment")


def _redacted(text: str) -> str:
    data = json.loads(text)
    driver = data["runs"][0]["tool"]["driver"]
    driver["semanticVersion"] = driver["version"] = "[VERSION]"
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def test_snapshot(report, validate):
    """Only the rules with results are listed, so that new rules do not change it.
    Update with EA_UPDATE_SNAPSHOTS=1 after reviewing the diff."""
    text = _redacted(sarif.to_sarif(report, all_rules=False))
    validate(json.loads(text))
    if UPDATE or not SNAPSHOT.exists():
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8")


def test_output_is_deterministic(report):
    assert FORMATTERS["sarif"](report) == FORMATTERS["sarif"](lint_model())
    assert sarif.to_sarif(report).endswith("}\n")


def test_severity_levels_map():
    assert sarif.LEVELS == {Severity.ERROR: "error", Severity.WARNING: "warning",
                            Severity.INFO: "note"}
