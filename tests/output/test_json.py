"""`--format json`: every finding with its suppression, per-rule and per-principle results."""

from __future__ import annotations

import json

import pytest

from eaframework import __version__
from eaframework.lint.formats import FORMATTERS

from .helpers import MODEL, REASON, line_of, lint_model

FIELDS = {"code", "rule", "severity", "message", "hint", "file", "line", "column", "element",
          "field", "principle", "suppressed"}


@pytest.fixture(scope="module")
def text() -> str:
    return FORMATTERS["json"](lint_model())


@pytest.fixture(scope="module")
def data(text) -> dict:
    return json.loads(text)


def test_summary_counts(data):
    assert data["version"] == __version__
    assert data["summary"] == {"error": 2, "warning": 0, "info": 0, "suppressed": 1,
                               "files": 1, "elements": 6}


def test_findings(data):
    findings = data["findings"]
    assert [f["element"] for f in findings] == ["sys-talous", "sys-vaka", "sys-palkat"]
    assert all(set(f) == FIELDS for f in findings)
    assert findings[0] == {
        "code": "EA301", "rule": "system-has-owner", "severity": "error",
        "message": "information system 'Talous' has no owner",
        "hint": "add `owner:` with the organisation unit responsible for the operations the "
                "system serves",
        "file": "m.yaml", "line": line_of(MODEL, "id: sys-talous"), "column": 3,
        "element": "sys-talous", "field": None, "principle": "P8 Omistajuus",
        "suppressed": None,
    }
    assert findings[2]["suppressed"] == {"kind": "inSource", "reason": REASON,
                                         "approved_by": "Arkkitehtuuriryhmä",
                                         "expires": "2099-01-01"}


def test_rules(data):
    assert data["rules"] == [
        {"code": "EA301", "name": "system-has-owner", "severity": "error", "checked": 3,
         "findings": 1, "suppressed": 1},
        {"code": "EA306", "name": "procured-system-open-interface", "severity": "error",
         "checked": 1, "findings": 1, "suppressed": 0},
    ]


def test_principle_compliance(data):
    assert data["principles"] == [
        {"id": "pr-omistaja", "code": "P8", "name": "Omistajuus", "rules": ["EA301"],
         "checked": 3, "comply": 2, "failing": [{"id": "sys-talous", "name": "Talous"}],
         "unknown_rules": []},
        {"id": "pr-avoin", "code": "P6", "name": "Avoimet rajapinnat", "rules": ["EA306"],
         "checked": 1, "comply": 0,
         "failing": [{"id": "sys-vaka", "name": "Varhaiskasvatus"}],
         "unknown_rules": ["EA999"]},
    ]


def test_sorted_indented_utf8_and_deterministic(text):
    assert text.startswith('{\n  "findings": [\n')
    assert "Arkkitehtuuriryhmä" in text  # not \u00e4
    assert text == FORMATTERS["json"](lint_model())
    keys = list(json.loads(text))
    assert keys == sorted(keys)

