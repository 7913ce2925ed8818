"""`--format text`: grouped by file, hints with the principle, suppressed findings only on
request, the compliance table, and the summary line."""

from __future__ import annotations

from eaframework.diagnostics import Severity, Suppressed
from eaframework.lint import PrincipleResult
from eaframework.lint.formats import FORMATTERS
from eaframework.lint.formats.text import format_text, statistics_table, summary

from .helpers import MODEL, REASON, diag, handmade, lint_model

HINT = "add `owner:` with the organisation unit responsible for the operations the system serves"
TWO_FILES = {
    "b.yaml": "apiVersion: eaframework/v1\nelements:\n"
              "  - {kind: information-system, id: sys-b, name: Bee}\n",
    "a.yaml": "apiVersion: eaframework/v1\nelements:\n"
              "  - {kind: information-system, id: sys-a1, name: Aa}\n"
              "  - {kind: information-system, id: sys-a2, name: Ab}\n",
}


def test_grouped_by_file():
    out = FORMATTERS["text"](lint_model(TWO_FILES))
    assert out == (
        f"a.yaml:3:3  error  EA301  information system 'Aa' has no owner\n"
        f"    hint: {HINT} [P8]\n"
        f"a.yaml:4:3  error  EA301  information system 'Ab' has no owner\n"
        f"    hint: {HINT} [P8]\n"
        "\n"
        f"b.yaml:3:3  error  EA301  information system 'Bee' has no owner\n"
        f"    hint: {HINT} [P8]\n"
    )


def test_suppressed_hidden_unless_asked():
    report = lint_model()
    plain = format_text(report)
    assert "Palkat" not in plain and "suppressed" not in plain
    shown = format_text(report, show_suppressed=True)
    lines = shown.splitlines()
    at = lines.index("m.yaml:11:3  error  EA301  information system 'Palkat' has no owner")
    assert lines[at + 1] == f"    hint: {HINT} [P8 Omistajuus]"
    assert lines[at + 2] == (
        f"    suppressed: {REASON} (approved by Arkkitehtuuriryhmä, until 2099-01-01)")


def test_principle_without_hint_follows_the_message():
    out = format_text(handmade(diag("bad", principle="TiHL §28")))
    assert out.splitlines()[0] == "m.yaml:3:5  error  EA301  bad [TiHL §28]"


def test_compliance_table():
    out = format_text(lint_model())
    table = out[out.index("Compliance by principle"):].splitlines()
    assert table == [
        "Compliance by principle",
        "  code  name                checked  comply    %  failing",
        "  P8    Omistajuus                3       2  66%  sys-talous",
        "  P6    Avoimet rajapinnat        1       0   0%  sys-vaka",
        "  P6: unknown rules EA999",
    ]


def test_compliance_table_shortens_long_failing_lists():
    report = handmade()
    report.principles = [
        PrincipleResult("pr-a", None, "Kaikki", ["EA301"], 8,
                        [(f"sys-{i}", f"S{i}") for i in range(7)]),
        PrincipleResult("pr-b", "P2", "Tyhjä", [], 0, []),
    ]
    table = format_text(report).splitlines()
    assert table[2] == (
        "  pr-a  Kaikki        8       1  12%  sys-0, sys-1, sys-2, sys-3, sys-4 and 2 more")
    assert table[3] == "  P2    Tyhjä         0       0    -  (no enforcing rule ran)"


def test_colour_only_when_asked():
    report = lint_model()
    assert "\x1b[" not in format_text(report, show_suppressed=True)
    coloured = format_text(report, colour=True)
    assert "\x1b[31m" in coloured  # red errors
    assert format_text(report) == format_text(lint_model())  # deterministic


def test_no_findings_and_no_principles_is_empty():
    clean = "apiVersion: eaframework/v1\nelements:\n  - {kind: service, id: svc-a, name: A}\n"
    assert format_text(lint_model({"m.yaml": clean})) == ""


def test_summary():
    assert summary(lint_model()) == "2 problems (2 errors) in 1 file, 6 elements; 1 suppressed"
    clean = MODEL.replace("sourcing: procured", "sourcing: custom").replace(
        "name: Talous}", "name: Talous, owner: ou-konserni}")
    assert summary(lint_model({"m.yaml": clean})) == (
        "no problems in 1 file, 6 elements; 1 suppressed")
    report = handmade(diag(), diag(severity=Severity.WARNING), diag(severity=Severity.WARNING))
    report.files, report.elements = 2, 1
    assert summary(report) == "3 problems (1 error, 2 warnings) in 2 files, 1 element"


def test_statistics_table():
    assert statistics_table(lint_model()).splitlines() == [
        "findings  suppressed  code   name                            severity  checked",
        "       1           1  EA301  system-has-owner                error           3",
        "       1           0  EA306  procured-system-open-interface  error           1",
    ]
    assert statistics_table(handmade()) == "no findings"
    only_suppressed = handmade(diag(suppressed=Suppressed("inSource", "long enough reason")))
    assert "EA301" in statistics_table(only_suppressed)
