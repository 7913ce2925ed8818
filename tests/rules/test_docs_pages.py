"""docs/rules/ is generated from the rules' code; CI fails when it is stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from eaframework.rules import docs
from eaframework.rules.registry import all_rules

REPO = Path(__file__).resolve().parents[2]


def test_docs_rules_pages_are_current():
    proc = subprocess.run(
        [sys.executable, "-m", "eaframework", "--no-config", "rules", "--format", "markdown",
         "--output", "docs/rules", "--check"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr + "\nregenerate with `make docs`"


def test_rule_command_prints_the_same_page_as_docs():
    rule = all_rules()[-1]
    proc = subprocess.run([sys.executable, "-m", "eaframework", "rule", rule.name],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout.rstrip("\n") == docs.render_markdown(rule).rstrip("\n")
    assert proc.stdout == (REPO / "docs" / "rules" / f"{rule.code}.md").read_text(
        encoding="utf-8") + "\n"


def test_rules_json_lists_every_rule_with_its_options():
    import json

    proc = subprocess.run([sys.executable, "-m", "eaframework", "--no-config", "rules",
                           "--format", "json"], cwd=REPO, capture_output=True, text=True,
                          timeout=60)
    listed = {r["code"]: r for r in json.loads(proc.stdout)}
    assert set(listed) == {r.code for r in all_rules()}
    for rule in all_rules():
        assert listed[rule.code]["options"] == docs.option_names(rule)
        assert listed[rule.code]["summary"] == docs.parse(rule).summary


def test_unknown_rule_gets_did_you_mean():
    proc = subprocess.run([sys.executable, "-m", "eaframework", "rule", "system-has-ownr"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "did you mean 'system-has-owner'?" in proc.stderr
