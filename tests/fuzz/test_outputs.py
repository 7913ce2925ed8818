"""Fuzzing every output format with hostile names, titles and file names: `ea lint`'s
text, json, sarif (validated against the SARIF 2.1.0 schema when the shared folder has
it), junit and github, and `ea diff`'s text, Markdown and JSON."""

from __future__ import annotations

import json

from hypothesis import example, given
from hypothesis import strategies as st

from eaframework.changes.diff import compare
from eaframework.lint import lint_loaded
from eaframework.loader import load_texts
from tests.fuzz.common import (
    CONTROL_CHARS,
    HEADER,
    check_diff_outputs,
    check_lint_outputs,
    sample_loaded,
    sample_texts,
)
from tests.fuzz.conftest import fuzz_settings

NASTY = st.sampled_from([
    "\x1b]0;pwned\x07", "\x1b[2J", "a\rb", "a\nb", "\n::error file=x::pwned", "%0A::error::x",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "]]>", "&amp;", "\"'`", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "\u202eevil", "|a|b|",
    "**bold** [link](javascript:alert(1))", "x" * 200,
]) | st.text(alphabet=st.sampled_from(CONTROL_CHARS + list("ab <>&\"'|:%")), max_size=12)


def _element(kind: str, element_id: str, name: str, extra: str = "") -> str:
    return (f"  - kind: {kind}\n    id: {element_id}\n    name: {json.dumps(name)}\n{extra}")


@fuzz_settings()
@given(NASTY, NASTY, st.sampled_from(["systems.yaml", "a b.yaml", "x\n::error::y.yaml",
                                      "x\x1b[31m.yaml", "<b>.yaml", "dir/ä.yaml"]) | NASTY)
@example("\x1b[31mred", "a\rb", "x\n::error file=y::pwned.yaml")
def test_lint_formats_with_hostile_names(name, owner, file_name):
    text = (HEADER + "elements:\n"
            + _element("information-system", "sys-a", name, f"    owner: {json.dumps(owner)}\n")
            + _element("organisation-unit", "ou-a", owner))
    result = load_texts({file_name: text})
    report = lint_loaded(result)
    check_lint_outputs(report, validate_sarif=True)


@fuzz_settings()
@given(NASTY, NASTY, st.sampled_from(["information-system", "organisation-unit", "role",
                                      "service", "data-group"]))
@example("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "information-system")
@example("\x1b[2J", "a\rb", "role")
def test_diff_formats_with_hostile_names(old_name, new_name, kind):
    old = load_texts({"m.yaml": HEADER + "elements:\n" + _element(kind, "e-1", old_name)
                      + _element(kind, "e-2", old_name)})
    new = load_texts({"m.yaml": HEADER + "elements:\n" + _element(kind, "e-1", new_name)
                      + _element(kind, "e-3", new_name)})
    diff = compare(old.model, new.model, lint_loaded(old), lint_loaded(new))
    check_diff_outputs(diff)


@fuzz_settings(0.5)
@given(st.sampled_from(sorted(sample_texts())), st.data())
def test_diff_formats_between_sample_and_mutation(name, data):
    from tests.fuzz.common import mutated_text

    texts = dict(sample_texts())
    texts[name] = data.draw(mutated_text(texts[name]), label="text")
    new = load_texts(texts)
    old = sample_loaded()
    diff = compare(old.model, new.model, lint_loaded(old), lint_loaded(new))
    check_diff_outputs(diff)
