"""`ea lint --format text`: findings grouped by file, the compliance table, and the
summary line and per-rule table that go to stderr."""

from __future__ import annotations

from collections import Counter
from itertools import groupby
from typing import Any

import click

from ...diagnostics import Severity, printable
from .common import ordered, plural, suppressed_text

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
FAILING_SHOWN = 5  # failing element ids listed per principle in the text table


def format_text(report, colour: bool = False, show_suppressed: bool = False, **_: Any) -> str:
    """The findings (`findings_text`; suppressed ones only with `show_suppressed`), then
    the compliance table."""
    shown = report.diagnostics if show_suppressed else report.active
    text = findings_text(shown, colour=colour)
    table = compliance_table(report, colour=colour)
    if not table:
        return text
    return (text + "\n" if text else "") + table + "\n"


def findings_text(diagnostics, colour: bool = False) -> str:
    """Grouped by file: `file:line:col  severity  code  message`, then an indented `hint:`
    line ending with the principle the finding serves (`[P8 ...]`); a suppressed finding
    dimmed and marked `suppressed: reason`. A blank line after each file. File names,
    messages and hints are `printable`: a control character in them is shown escaped, and
    a file name a CI log would read as a workflow command (`::error ...`) starts `./`."""

    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if colour else text

    lines: list[str] = []
    by_file = groupby(ordered(diagnostics), key=lambda d: d.location.file if d.location else "")
    for _file, group in by_file:
        for d in group:
            where = _where(d.location)
            tag = printable(f" [{d.principle}]") if d.principle else ""
            message = printable(d.message) + ("" if d.hint else tag)
            if d.suppressed is not None:  # dimmed as a whole: it does not count
                line = style(f"{where}  {d.severity.value}  {d.code}  {message}", dim=True)
            else:
                severity = style(d.severity.value, fg=_COLOURS[d.severity], bold=True)
                line = f"{style(where, bold=True)}  {severity}  {d.code}  {message}"
            lines.append(line)
            if d.hint:
                lines.append("    " + style(f"hint: {printable(d.hint)}{tag}", dim=True))
            if d.suppressed is not None:
                lines.append("    " + style(printable(suppressed_text(d.suppressed)),
                                            fg="green"))
        lines.append("")
    return "\n".join(lines)


def _where(location) -> str:
    if location is None:
        return "(model)"
    where = printable(str(location))
    return "./" + where if where.lstrip().startswith("::") else where


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
            printable(p.code or p.id),
            printable(p.name),
            str(p.checked),
            str(p.comply),
            _percent(p.comply, p.checked),
            printable(_failing_ids([i for i, _ in p.failing])) if p.rules
            else "(no enforcing rule ran)",
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
            out.append(printable(f"  {p.code or p.id}: unknown rules "
                                 f"{', '.join(p.unknown_rules)}"))
    return "\n".join(out)


def summary(report) -> str:
    """One line for stderr: problems by severity, how many were suppressed, the size."""
    files, elements = report.files, report.elements
    active, suppressed = report.active, len(report.suppressed)
    size = f"in {plural(files, 'file')}, {plural(elements, 'element')}"
    tail = f"; {suppressed} suppressed" if suppressed else ""
    if not active:
        return f"no problems {size}{tail}"
    counts = Counter(d.severity for d in active)
    parts = [plural(counts[s], s.value) for s in Severity if counts[s]]
    return f"{plural(len(active), 'problem')} ({', '.join(parts)}) {size}{tail}"


def statistics_table(report) -> str:
    """Findings per rule (`--statistics`): rules with findings or suppressions, most first."""
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
    rows = [(str(found[c]), str(hidden[c]), printable(c), printable(names.get(c, "")),
             printable(severity.get(c, "")),
             checked.get(c, "-")) for c in codes]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    right = {0, 1, 5}
    return "\n".join(
        "  ".join(c.rjust(w) if i in right else c.ljust(w)
                  for i, (c, w) in enumerate(zip(r, widths))).rstrip()
        for r in [header, *rows]
    )
