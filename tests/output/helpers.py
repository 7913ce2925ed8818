"""Small lint reports for the output-format tests, made by linting models given as text."""

from __future__ import annotations

import datetime as dt

from eaframework.config import Settings
from eaframework.diagnostics import Diagnostic, Location, Severity, Suppressed
from eaframework.lint import LintReport, lint_texts

TODAY = dt.date(2026, 6, 1)
REASON = "Omistaja päätetään hallituksen kokouksessa 2026"

MODEL = """apiVersion: eaframework/v1
elements:
  - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
  - {kind: principle, id: pr-omistaja, code: P8, name: Omistajuus, owner: ou-konserni,
     rules: [EA301]}
  - {kind: principle, id: pr-avoin, code: P6, name: Avoimet rajapinnat, owner: ou-konserni,
     rules: [procured-system-open-interface, EA999]}
  - {kind: information-system, id: sys-talous, name: Talous}
  - {kind: information-system, id: sys-vaka, name: Varhaiskasvatus, sourcing: procured,
     owner: ou-konserni}
  - kind: information-system
    id: sys-palkat
    name: Palkat
    sourcing: custom
    suppress:
      - {rule: EA301, reason: "%s", expires: 2099-01-01, approved-by: Arkkitehtuuriryhmä}
""" % REASON


def settings(**extra) -> Settings:
    """Only the two rules these tests rely on (others are still being written)."""
    return Settings(select=["EA301", "EA306"], today=TODAY, **extra)


def lint_model(files: dict[str, str] | None = None, **extra) -> LintReport:
    return lint_texts(files or {"m.yaml": MODEL}, settings(**extra))


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def handmade(*diagnostics: Diagnostic) -> LintReport:
    """A report with diagnostics written by hand (for escaping and fallbacks)."""
    return LintReport(list(diagnostics), files=1, elements=len(diagnostics))


def diag(message: str = "something is wrong", *, code: str = "EA301",
         severity: Severity = Severity.ERROR, file: str | None = "m.yaml", line: int = 3,
         column: int = 5, element: str | None = "sys-a", hint: str | None = None,
         suppressed: Suppressed | None = None, principle: str | None = None,
         rule: str | None = "system-has-owner") -> Diagnostic:
    return Diagnostic(
        code=code, message=message, severity=severity,
        location=Location(file, line, column) if file else None, hint=hint,
        element=element, rule=rule, principle=principle, suppressed=suppressed,
    )
