"""`ea fmt`: one canonical form, comments kept, nothing the loader sees changed."""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter

import pytest
from click.testing import CliRunner

from eaframework.cli import main
from eaframework.loader import load_texts
from eaframework.modelfile import FormatError, format_text

from tests.conftest import REPO

SAMPLE = REPO / "models" / "esimerkkila"

QUIRKS = """\
# yaml-language-server: $schema=../schema/eaframework.schema.json
apiVersion: eaframework/v1
elements:
    # --- Systems ---
    -   id: sys-a
        name: {en: System A, fi: Järjestelmä A}
        kind: information-system
        # the owner moved in 2024
        owner: ou-a   # keep this note
        contract:
            ends: 2027-12-31
            reference: 'R-1'
        lifecycle: {start: 2020-01-01, phase: in-production}
        vendor: 'yes'
        description: >-
          Folded text
          # that is not a comment
        supports:
        - prc-a
        - prc-b
        x-note: kept last
    -   kind: process
        name: P
        id: prc-a
metadata: {organisation: Kaupunki, version: '2025.2'}
"""

CANONICAL = """\
# yaml-language-server: $schema=../schema/eaframework.schema.json
apiVersion: eaframework/v1
metadata: {organisation: Kaupunki, version: "2025.2"}
elements:
  # --- Systems ---
  - kind: information-system
    id: sys-a
    name: {fi: Järjestelmä A, en: System A}
    description: >-
      Folded text
      # that is not a comment
    lifecycle: {phase: in-production, start: 2020-01-01}
    # the owner moved in 2024
    owner: ou-a       # keep this note
    vendor: "yes"
    contract:
      reference: R-1
      ends: 2027-12-31
    supports:
      - prc-a
      - prc-b
    x-note: kept last
  - kind: process
    id: prc-a
    name: P
"""


def test_canonical_form():
    """kind, id, name, then the declared order (description, lifecycle ... owner ...
    contract, supports), unknown keys last; nested mappings in declared order; 2-space
    indentation with lists under their key; double quotes only where needed, also for
    text a YAML 1.1 reader would take for a boolean; comments moved with their key and
    indented like it."""
    assert format_text(QUIRKS) == CANONICAL
    assert format_text(CANONICAL) == CANONICAL


def test_line_endings_and_final_newline():
    text = CANONICAL.replace("\n", "\r\n").rstrip("\r\n")
    assert format_text(text) == CANONICAL


def comments(text: str) -> Counter:
    return Counter(line.strip() for line in text.splitlines() if line.strip().startswith("#"))


def loaded(texts: dict[str, str]):
    result = load_texts(texts)
    return (
        [e.model_dump() for e in result.model],
        sorted((r.type, r.source, r.target, r.field, r.description)
               for r in result.model.relations),
        result.model.metadata,
        sorted((d.code, d.element or "", d.message) for d in result.diagnostics),
    )


def test_the_sample_formats_without_loss_and_then_passes_check(tmp_path):
    copy = tmp_path / "esimerkkila"
    shutil.copytree(SAMPLE, copy)
    before = {p.name: p.read_text(encoding="utf-8") for p in sorted(copy.glob("*.yaml"))}
    runner = CliRunner()
    first = runner.invoke(main, ["--no-config", "fmt", str(copy)])
    assert first.exit_code == 0, first.output
    after = {p.name: p.read_text(encoding="utf-8") for p in sorted(copy.glob("*.yaml"))}
    assert loaded(after) == loaded(before)
    for name in before:
        assert comments(after[name]) == comments(before[name]), name
        assert after[name].splitlines()[0] == before[name].splitlines()[0]  # the schema line
    check = runner.invoke(main, ["--no-config", "fmt", "--check", str(copy)])
    assert check.exit_code == 0, check.output
    assert "0 file(s) would be reformatted, 5 already formatted" in check.output


def test_check_and_diff_write_nothing(run_ea, tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "a.yaml").write_text(QUIRKS, encoding="utf-8")
    (folder / "b.yaml").write_text(CANONICAL.replace("sys-a", "sys-b").replace("prc-a", "prc-b"),
                                   encoding="utf-8")
    code, out, err = run_ea("--no-config", "fmt", "--check", str(folder))
    assert code == 1 and out == ""
    assert f"would reformat {folder / 'a.yaml'}" in err
    assert "1 file(s) would be reformatted, 1 already formatted" in err
    code, out, err = run_ea("--no-config", "fmt", "--diff", str(folder))
    assert code == 0
    assert out.startswith(f"--- a/{folder / 'a.yaml'}\n+++ b/{folder / 'a.yaml'}\n")
    assert "-    -   id: sys-a\n" in out and "+  - kind: information-system\n" in out
    assert (folder / "a.yaml").read_text(encoding="utf-8") == QUIRKS
    code, _, err = run_ea("--no-config", "fmt", str(folder))
    assert code == 0 and f"reformatted {folder / 'a.yaml'}" in err
    assert (folder / "a.yaml").read_text(encoding="utf-8") == CANONICAL


@pytest.mark.parametrize(("text", "expected"), [
    ("apiVersion: eaframework/v1\nelements: [\n", "EA002 invalid YAML"),
    ("apiVersion: eaframework/v1\napiVersion: eaframework/v1\n",
     "EA004 duplicate key 'apiVersion'"),
    ("just: a mapping\n", "EA003 not a model file"),
    ("apiVersion: eaframework/v1\n# \x00\n", "EA001 file contains a NUL byte"),
])
def test_files_the_loader_cannot_use_are_refused_and_nothing_is_written(run_ea, tmp_path, text,
                                                                        expected):
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "good.yaml").write_text(QUIRKS, encoding="utf-8")
    (folder / "z-bad.yaml").write_text(text, encoding="utf-8")
    code, out, err = run_ea("--no-config", "fmt", str(folder))
    assert code == 2 and out == ""
    assert re.search(rf"^error: {re.escape(str(folder / 'z-bad.yaml'))}:\d+:\d+: "
                     rf"{re.escape(expected)}", err, re.MULTILINE), err
    assert "error: 1 file(s) cannot be formatted; nothing was written" in err
    assert (folder / "good.yaml").read_text(encoding="utf-8") == QUIRKS
    assert "Traceback" not in err


def test_a_failed_write_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "a.yaml"
    path.write_text(QUIRKS, encoding="utf-8")

    def disk_full(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    result = CliRunner().invoke(main, ["--no-config", "fmt", str(path)])
    assert result.exit_code == 2
    assert "cannot write" in result.output and "No space left on device" in result.output
    assert path.read_text(encoding="utf-8") == QUIRKS
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]  # no temporary file left


def test_refuses_rather_than_change_the_data():
    # An anchor whose alias would come first once the keys are sorted: the result would
    # not be YAML with the same data, so the file is left alone.
    text = ("apiVersion: eaframework/v1\nelements:\n  - id: prc-a\n    name: &n Nimi\n"
            "    kind: process\n    description: *n\n")
    try:
        formatted = format_text(text, "a.yaml")
    except FormatError as exc:
        assert exc.location.file == "a.yaml"
    else:
        assert loaded({"a.yaml": formatted}) == loaded({"a.yaml": text})


def test_model_with_invalid_elements_is_still_formatted(tmp_path):
    # Not fatal for the loader (EA005): formatting is safe, and unknown keys go last.
    text = ("apiVersion: eaframework/v1\nelements:\n  - nme: typo\n    id: prc-a\n"
            "    kind: process\n    name: A\n")
    formatted = format_text(text)
    assert formatted == ("apiVersion: eaframework/v1\nelements:\n  - kind: process\n"
                         "    id: prc-a\n    name: A\n    nme: typo\n")
    (problem,) = load_texts({"a.yaml": formatted}).diagnostics  # still reported
    assert problem.code == "EA005" and "unknown key 'nme'" in problem.message
