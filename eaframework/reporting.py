"""Terminal formatters for lint results: one function per format, chosen from a dict."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

import click

from .diagnostics import Diagnostic, Severity

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def format_text(diagnostics: list[Diagnostic], colour: bool = False) -> str:
    """Grouped by file: `file:line:col  severity  code  message`, then a hint line."""
    lines: list[str] = []
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    for file, group in groupby(ordered, key=lambda d: d.location.file if d.location else ""):
        for d in group:
            where = str(d.location) if d.location else "(model)"
            severity = d.severity.value
            if colour:
                severity = click.style(severity, fg=_COLOURS[d.severity], bold=True)
                where = click.style(where, bold=True)
            lines.append(f"{where}  {severity}  {d.code}  {d.message}")
            if d.hint:
                hint = f"hint: {d.hint}"
                lines.append("    " + (click.style(hint, dim=True) if colour else hint))
        lines.append("")
    return "\n".join(lines)


def summary(diagnostics: list[Diagnostic], files: int, elements: int) -> str:
    counts = Counter(d.severity for d in diagnostics)
    if not diagnostics:
        return f"no problems in {files} files, {elements} elements"
    parts = [f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}" for s in Severity if counts[s]]
    total = len(diagnostics)
    return (
        f"{total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) "
        f"in {files} files, {elements} elements"
    )


FORMATTERS = {"text": format_text}
