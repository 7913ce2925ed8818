"""Every rule's docstring is complete, its options are documented exactly, and its examples
run: the failing example triggers the rule, the passing one does not."""

from __future__ import annotations

import pytest

from eaframework.rules import docs
from eaframework.rules.registry import all_rules

from .helpers import findings

RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_docstring_sections_complete(rule):
    assert docs.problems(rule) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_failing_example_triggers_rule(rule):
    lang, text = docs.parse(rule).failing_example
    if lang != "yaml":
        assert rule.from_loader, "only loader rules may show a non-YAML example"
        pytest.skip(f"{rule.code} documents a file-level problem as text")
    found, report = findings(text, rule.code)
    assert found, f"{rule.code} did not fire on its example; got {[d.code for d in report.diagnostics]}"


@pytest.mark.parametrize("rule", [r for r in RULES if not r.from_loader], ids=lambda r: r.code)
def test_passing_example_does_not_trigger_rule(rule):
    lang, text = docs.parse(rule).passing_example
    assert lang == "yaml"
    found, _ = findings(text, rule.code)
    assert found == [], [d.message for d in found]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_metadata(rule):
    assert rule.name == rule.name.lower() and " " not in rule.name
    assert rule.group() in ("integrity", "operations", "information", "systems", "technology",
                            "crossview")
    if not rule.code.startswith("EA0"):
        assert rule.applies_to, f"{rule.code} applies to nothing"
        assert rule.enforces, f"{rule.code} names no principle or law section"


def test_codes_and_names_unique():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
