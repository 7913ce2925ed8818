"""Values the metamodel refuses at load, each located like any other bad value (EA005,
exit 1): numbers that are not finite or out of range (`model.values`), and text holding
control characters, line separators or bidirectional overrides. Before, `.inf` passed
`ea lint` and then stopped `ea diff` with an internal error, and a control character in a
name broke `ea render` with an unlocated Graphviz error."""

from __future__ import annotations

import json

import pytest

from eaframework.loader import load_texts

from tests.conftest import HEADER, integrity, position

SYSTEM = """elements:
  - kind: organisation-unit
    id: ou-a
    name: Yksikkö
  - kind: information-system
    id: sys-a
    name: Järjestelmä
    owner: ou-a
"""
MONEY = "must be a finite amount between 0 and 1 000 000 000 000 €"


def errors(text: str) -> list:
    result = load_texts({"a.yaml": HEADER + text})
    return [d for d in result.diagnostics if d.code.startswith("EA0")]


def one_error(text: str, needle: str):
    """The one loader error of `text`, checked to be EA005 at the line of `needle`."""
    found = errors(text)
    assert len(found) == 1, [d.message for d in found]
    error = found[0]
    assert error.code == "EA005"
    assert error.location.line == position(HEADER + text, needle)[0]
    return error


# -- numbers ------------------------------------------------------------------------------
@pytest.mark.parametrize(("written", "shown"), [
    (".inf", ".inf"), ("-.inf", "-.inf"), (".nan", ".nan"), (".NaN", ".nan"),
    ("1e308", "1e+308"), ("1e400", ".inf"), ("-1", "-1"), ("1000000000001", "1000000000001"),
    ("123456789012345678901234567890", "123456789012345678901234567890"),
    ("1" + "0" * 400, "a number of about 10^400"), ('"lots"', "'lots'"),
])
def test_annual_cost_must_be_a_finite_amount_in_range(written, shown):
    error = one_error(SYSTEM + f"    annual-cost: {written}\n", "annual-cost")
    assert error.message == (
        f"`annual-cost` of information-system 'sys-a' {MONEY}, not {shown}")
    assert error.location.column == 5
    assert error.field == "annual-cost"


@pytest.mark.parametrize("written", ["0", "0.0", "1e12", "1000000000000", "1_000", "12.5"])
def test_amounts_at_and_within_the_bounds_load(written):
    result = load_texts({"a.yaml": HEADER + SYSTEM + f"    annual-cost: {written}\n"})
    assert not errors(SYSTEM + f"    annual-cost: {written}\n")
    assert result.model.get("sys-a").annual_cost == float(written.replace("_", ""))


def test_every_number_field_is_bounded():
    text = """elements:
  - kind: development-project
    id: dp-a
    name: Hanke
    costs: {investment: .inf, annual: -5}
    expected-annual-benefit: 1e13
    payback-years: 5000
    start: 0001-01-01
    end: 9999-12-31
  - kind: service
    id: svc-a
    name: Palvelu
    yearly-volume: 1e20
  - kind: process
    id: prc-a
    name: Prosessi
    manual-steps: 2.5
  - kind: information-system
    id: sys-b
    name: B
    cost-allocation: {ou-a: 150, ou-b: .nan}
"""
    found = {d.field: d.message for d in errors(text)}
    assert found == {
        "costs.investment": f"`costs.investment` of development-project 'dp-a' {MONEY}, not .inf",
        "costs.annual": f"`costs.annual` of development-project 'dp-a' {MONEY}, not -5",
        "expected-annual-benefit":
            f"`expected-annual-benefit` of development-project 'dp-a' {MONEY}, not 10000000000000.0",
        "payback-years": "`payback-years` of development-project 'dp-a' must be a finite "
                         "number of years between 0 and 1 000, not 5000",
        "start": "`start` of development-project 'dp-a' must be a date between 1900-01-01 "
                 "and 2200-12-31, not '0001-01-01'",
        "end": "`end` of development-project 'dp-a' must be a date between 1900-01-01 and "
               "2200-12-31, not '9999-12-31'",
        "yearly-volume": "`yearly-volume` of service 'svc-a' must be a whole number between 0 "
                         "and 1 000 000 000 000, not 1e+20",
        "manual-steps": "`manual-steps` of process 'prc-a' must be a whole number between 0 "
                        "and 1 000 000 000 000, not 2.5",
        "cost-allocation.ou-a": "`cost-allocation.ou-a` of information-system 'sys-b' must be "
                                "a finite share between 0 and 100 percent, not 150",
        "cost-allocation.ou-b": "`cost-allocation.ou-b` of information-system 'sys-b' must be "
                                "a finite share between 0 and 100 percent, not .nan",
    }


# -- text ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("escape", "what"), [
    ("\\x07", "a control character (U+0007)"),
    ("\\e[31m", "an escape character (ESC)"),
    ("\\0", "a NUL character"),
    ("\\r", "a carriage return"),
    ("\\x85", "a control character (U+0085)"),
    ("\\u2028", "a line separator (U+2028)"),
    ("\\u2029", "a paragraph separator (U+2029)"),
    ("\\u202e", "a bidirectional text control (U+202E)"),
    ("\\u2066", "a bidirectional text control (U+2066)"),
])
def test_a_name_with_a_control_character_is_located(escape, what):
    text = SYSTEM.replace("name: Järjestelmä", f'name: "Järj{escape}estelmä"')
    error = one_error(text, "name: \"Järj")
    assert error.message.startswith(
        f"`name.fi` of information-system 'sys-a' holds {what} at character 5 of 'Järj")
    assert error.message.endswith(
        "; remove it (this text is one line, without control characters)")
    assert error.location.column == 5


@pytest.mark.parametrize("escape", ["\\n", "\\t"])
def test_a_name_is_one_line_in_every_language(escape):
    text = SYSTEM.replace("name: Järjestelmä",
                          f'name: {{fi: Järjestelmä, en: "System{escape}x"}}')
    error = one_error(text, "name: {fi")
    what = "a line break" if escape == "\\n" else "a tab"
    assert error.message == (
        f"`name` of information-system 'sys-a' must be one line, but its en text holds {what}")


def test_descriptions_keep_lines_and_tabs_but_not_controls():
    text = SYSTEM + '    description: {fi: "rivi\\nrivi\\tsarake", sv: "rad\\x1bx"}\n'
    error = one_error(text, "description:")
    assert error.message.startswith("`description.sv` of information-system 'sys-a' holds "
                                    "an escape character (ESC) at character 4")
    assert error.message.endswith("(of the control characters, text may hold only line "
                                  "breaks and tabs)")
    ok = SYSTEM + '    description: "rivi\\nrivi\\tsarake"\n    purpose: |\n      a\n      b\n'
    assert not errors(ok)


def test_tags_properties_metadata_and_relations_are_checked():
    text = """metadata:
  organisation: "Kaupunki\\u202e"
elements:
  - kind: organisation-unit
    id: ou-a
    name: Yksikkö
    tags: ["a\\x1b[2J"]
    properties: {"avain\\x00": arvo, toinen: "arvo\\x07"}
relations:
  - type: associated-with
    source: ou-a
    target: ou-a
    description: "x\\x08"
"""
    found = {(d.field, d.location.line): d.message for d in errors(text)}
    # (the finding's `field` is the key as written; its message shows it escaped)
    assert set(found) == {("organisation", 3), ("tags.0", 8), ("properties.avain\x00", 9),
                          ("properties.toinen", 9), ("description", 14)}
    assert found[("organisation", 3)].startswith(
        "`organisation` of model metadata holds a bidirectional text control (U+202E)")
    # a key holding a control character is shown escaped, never raw
    assert "\x00" not in found[("properties.avain\x00", 9)]
    assert found[("properties.avain\x00", 9)].startswith(
        "`properties.avain\\x00` of organisation-unit 'ou-a' holds a NUL character")


# -- through the real command -------------------------------------------------------------
BAD_COST = HEADER + SYSTEM + "    annual-cost: {}\n"
GOOD_COST = HEADER + SYSTEM + "    annual-cost: 1000\n"


@pytest.mark.parametrize(("written", "shown"), [(".inf", ".inf"), (".nan", ".nan"),
                                                ("1e308", "1e+308")])
def test_lint_refuses_an_impossible_cost_like_any_bad_value(run_ea, tmp_path, write_model,
                                                            written, shown):
    write_model(tmp_path, {"m/a.yaml": BAD_COST.format(written)})
    result = run_ea("lint", "m", "--no-cache", cwd=tmp_path)
    assert result.code == 1, (result.out, result.err)
    assert "internal error" not in result.err
    [found] = integrity(result.out)
    assert (found["file"], found["line"], found["col"]) == ("m/a.yaml", 10, 5)
    assert found["code"] == "EA005"
    assert found["msg"] == f"`annual-cost` of information-system 'sys-a' {MONEY}, not {shown}"


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_diff_with_an_infinite_cost_reports_it_instead_of_crashing(run_ea, tmp_path,
                                                                   write_model, fmt):
    write_model(tmp_path, {"old/a.yaml": GOOD_COST, "new/a.yaml": BAD_COST.format(".inf")})
    result = run_ea("diff", "old", "new", "--format", fmt, "--lang", "en", cwd=tmp_path)
    assert "internal error" not in result.err, result.err
    assert result.code == 1, (result.out, result.err)
    assert "new does not load cleanly" in result.err
    out = json.dumps(json.loads(result.out), ensure_ascii=False) if fmt == "json" else result.out
    assert "new/a.yaml" in out and "EA005" in out and "not .inf" in out
    if fmt == "text":
        assert (f"new/a.yaml:10:5  error  EA005  `annual-cost` of information-system 'sys-a' "
                f"{MONEY}, not .inf") in out


def test_report_refuses_a_model_with_an_infinite_cost(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"m/a.yaml": BAD_COST.format(".inf")})
    result = run_ea("report", "m", "-o", "out", cwd=tmp_path)
    assert result.code == 1, (result.out, result.err)
    assert "internal error" not in result.err
    assert f"m/a.yaml:10:5  error  EA005  `annual-cost` of information-system 'sys-a' " \
           f"{MONEY}, not .inf" in result.err
    assert "nothing written" in result.err
    assert not (tmp_path / "out").exists()


def test_render_refuses_a_name_with_a_control_character(run_ea, tmp_path, write_model):
    text = HEADER + SYSTEM.replace("name: Järjestelmä", 'name: "Järj\\x1b]0;x\\x07estelmä"')
    write_model(tmp_path, {"m/a.yaml": text})
    lint = run_ea("lint", "m", "--no-cache", cwd=tmp_path)
    assert lint.code == 1
    [found] = integrity(lint.out)
    assert (found["file"], found["line"], found["col"]) == ("m/a.yaml", 8, 5)
    assert "\x1b" not in lint.out
    assert found["msg"].startswith("`name.fi` of information-system 'sys-a' holds an escape "
                                   "character (ESC) at character 5")
    result = run_ea("render", "m", "--out-dir", "out", cwd=tmp_path)
    assert result.code != 0 and "internal error" not in result.err
    assert "m/a.yaml:8:5  error  EA005" in result.err
    assert "Graphviz" not in result.err
    assert not list((tmp_path / "out").glob("*.svg")) if (tmp_path / "out").exists() else True


@pytest.mark.parametrize(("title", "message"), [
    ('"Näkymä\\x07"', "`title.fi` holds a control character (U+0007) at character 7 of "
                      "'Näkymä\\x07'; remove it (this text is one line, without control "
                      "characters)"),
    ('{fi: Näkymä, en: "View\\nsplit"}',
     "`title`: must be one line, but its en text holds a line break"),
])
def test_render_refuses_a_view_title_with_a_control_character(run_ea, tmp_path, write_model,
                                                              title, message):
    write_model(tmp_path, {
        "m/a.yaml": HEADER + SYSTEM,
        "views/nakyma.yaml": f"title: {title}\ninclude:\n  - kind: information-system\n",
    })
    result = run_ea("render", "m", "--views", "views", "--out-dir", "out", cwd=tmp_path)
    assert result.code == 2, (result.out, result.err)
    assert "internal error" not in result.err
    assert f"views/nakyma.yaml:1:1: {message}" in result.err
