"""`ea diff` of a hostile pull request: names from the model never act on the terminal,
the CI log or the pull-request comment that shows the diff. The names are set after
loading, so these tests hold whatever the loader accepts."""

from __future__ import annotations

import re

import pytest

from eaframework.changes.diff import compare
from eaframework.changes.diff_report import format_markdown, format_text
from eaframework.changes.impact import format_text as impact_text
from eaframework.changes.impact import impact
from eaframework.loader import load_texts

BASE = """\
apiVersion: eaframework/v1
elements:
  - {kind: organisation-unit, id: ou-a, name: Yksikkö A}
  - {kind: information-system, id: sys-x, name: Järjestelmä X, owner: ou-a}
"""
NEW = BASE + "  - {kind: organisation-unit, id: ou-b, name: PLACEHOLDER}\n"

TERMINAL = "Evil\x1b[31m red\x1b]0;title\x07\rOverwritten\u202eslkt\x9b2J"
HTML = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>", "[click](javascript:alert(1))", "![x](http://x/t.png)",
        "a | b", "`code`"]


def _named(text: str, element_id: str, name: str):
    model = load_texts({"m.yaml": text}).model
    element = model.get(element_id)
    object.__setattr__(element, "name", type(element.name).model_construct(fi=name, en=name))
    return model


def _diff(name: str):
    return compare(load_texts({"m.yaml": BASE}).model, _named(NEW, "ou-b", name))


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_text_has_no_raw_escape_or_carriage_return(lang):
    out = format_text(_diff(TERMINAL), lang)
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", out)
    assert "Evil\\x1b[31m red\\x1b]0;title\\x07\\rOverwritten\\u202eslkt\\x9b2J" in out


def test_text_has_no_line_a_ci_log_reads_as_a_command():
    out = format_text(_diff("x\n::error file=x::pwned"))
    assert not any(line.lstrip().startswith("::") for line in out.splitlines())
    assert "x\\n::error file=x::pwned" in out
    out = format_text(_diff("::warning::pwned"))
    assert not any(line.lstrip().startswith("::") for line in out.splitlines())


@pytest.mark.parametrize("name", HTML)
@pytest.mark.parametrize("lang", ["en", "fi"])
def test_markdown_escapes_html_and_markup_from_names(name, lang):
    out = format_markdown(_diff(name), lang)
    for tag in ("<script", "<img", "<svg"):
        assert tag not in out
    assert "](" not in out.replace("\\](", "")  # no link or image can form
    (row,) = [line for line in out.splitlines() if line.startswith("| ") and "ou-b" in line]
    assert len(re.findall(r"(?<!\\)\|", row)) == 7  # six cells, whatever the name holds


def test_markdown_escapes_a_renamed_element_in_its_html_summary():
    old = _named(NEW, "ou-b", "Old name")
    new = _named(NEW, "ou-b", "<img src=x onerror=alert(1)>")
    out = format_markdown(compare(old, new))
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "<details><summary>" in out  # our own markup stays


def test_markdown_shows_control_characters_escaped():
    out = format_markdown(_diff(TERMINAL))
    assert "\x1b" not in out and "\r" not in out


def test_impact_text_has_no_raw_control_characters():
    model = _named(BASE, "sys-x", TERMINAL)
    _named_owner = model.get("ou-a")
    object.__setattr__(_named_owner, "name",
                       type(_named_owner.name).model_construct(fi="u\n::error::x", en=None))
    out = impact_text(impact(model, "ou-a"))
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", out)
    assert not any(line.lstrip().startswith("::") for line in out.splitlines())
