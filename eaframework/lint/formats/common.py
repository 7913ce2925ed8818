"""Pieces more than one output format shows the same way."""

from __future__ import annotations

from ...diagnostics import Diagnostic


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def ordered(diagnostics) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)


def suppressed_text(s) -> str:
    """`suppressed: reason (approved by X, until D)` for an accepted exception."""
    extra = []
    if s.approved_by:
        extra.append(f"approved by {s.approved_by}")
    if s.expires:
        extra.append(f"until {s.expires}")
    if s.kind == "external":
        extra.append("in the configuration")
    return f"suppressed: {s.reason}" + (f" ({', '.join(extra)})" if extra else "")


def rule_title(code: str, name: str | None) -> str:
    """`EA301 system-has-owner`, or the code alone for a rule without a name."""
    return f"{code} {name}" if name else code
