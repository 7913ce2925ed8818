"""The lint findings that appear and disappear between two versions of a model, matched by
(code, element, field, message), never by line, and how each principle's compliance moved.
"""

from __future__ import annotations

from collections import Counter

from ..diagnostics import Diagnostic
from ..model import Model
from .diff_result import Finding, PrincipleChange, ref


def _finding_key(d: Diagnostic, renames: dict) -> tuple:
    return (d.code, renames.get(d.element, d.element), d.field, d.message)


def compare_findings(diff, old: Model, new: Model, old_lint, new_lint, renames: dict) -> None:
    diff.linted = True
    before = [d for d in old_lint.active]
    after = [d for d in new_lint.active]
    counts = Counter(_finding_key(d, renames) for d in before)
    for d in after:  # each finding on the new side cancels one equal finding on the old
        k = _finding_key(d, {})
        if counts[k] > 0:
            counts[k] -= 1
        else:
            diff.findings_new.append(_finding(new, d))
    counts = Counter(_finding_key(d, {}) for d in after)
    for d in before:
        k = _finding_key(d, renames)
        if counts[k] > 0:
            counts[k] -= 1
        else:
            diff.findings_gone.append(_finding(old, d))
    diff.principles = _principles(diff, old, new, old_lint, new_lint)


def _finding(model: Model, d: Diagnostic) -> Finding:
    return Finding(
        d.code, d.severity.value, ref(model, d.element) if d.element else None, d.field,
        d.message, d.principle, d.rule, str(d.location) if d.location else None,
    )


def _principles(diff, old, new, old_lint, new_lint) -> list[PrincipleChange]:
    before = {p.code or p.id: p for p in old_lint.principles}
    changes = []
    for p in new_lint.principles:
        q = before.get(p.code or p.id)
        old_failing = {i for i, _ in q.failing} if q else set()
        new_failing = {i for i, _ in p.failing}
        label = f"{p.code} {p.name}" if p.code else p.name
        attributed = sum(1 for f in diff.findings_new if f.principle == label)
        if q and (q.checked, q.comply, old_failing) == (p.checked, p.comply, new_failing) \
                and not attributed:
            continue
        changes.append(PrincipleChange(
            p.code, p.name,
            q.checked if q else 0, q.comply if q else 0, p.checked, p.comply,
            [ref(new, i) for i in sorted(new_failing - old_failing)],
            [ref(old, i) for i in sorted(old_failing - new_failing)],
            attributed,
        ))
    return changes
