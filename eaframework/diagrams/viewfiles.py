"""Reading view definitions from `views/*.yaml` (one view per file, named by the file) and
saying what is wrong with them: files are read with the model loader's safe YAML reader,
validated as `ViewDefinition`, and every problem comes back as a `ViewError` at its line
and column, with a did-you-mean where one helps. References to elements are checked
against the model separately (`check_references`), because the model is known only when
rendering.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from ..diagnostics import did_you_mean
from ..files import display_name
from ..loader.positions import PositionIndex
from ..loader.pydantic_errors import allowed_keys, bad_text, is_bad_text, sentence
from ..loader.pydantic_errors import choices as expected_choices
from ..loader.source import SourceError, decode, parse
from ..model.base import ID_PATTERN
from .viewdef import DefinedView, ViewDefinition, ViewError

VIEW_SUFFIXES = (".yaml", ".yml")


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
    if is_bad_text(error):
        return f"`{where}` {bad_text(error, loc[:1] == ('title',))}", loc
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
