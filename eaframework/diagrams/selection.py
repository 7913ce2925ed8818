"""Which elements a view shows: an element is in the view when it matches an `include`
selector and no `exclude` selector; `around` takes the neighbourhood of one element.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from ..model import REVERSE, Model
from ..model.base import ElementBase
from .viewdef import ViewDefinition, forward_name

# Relations not followed by `around` unless asked for: they lead from anything to an
# organisation unit, a person or a cost centre, and from there to half the model.
NOT_AROUND = frozenset({
    "owned-by", "responsible", "member-of", "plays", "cost-allocated-to", "provided-by",
    "influences", "classified-as", "located-at", "connected-to",
})


def select(model: Model, view: ViewDefinition) -> set[str]:
    """Ids of the elements the view shows (integrations included)."""
    chosen: set[str] = set()
    units = _UnitChains(model)
    for selector in view.include:
        chosen |= _matches(model, selector, units)
    for selector in view.exclude:
        chosen -= _matches(model, selector, units, within=chosen)
    return chosen


def _matches(model: Model, selector, units: _UnitChains, within: set[str] | None = None):
    near = around(model, selector.around) if selector.around is not None else None
    if selector.id:
        candidates: Iterable[ElementBase] = [model.elements[i] for i in selector.id
                                             if i in model.elements]
    elif near is not None:
        candidates = [model.elements[i] for i in near]
    elif selector.kind:
        candidates = model.of_kind(*selector.kind)
    elif within is not None:
        candidates = [model.elements[i] for i in within]
    else:
        candidates = list(model)
    found = set()
    for element in candidates:
        if selector.kind and element.kind not in selector.kind:
            continue
        if near is not None and element.id not in near:
            continue
        if selector.viewpoint and element.viewpoint not in selector.viewpoint:
            continue
        if selector.tag and not set(selector.tag) & set(element.tags):
            continue
        if selector.state and element.state not in selector.state:
            continue
        if selector.lifecycle and (
            element.lifecycle is None or element.lifecycle.phase not in selector.lifecycle
        ):
            continue
        if selector.owner and not set(selector.owner) & units.of(element):
            continue
        if selector.has and not any(_has(model, element, name) for name in selector.has):
            continue
        if selector.where and not all(
            _same(getattr(element, key.replace("-", "_"), _MISSING), value)
            for key, value in selector.where.items()
        ):
            continue
        found.add(element.id)
    return found


_MISSING = object()


def _same(actual, wanted) -> bool:
    if actual is _MISSING or actual is None:
        return False
    return _norm(actual) == _norm(wanted)


def _norm(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(getattr(value, "value", value)).strip().lower()


def _has(model: Model, element: ElementBase, name: str) -> bool:
    forward = forward_name(name)
    if forward == name and REVERSE.get(name) != name:
        return bool(model.outgoing(element, name))
    if forward != name:
        return bool(model.incoming(element, forward))
    return bool(model.outgoing(element, name) or model.incoming(element, name))  # symmetric


def around(model: Model, spec) -> set[str]:
    """Ids within `spec.depth` relations of `spec.element`, either direction."""
    follow = {forward_name(v) for v in spec.via} if spec.via else None
    seen = {spec.element}
    queue = deque([(spec.element, 0)])
    while queue:
        current, depth = queue.popleft()
        if depth == spec.depth:
            continue
        links = [(r.type, r.target) for r in model.outgoing(current)]
        links += [(r.type, r.source) for r in model.incoming(current)]
        for relation, other in sorted(links):
            if other in seen or other not in model.elements:
                continue
            if (relation not in follow) if follow is not None else relation in NOT_AROUND:
                continue
            seen.add(other)
            queue.append((other, depth + 1))
    return seen


class _UnitChains:
    """For `owner:` selectors: the owning unit of an element and every unit above it."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.cache: dict[str, frozenset[str]] = {}

    def of(self, element: ElementBase) -> frozenset[str]:
        unit = element if element.kind == "organisation-unit" else self.model.owner_of(element)
        if unit is None:
            return frozenset()
        if unit.id not in self.cache:
            chain = [unit.id] + [u.id for u in self.model.ancestors(unit)]
            self.cache[unit.id] = frozenset(chain)
        return self.cache[unit.id]

