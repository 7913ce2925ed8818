"""The `ea` command line: version, `ea lint` output format, exit codes and the result cache."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

import eaframework
from tests.conftest import findings, integrity, position

TODAY = dt.date.today().isoformat()
CLEAN = f"""\
apiVersion: eaframework/v1
metadata:
  organisation: Esimerkkilän kaupunki
  approved-by: Kaupunginhallitus
  approved-on: {TODAY}
  last-reviewed: {TODAY}
elements:
  - kind: organisation-unit
    id: org-kunta
    name: Esimerkkilän kaupunki
  - kind: organisation-unit
    id: org-hallinto
    name: {{fi: Hallinto, en: Administration}}
    part-of: org-kunta
"""
BROKEN = CLEAN.replace("part-of: org-kunta", "part-of: org-kunt\n    colour: blue")
SUMMARY = re.compile(
    r"^(?P<total>\d+) problems? \((?P<parts>[^)]*)\) in (?P<files>\d+) files?, "
    r"(?P<elements>\d+) elements?$"
)


def summary_of(err: str) -> dict:
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines, "no summary on stderr"
    match = SUMMARY.match(lines[-1])
    assert match, lines[-1]
    counts = {}
    for part in match["parts"].split(", "):
        number, word = part.split(" ")
        counts[word.rstrip("s")] = int(number)
    return {"total": int(match["total"]), "files": int(match["files"]),
            "elements": int(match["elements"]), **counts}


def test_version(run_ea):
    result = run_ea("--version")
    assert result.code == 0
    assert result.out.strip() == f"ea, version {eaframework.__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+", eaframework.__version__)


def test_help_lists_lint_and_schema(run_ea):
    result = run_ea("--help")
    assert result.code == 0
    assert re.search(r"^\s+lint\s", result.out, re.MULTILINE)
    assert re.search(r"^\s+schema\s", result.out, re.MULTILINE)


def test_unknown_command_is_a_usage_error(run_ea):
    result = run_ea("lnt")
    assert result.code == 2
    assert "No such command 'lnt'" in result.err
    assert "Traceback" not in result.err


# -- exit codes and the text format -----------------------------------------------------------
def test_clean_model_exit_0(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"malli/m.yaml": CLEAN})
    result = run_ea("lint", "malli", cwd=tmp_path)
    assert result.code == 0, (result.out, result.err)
    assert result.out == ""
    assert re.fullmatch(r"no problems in 1 files?, 2 elements", result.err.strip()), result.err


def test_findings_exit_1_in_text_format(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"malli/m.yaml": BROKEN})
    result = run_ea("lint", "malli", "--no-color", cwd=tmp_path)
    assert result.code == 1, (result.out, result.err)
    # stdout: findings only, in the documented shape
    found = findings(result.out)
    out_lines = [ln for ln in result.out.splitlines() if ln.startswith("malli/m.yaml")]
    assert [ln for ln in out_lines if "  EA0" in ln] == [
        f"malli/m.yaml:{position(BROKEN, 'colour')[0]}:5  error  EA005  unknown key "
        "'colour' in organisation-unit 'org-hallinto'",
    ]
    # the invalid element's references are not checked: no EA007 for `org-kunt`
    assert "EA007" not in result.out
    assert "no problems" not in result.out
    # stderr: only the summary, with counts matching stdout
    assert "EA00" not in result.err
    summary = summary_of(result.err)
    assert summary["total"] == len(found)
    assert summary.get("error", 0) == sum(f["sev"] == "error" for f in found)
    assert summary.get("warning", 0) == sum(f["sev"] == "warning" for f in found)
    assert summary["files"] == 1 and summary["elements"] == 1


def test_reference_error_line_and_column(run_ea, tmp_path, write_model):
    text = CLEAN.replace("part-of: org-kunta", "part-of: org-kunt")
    write_model(tmp_path, {"m.yaml": text})
    result = run_ea("lint", "m.yaml", cwd=tmp_path)
    assert result.code == 1
    line, col = position(text, "part-of")
    assert result.out.splitlines()[0] == (
        f"m.yaml:{line}:{col}  error  EA007  `part-of` of organisation-unit 'org-hallinto' "
        "refers to 'org-kunt', which is not an element of the model; did you mean "
        "'org-kunta'?"
    )
    summary = summary_of(result.err)
    assert summary["total"] == 1 and summary["error"] == 1


def test_unusable_input_exit_2(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"m.yaml": "apiVersion: eaframework/v1\nelements: [\n"})
    result = run_ea("lint", "m.yaml", cwd=tmp_path)
    assert result.code == 2
    assert result.out == "m.yaml:2:11  error  EA002  invalid YAML: unclosed bracket '['\n"
    assert summary_of(result.err) == {"total": 1, "files": 0, "elements": 0, "error": 1}


def test_findings_sorted_by_file_then_position(run_ea, tmp_path, write_model):
    bad = "apiVersion: eaframework/v1\nelements:\n  - kind: servce\n    id: a\n    name: A\n"
    write_model(tmp_path, {"m/b.yaml": bad, "m/a.yaml": bad.replace("servce", "proces"),
                           "m/c.yaml": bad + "  - kind: platfrom\n    id: b\n    name: B\n"})
    result = run_ea("lint", "m", cwd=tmp_path)
    assert result.code == 1
    assert [(f["file"], f["line"]) for f in integrity(result.out)] == [
        ("m/a.yaml", 3), ("m/b.yaml", 3), ("m/c.yaml", 3), ("m/c.yaml", 6)
    ]


def test_no_colour_when_not_a_terminal(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"m.yaml": BROKEN})
    for args in ((), ("--no-color",)):
        result = run_ea("lint", "m.yaml", *args, cwd=tmp_path)
        assert result.code == 1 and "\x1b[" not in result.out + result.err


def test_color_flag_forces_colour_when_piped(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"m.yaml": BROKEN})
    plain = run_ea("lint", "m.yaml", "--no-cache", cwd=tmp_path)
    coloured = run_ea("lint", "m.yaml", "--color", "--no-cache", cwd=tmp_path)
    assert "\x1b[" in coloured.out
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.out) == plain.out


# -- the cache --------------------------------------------------------------------------------
def entries_in(folder):
    return sorted(folder.glob("*.json"))


@pytest.fixture
def cached(tmp_path, write_model):
    write_model(tmp_path, {"malli/m.yaml": BROKEN})
    return tmp_path, {"EA_CACHE_DIR": str(tmp_path / "cache")}


def test_cache_entry_is_written_and_reused(run_ea, cached):
    root, env = cached
    first = run_ea("lint", "malli", cwd=root, env=env)
    assert first.code == 1
    entries = entries_in(root / "cache")
    assert len(entries) == 1
    assert (root / "cache" / ".gitignore").read_text() == "*\n"
    second = run_ea("lint", "malli", cwd=root, env=env)
    assert (second.code, second.out, second.err) == (first.code, first.out, first.err)
    assert entries_in(root / "cache") == entries

    # prove the second answer came from the entry: replace what it holds
    from eaframework.diagnostics import Diagnostic, Location
    from eaframework.lint import LintReport

    stored = LintReport.from_data(json.loads(entries[0].read_bytes()))
    assert isinstance(stored, LintReport)
    marker = Diagnostic("EA999", "answer from the cache", location=Location("malli/m.yaml", 7, 7))
    stored.diagnostics = [marker]
    entries[0].write_text(json.dumps(stored.to_data()), encoding="utf-8")
    third = run_ea("lint", "malli", cwd=root, env=env)
    assert third.out == "malli/m.yaml:7:7  error  EA999  answer from the cache\n"
    assert third.code == 1

    # --no-cache neither reads nor writes entries
    fresh = run_ea("lint", "malli", "--no-cache", cwd=root, env=env)
    assert (fresh.code, fresh.out) == (first.code, first.out)
    assert entries_in(root / "cache") == entries


def test_a_changed_file_changes_the_result(run_ea, cached):
    root, env = cached
    first = run_ea("lint", "malli", cwd=root, env=env)
    assert any(f["code"] == "EA005" for f in integrity(first.out))
    (root / "malli" / "m.yaml").write_text(CLEAN, encoding="utf-8")
    second = run_ea("lint", "malli", cwd=root, env=env)
    assert second.code == 0 and second.out == ""
    assert len(entries_in(root / "cache")) == 2
    # an added file is a change too
    (root / "malli" / "extra.yaml").write_text(
        "apiVersion: eaframework/v1\nelements:\n  - kind: organisation-unit\n"
        "    id: org-kunta\n    name: Toinen\n", encoding="utf-8")
    third = run_ea("lint", "malli", cwd=root, env=env)
    assert [f["code"] for f in integrity(third.out)] == ["EA006"]


def test_unusable_input_is_not_cached_as_a_result_for_other_paths(run_ea, tmp_path):
    env = {"EA_CACHE_DIR": str(tmp_path / "cache")}
    first = run_ea("lint", "missing-one", cwd=tmp_path, env=env)
    second = run_ea("lint", "missing-two", cwd=tmp_path, env=env)
    assert first.out == "missing-one:1:1  error  EA001  no such file or folder: missing-one\n"
    assert second.out == "missing-two:1:1  error  EA001  no such file or folder: missing-two\n"


def test_default_cache_folder_is_in_the_project_root(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"setup.cfg": "[metadata]\nname = kunta\n",
                           "models/m.yaml": CLEAN})
    result = run_ea("lint", "models", cwd=tmp_path, env={"EA_CACHE_DIR": None})
    assert result.code == 0, (result.out, result.err)
    assert len(entries_in(tmp_path / ".ea_cache")) == 1
    assert (tmp_path / ".ea_cache" / ".gitignore").read_text() == "*\n"


def test_unwritable_cache_is_simply_not_used(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"m.yaml": CLEAN, "not-a-folder": "x"})
    env = {"EA_CACHE_DIR": str(tmp_path / "not-a-folder" / "cache")}
    result = run_ea("lint", "m.yaml", cwd=tmp_path, env=env)
    assert result.code == 0 and result.out == ""
    assert "Traceback" not in result.err


def test_corrupt_cache_entry_is_ignored(run_ea, cached):
    root, env = cached
    first = run_ea("lint", "malli", cwd=root, env=env)
    (entry,) = entries_in(root / "cache")
    entry.write_bytes(b"not json {")
    second = run_ea("lint", "malli", cwd=root, env=env)
    assert (second.code, second.out) == (first.code, first.out)


class _Touch:
    """A pickle that, when loaded, creates a file: what a hostile checkout could commit."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_cache_entries_are_data_never_code(run_ea, cached):
    """A crafted entry is read as JSON data or ignored, never unpickled."""
    import pickle

    root, env = cached
    first = run_ea("lint", "malli", cwd=root, env=env)
    (entry,) = entries_in(root / "cache")
    marker = root / "EXECUTED"
    entry.write_bytes(pickle.dumps(_Touch(marker)))
    again = run_ea("lint", "malli", cwd=root, env=env)
    assert not marker.exists()
    assert (again.code, again.out) == (first.code, first.out)


def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(run_ea, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = run_ea("schema", "-o", str(blocker / "schema.json"), cwd=tmp_path)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert result.err.startswith("error: cannot write: ")
    assert str(blocker / "schema.json") in result.err
    assert len(result.err.strip().splitlines()) == 1
