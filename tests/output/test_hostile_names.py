"""Text outputs of `ea lint` in a hostile pull request: a file name or a message cannot
write a workflow command into a GitHub Actions log, nor act on a terminal."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from eaframework.diagnostics import printable
from eaframework.lint.formats import FORMATTERS

from .helpers import diag, handmade

EVIL_FILE = "a\n::error file=x::pwned.yaml"
BROKEN = "apiVersion: eaframework/v1\nelements:\n  - {kind: information-system, id: s}\n"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _no_command(out: str) -> None:
    assert not any(line.lstrip().startswith("::error file=x") for line in out.splitlines())


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_file_name_with_a_newline_writes_no_workflow_command(run_ea, tmp_path, fmt):
    models = tmp_path / "models"
    models.mkdir()
    (models / EVIL_FILE).write_text(BROKEN, encoding="utf-8")
    result = run_ea("lint", models, "--format", fmt, "--no-cache", cwd=tmp_path)
    assert result.code == 1, result.err
    assert "pwned" in result.out  # the finding is there, its file name escaped
    _no_command(result.out)
    _no_command(result.err)


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_file_name_that_is_a_command_is_not_one(run_ea, tmp_path, fmt):
    (tmp_path / "::error file=x::pwned.yaml").write_text(BROKEN, encoding="utf-8")
    result = run_ea("lint", ".", "--format", fmt, "--no-cache", cwd=tmp_path)
    assert result.code == 1, result.err
    assert "pwned" in result.out
    _no_command(result.out)


HOSTILE = "bad\x1b[2J\x1b]8;;http://x\x07link\r\u202eevil\x00\x7f\x9b"


@pytest.mark.parametrize("fmt", ["text", "github", "junit"])
def test_control_characters_in_messages_and_files_are_shown_escaped(fmt):
    report = handmade(diag(HOSTILE, hint=HOSTILE, file=f"m{HOSTILE}.yaml"))
    out = FORMATTERS[fmt](report)
    assert not RAW.search(out.replace("\n", "").replace("\t", ""))
    assert "\\x1b[2J" in out
    if fmt == "junit":
        ET.fromstring(out.encode())  # well-formed


def test_junit_is_well_formed_whatever_a_name_holds():
    everything = "".join(map(chr, range(0x20))) + "\ud800\ufffe\uffff\x7f\x85"
    report = handmade(diag(everything, file=everything, element=everything))
    ET.fromstring(FORMATTERS["junit"](report).encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_formats_escape_control_characters_themselves(fmt):
    report = handmade(diag(HOSTILE))
    out = FORMATTERS[fmt](report)
    assert not RAW.search(out.replace("\n", ""))


def test_printable():
    assert printable("ok: Käyttö 1\u00a0000\u00a0€ 👍") == "ok: Käyttö 1\u00a0000\u00a0€ 👍"
    assert printable("a\x1b[31mb\rc\nd\te\u202ef\u2028\x9b\x7f") == (
        "a\\x1b[31mb\\rc\\nd\\te\\u202ef\\u2028\\x9b\\x7f")
    assert printable("a\nb\tc\r", multiline=True) == "a\nb\tc\\r"
    assert printable("x\n  ::error::y\n::z", multiline=True) == "x\n  \\x3a:error::y\n\\x3a:z"
    assert printable("a::b") == "a::b"
