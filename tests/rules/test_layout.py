"""A rule, its module, its test cases and its doc page line up by code (the convention in
eaframework.rules): `rules/<group>/ea<NNN>_<name>.py`, `tests/rules/cases/EA<NNN>.yaml`,
`docs/rules/EA<NNN>.md`."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import yaml

import eaframework.rules
from eaframework.rules.registry import REGISTRY, all_rules

PACKAGE = Path(eaframework.rules.__file__).parent
REPO = Path(__file__).resolve().parents[2]
BUILT_IN = [r for r in all_rules() if r.__module__.startswith("eaframework.rules.")]
GROUPS = ("integrity", "operations", "information", "systems", "technology", "crossview")


def module_for(rule) -> str:
    return f"eaframework.rules.{rule.group()}.{rule.code.lower()}_{rule.name.replace('-', '_')}"


@pytest.mark.parametrize("rule", BUILT_IN, ids=lambda r: r.code)
def test_rule_lives_in_the_module_named_by_its_code_and_name(rule):
    assert rule.__module__ == module_for(rule)


@pytest.mark.parametrize("rule", BUILT_IN, ids=lambda r: r.code)
def test_rule_has_its_doc_page(rule):
    assert (REPO / "docs" / "rules" / f"{rule.code}.md").is_file()


def test_every_rule_module_registers_its_rule():
    """A module left out of its group's `__init__` would never register: import each file
    and find its rule in the registry."""
    for group in GROUPS:
        for path in sorted((PACKAGE / group).glob("ea[0-9][0-9][0-9]_*.py")):
            module = importlib.import_module(f"eaframework.rules.{group}.{path.stem}")
            code = path.stem[:5].upper()
            assert code in REGISTRY, f"{path.name} registers no {code}"
            assert REGISTRY[code].__module__ == module.__name__
    assert {r.group() for r in BUILT_IN} == set(GROUPS)


def test_case_files_are_named_by_the_code_of_their_rule():
    for path in (REPO / "tests" / "rules" / "cases").glob("*.yaml"):
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))["rule"]
        assert path.stem == rule and rule in REGISTRY, f"{path.name} holds cases of {rule}"


def test_no_rules_module_over_300_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    assert long == {}
