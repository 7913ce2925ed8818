"""What a comparison of two models finds, as plain data: the `ModelDiff` that
`diff.compare` returns and `diff_report` renders, and the `Ref` that names an element in
both languages. No logic beyond a few derived properties.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from ..model import ElementBase, Model


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
    old_left_out: list[str] = field(default_factory=list)  # files that could not be read
    new_left_out: list[str] = field(default_factory=list)

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


def ref(model: Model, element: ElementBase | str | None) -> Ref | None:
    if element is None:
        return None
    if isinstance(element, str):
        found = model.get(element)
        if found is None:
            return Ref(element, "?", element)
        element = found
    return Ref(element.id, element.kind, element.name.fi, element.name.en)
