"""The output formats of `ea lint`: one module and one pure function per format.

Every formatter takes the whole `LintReport` and keyword options and returns text:

    FORMATTERS[name](report, colour=False, show_suppressed=False, **options) -> str

Options a format does not use are ignored, so the CLI passes the same ones to all
(`default_uri` and `srcroot` are used by `sarif`, `default_uri` by `github`). The summary
line and the per-rule table (`text.summary`, `text.statistics_table`) go to stderr.
SARIF is imported on use: it needs pydantic, which `ea lint` on an unchanged model
otherwise never loads.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .github import format_github
from .json import format_json
from .junit import format_junit
from .text import format_text

Formatter = Callable[..., str]


def _sarif(report, **options: Any) -> str:
    from .sarif import format_sarif

    return format_sarif(report, **options)


FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "sarif": _sarif,
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
