"""Principle compliance and the findings of `ea lint`, as the report lists them: the
principles in code order (P2 before P10), findings most severe first, and the accepted
exceptions (suppressed findings) apart from them.
"""

from __future__ import annotations

from ...diagnostics import Diagnostic
from .records import Finding, Link, PrincipleRow, sort_name


def principles(report, ref) -> list[PrincipleRow]:
    rows = []
    for result in report.principles:
        failing = tuple(ref(i) or Link(i, name, "") for i, name in result.failing)
        rows.append(PrincipleRow(
            link=ref(result.id),
            code=result.code,
            name=ref(result.id).name if ref(result.id) else result.name,
            checked=result.checked,
            comply=result.comply,
            failing=tuple(sorted(failing, key=sort_name)),
            rules=tuple(result.rules),
        ))
    rows.sort(key=lambda r: (r.code is None, _natural(r.code or r.name)))
    return rows


def _natural(text: str) -> tuple:
    """P2 before P10."""
    head = text.rstrip("0123456789")
    tail = text[len(head):]
    return (head, int(tail) if tail else -1)


def _finding(d: Diagnostic, ref) -> Finding:
    return Finding(
        severity=d.severity,
        code=d.code,
        rule=d.rule,
        element=ref(d.element),
        message=d.message,
        hint=d.hint,
        principle=d.principle,
        location=str(d.location) if d.location else None,
        suppressed=d.suppressed,
    )


def findings(report, ref) -> tuple[list[Finding], list[Finding]]:
    def order(item: Finding) -> tuple:
        return (-item.severity.rank, item.code,
                item.element.name.casefold() if item.element else "", item.message)

    active = sorted((_finding(d, ref) for d in report.active), key=order)
    accepted = sorted((_finding(d, ref) for d in report.suppressed), key=order)
    return active, accepted
