"""`--format github`: workflow commands GitHub Actions turns into annotations."""

from __future__ import annotations

from eaframework.diagnostics import Severity, Suppressed
from eaframework.lint.formats import FORMATTERS, resolve_format
from eaframework.lint.formats.github import escape_data, escape_property

from .helpers import diag, handmade, lint_model


def test_one_line_per_unsuppressed_finding():
    lines = FORMATTERS["github"](lint_model()).splitlines()
    assert lines == [
        "::error file=m.yaml,line=8,col=3,title=EA301 system-has-owner::"
        "information system 'Talous' has no owner%0Ahint: add `owner:` with the organisation "
        "unit responsible for the operations the system serves [P8 Omistajuus]",
        "::error file=m.yaml,line=9,col=3,title=EA306 procured-system-open-interface::"
        "procured system 'Varhaiskasvatus' exposes no open interface%0Ahint: model the "
        "vendor's documented API as an `interface` with `openness: open` (or "
        "buyer-controlled) and list it under `exposes:` [P6 Avoimet rajapinnat]",
    ]


def test_escaping_of_data_and_properties():
    report = handmade(diag("100% broken: a, b\r\nnext line", file="dir,x/a:b%.yaml",
                           line=2, column=7))
    assert FORMATTERS["github"](report) == (
        "::error file=dir%2Cx/a%3Ab%25.yaml,line=2,col=7,title=EA301 system-has-owner::"
        "100%25 broken: a, b%0D%0Anext line\n"
    )
    assert escape_data("a%b\nc\rd:e,f") == "a%25b%0Ac%0Dd:e,f"
    assert escape_property("a%b\nc\rd:e,f") == "a%25b%0Ac%0Dd%3Ae%2Cf"


def test_levels_and_fallbacks():
    report = handmade(
        diag("warned", severity=Severity.WARNING, line=1, column=1),
        diag("noted", severity=Severity.INFO, line=2, column=1, principle="TiHL §28"),
        diag("nowhere", file=None, rule=None, code="EA010"),
        diag("accepted", suppressed=Suppressed("inSource", "a reason long enough")),
    )
    assert FORMATTERS["github"](report).splitlines() == [
        "::error title=EA010::nowhere",
        "::warning file=m.yaml,line=1,col=1,title=EA301 system-has-owner::warned",
        "::notice file=m.yaml,line=2,col=1,title=EA301 system-has-owner::noted [TiHL §28]",
    ]
    assert FORMATTERS["github"](report, default_uri="models/a.yaml").splitlines()[0] == (
        "::error file=models/a.yaml,line=1,title=EA010::nowhere")


def test_nothing_to_say_is_empty():
    assert FORMATTERS["github"](handmade()) == ""


def test_resolve_format():
    assert resolve_format("auto", {"GITHUB_ACTIONS": "true"}) == "github"
    assert resolve_format("auto", {}) == "text"
    assert resolve_format("auto", {"GITHUB_ACTIONS": "false"}) == "text"
    assert resolve_format("sarif", {"GITHUB_ACTIONS": "true"}) == "sarif"
    for name in ("text", "json", "sarif", "junit", "github"):
        assert resolve_format(name, {}) == name
    try:
        resolve_format("xml", {})
    except ValueError as exc:
        assert "xml" in str(exc)
    else:
        raise AssertionError("unknown format accepted")


def test_every_format_takes_the_same_options():
    from eaframework.config import FORMATS

    report = lint_model()
    assert set(FORMATS) - {"auto"} == set(FORMATTERS)
    for name, formatter in FORMATTERS.items():
        out = formatter(report, colour=False, show_suppressed=True, default_uri="m.yaml",
                        srcroot=None)
        assert isinstance(out, str) and out, name
