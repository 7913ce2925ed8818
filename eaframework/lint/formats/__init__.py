"""The output formats of `ea lint`: one module and one pure function per format.

Every formatter takes the whole `LintReport` and keyword options and returns text:

    FORMATTERS[name](report, colour=False, show_suppressed=False, **options) -> str

Options a format does not use are ignored, so the CLI passes the same ones to all
(`default_uri` and `srcroot` are used by `sarif`, `default_uri` by `github`). The summary
line and the per-rule table (`text.summary`, `text.statistics_table`) go to stderr.
Each format's module is imported on use (SARIF needs pydantic, which `ea lint` on an
unchanged model otherwise never loads).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

Formatter = Callable[..., str]


def _on_use(module: str, function: str) -> Formatter:
    """A formatter whose module is imported when it is first called: a run imports only
    the format it prints (junit's XML, SARIF's pydantic models cost milliseconds each)."""

    def formatter(report, **options: Any) -> str:
        found = getattr(importlib.import_module(f"{__name__}.{module}"), function)
        return found(report, **options)

    formatter.__name__ = function
    return formatter


FORMATTERS: dict[str, Formatter] = {
    "text": _on_use("text", "format_text"),
    "json": _on_use("json", "format_json"),
    "sarif": _on_use("sarif", "format_sarif"),
    "junit": _on_use("junit", "format_junit"),
    "github": _on_use("github", "format_github"),
}


def resolve_format(name: str, env: Mapping[str, str]) -> str:
    """`auto` becomes `github` under GitHub Actions (GITHUB_ACTIONS=true), else `text`."""
    if name == "auto":
        return "github" if env.get("GITHUB_ACTIONS", "").lower() == "true" else "text"
    if name not in FORMATTERS:
        raise ValueError(f"unknown format {name!r}; choose from auto, {', '.join(FORMATTERS)}")
    return name
