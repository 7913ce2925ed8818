"""`ea schema`: the JSON Schema editors use. It must accept what the loader accepts (the
sample models, generated models) and reject what it rejects (unknown keys, bad kinds)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator

from eaframework.modelfile import write as writer
from eaframework.model.fileformat import json_schema
from tests.conftest import REPO
from tests.test_roundtrip import models

MODELS = REPO / "models"


def plain(data):
    """YAML data as JSON sees it: dates (which PyYAML makes objects) as ISO strings."""
    if isinstance(data, dict):
        return {str(k): plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    if isinstance(data, (dt.date, dt.datetime)):
        return data.isoformat()
    return data


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(json_schema())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors(validator, data) -> list[str]:
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in validator.iter_errors(plain(data)))


def test_ea_schema_writes_valid_json(run_ea, tmp_path):
    target = tmp_path / "out" / "eaframework.schema.json"
    result = run_ea("schema", "-o", target, cwd=tmp_path)
    assert result.code == 0, result.err
    assert result.err.strip() == f"wrote {target}"
    assert result.out == ""
    schema = json.loads(target.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "eaframework model file"
    assert schema["required"] == ["apiVersion"]
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == {"apiVersion", "metadata", "elements", "relations"}
    mapping = schema["properties"]["elements"]["items"]["discriminator"]["mapping"]
    from eaframework.model import KINDS

    assert set(mapping) == set(KINDS)
    # kebab-case keys, as files are written
    assert "runs-on" in schema["$defs"]["InformationSystem"]["properties"]
    assert "runs_on" not in schema["$defs"]["InformationSystem"]["properties"]
    # stable: the same text as the library gives, and the same on stdout with `-o -`
    assert target.read_text(encoding="utf-8") == json_schema()
    stdout = run_ea("schema", "-o", "-", cwd=tmp_path)
    assert (stdout.code, stdout.out) == (0, json_schema())


def sample_files() -> list[Path]:
    return sorted(p for p in MODELS.rglob("*") if p.suffix in (".yaml", ".yml"))


def test_schema_accepts_every_sample_model_file(validator):
    files = sample_files()
    if not files:
        pytest.skip(f"no .yaml files under {MODELS} yet")
    problems = {}
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not (isinstance(data, dict) and "apiVersion" in data):
            continue  # e.g. a view or configuration file next to the model
        found = errors(validator, data)
        if found:
            problems[str(path.relative_to(REPO))] = found[:5]
    assert problems == {}


GOOD = {
    "apiVersion": "eaframework/v1",
    "metadata": {"organisation": "Esimerkkilä", "approved-on": dt.date(2025, 1, 1)},
    "elements": [
        {"kind": "organisation-unit", "id": "org-a", "name": "Hallinto"},
        {"kind": "information-system", "id": "sys-a", "name": {"fi": "A", "en": "A"},
         "owner": "org-a", "runs-on": ["plat-a"], "cost-allocation": {"org-a": 100},
         "lifecycle": {"phase": "in-production", "start": dt.date(2020, 5, 1)}},
        {"kind": "integration", "id": "int-a", "name": "Siirto", "source": "sys-a",
         "target": "sys-a", "method": "api"},
    ],
    "relations": [{"type": "associated-with", "source": "sys-a", "target": "org-a"}],
}


def test_schema_accepts_a_valid_file(validator):
    assert errors(validator, GOOD) == []


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["elements"][1].update({"ownr": "org-a"}), "elements/1"),
        (lambda d: d["elements"][1].update({"runs_on": ["plat-a"]}), "elements/1"),
        (lambda d: d["elements"][1]["lifecycle"].update({"begin": "2020"}), "elements/1"),
        (lambda d: d.update({"element": []}), ""),
        (lambda d: d["metadata"].update({"organisaton": "x"}), "metadata"),
        (lambda d: d["relations"][0].update({"kind": "x"}), "relations/0"),
    ],
    ids=["element", "snake-case", "nested", "top-level", "metadata", "relation"],
)
def test_schema_rejects_unknown_keys(validator, change, where):
    data = json.loads(json.dumps(plain(GOOD)))
    change(data)
    found = errors(validator, data)
    assert found, "unknown key accepted"
    # jsonschema does not use the OpenAPI discriminator: an element's error is the oneOf's
    assert any(f.startswith(f"{where}: ") for f in found), found
    assert all(f.startswith(where) for f in found), found


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["elements"][0].update({"kind": "servce"}),
        lambda d: d["elements"][0].pop("kind"),
        lambda d: d["elements"][1].update({"sourcing": "saass"}),
        lambda d: d["elements"][0].update({"id": "Org_A"}),
        lambda d: d["elements"][2].pop("source"),
        lambda d: d["elements"][0].update({"name": {"en": "no Finnish"}}),
        lambda d: d.update({"apiVersion": "eaframework/v2"}),
        lambda d: d.pop("apiVersion"),
    ],
    ids=["bad-kind", "no-kind", "bad-enum", "bad-id", "missing-required", "no-fi",
         "api-version", "no-api-version"],
)
def test_schema_rejects_invalid_values(validator, change):
    data = json.loads(json.dumps(plain(GOOD)))
    change(data)
    assert errors(validator, data), "invalid file accepted"


def test_schema_rejects_a_bad_kind_naming_the_discriminator(validator):
    data = json.loads(json.dumps(plain(GOOD)))
    data["elements"][0]["kind"] = "servce"
    found = errors(validator, data)
    assert found and all(f.startswith("elements/0") for f in found)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.filter_too_much])
@given(generated=models())
def test_schema_accepts_every_generated_model(validator, generated):
    elements, listed, metadata = generated
    data = yaml.safe_load(writer.dump_file(elements, listed, metadata))
    assert errors(validator, data) == []


def test_committed_schema_is_current():
    """models/schema/eaframework.schema.json is what the sample files point editors at;
    it must be what `ea schema` writes now."""
    from pathlib import Path

    from eaframework.model.fileformat import json_schema

    committed = Path(__file__).resolve().parents[1] / "models" / "schema" / "eaframework.schema.json"
    assert committed.read_text(encoding="utf-8") == json_schema(), "run `ea schema`"
    first_lines = {p.read_text(encoding="utf-8").splitlines()[0]
                   for p in committed.parents[1].glob("esimerkkila/*.yaml")}
    assert first_lines == {"# yaml-language-server: $schema=../schema/eaframework.schema.json"}
