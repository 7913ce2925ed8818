"""`--format junit`: a testsuite per rule that ran, a testcase per finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from eaframework.lint.formats import FORMATTERS

from .helpers import MODEL, REASON, diag, handmade, lint_model


def _parse(report) -> ET.Element:
    text = FORMATTERS["junit"](report)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def _counts(node: ET.Element) -> dict[str, int]:
    return {k: int(node.get(k)) for k in ("tests", "failures", "errors", "skipped")}


def test_suites_cases_and_counts():
    root = _parse(lint_model())
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["EA301 system-has-owner", "EA306 procured-system-open-interface"]
    owner = suites["EA301 system-has-owner"]
    assert _counts(owner) == {"tests": 2, "failures": 1, "errors": 0, "skipped": 1}
    assert _counts(suites["EA306 procured-system-open-interface"]) == {
        "tests": 1, "failures": 1, "errors": 0, "skipped": 0}
    assert _counts(root) == {"tests": 3, "failures": 2, "errors": 0, "skipped": 1}
    for suite in root.findall("testsuite"):  # the numbers agree with the content
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
        assert int(suite.get("skipped")) == len(suite.findall("testcase/skipped"))


def test_failure_and_skipped_content():
    root = _parse(lint_model())
    failure = root.find("testsuite[@name='EA301 system-has-owner']/testcase/failure")
    assert failure.get("message") == "information system 'Talous' has no owner"
    assert failure.get("type") == "error"
    line = MODEL[: MODEL.index("id: sys-talous")].count("\n") + 1
    assert failure.text.splitlines() == [
        f"m.yaml:{line}:3",
        "hint: add `owner:` with the organisation unit responsible for the operations the "
        "system serves",
        "principle: P8 Omistajuus",
    ]
    skipped = root.find("testsuite/testcase/skipped")
    assert skipped.get("message") == (
        f"suppressed: {REASON} (approved by Arkkitehtuuriryhmä, until 2099-01-01)")


def test_a_clean_rule_has_one_passing_case():
    clean = MODEL.replace("sourcing: procured", "sourcing: custom")
    root = _parse(lint_model({"m.yaml": clean}))
    suite = root.find("testsuite[@name='EA306 procured-system-open-interface']")
    assert _counts(suite) == {"tests": 1, "failures": 0, "errors": 0, "skipped": 0}
    (case,) = suite.findall("testcase")
    assert list(case) == []
    assert _counts(root) == {"tests": 3, "failures": 1, "errors": 0, "skipped": 1}


def test_findings_of_rules_not_in_the_run_get_a_suite():
    report = handmade(diag(code="EA007", rule="unknown-reference", message="a, b: c\nd"),
                      diag(code="EA007", rule="unknown-reference", message="x\x01y"))
    root = _parse(report)
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "EA007 unknown-reference"
    assert _counts(suite) == {"tests": 2, "failures": 2, "errors": 0, "skipped": 0}
    messages = [f.get("message") for f in suite.iter("failure")]
    # control characters shown escaped (XML 1.0 forbids them), newline kept
    assert messages == ["a, b: c\nd", "x\\x01y"]
