"""GitHub's older log commands (`##[error]`, `##[group]` ...) act at the start of a line of
a workflow log as `::error::` does: text from a model cannot start a printed line with one."""

from __future__ import annotations

import pytest

from eaframework.diagnostics import printable

BROKEN = "apiVersion: eaframework/v1\nelements:\n  - {kind: information-system, id: s}\n"


def test_printable_neutralises_them_at_line_starts():
    assert printable("##[error]x.yaml:1:1") == "\\x23#[error]x.yaml:1:1"
    assert printable("  ##[group]a\nb") == "  \\x23#[group]a\\nb"
    assert printable("x\n##[error]a\n  ##[endgroup]\n::z", multiline=True) == (
        "x\n\\x23#[error]a\n  \\x23#[endgroup]\n\\x3a:z")


def test_printable_leaves_them_inside_a_line():
    assert printable("see ##[error] above") == "see ##[error] above"
    assert printable("a ##[b\nc ##[d", multiline=True) == "a ##[b\nc ##[d"


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_file_name_that_is_an_old_log_command_is_not_one(run_ea, tmp_path, fmt):
    (tmp_path / "##[error]pwned.yaml").write_text(BROKEN, encoding="utf-8")
    result = run_ea("lint", ".", "--format", fmt, "--no-cache", cwd=tmp_path)
    assert result.code == 1, result.err
    assert "pwned" in result.out
    for out in (result.out, result.err):
        assert not any(line.lstrip().startswith("##[") for line in out.splitlines()), out
