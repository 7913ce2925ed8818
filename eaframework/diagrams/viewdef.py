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

Files are read with the model loader's safe YAML reader, validated by pydantic with unknown
keys forbidden, and every problem comes back as a `ViewError` at its line and column, with
a did-you-mean where one helps. References to elements are checked against the model
separately (`check_references`), because the model is known only when rendering.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationError, field_validator

from ..diagnostics import did_you_mean
from ..files import display_name
from ..loader.positions import PositionIndex
from ..loader.pydantic_errors import allowed_keys, sentence
from ..loader.pydantic_errors import choices as expected_choices
from ..loader.source import SourceError, decode, parse
from ..model import KINDS, RELATIONS, REVERSE, Phase, State, Viewpoint
from ..model.base import ID_PATTERN, ElementId, LocalText, Strict

VIEW_SUFFIXES = (".yaml", ".yml")
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
    title: LocalText
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


def view_files(folder: Path) -> list[Path]:
    """The view files of a folder (not its subfolders), sorted."""
    return sorted(p for p in folder.iterdir() if p.suffix in VIEW_SUFFIXES and p.is_file())


def load_views(folder: Path) -> tuple[list[DefinedView], list[ViewError]]:
    """Every view in `folder`, and every problem found in them."""
    views: list[DefinedView] = []
    errors: list[ViewError] = []
    for path in view_files(folder):
        name = display_name(path)
        try:
            text = decode(path.read_bytes())
        except OSError as exc:
            errors.append(ViewError(name, f"cannot read file: {exc.strerror or exc}"))
            continue
        except SourceError as exc:
            errors.append(ViewError(name, exc.message, exc.line, exc.column))
            continue
        view, problems = parse_view(name, text, path.stem)
        errors.extend(problems)
        if view is not None:
            views.append(view)
    return views, errors


def parse_view(file: str, text: str, name: str) -> tuple[DefinedView | None, list[ViewError]]:
    """One view from the text of its file; `name` (the file name without suffix) is its id."""
    if not re.match(ID_PATTERN, name):
        return None, [ViewError(file, f"{name!r} is not a view name: name the file with a "
                                      "lowercase slug, e.g. jarjestelmakartta-sivistys.yaml")]
    try:
        data = parse(text)  # also rejects duplicate keys, at the second one
    except SourceError as exc:
        return None, [ViewError(file, exc.message, exc.line, exc.column)]
    positions = PositionIndex(text)
    if not isinstance(data, dict):
        return None, [ViewError(file, "a view file must be a mapping with at least `title:` "
                                      "and `include:`")]
    if data.get("id", name) != name:
        line, column = positions.find(("id",))
        return None, [ViewError(file, f"id {data['id']!r} differs from the file name "
                                      f"{name!r}; a view is named by its file", line, column)]
    errors: list[ViewError] = []
    try:
        definition = ViewDefinition.model_validate({**data, "id": name}, by_alias=True,
                                                   by_name=False)
    except ValidationError as exc:
        found = exc.errors(include_url=False)
        for error in found:
            if error["type"] == "too_short" and any(len(e["loc"]) > 1 for e in found):
                continue  # items that failed: said better by their own errors
            message, path = explain(error, data)
            line, column = positions.find(path)
            errors.append(ViewError(file, message, line, column))
        return None, errors
    return DefinedView(definition, file, positions), []


def explain(error: dict, data: object = None) -> tuple[str, tuple]:
    """A sentence for one pydantic error, and the path in the file it is about."""
    loc = _as_written(tuple(error["loc"]), data)
    kind = error["type"]
    value = error.get("input")
    where = _path_text(loc)
    if kind == "extra_forbidden":
        allowed = _keys_at(loc[:-1])
        return f"unknown key {loc[-1]!r} in {_place(loc[:-1])}{did_you_mean(loc[-1], allowed)}", loc
    if kind == "missing":
        return f"{_place(loc[:-1])} is missing the required key `{loc[-1]}`", loc[:-1]
    if kind in ("literal_error", "enum"):
        choices = expected_choices(error)
        hint = did_you_mean(str(value), choices)
        what = {"kind": "an element kind", "has": "a relation", "via": "a relation",
                "relations": "a relation"}.get(_field(loc), "allowed here")
        listed = "" if hint or len(choices) > 12 else f"; use one of {', '.join(choices)}"
        return f"`{where}`: {value!r} is not {what}{hint}{listed}", loc
    if kind == "string_pattern_mismatch":
        return f"`{where}`: {value!r} is not an element id (a lowercase slug)", loc
    if kind == "too_short" and _field(loc) == "include":
        return "`include` needs at least one selector (e.g. `- kind: information-system`)", loc
    return f"`{where}`: {sentence(error)}", loc


def _as_written(loc: tuple, data: object) -> tuple:
    """The error's path as the file has it: a single value given where a list is allowed
    is validated as item 0 of a list, but written without one."""
    written: list = []
    for step in loc:
        if isinstance(step, int) and not isinstance(data, list):
            continue
        written.append(step)
        data = data.get(step) if isinstance(data, dict) else (
            data[step] if isinstance(data, list) and isinstance(step, int)
            and step < len(data) else None)
    return tuple(written)


def _path_text(loc: tuple) -> str:
    """include[1].kind, as a person would point at it."""
    text = ""
    for step in loc:
        text += f"[{step}]" if isinstance(step, int) else f".{step}" if text else str(step)
    return text


def _field(loc: tuple) -> str:
    names = [p for p in loc if isinstance(p, str)]
    return names[-1] if names else ""


def _place(loc: tuple) -> str:
    return "the view" if not loc else f"`{_path_text(loc)}`"


def _keys_at(loc: tuple) -> list[str]:
    return allowed_keys(ViewDefinition, loc)


def check_references(view: DefinedView, model) -> list[ViewError]:
    """Element ids the view names that the model does not have, each at its place."""
    errors: list[ViewError] = []
    for section in ("include", "exclude"):
        for index, selector in enumerate(getattr(view.definition, section)):
            for key, wanted in (("id", None), ("owner", "organisation-unit")):
                for position, ref in enumerate(getattr(selector, key)):
                    problem = _reference_problem(ref, model, wanted)
                    if problem:
                        path = (section, index, key, position)
                        errors.append(view.at(path, f"`{_path_text(path[:3])}`: {problem}"))
            if selector.around is not None:
                problem = _reference_problem(selector.around.element, model, None)
                if problem:
                    errors.append(view.at((section, index, "around", "element"),
                                          f"`{section}[{index}].around.element`: {problem}"))
    return errors


def _reference_problem(ref: str, model, kind: str | None) -> str | None:
    element = model.get(ref)
    if element is None:
        candidates: Iterable[str] = model.elements
        if len(model.elements) > 5000:
            candidates = [c for c in model.elements if c.startswith(ref[:3])]
        return f"{ref!r} is not an element of the model{did_you_mean(ref, candidates)}"
    if kind is not None and element.kind != kind:
        kind = element.kind.replace('-', ' ')
        article = 'an' if kind[0] in 'aeiou' else 'a'
        return f"{ref!r} is {article} {kind}, not an organisation unit"
    return None
