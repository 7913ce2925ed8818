"""`ea lint --format json`: every finding (suppressed ones marked), per-rule and
per-principle results, for scripts."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict
from typing import Any

from ...diagnostics import Diagnostic, Severity, safe_json
from .common import ordered


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
    from ... import __version__

    counts = Counter(d.severity for d in report.active)
    return {
        "version": __version__,
        "summary": {
            **{s.value: counts[s] for s in Severity},
            "suppressed": len(report.suppressed),
            "files": report.files,
            "elements": report.elements,
        },
        "findings": [_finding(d) for d in ordered(report.diagnostics)],
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
    return safe_json(json.dumps(to_dict(report), indent=2, ensure_ascii=False,
                                sort_keys=True)) + "\n"
