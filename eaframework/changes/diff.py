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
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from ..diagnostics import Diagnostic
from ..model import ElementBase, Model

# Fields whose change is a cost change: kind -> dotted paths in the file's spelling.
COST_FIELDS: dict[str, tuple[str, ...]] = {
    "information-system": ("annual-cost",),
    "development-project": ("costs.investment", "costs.annual", "expected-annual-benefit"),
}
RETIRED = "retired"


@dataclass(frozen=True)
class Ref:
    """An element as reports name it, in both languages."""

    id: str
    kind: str
    name: str  # Finnish
    name_en: str | None = None

    def label(self, lang: str = "fi") -> str:
        return (self.name_en or self.name) if lang == "en" else self.name


@dataclass(frozen=True)
class FieldChange:
    """One leaf that differs; a list is one leaf. None stands for 'not set'."""

    path: str  # in the file's spelling: contract.data-ownership, cost-allocation.ou-x
    old: Any
    new: Any

    @property
    def items_added(self) -> list:
        return [i for i in self.new or [] if i not in (self.old or [])] if self._lists else []

    @property
    def items_removed(self) -> list:
        return [i for i in self.old or [] if i not in (self.new or [])] if self._lists else []

    @property
    def _lists(self) -> bool:
        """Both sides are lists, or one is a list and the other not set."""
        kinds = {type(v) for v in (self.old, self.new) if v is not None}
        return kinds == {list}


@dataclass
class ElementChange:
    element: Ref  # as it is now
    fields: list[FieldChange]
    old_name: str | None = None  # set when the name changed under the same id

    @property
    def renamed(self) -> bool:
        return self.old_name is not None


@dataclass
class Presence:
    """An element that is only on one side, with what a reader asks first about it."""

    element: Ref
    owner: Ref | None
    phase: str | None
    annual_cost: float | None


@dataclass
class IdChange:
    """A removed and an added element that look like one element under a new id."""

    old: Ref
    new: Ref
    same_content: bool  # everything but the id is equal; else the kind and name are
    fields: list[FieldChange]


@dataclass(frozen=True)
class RelationChange:
    source: Ref
    type: str
    target: Ref
    via_field: str | None  # the reference field that writes it, None for a `relations:` entry
    with_new_or_gone: bool  # one end is an added or removed element


@dataclass(frozen=True)
class OwnershipChange:
    element: Ref
    old: Ref | None
    new: Ref | None


@dataclass(frozen=True)
class CostChange:
    element: Ref
    field: str
    old: float | None
    new: float | None

    @property
    def delta(self) -> float:
        return (self.new or 0) - (self.old or 0)


@dataclass(frozen=True)
class LifecycleChange:
    element: Ref
    old_phase: str | None
    new_phase: str | None
    old_state: str
    new_state: str
    old_start: str | None
    new_start: str | None
    old_end: str | None
    new_end: str | None


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    element: Ref | None
    field: str | None
    message: str
    principle: str | None
    rule: str | None
    location: str | None  # file:line:col on its own side


@dataclass
class PrincipleChange:
    code: str | None
    name: str
    old_checked: int
    old_comply: int
    new_checked: int
    new_comply: int
    newly_failing: list[Ref]
    no_longer_failing: list[Ref]
    new_findings: int  # findings attributed to this principle that appeared


@dataclass
class ModelDiff:
    old_label: str
    new_label: str
    old_elements: int
    new_elements: int
    added: list[Presence] = field(default_factory=list)
    removed: list[Presence] = field(default_factory=list)
    changed: list[ElementChange] = field(default_factory=list)
    id_changes: list[IdChange] = field(default_factory=list)
    relations_added: list[RelationChange] = field(default_factory=list)
    relations_removed: list[RelationChange] = field(default_factory=list)
    ownership: list[OwnershipChange] = field(default_factory=list)
    costs: list[CostChange] = field(default_factory=list)
    lifecycle: list[LifecycleChange] = field(default_factory=list)
    old_annual_cost: float = 0.0  # recorded annual-cost of the systems not retired
    new_annual_cost: float = 0.0
    linted: bool = False
    findings_new: list[Finding] = field(default_factory=list)
    findings_gone: list[Finding] = field(default_factory=list)
    principles: list[PrincipleChange] = field(default_factory=list)

    @property
    def renamed(self) -> list[ElementChange]:
        return [c for c in self.changed if c.renamed]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.id_changes
                    or self.relations_added or self.relations_removed
                    or self.findings_new or self.findings_gone)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["renamed"] = [
            {"id": c.element.id, "old_name": c.old_name, "new_name": c.element.name}
            for c in self.renamed
        ]
        for change in data["changed"]:
            change["renamed"] = change["old_name"] is not None
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


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
        _compare_findings(diff, old, new, old_lint, new_lint, renames)
    return diff


def ref(model: Model, element: ElementBase | str | None) -> Ref | None:
    if element is None:
        return None
    if isinstance(element, str):
        found = model.get(element)
        if found is None:
            return Ref(element, "?", element)
        element = found
    return Ref(element.id, element.kind, element.name.fi, element.name.en)


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
        if system.annual_cost and not (system.lifecycle and system.lifecycle.phase == RETIRED):
            total += system.annual_cost
    return total


# -- findings --------------------------------------------------------------------------------
def _finding_key(d: Diagnostic, renames: dict) -> tuple:
    return (d.code, renames.get(d.element, d.element), d.field, d.message)


def _compare_findings(diff, old: Model, new: Model, old_lint, new_lint, renames: dict) -> None:
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


def _alias(name: str | None) -> str | None:
    return name.replace("_", "-") if name else None


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None
