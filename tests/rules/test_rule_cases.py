"""Rule cases as data (sqlfluff style): tests/rules/cases/EAxxx.yaml holds named cases,
each with a model that must (`fail`) or must not (`pass`) trigger the rule, optional rule
options, and for failing cases the expected findings (element, field, words in the
message)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eaframework.rules.registry import all_rules

from .helpers import findings

CASES = Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASES.glob("EA*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rule = data.pop("rule")
        for name, case in data.items():
            yield pytest.param(rule, case, id=f"{path.stem}-{name}")


@pytest.mark.parametrize("rule,case", list(_cases()))
def test_case(rule, case):
    text = yaml.safe_dump(case.get("fail") or case.get("pass"), allow_unicode=True,
                          sort_keys=False)
    found, report = findings(text, rule, case.get("options"))
    if "pass" in case:
        assert found == [], [d.message for d in found]
        return
    expected = case.get("expect", [{}])
    assert len(found) == len(expected), [d.message for d in found]
    for diag, want in zip(sorted(found, key=lambda d: (d.element or "", d.message)), expected):
        if "element" in want:
            assert diag.element == want["element"]
        if "field" in want:
            assert diag.field == want["field"]
        for words in want.get("message-contains", []):
            assert words in diag.message
        assert diag.location is not None and diag.location.line >= 1


def test_every_engine_rule_has_cases():
    have = {p.stem for p in CASES.glob("EA*.yaml")}
    missing = [r.code for r in all_rules() if not r.from_loader and r.applies_to
               and r.code not in have]
    assert missing == []
