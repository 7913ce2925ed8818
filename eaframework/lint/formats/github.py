"""`ea lint --format github`: GitHub Actions workflow-command annotations."""

from __future__ import annotations

from typing import Any

from ...diagnostics import Severity, printable
from .common import ordered, rule_title

_GITHUB = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Workflow command data: %, CR and LF are escaped; every other control character
    (ESC, DEL, bidi overrides...) is shown escaped (`printable`), so none reaches the log."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Workflow command property values (a file name among them): as data, plus ':' and
    ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report, *, default_uri: str | None = None, **_: Any) -> str:
    """GitHub Actions annotations, one line per unsuppressed finding:
    `::error file=F,line=L,col=C,title=EA301 system-has-owner::message` (warning ->
    `::warning`, info -> `::notice`); the hint and principle follow the message on a second
    line of the annotation."""
    lines = []
    for d in ordered(report.active):
        props: list[tuple[str, str]] = []
        if d.location is not None:
            props += [("file", d.location.file), ("line", str(max(d.location.line, 1))),
                      ("col", str(max(d.location.column, 1)))]
        elif default_uri:
            props += [("file", default_uri), ("line", "1")]
        props.append(("title", rule_title(d.code, d.rule)))
        text = d.message
        tag = f" [{d.principle}]" if d.principle else ""
        text += f"\nhint: {d.hint}{tag}" if d.hint else tag
        joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
        lines.append(f"::{_GITHUB[d.severity]} {joined}::{escape_data(text)}")
    return "".join(line + "\n" for line in lines)
