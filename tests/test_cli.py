"""The `ea` command line: version, `ea lint` output format and exit codes (the result cache:
test_cache.py)."""

from __future__ import annotations

import datetime as dt
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


def test_help_lists_every_command_with_its_short_help(run_ea):
    """Commands are imported when asked for; the listing still names each with its help."""
    listed = dict(re.findall(r"^  (\S+)\s+(\S.*)$", run_ea("--help").out.split("Commands:")[1],
                             re.MULTILINE))
    assert sorted(listed) == ["diff", "export", "fmt", "impact", "import", "lint", "publish",
                              "render", "report", "rule", "rules", "schema", "views"]
    assert listed["rule"] == "Explain one rule, by code or name."
    assert listed["schema"] == "Write the JSON Schema of the model file format."


@pytest.mark.parametrize("args", [(), ("import",)])
def test_a_group_without_a_command_shows_its_help(run_ea, args):
    result = run_ea(*args)
    lines = (result.out + result.err).splitlines()
    assert lines[0].startswith("Usage: ") and "Commands:" in lines
    assert "Traceback" not in result.err


def test_usage_errors_show_what_they_quote_escaped(run_ea):
    """Click's own messages quote the command line; an ESC sequence or a line break in
    it is shown escaped, as in every other message."""
    result = run_ea("schema", "extra\x1b[31m\nerror: forged\x07")
    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        "Error: Got unexpected extra argument (extra\\x1b[31m\\nerror: forged\\x07)")
    assert "\x1b" not in result.err and "\x07" not in result.err


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


# -- the result cache: tests/test_cache.py ---------------------------------------------------


def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(run_ea, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = run_ea("schema", "-o", str(blocker / "schema.json"), cwd=tmp_path)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert result.err.startswith("error: cannot write: ")
    assert str(blocker / "schema.json") in result.err
    assert len(result.err.strip().splitlines()) == 1
