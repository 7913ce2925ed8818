"""Semantic diff of two versions of a model: what a reviewer or a council needs to know,
not which lines moved.

`compare(old, new)` takes two loaded models (and, optionally, their lint reports) and
returns a `ModelDiff`: elements added, removed and changed field by field; names changed
under a kept id; ids changed under kept content ("possibly renamed"); relations added and
removed; and the changes that decisions are about, pulled out on their own: ownership,
costs and lifecycle. With lint reports it also lists the findings that appear and
disappear, matched by (code, element, field, message), never by line, and how each
principle's compliance moved.

Pure: no files, no git, no printing. `diff_report` renders a `ModelDiff`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..model import ElementBase, Model
from .diff_findings import compare_findings
from .diff_result import (
    CostChange,
    ElementChange,
    FieldChange,
    IdChange,
    LifecycleChange,
    ModelDiff,
    OwnershipChange,
    Presence,
    Ref,
    RelationChange,
    ref,
)

__all__ = ["COST_FIELDS", "ModelDiff", "Ref", "compare", "ref"]

# Fields whose change is a cost change: kind -> dotted paths in the file's spelling.
COST_FIELDS: dict[str, tuple[str, ...]] = {
    "information-system": ("annual-cost",),
    "development-project": ("costs.investment", "costs.annual", "expected-annual-benefit"),
}


# -- comparing -----------------------------------------------------------------------------
def compare(
    old: Model,
    new: Model,
    old_lint=None,
    new_lint=None,
    old_label: str = "old",
    new_label: str = "new",
) -> ModelDiff:
    """The semantic difference from `old` to `new`. Lint reports (`lint.LintReport`) are
    optional: without them the findings sections stay empty and `linted` is False."""
    diff = ModelDiff(old_label, new_label, len(old), len(new))
    added_ids = [i for i in new.elements if i not in old.elements]
    removed_ids = [i for i in old.elements if i not in new.elements]
    diff.id_changes, renames = _id_changes(old, new, removed_ids, added_ids)
    gone = set(removed_ids) - set(renames)
    came = set(added_ids) - set(renames.values())
    diff.added = [_presence(new, new.elements[i]) for i in added_ids if i in came]
    diff.removed = [_presence(old, old.elements[i]) for i in removed_ids if i in gone]

    pairs = [(old.elements[i], e) for i, e in new.elements.items() if i in old.elements]
    pairs += [(old.elements[o], new.elements[n]) for o, n in renames.items()]
    for before, after in pairs:
        _compare_element(diff, old, new, before, after, renames)
    _compare_relations(diff, old, new, renames, gone, came)
    diff.old_annual_cost = _annual_cost(old)
    diff.new_annual_cost = _annual_cost(new)
    if old_lint is not None and new_lint is not None:
        compare_findings(diff, old, new, old_lint, new_lint, renames)
    return diff


def _presence(model: Model, element: ElementBase) -> Presence:
    lifecycle = element.lifecycle
    return Presence(
        ref(model, element),
        ref(model, model.owner_of(element)),
        lifecycle.phase.value if lifecycle else None,
        getattr(element, "annual_cost", None),
    )


def _compare_element(diff, old, new, before, after, renames) -> None:
    if before is after or before == after:
        return
    fields = _field_changes(before, after, renames)
    if not fields:
        return
    now = ref(new, after)
    old_name = before.name.fi if before.name.fi != after.name.fi else None
    if before.id == after.id:
        diff.changed.append(ElementChange(now, fields, old_name))
    owner_old, owner_new = old.owner_of(before), new.owner_of(after)
    if (owner_old.id if owner_old else None) != (owner_new.id if owner_new else None):
        diff.ownership.append(OwnershipChange(now, ref(old, owner_old), ref(new, owner_new)))
    by_path = {c.path: c for c in fields}
    for path in COST_FIELDS.get(after.kind, ()):
        if path in by_path:
            change = by_path[path]
            diff.costs.append(CostChange(now, path, change.old, change.new))
    if any(c.path == "state" or c.path.startswith("lifecycle") for c in fields):
        a, b = before.lifecycle, after.lifecycle
        diff.lifecycle.append(LifecycleChange(
            now,
            a.phase.value if a else None, b.phase.value if b else None,
            before.state.value, after.state.value,
            _iso(a.start) if a else None, _iso(b.start) if b else None,
            _iso(a.end) if a else None, _iso(b.end) if b else None,
        ))


def _field_changes(before: ElementBase, after: ElementBase, renames: dict) -> list[FieldChange]:
    old = _flatten(_dump(before, renames))
    new = _flatten(_dump(after, {}))
    paths = list(old) + [p for p in new if p not in old]
    return [FieldChange(p, old.get(p), new.get(p)) for p in paths
            if p != "id" and old.get(p) != new.get(p)]


def _dump(element: ElementBase, renames: dict) -> dict:
    """The element as a file holds it, with references to renamed ids written anew, so
    that following a rename is not reported as a change."""
    data = element.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    if not renames:
        return data
    for name in type(element).reference_fields:
        key = name.replace("_", "-")
        value = data.get(key)
        if isinstance(value, str):
            data[key] = renames.get(value, value)
        elif isinstance(value, list):
            data[key] = [renames.get(v, v) for v in value]
        elif isinstance(value, dict):
            data[key] = {renames.get(k, k): v for k, v in value.items()}
    return data


def _flatten(data: dict, prefix: str = "") -> dict[str, Any]:
    """Dotted paths to leaves; lists are leaves (compared whole, shown item by item)."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            flat.update(_flatten(value, path + "."))
        else:
            flat[path] = value
    return flat


def _id_changes(old: Model, new: Model, removed: list[str], added: list[str]):
    """Pairs of (removed, added) elements that are probably one element whose id changed:
    the same kind and content apart from the id, or else the same kind and name (each
    unique among the candidates). Returns the changes and {old id: new id}."""
    if not removed or not added:
        return [], {}
    changes: list[IdChange] = []
    renames: dict[str, str] = {}

    def content(element: ElementBase) -> str:
        data = element.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        data.pop("id", None)
        return json.dumps(data, sort_keys=True)

    by_content: dict[str, list[str]] = {}
    for i in added:
        by_content.setdefault(content(new.elements[i]), []).append(i)
    for i in removed:
        matches = [m for m in by_content.get(content(old.elements[i]), []) if m not in
                   renames.values()]
        if len(matches) == 1:
            renames[i] = matches[0]
            changes.append(IdChange(ref(old, i), ref(new, matches[0]), True, []))

    def by_name(model: Model, ids: Iterable[str]) -> dict[tuple[str, str], str | None]:
        found: dict[tuple[str, str], str | None] = {}
        for i in ids:
            element = model.elements[i]
            key = (element.kind, element.name.fi)
            found[key] = None if key in found else i  # None: not unique
        return found

    left = by_name(old, (i for i in removed if i not in renames))
    right = by_name(new, (i for i in added if i not in renames.values()))
    for key, old_id in left.items():
        new_id = right.get(key)
        if old_id and new_id:
            renames[old_id] = new_id
            fields = _field_changes(old.elements[old_id], new.elements[new_id], {})
            changes.append(IdChange(ref(old, old_id), ref(new, new_id), False, fields))
    return changes, renames


def _compare_relations(diff, old: Model, new: Model, renames: dict, gone: set, came: set) -> None:
    def key(r, translate: bool):
        if not translate:
            return (r.source, r.type, r.target)
        return (renames.get(r.source, r.source), r.type, renames.get(r.target, r.target))

    before = {key(r, True): r for r in old.relations}
    after = {key(r, False): r for r in new.relations}
    for k, r in after.items():
        if k not in before:
            diff.relations_added.append(RelationChange(
                ref(new, r.source), r.type, ref(new, r.target), _alias(r.field),
                r.source in came or r.target in came))
    for k, r in before.items():
        if k not in after:
            diff.relations_removed.append(RelationChange(
                ref(old, r.source), r.type, ref(old, r.target), _alias(r.field),
                r.source in gone or r.target in gone))


def _annual_cost(model: Model) -> float:
    total = 0.0
    for system in model.of_kind("information-system"):
        if system.annual_cost and system.is_live:
            total += system.annual_cost
    return total


def _alias(name: str | None) -> str | None:
    return name.replace("_", "-") if name else None


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None
