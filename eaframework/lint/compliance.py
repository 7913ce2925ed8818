"""Compliance per principle: how many elements in scope of the rules a principle lists
comply, and which do not; and the principle each rule's findings are labelled with."""

from __future__ import annotations

from .results import PrincipleResult


def principle_labels(model) -> dict[str, str]:
    """Rule code -> the model principle listing it (code and name), for findings."""
    from ..rules.registry import lookup

    labels: dict[str, str] = {}
    for principle in model.of_kind("principle"):
        label = f"{principle.code} {principle.name.fi}" if principle.code else principle.name.fi
        for ref in principle.rules:
            rule = lookup(ref)
            if rule is not None:
                labels.setdefault(rule.code, label)
    return labels


def compliance(model, stats, ran: set[str]) -> list[PrincipleResult]:
    from ..rules.registry import lookup

    results = []
    for principle in model.of_kind("principle"):
        codes, unknown = [], []
        for ref in principle.rules:
            rule = lookup(ref)
            if rule is None:
                unknown.append(ref)
            elif rule.code in ran and rule.code not in codes:
                codes.append(rule.code)
        checked: set[str] = set()
        failing: set[str] = set()
        for code in codes:
            checked |= stats[code].checked
            failing |= stats[code].failing
        failing &= checked
        named = sorted(
            (i, model.get(i).name.fi if model.get(i) else i) for i in failing
        )
        results.append(
            PrincipleResult(
                id=principle.id,
                code=principle.code,
                name=principle.name.fi,
                rules=codes,
                checked=len(checked),
                failing=named,
                unknown_rules=unknown,
            )
        )
    return results
