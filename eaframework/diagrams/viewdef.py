"""View definitions: what one diagram shows. Read from `views/*.yaml` (one view per file,
named by the file) or built in (`builtin.py`); both are the same `ViewDefinition`.

    title: {fi: Sivistyksen tietojärjestelmät, en: Education and culture systems}
    include:                       # an element is in the view if it matches any selector
      - kind: information-system
        owner: ou-sivistys         # the unit or any unit below it
    exclude:
      - lifecycle: retired
    relations: [uses, supports]    # relations drawn as edges (default: all)
    group-by: owner                # clusters: owner | division | parent | platform | category |
                                   #           kind | viewpoint | none
    direction: LR                  # TB | LR | BT | RL
    layout: auto                   # dot | osage | auto
    details: [sourcing, lifecycle] # small text under the name
    hide-unconnected: [information-system]

This module is the format (pydantic, unknown keys forbidden) and the two records around
it, `DefinedView` and `ViewError`; reading the files and wording their errors is
`viewfiles`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator

from ..diagnostics import did_you_mean
from ..loader.positions import PositionIndex
from ..model import KINDS, RELATIONS, REVERSE, Phase, State, Viewpoint
from ..model.base import ElementId, LocalName, LocalText, Strict

# Groupings that follow a relation to a containing element: that element becomes a
# cluster (nested along the same relation), not a node.
CONTAINMENT = {"owner": "owned-by", "division": "owned-by", "parent": "part-of",
               "platform": "runs-on"}
GROUPINGS = ("owner", "division", "parent", "platform", "category", "kind", "viewpoint", "none")
DETAILS = ("owner", "sourcing", "lifecycle", "vendor", "kind")
MAX_DEPTH = 6

KindName = Literal[tuple(KINDS)]  # type: ignore[valid-type]
# Forward names and their reverses (`stored-in` for `stores`) are both understood.
_RELATION_NAMES = tuple(sorted(set(RELATIONS) | set(REVERSE.values())))
RelationName = Literal[_RELATION_NAMES]  # type: ignore[valid-type]
Detail = Literal[DETAILS]  # type: ignore[valid-type]
# Every key an element of any kind can have, for `where:`.
ELEMENT_KEYS = sorted({
    info.alias or name for cls in KINDS.values() for name, info in cls.model_fields.items()
})


def _one_or_many(value: Any) -> Any:
    return (value,) if isinstance(value, (str, int, float, bool)) else value


def Many(item: Any) -> Any:  # noqa: N802 - reads as a type
    """A value or a list of values, kept as a tuple."""
    return Annotated[tuple[item, ...], BeforeValidator(_one_or_many)]


class Around(Strict):
    """Everything within `depth` relations of one element, in either direction."""

    element: ElementId
    depth: int = Field(1, ge=1, le=MAX_DEPTH)
    via: Many(RelationName) = Field((), description="relations to follow (default: all but "
                                    "ownership, people and costs)")


class Selector(Strict):
    """Elements matching every key given (each key: a value or a list of alternatives)."""

    id: Many(ElementId) = ()
    kind: Many(KindName) = ()
    viewpoint: Many(Viewpoint) = ()
    tag: Many(str) = ()
    owner: Many(ElementId) = Field((), description="owning unit, or a unit above it")
    lifecycle: Many(Phase) = ()
    state: Many(State) = ()
    has: Many(RelationName) = Field((), description="has at least one such relation")
    where: dict[str, str | bool | int | float] = Field(default_factory=dict)
    around: Around | None = None

    @field_validator("where")
    @classmethod
    def _known_keys(cls, value: dict) -> dict:
        for key in value:
            if key not in ELEMENT_KEYS:
                raise ValueError(f"no element has a key {key!r}{did_you_mean(key, ELEMENT_KEYS)}")
        return value


class ViewDefinition(Strict):
    id: ElementId
    title: LocalName
    description: LocalText | None = None
    include: tuple[Selector, ...] = Field(min_length=1)
    exclude: tuple[Selector, ...] = ()
    relations: Many(RelationName) | None = None
    # Normalised to {kind or "*": (grouping, ...)}: one grouping, nested groupings, or a
    # grouping per kind, e.g. {service: owner, channel: kind}.
    group_by: dict[str, tuple[str, ...]] = Field(default_factory=lambda: {"*": ("none",)})
    direction: Literal["TB", "LR", "BT", "RL"] = "TB"
    # dot: layered, follows the edges; osage: clusters packed as boxes in a grid, edges as
    # straight lines; auto: osage when nothing is connected, else dot.
    layout: Literal["auto", "dot", "osage"] = "auto"
    details: Many(Detail) = ()
    edge_labels: bool = True
    hide_unconnected: Many(KindName) = Field(
        (), description="kinds whose elements are left out when no edge of the view "
                        "touches them")

    @field_validator("group_by", mode="before")
    @classmethod
    def _grouping(cls, value: Any) -> dict[str, tuple[str, ...]]:
        per_kind = value if isinstance(value, dict) else {"*": value}
        result = {}
        for kind, levels in per_kind.items():
            if kind != "*" and kind not in KINDS:
                raise ValueError(f"{kind!r} is not an element kind{did_you_mean(kind, KINDS)}")
            levels = (levels,) if isinstance(levels, str) else levels
            if not isinstance(levels, (list, tuple)) or not levels:
                raise ValueError("give a grouping, a list of them, or one per kind")
            for level in levels:
                if level not in GROUPINGS:
                    hint = did_you_mean(str(level), GROUPINGS)
                    raise ValueError(f"{level!r} is not a grouping" + (
                        hint or f"; use one of {', '.join(GROUPINGS)}"))
            if any(level in CONTAINMENT for level in levels[:-1]):
                raise ValueError("owner, division, parent and platform nest clusters, so they "
                                 "can only be the last grouping of a list")
            result[kind] = tuple(levels)
        result.setdefault("*", ("none",))
        return result

    def groupings(self, kind: str) -> tuple[str, ...]:
        return self.group_by.get(kind, self.group_by["*"])

    def relation_types(self) -> frozenset[str] | None:
        """Forward relation names to draw, or None for all."""
        if self.relations is None:
            return None
        return frozenset(forward_name(name) for name in self.relations)


_FORWARD = {reverse: forward for forward, reverse in REVERSE.items() if reverse != forward}


def forward_name(relation: str) -> str:
    return _FORWARD.get(relation, relation)


@dataclass(frozen=True)
class ViewError:
    """A problem in a view definition, at its place in the file."""

    file: str
    message: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class DefinedView:
    """A view and where it came from (None for built-in views)."""

    definition: ViewDefinition
    file: str | None = None
    positions: PositionIndex | None = None

    @property
    def id(self) -> str:
        return self.definition.id

    def at(self, path: tuple, message: str) -> ViewError:
        line, column = self.positions.find(path) if self.positions else (1, 1)
        return ViewError(self.file or "(built-in view)", message, line, column)
