"""A lint report read back from the result cache, every field checked.

An entry that reaches here passed the cache's keyed hash, so this user's eaframework wrote
it; it is still checked field by field, in plain Python (the warm path of `ea lint` imports
no pydantic), so that data of any other shape is a cache miss and never reaches a
formatter: exactly the keys `to_data` writes, strings where strings belong, counts that are
whole numbers from 0 to 2**53, known severities. A field added to `Diagnostic` is
read as optional text; one of another type needs its check here.
"""

from __future__ import annotations

import dataclasses

from ..diagnostics import Diagnostic, Location, Severity, Suppressed

MAX_COUNT = 2**53
_SEVERITIES = {s.value: s for s in Severity}
_REPORT = frozenset({"diagnostics", "files", "elements", "rules", "principles"})
_DIAGNOSTIC = frozenset(f.name for f in dataclasses.fields(Diagnostic)) - {"extra"}
_LOCATION = frozenset(f.name for f in dataclasses.fields(Location))
_SUPPRESSED = frozenset(f.name for f in dataclasses.fields(Suppressed))
_OPTIONAL = tuple(sorted(_DIAGNOSTIC - {"code", "message", "severity", "location", "suppressed"}))
_TEXT_OR_NONE = frozenset({str, type(None)})


class Unfit(ValueError):
    """The data is not a report `to_data` wrote."""


def report_fields(data) -> dict:
    """The keyword arguments of LintReport for `data`; Unfit when anything is off."""
    from .results import PrincipleResult, RuleResult

    _record(data, _REPORT)
    rule_keys = frozenset(f.name for f in dataclasses.fields(RuleResult))
    principle_keys = frozenset(f.name for f in dataclasses.fields(PrincipleResult))
    return {
        "diagnostics": [_diagnostic(d) for d in _list(data["diagnostics"])],
        "files": _count(data["files"]),
        "elements": _count(data["elements"]),
        "rules": [
            RuleResult(code=_text(r["code"]), name=_text(r["name"]),
                       severity=_text(r["severity"]), checked=_count(r["checked"]),
                       findings=_count(r["findings"]), suppressed=_count(r["suppressed"]))
            for r in _list(data["rules"]) if _record(r, rule_keys)
        ],
        "principles": [
            PrincipleResult(
                id=_text(p["id"]), code=_optional(p["code"]), name=_text(p["name"]),
                rules=[_text(r) for r in _list(p["rules"])], checked=_count(p["checked"]),
                failing=[_pair(f) for f in _list(p["failing"])],
                unknown_rules=[_text(r) for r in _list(p["unknown_rules"])],
            )
            for p in _list(data["principles"]) if _record(p, principle_keys)
        ],
    }


def _diagnostic(data) -> Diagnostic:
    # Inline, and the optional texts checked by C-level map: a cached report may hold
    # tens of thousands of findings, and this is the warm path.
    if type(data) is not dict or data.keys() != _DIAGNOSTIC:
        raise Unfit
    if not _TEXT_OR_NONE.issuperset(map(type, map(data.__getitem__, _OPTIONAL))):
        raise Unfit
    fields = dict(data)
    severity = fields["severity"]
    severity = _SEVERITIES.get(severity) if type(severity) is str else None
    if severity is None or type(fields["code"]) is not str or type(fields["message"]) is not str:
        raise Unfit
    fields["severity"] = severity
    location = fields["location"]
    if location is not None:
        _record(location, _LOCATION)
        fields["location"] = Location(_text(location["file"]), _count(location["line"]),
                                      _count(location["column"]))
    suppressed = fields["suppressed"]
    if suppressed is not None:
        _record(suppressed, _SUPPRESSED)
        fields["suppressed"] = Suppressed(
            _text(suppressed["kind"]), _text(suppressed["reason"]),
            _optional(suppressed["approved_by"]), _optional(suppressed["expires"]))
    return Diagnostic(**fields)


def _record(value, keys: frozenset) -> bool:
    if type(value) is not dict or value.keys() != keys:
        raise Unfit
    return True


def _list(value) -> list:
    if type(value) is not list:
        raise Unfit
    return value


def _text(value) -> str:
    if type(value) is not str:
        raise Unfit
    return value


def _optional(value) -> str | None:
    return None if value is None else _text(value)


def _count(value) -> int:
    if type(value) is not int or not 0 <= value <= MAX_COUNT:
        raise Unfit
    return value


def _pair(value) -> tuple[str, str]:
    if type(value) is not list or len(value) != 2:
        raise Unfit
    return _text(value[0]), _text(value[1])
