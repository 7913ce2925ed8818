"""One gate for every command: the verdict on a model (`eaframework.lint.gate`) and the one
exit-code policy of the CLI (unusable input 2, integrity errors 1), and `wrote PATH` for
every file a command writes."""

from __future__ import annotations

import pytest

from eaframework.diagnostics import Diagnostic, Location, Severity, Suppressed
from eaframework.lint.gate import Use, Verdict, fitness
from tests.conftest import REPO

SAMPLE = REPO / "models" / "esimerkkila"
HEADER = "apiVersion: eaframework/v1\n"
UNREADABLE = HEADER + "elements:\n  - {kind: process, id: prc-a, name: A\n"
BROKEN = HEADER + "elements:\n  - {kind: process, id: prc-a, name: A, owner: ou-gone}\n"
FIT = HEADER + "elements:\n  - {kind: process, id: prc-a, name: A}\n"

# Every command that reads a model to make something from it: (before PATH, after PATH).
COMMANDS = {
    "render": (["render"], ["--format", "dot", "--out-dir", "out"]),
    "views": (["views"], []),
    "report": (["report"], ["--no-diagrams", "-o", "out/r.html"]),
    "publish": (["publish", "tiedonhallintamalli"], ["-o", "out"]),
    "export archimate": (["export", "archimate"], ["--no-views", "-o", "out/x.xml"]),
    "export csv": (["export", "csv"], ["-o", "out"]),
    "impact": (["impact", "prc-a"], []),
}


def _diag(code: str, severity=Severity.ERROR, suppressed=None) -> Diagnostic:
    return Diagnostic(code=code, message="m", severity=severity,
                      location=Location("m.yaml", 1, 1), suppressed=suppressed)


def test_fatal_codes_make_a_model_unusable_for_every_use():
    for use in Use:
        found = fitness([_diag("EA007"), _diag("EA002")], use)
        assert found.verdict is Verdict.UNUSABLE and [d.code for d in found.blocking] == ["EA002"]


def test_integrity_errors_stop_outputs_but_not_checks():
    assert fitness([_diag("EA007")], Use.OUTPUT).verdict is Verdict.BROKEN
    assert fitness([_diag("EA007")], Use.CHECK).fit
    waived = Suppressed(kind="inline", reason="r")
    for harmless in (_diag("EA007", Severity.WARNING), _diag("EA007", suppressed=waived),
                     _diag("EA301")):
        assert fitness([harmless]).fit, harmless


def _run(run_ea, tmp_path, command: str, model: str):
    (tmp_path / "m.yaml").write_text(model, encoding="utf-8")
    before, after = COMMANDS[command]
    return run_ea("--no-config", *before, "m.yaml", *after, cwd=tmp_path)


@pytest.mark.parametrize("command", COMMANDS)
def test_unusable_input_exits_2_for_every_command(run_ea, tmp_path, command):
    result = _run(run_ea, tmp_path, command, UNREADABLE)
    assert result.code == 2, result.err
    assert result.err.splitlines() == [
        "m.yaml:3:5  error  EA002  invalid YAML: unclosed bracket '{'",
        "error: the model cannot be read; nothing written",
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_integrity_errors_exit_1_for_every_command(run_ea, tmp_path, command):
    result = _run(run_ea, tmp_path, command, BROKEN)
    assert result.code == 1, result.err
    assert "m.yaml:3:" in result.err and "EA007" in result.err
    assert "error: the model has 1 integrity error; fix them " in result.err
    assert not (tmp_path / "out").exists()


def test_a_fit_model_goes_through(run_ea, tmp_path):
    result = _run(run_ea, tmp_path, "impact", FIT)
    assert result.code == 0, result.err


# Every command that writes a file, and the file it writes (relative to the working folder).
WRITERS = [
    (["impact", "sys-asianhallinta", SAMPLE, "-o", "impact.txt"], "impact.txt"),
    (["impact", "sys-asianhallinta", SAMPLE, "--format", "dot", "-o", "i.dot"], "i.dot"),
    (["lint", SAMPLE, "--format", "json", "-o", "lint.json"], "lint.json"),
    (["diff", SAMPLE, SAMPLE, "--no-lint", "-o", "diff.md"], "diff.md"),
    (["report", SAMPLE, "--no-diagrams", "-o", "r.html"], "r.html"),
    (["publish", "tiedonhallintamalli", SAMPLE, "--format", "md", "-o", "out"],
     "out/tiedonhallintamalli.md"),
    (["export", "archimate", SAMPLE, "--no-views", "-o", "x.xml"], "x.xml"),
    (["export", "csv", SAMPLE, "-o", "csv"], "csv/elements.csv"),
    (["schema", "-o", "s.json"], "s.json"),
]


@pytest.mark.parametrize(("args", "written"), WRITERS, ids=[w for _, w in WRITERS])
def test_every_command_that_writes_says_wrote_path(run_ea, tmp_path, args, written):
    result = run_ea("--no-config", *args, cwd=tmp_path)
    assert result.code in (0, 1), result.err  # lint and diff may have findings
    assert f"wrote {written}" in result.err.splitlines()
    assert (tmp_path / written).is_file()
