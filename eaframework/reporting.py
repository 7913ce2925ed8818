"""Output formats of `ea lint`: one pure function per format, chosen from a dict.

Every formatter takes the whole `LintReport` and keyword options and returns text:

    FORMATTERS[name](report, colour=False, show_suppressed=False, **options) -> str

Options a format does not use are ignored, so the CLI can pass the same ones to all
(`default_uri` and `srcroot` are used by `sarif`, `default_uri` by `github`). The human
summary line (`summary`) and the per-rule table (`statistics_table`) are separate, because
they go to stderr while the findings go to stdout or `--output`.

For backward compatibility the formatters and `summary` also accept a plain list of
diagnostics instead of a report.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import asdict
from itertools import groupby
from typing import Any

import click

from .diagnostics import Diagnostic, Severity

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
FAILING_SHOWN = 5  # failing element ids listed per principle in the text table


class _Report:
    """A stand-in `LintReport` for callers that pass only a list of diagnostics."""

    def __init__(self, diagnostics, files: int = 0, elements: int = 0):
        self.diagnostics = list(diagnostics)
        self.files, self.elements = files, elements
        self.rules, self.principles = [], []

    @property
    def active(self):
        return [d for d in self.diagnostics if d.suppressed is None]

    @property
    def suppressed(self):
        return [d for d in self.diagnostics if d.suppressed is not None]


def _as_report(report):
    return report if hasattr(report, "diagnostics") else _Report(report)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _ordered(diagnostics) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)


# -- text ---------------------------------------------------------------------------------
def format_text(report, colour: bool = False, show_suppressed: bool = False, **_: Any) -> str:
    """Grouped by file: `file:line:col  severity  code  message`, then an indented `hint:`
    line ending with the principle the finding serves (`[P8 ...]`); suppressed findings
    only with `show_suppressed` (marked `suppressed: reason`); then the compliance table."""
    report = _as_report(report)
    shown = report.diagnostics if show_suppressed else report.active

    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if colour else text

    lines: list[str] = []
    by_file = groupby(_ordered(shown), key=lambda d: d.location.file if d.location else "")
    for _file, group in by_file:
        for d in group:
            where = str(d.location) if d.location else "(model)"
            tag = f" [{d.principle}]" if d.principle else ""
            message = d.message + ("" if d.hint else tag)
            if d.suppressed is not None:  # dimmed as a whole: it does not count
                line = style(f"{where}  {d.severity.value}  {d.code}  {message}", dim=True)
            else:
                severity = style(d.severity.value, fg=_COLOURS[d.severity], bold=True)
                line = f"{style(where, bold=True)}  {severity}  {d.code}  {message}"
            lines.append(line)
            if d.hint:
                lines.append("    " + style(f"hint: {d.hint}{tag}", dim=True))
            if d.suppressed is not None:
                lines.append("    " + style(_suppressed_text(d.suppressed), fg="green"))
        lines.append("")
    table = compliance_table(report, colour=colour)
    if table:
        lines += [table, ""]
    return "\n".join(lines)


def _suppressed_text(s) -> str:
    extra = []
    if s.approved_by:
        extra.append(f"approved by {s.approved_by}")
    if s.expires:
        extra.append(f"until {s.expires}")
    if s.kind == "external":
        extra.append("in the configuration")
    return f"suppressed: {s.reason}" + (f" ({', '.join(extra)})" if extra else "")


def _percent(comply: int, checked: int) -> str:
    # Rounded down, so that 199 of 200 is not shown as 100%.
    return f"{comply * 100 // checked}%" if checked else "-"


def _failing_ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:FAILING_SHOWN])
    rest = len(ids) - FAILING_SHOWN
    return shown + (f" and {rest} more" if rest > 0 else "")


def compliance_table(report, colour: bool = False) -> str:
    """'Compliance by principle': code, name, checked, comply, %, failing element ids."""
    principles = getattr(report, "principles", None) or []
    if not principles:
        return ""
    header = ("code", "name", "checked", "comply", "%", "failing")
    rows = [
        (
            p.code or p.id,
            p.name,
            str(p.checked),
            str(p.comply),
            _percent(p.comply, p.checked),
            _failing_ids([i for i, _ in p.failing]) if p.rules else "(no enforcing rule ran)",
        )
        for p in principles
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    right = {2, 3, 4}

    def line(cells) -> str:
        out = [c.rjust(w) if i in right else c.ljust(w)
               for i, (c, w) in enumerate(zip(cells, widths))]
        return ("  " + "  ".join(out)).rstrip()

    title = "Compliance by principle"
    head = line(header)
    out = [click.style(title, bold=True) if colour else title,
           click.style(head, bold=True) if colour else head]
    out += [line(r) for r in rows]
    for p in principles:
        if p.unknown_rules:
            out.append(f"  {p.code or p.id}: unknown rules {', '.join(p.unknown_rules)}")
    return "\n".join(out)


def summary(report, files: int | None = None, elements: int | None = None) -> str:
    """One line for stderr: problems by severity, how many were suppressed, the size.

    `summary(report)`, or the older `summary(diagnostics, files, elements)`."""
    report = _as_report(report)
    files = report.files if files is None else files
    elements = report.elements if elements is None else elements
    active, suppressed = report.active, len(report.suppressed)
    size = f"in {_plural(files, 'file')}, {_plural(elements, 'element')}"
    tail = f"; {suppressed} suppressed" if suppressed else ""
    if not active:
        return f"no problems {size}{tail}"
    counts = Counter(d.severity for d in active)
    parts = [_plural(counts[s], s.value) for s in Severity if counts[s]]
    return f"{_plural(len(active), 'problem')} ({', '.join(parts)}) {size}{tail}"


def statistics_table(report) -> str:
    """Findings per rule (`--statistics`): rules with findings or suppressions, most first."""
    report = _as_report(report)
    found = Counter(d.code for d in report.active)
    hidden = Counter(d.code for d in report.suppressed)
    names = {d.code: d.rule or "" for d in report.diagnostics}
    severity = {d.code: d.severity.value for d in report.diagnostics}
    checked: dict[str, str] = {}
    for r in report.rules:
        names[r.code], severity[r.code], checked[r.code] = r.name, r.severity, str(r.checked)
    codes = sorted(set(found) | set(hidden), key=lambda c: (-found[c], c))
    if not codes:
        return "no findings"
    header = ("findings", "suppressed", "code", "name", "severity", "checked")
    rows = [(str(found[c]), str(hidden[c]), c, names.get(c, ""), severity.get(c, ""),
             checked.get(c, "-")) for c in codes]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    right = {0, 1, 5}
    return "\n".join(
        "  ".join(c.rjust(w) if i in right else c.ljust(w)
                  for i, (c, w) in enumerate(zip(r, widths))).rstrip()
        for r in [header, *rows]
    )


# -- json ---------------------------------------------------------------------------------
def _finding(d: Diagnostic) -> dict:
    s = d.suppressed
    return {
        "code": d.code,
        "rule": d.rule,
        "severity": d.severity.value,
        "message": d.message,
        "hint": d.hint,
        "file": d.location.file if d.location else None,
        "line": d.location.line if d.location else None,
        "column": d.location.column if d.location else None,
        "element": d.element,
        "field": d.field,
        "principle": d.principle,
        "suppressed": None if s is None else {
            "kind": s.kind, "reason": s.reason, "approved_by": s.approved_by,
            "expires": s.expires,
        },
    }


def to_dict(report) -> dict:
    """The JSON document of a report, as plain data."""
    from . import __version__

    report = _as_report(report)
    counts = Counter(d.severity for d in report.active)
    return {
        "version": __version__,
        "summary": {
            **{s.value: counts[s] for s in Severity},
            "suppressed": len(report.suppressed),
            "files": report.files,
            "elements": report.elements,
        },
        "findings": [_finding(d) for d in _ordered(report.diagnostics)],
        "rules": [asdict(r) for r in sorted(report.rules, key=lambda r: r.code)],
        "principles": [
            {
                "id": p.id,
                "code": p.code,
                "name": p.name,
                "rules": list(p.rules),
                "checked": p.checked,
                "comply": p.comply,
                "failing": [{"id": i, "name": n} for i, n in p.failing],
                "unknown_rules": list(p.unknown_rules),
            }
            for p in report.principles
        ],
    }


def format_json(report, **_: Any) -> str:
    """Every finding (suppressed ones marked), per-rule and per-principle results."""
    return json.dumps(to_dict(report), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


# -- sarif --------------------------------------------------------------------------------
def format_sarif(report, *, default_uri: str | None = None, srcroot=None, **_: Any) -> str:
    """SARIF 2.1.0 (see `exporters.sarif.build`); suppressed findings carry `suppressions`."""
    from .exporters.sarif import to_sarif

    return to_sarif(_as_report(report), default_uri=default_uri, srcroot=srcroot)


# -- junit --------------------------------------------------------------------------------
_XML_INVALID = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def _xml(text: str) -> str:
    return text.translate(_XML_INVALID)


def _suite_name(code: str, name: str | None) -> str:
    return f"{code} {name}" if name else code


def format_junit(report, **_: Any) -> str:
    """JUnit XML: a testsuite per rule that ran ("CODE name"), a failing testcase per
    finding, a skipped one per suppressed finding, one passing testcase for a clean rule."""
    from .rules.registry import lookup

    report = _as_report(report)
    by_code: dict[str, list[Diagnostic]] = {}
    for d in _ordered(report.diagnostics):
        by_code.setdefault(d.code, []).append(d)
    suites: list[tuple[str, str | None]] = [(r.code, r.name) for r in report.rules]
    for code, found in by_code.items():  # e.g. loader findings of rules not in `rules`
        if code not in {c for c, _ in suites}:
            rule = lookup(code)
            suites.append((code, found[0].rule or (rule.name if rule else None)))
    suites.sort(key=lambda s: s[0])

    root = ET.Element("testsuites", name="ea lint")
    totals = Counter()
    for code, name in suites:
        title = _suite_name(code, name)
        suite = ET.SubElement(root, "testsuite", name=title)
        found = by_code.get(code, [])
        counts = Counter(tests=max(len(found), 1))
        if not found:
            ET.SubElement(suite, "testcase", classname=title, name=title)
        for d in found:
            where = str(d.location) if d.location else "(model)"
            case = ET.SubElement(
                suite, "testcase", classname=title, name=_xml(f"{d.element or where}: {d.message}")
            )
            if d.suppressed is not None:
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=_xml(_suppressed_text(d.suppressed)))
            else:
                counts["failures"] += 1
                body = [where] + ([f"hint: {d.hint}"] if d.hint else [])
                body += [f"principle: {d.principle}"] if d.principle else []
                failure = ET.SubElement(
                    case, "failure", message=_xml(d.message), type=d.severity.value
                )
                failure.text = _xml("\n".join(body))
        for key in ("tests", "failures", "errors", "skipped"):
            suite.set(key, str(counts[key]))
        totals.update(counts)
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(totals[key]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# -- github -------------------------------------------------------------------------------
_GITHUB = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Workflow command data: %, CR and LF are escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Workflow command property values: as data, plus ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report, *, default_uri: str | None = None, **_: Any) -> str:
    """GitHub Actions annotations, one line per unsuppressed finding:
    `::error file=F,line=L,col=C,title=EA301 system-has-owner::message` (warning ->
    `::warning`, info -> `::notice`); the hint and principle follow the message on a second
    line of the annotation."""
    report = _as_report(report)
    lines = []
    for d in _ordered(report.active):
        props: list[tuple[str, str]] = []
        if d.location is not None:
            props += [("file", d.location.file), ("line", str(max(d.location.line, 1))),
                      ("col", str(max(d.location.column, 1)))]
        elif default_uri:
            props += [("file", default_uri), ("line", "1")]
        props.append(("title", _suite_name(d.code, d.rule)))
        text = d.message
        tag = f" [{d.principle}]" if d.principle else ""
        text += f"\nhint: {d.hint}{tag}" if d.hint else tag
        joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
        lines.append(f"::{_GITHUB[d.severity]} {joined}::{escape_data(text)}")
    return "".join(line + "\n" for line in lines)


# -- choosing -------------------------------------------------------------------------------
Formatter = Callable[..., str]

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "junit": format_junit,
    "github": format_github,
}


def resolve_format(name: str, env: Mapping[str, str]) -> str:
    """`auto` becomes `github` under GitHub Actions (GITHUB_ACTIONS=true), else `text`."""
    if name == "auto":
        return "github" if env.get("GITHUB_ACTIONS", "").lower() == "true" else "text"
    if name not in FORMATTERS:
        raise ValueError(f"unknown format {name!r}; choose from auto, {', '.join(FORMATTERS)}")
    return name
