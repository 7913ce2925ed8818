"""From files to a model: validate every element, resolve references into typed relations,
and report every problem of the whole model in one run, each at its place.

Codes (the loader's part of the EA0xx integrity group):
- EA001 unreadable-file, EA002 invalid-yaml, EA003 not-a-model-file: the file cannot be
  used at all (exit 2);
- EA004 duplicate-key, EA005 invalid-element, EA006 duplicate-id, EA007 unknown-reference,
  EA008 relation-not-allowed, EA009 unknown-relation-type, EA010 part-of-cycle: the model
  is read, and these are reported as errors (exit 1).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..diagnostics import FATAL_CODES, Diagnostic, Location, Severity, did_you_mean
from ..files import display_name, model_files
from ..model import KINDS, RELATIONS, Element, ElementBase, Metadata, Model, Relation, allowed
from ..model.relations import RelationEntry
from . import source as source_io
from .source import SourceError, SourceFile

API_VERSION = "eaframework/v1"
TOP_LEVEL_KEYS = ("apiVersion", "metadata", "elements", "relations")
CODE_NAMES = {
    "EA001": "unreadable-file",
    "EA002": "invalid-yaml",
    "EA003": "not-a-model-file",
    "EA004": "duplicate-key",
    "EA005": "invalid-element",
    "EA006": "duplicate-id",
    "EA007": "unknown-reference",
    "EA008": "relation-not-allowed",
    "EA009": "unknown-relation-type",
    "EA010": "part-of-cycle",
}
MAX_SUGGESTION_CANDIDATES = 5_000  # did-you-mean stays fast on huge models

_ELEMENT = TypeAdapter(Element)
_METADATA = TypeAdapter(Metadata)
_RELATION = TypeAdapter(RelationEntry)
# A whole file's list in one call: the usual, valid case costs one call into pydantic-core
# instead of one per element. Any error, and the file is validated item by item instead,
# which finds, explains and locates every problem exactly as before.
_ELEMENTS = TypeAdapter(list[Element])
_RELATIONS = TypeAdapter(list[RelationEntry])


@dataclass
class SourceMap:
    """Where each element, relation entry and the metadata were written."""

    files: dict[str, SourceFile] = field(default_factory=dict)
    elements: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (file, index)
    relations: dict[tuple[str, str, str], tuple[str, int]] = field(default_factory=dict)
    metadata: str | None = None

    def locate(self, element_id: str, path: tuple = ()) -> Location | None:
        """The place of an element, or of a field path inside it (e.g. ("owner",))."""
        where = self.elements.get(element_id)
        if where is None:
            return None
        return self.at(where[0], ("elements", where[1], *path))

    def locate_relation(self, relation: Relation) -> Location | None:
        if relation.field is not None:
            return self.locate(relation.source, (relation.field.replace("_", "-"),))
        where = self.relations.get(relation.key)
        return self.at(where[0], ("relations", where[1])) if where else None

    def at(self, file: str, path: tuple) -> Location:
        source = self.files.get(file)
        if source is None:
            return Location(file)
        line, column = source.locate(path)
        return Location(file, line, column)


@dataclass
class LoadResult:
    model: Model
    diagnostics: list[Diagnostic]
    sources: SourceMap

    @property
    def fatal(self) -> bool:
        """Whether some input could not be used at all."""
        return any(d.code in FATAL_CODES for d in self.diagnostics)


def load_model(paths: str | os.PathLike | Iterable[str | os.PathLike]) -> LoadResult:
    """Load a model from a folder, a file or several of them. Never raises for bad input:
    problems come back as diagnostics, fatal ones marked by `LoadResult.fatal`."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    gc_was_enabled = gc.isenabled()
    gc.disable()  # the loader makes millions of small objects and no cycles
    try:
        return _Assembler().run([Path(p) for p in paths])
    finally:
        if gc_was_enabled:
            _to_oldest_generation()
            gc.enable()


def _to_oldest_generation() -> None:
    """Move what the load made to the garbage collector's oldest generation.

    With gc off during the load, the model's objects (millions, for a large model) all sit
    in the youngest generation, and the collections soon after the load would traverse
    all of them, once per generation, only to promote them: a second or more per 100,000
    elements. The model lives as long as its caller keeps it and holds no reference
    cycles; in the oldest generation only an occasional full collection looks at it.
    freeze() + unfreeze() moves everything there at once. Not done when something else
    has frozen objects, which unfreeze() would release.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def load_texts(files: dict[str, str]) -> LoadResult:
    """Load a model from texts in memory ({file name: YAML text}): for docs and tests."""
    assembler = _Assembler()
    for name, text in files.items():
        assembler.read_text(name, text)
    model = assembler.assemble()
    assembler.diagnostics.sort(key=Diagnostic.sort_key)
    return LoadResult(model, assembler.diagnostics, assembler.sources)


class _Assembler:
    def __init__(self) -> None:
        self.sources = SourceMap()
        self.diagnostics: list[Diagnostic] = []
        self.elements: list[ElementBase] = []
        self.entries: list[tuple[RelationEntry, str, int]] = []
        self.metadata: Metadata | None = None

    # -- reading ----------------------------------------------------------------------
    def run(self, paths: list[Path]) -> LoadResult:
        for path in paths:
            if not path.exists():
                self.report("EA001", f"no such file or folder: {path}", Location(str(path)))
                continue
            files = model_files(path)
            if not files:
                self.report("EA001", "folder holds no .yaml model files", Location(str(path)))
            for file in files:
                self.read_file(file)
        model = self.assemble()
        self.diagnostics.sort(key=Diagnostic.sort_key)
        return LoadResult(model, self.diagnostics, self.sources)

    def read_file(self, path: Path) -> None:
        name = display_name(path)
        try:
            source = source_io.read(path, name)
        except SourceError as exc:
            self.report(exc.code, exc.message, Location(name, exc.line, exc.column))
            return
        self.add_source(source)

    def read_text(self, name: str, text: str) -> None:
        try:
            source = source_io.from_text(name, text)
        except SourceError as exc:
            self.report(exc.code, exc.message, Location(name, exc.line, exc.column))
            return
        self.add_source(source)

    def add_source(self, source: SourceFile) -> None:
        name = source.name
        self.sources.files[name] = source
        for problem in source.problems:
            self.report(problem.code, problem.message, Location(name, problem.line, problem.column))
        data = source.data
        if not isinstance(data, dict):
            what = "empty" if data is None else f"a {_yaml_type(data)}"
            self.report(
                "EA003",
                f"a model file must be a mapping with `apiVersion: {API_VERSION}` "
                f"and `elements:`, but this one is {what}",
                Location(name),
            )
            return
        if data.get("apiVersion") != API_VERSION:
            found = data.get("apiVersion")
            self.report(
                "EA003",
                f"`apiVersion: {API_VERSION}` is missing"
                if found is None
                else f"unsupported apiVersion {found!r}; expected {API_VERSION!r}",
                self.sources.at(name, ("apiVersion",) if found is not None else ()),
            )
            return
        for key in data:
            if key not in TOP_LEVEL_KEYS:
                self.report(
                    "EA005",
                    f"unknown top-level key {key!r}{did_you_mean(key, TOP_LEVEL_KEYS)}",
                    self.sources.at(name, (key,)),
                )
        if "metadata" in data:
            self.read_metadata(name, data["metadata"])
        for key, reader in (("elements", self.read_element), ("relations", self.read_relation)):
            items = data.get(key)
            if items is None:
                continue
            if not isinstance(items, list):
                self.report(
                    "EA003",
                    f"`{key}:` must be a list, not a {_yaml_type(items)}",
                    self.sources.at(name, (key,)),
                )
                continue
            if self.read_all(name, key, items):
                continue
            for index, item in enumerate(items):
                reader(name, index, item)

    def read_all(self, name: str, key: str, items: list) -> bool:
        """Validate all of a file's elements (or relations) in one call. False, with
        nothing done, when any of them is invalid: then each is read on its own."""
        try:
            if key == "elements":
                elements = _ELEMENTS.validate_python(items, by_alias=True, by_name=False)
            else:
                entries = _RELATIONS.validate_python(items, by_alias=True, by_name=False)
        except ValidationError:
            return False
        if key == "elements":
            for index, element in enumerate(elements):
                self.add_element(name, index, element)
        else:
            self.entries.extend((entry, name, index) for index, entry in enumerate(entries))
        return True

    def read_metadata(self, name: str, data: object) -> None:
        if self.metadata is not None or self.sources.metadata is not None:
            self.report(
                "EA005",
                f"model metadata is already given in {self.sources.metadata}; give it once",
                self.sources.at(name, ("metadata",)),
            )
            return
        self.sources.metadata = name
        try:
            self.metadata = _METADATA.validate_python(data, by_alias=True, by_name=False)
        except ValidationError as exc:
            self.report_validation(exc, name, ("metadata",), "model metadata", Metadata)

    def read_element(self, name: str, index: int, item: object) -> None:
        path = ("elements", index)
        if not isinstance(item, dict):
            self.report(
                "EA005",
                f"an element must be a mapping with `kind`, `id` and `name`, "
                f"not a {_yaml_type(item)}",
                self.sources.at(name, path),
            )
            return
        try:
            element = _ELEMENT.validate_python(item, by_alias=True, by_name=False)
        except ValidationError as exc:
            element_id = item.get("id")
            kind = item.get("kind")
            cls = KINDS.get(kind) if isinstance(kind, str) else None
            self.report_validation(exc, name, path, _label(item), cls, element=element_id)
            if isinstance(element_id, str):
                # Keep the id known, so that references to it are not reported as well.
                self.sources.elements.setdefault(element_id, (name, index))
            return
        self.add_element(name, index, element)

    def add_element(self, name: str, index: int, element: ElementBase) -> None:
        """A valid element: kept, unless its id is taken (reported at this one's id)."""
        path = ("elements", index)
        first = self.sources.elements.get(element.id)
        if first is not None:
            self.report(
                "EA006",
                f"id {element.id!r} is already used by the element at "
                f"{self.sources.at(first[0], ('elements', first[1]))}; ids must be unique "
                "across the whole model",
                self.sources.at(name, (*path, "id")),
                element=element.id,
            )
            return
        self.sources.elements[element.id] = (name, index)
        self.elements.append(element)

    def read_relation(self, name: str, index: int, item: object) -> None:
        path = ("relations", index)
        try:
            entry = _RELATION.validate_python(item, by_alias=True, by_name=False)
        except ValidationError as exc:
            self.report_validation(exc, name, path, "relation", RelationEntry)
            return
        self.entries.append((entry, name, index))

    # -- assembling -------------------------------------------------------------------
    def assemble(self) -> Model:
        by_id = {e.id: e for e in self.elements}
        known = self.sources.elements  # includes ids of invalid elements
        relations: list[Relation] = []
        append = relations.append
        # (relation, source kind, target kind) -> allowed: a handful of distinct keys,
        # looked up for every one of the model's references
        verdicts: dict[tuple[str, str, str], bool] = {}
        for element in self.elements:
            kind = element.kind
            for field_name, relation, target_id in element.references():
                target = by_id.get(target_id)
                if target is None:
                    if target_id not in known:
                        alias = field_name.replace("_", "-")
                        self.unknown_reference(element, alias, relation, target_id, by_id)
                    continue
                key = (relation, kind, target.kind)
                verdict = verdicts.get(key)
                if verdict is None:
                    verdict = verdicts[key] = allowed(*key)
                if not verdict:
                    alias = field_name.replace("_", "-")
                    self.report(
                        "EA008",
                        f"`{alias}` of {_describe(element)} must refer to "
                        f"{_kinds(RELATIONS[relation][2])}, but {target_id!r} is "
                        f"{_article(target.kind)}",
                        self.sources.locate(element.id, _field_path(element, field_name, target_id)),
                        element=element.id,
                        field=alias,
                    )
                    continue
                append(Relation(relation, element.id, target_id, field=field_name))
        for entry, name, index in self.entries:
            relation = self.check_entry(entry, name, index, by_id)
            if relation is not None:
                relations.append(relation)
                self.sources.relations.setdefault(relation.key, (name, index))
        self.check_cycles(relations, by_id)
        return Model(self.elements, relations, self.metadata)

    def check_entry(self, entry, name, index, by_id) -> Relation | None:
        path = ("relations", index)
        if entry.type not in RELATIONS:
            self.report(
                "EA009",
                f"unknown relation type {entry.type!r}{did_you_mean(entry.type, RELATIONS)}",
                self.sources.at(name, (*path, "type")),
            )
            return None
        ends = []
        for end in ("source", "target"):
            end_id = getattr(entry, end)
            element = by_id.get(end_id)
            if element is None:
                if end_id not in self.sources.elements:
                    self.report(
                        "EA007",
                        f"relation {end} {end_id!r} is not an element of the model"
                        f"{self.suggest_id(end_id, by_id)}",
                        self.sources.at(name, (*path, end)),
                    )
                return None
            ends.append(element)
        source, target = ends
        if not allowed(entry.type, source.kind, target.kind):
            _, sources, targets = RELATIONS[entry.type]
            self.report(
                "EA008",
                f"relation {entry.type!r} is not allowed from {_article(source.kind)} to "
                f"{_article(target.kind)}; it goes from {_kinds(sources)} to {_kinds(targets)}",
                self.sources.at(name, path),
            )
            return None
        return Relation(
            entry.type,
            entry.source,
            entry.target,
            description=entry.description,
            properties=entry.properties or None,
        )

    def check_cycles(self, relations: list[Relation], by_id: dict) -> None:
        parent = {r.source: r.target for r in relations if r.type == "part-of"}
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done
        for start in parent:
            path = []
            node = start
            while node in parent and state.get(node) is None:
                state[node] = 1
                path.append(node)
                node = parent[node]
            if state.get(node) == 1:  # came back to the current path: a cycle
                cycle = path[path.index(node):]
                first = min(cycle)
                names = " -> ".join([*cycle[cycle.index(first):], *cycle[: cycle.index(first)]])
                element = by_id[first]
                self.report(
                    "EA010",
                    f"part-of hierarchy of {_describe(element)} is a cycle: {names} -> {first}",
                    self.sources.locate(first, ("part-of",)) or self.sources.locate(first),
                    element=first,
                )
            for visited in path:
                state[visited] = 2

    def unknown_reference(self, element, alias, relation, target_id, by_id) -> None:
        kinds = RELATIONS[relation][2]
        candidates = by_id if "*" in kinds else {
            i: e for i, e in by_id.items() if e.kind in kinds
        }
        self.report(
            "EA007",
            f"`{alias}` of {_describe(element)} refers to {target_id!r}, which is not an "
            f"element of the model{self.suggest_id(target_id, candidates)}",
            self.sources.locate(element.id, _field_path(element, alias.replace("-", "_"), target_id)),
            element=element.id,
            field=alias,
        )

    def suggest_id(self, wrong: str, candidates) -> str:
        if len(candidates) > MAX_SUGGESTION_CANDIDATES:
            prefix = wrong[:3]
            candidates = [c for c in candidates if c.startswith(prefix)][:MAX_SUGGESTION_CANDIDATES]
        return did_you_mean(wrong, candidates)

    # -- reporting --------------------------------------------------------------------
    def report(self, code: str, message: str, location: Location | None, **kw) -> None:
        self.diagnostics.append(
            Diagnostic(
                code=code,
                message=message,
                severity=Severity.ERROR,
                location=location,
                rule=CODE_NAMES[code],
                **kw,
            )
        )

    def report_validation(self, exc, file, path, label, cls, element=None) -> None:
        for error in exc.errors(include_url=False):
            message, loc = _explain(error, label, cls)
            self.report(
                "EA005",
                message,
                self.sources.at(file, (*path, *loc)),
                element=element if isinstance(element, str) else None,
                field=".".join(str(p) for p in loc) or None,
            )


# -- turning pydantic's errors into sentences ---------------------------------------------
def _explain(error: dict, label: str, cls: type[BaseModel] | None) -> tuple[str, tuple]:
    """A message naming the element and the field, with a did-you-mean, and the path of
    the field inside the element (the discriminator's tag removed)."""
    kind_tag = error["loc"][:1] if cls is not None and error["loc"][:1] == (_kind(cls),) else ()
    loc = tuple(error["loc"][len(kind_tag):])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    where = f"`{'.'.join(str(p) for p in loc)}` of {label}" if loc else label
    if kind == "union_tag_invalid":
        tag = ctx.get("tag")
        return f"unknown kind {tag!r} of {label}{did_you_mean(tag, KINDS)}", ("kind",)
    if kind == "union_tag_not_found":
        return f"{label} has no `kind`; it is one of: {', '.join(KINDS)}", ()
    if kind == "extra_forbidden":
        key = loc[-1] if loc else "?"
        allowed_keys = _keys_at(cls, loc[:-1])
        return f"unknown key {key!r} in {label}{did_you_mean(key, allowed_keys)}", loc
    if kind == "missing":
        return f"{label} is missing the required key `{loc[-1]}`", loc[:-1]
    if kind in ("enum", "literal_error"):
        expected = ctx.get("expected", "")
        choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]
        value = error.get("input")
        return (
            f"{where}: {value!r} is not one of {', '.join(choices)}"
            f"{did_you_mean(value, choices)}",
            loc,
        )
    if kind == "string_pattern_mismatch" and loc[-1:] == ("id",):
        return (
            f"id {error.get('input')!r} of {label} must be a lowercase slug: a letter, then "
            "letters, digits and hyphens (e.g. sys-asianhallinta)",
            loc,
        )
    if kind == "string_pattern_mismatch":
        return (
            f"{where}: {error.get('input')!r} is not an element id (a lowercase slug)",
            loc,
        )
    return f"{where}: {_lower_first(error['msg'])}", loc


def _keys_at(cls: type[BaseModel] | None, loc: tuple) -> list[str]:
    """The keys allowed at `loc` inside `cls`, following nested models."""
    for step in loc:
        if cls is None or isinstance(step, int):
            continue
        field_info = _field_by_alias(cls, step)
        cls = _nested_model(field_info.annotation) if field_info else None
    if cls is None:
        return []
    return [f.alias or n for n, f in cls.model_fields.items()]


def _field_by_alias(cls: type[BaseModel], alias: str):
    for name, info in cls.model_fields.items():
        if (info.alias or name) == alias:
            return info
    return None


def _nested_model(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _nested_model(arg)
        if found is not None:
            return found
    meta = getattr(annotation, "__metadata__", None)
    if meta is not None:
        return _nested_model(annotation.__origin__)
    return None


def _field_path(element: ElementBase, field_name: str, target: str) -> tuple:
    alias = field_name.replace("_", "-")
    value = getattr(element, field_name, None)
    if isinstance(value, tuple) and target in value:
        return (alias, value.index(target))
    if isinstance(value, dict):
        return (alias, target)
    return (alias,)


def _kind(cls) -> str:
    return cls.model_fields["kind"].annotation.__args__[0] if "kind" in cls.model_fields else ""


def _label(item: dict) -> str:
    kind = item.get("kind")
    kind = kind if isinstance(kind, str) and kind in KINDS else "element"
    element_id = item.get("id")
    return f"{kind} {element_id!r}" if isinstance(element_id, str) else f"{kind} without an id"


def _describe(element: ElementBase) -> str:
    return f"{element.kind} {element.id!r}"


def _article(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _kinds(kinds: tuple[str, ...]) -> str:
    if "*" in kinds:
        return "any element"
    names = [_article(k) for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _yaml_type(value: object) -> str:
    return {dict: "mapping", list: "list", str: "string", int: "number", float: "number",
            bool: "boolean"}.get(type(value), type(value).__name__)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
