"""From files to a model: validate every element, resolve references into typed relations,
and report every problem of the whole model in one run, each at its place.

This module reads and validates the files (EA001-EA006); `resolve` turns references into
relations (EA007-EA010); `messages` lists the codes; `pydantic_errors` words validation
errors; `sourcemap` remembers where everything was written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from ..diagnostics import Diagnostic, Location, did_you_mean
from ..files import display_name, model_files
from ..model import KINDS, Element, ElementBase, Metadata, Model
from ..model.fileformat import API_VERSION, TOP_LEVEL_KEYS
from ..model.relations import RelationEntry
from . import source as source_io
from .gc_pause import gc_paused
from .limits import Limits, file_size, too_many_bytes, too_many_elements
from .messages import label, load_error, yaml_type
from .pydantic_errors import explain
from .resolve import resolve
from .source import SourceError, SourceFile
from .sourcemap import LoadResult, SourceMap

_ELEMENT = TypeAdapter(Element)
_METADATA = TypeAdapter(Metadata)
_RELATION = TypeAdapter(RelationEntry)
# A whole file's list in one call: the usual, valid case costs one call into pydantic-core
# instead of one per element. Any error, and the file is validated item by item instead,
# which finds, explains and locates every problem exactly as before.
_ELEMENTS = TypeAdapter(list[Element])
_RELATIONS = TypeAdapter(list[RelationEntry])


def load_model(
    paths: str | os.PathLike | Iterable[str | os.PathLike], limits: Limits | None = None
) -> LoadResult:
    """Load a model from a folder, a file or several of them. Never raises for bad input:
    problems come back as diagnostics, fatal ones marked by `LoadResult.fatal`. A model
    over `limits` (see `limits`) is one fatal EA001, found before it is read."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    with gc_paused():
        return _Assembler(limits).run([Path(p) for p in paths])


def load_texts(files: dict[str, str], limits: Limits | None = None) -> LoadResult:
    """Load a model from texts in memory ({file name: YAML text}): for docs, tests, `ea
    diff` and imports. `limits.max_bytes` counts characters here."""
    assembler = _Assembler(limits)
    size = sum(len(text) for text in files.values())
    if size > assembler.limits.max_bytes:
        first = min(files, default="")
        assembler.report("EA001", too_many_bytes(size, len(files), assembler.limits.max_bytes),
                         Location(first))
        files = {}
    for name, text in files.items():
        if assembler.over_limit:
            break
        assembler.read_text(name, text)
    model = assembler.assemble()
    assembler.diagnostics.sort(key=Diagnostic.sort_key)
    return LoadResult(model, assembler.diagnostics, assembler.sources)


class _Assembler:
    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self.element_count = 0  # elements in the files read so far, valid or not
        self.over_limit = False  # a limit was reached: read no further
        self.sources = SourceMap()
        self.diagnostics: list[Diagnostic] = []
        self.elements: list[ElementBase] = []
        self.entries: list[tuple[RelationEntry, str, int]] = []
        self.metadata: Metadata | None = None

    # -- reading ----------------------------------------------------------------------
    def run(self, paths: list[Path]) -> LoadResult:
        found: list[Path] = []
        for path in paths:
            if not path.exists():
                self.report("EA001", f"no such file or folder: {path}", Location(str(path)))
                continue
            files = model_files(path)
            if not files:
                self.report("EA001", "folder holds no .yaml model files", Location(str(path)))
            found.extend(files)
        size = sum(file_size(file) for file in found)
        if size > self.limits.max_bytes:
            self.report("EA001", too_many_bytes(size, len(found), self.limits.max_bytes),
                        Location(str(paths[0])))
            found = []
        for file in found:
            if self.over_limit:
                break
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
        try:
            self.read_data(source)
        finally:
            # The parsed data is validated into elements now; kept, a whole model's plain
            # dicts and lists would double the memory a load holds (positions come from
            # the text, not from the data).
            source.data = None

    def read_data(self, source: SourceFile) -> None:
        name = source.name
        self.sources.files[name] = source
        for problem in source.problems:
            self.report(problem.code, problem.message, Location(name, problem.line, problem.column))
        data = source.data
        if not isinstance(data, dict):
            what = "empty" if data is None else f"a {yaml_type(data)}"
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
        if self.too_many_elements(name, data.get("elements")):
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
                    f"`{key}:` must be a list, not a {yaml_type(items)}",
                    self.sources.at(name, (key,)),
                )
                continue
            if self.read_all(name, key, items):
                continue
            for index, item in enumerate(items):
                reader(name, index, item)

    def too_many_elements(self, name: str, items: object) -> bool:
        """Whether this file's elements take the model over `max_elements`: then it is
        reported here, and neither this file's elements nor any further file are read."""
        if not isinstance(items, list):
            return False
        self.element_count += len(items)
        if self.element_count <= self.limits.max_elements:
            return False
        self.over_limit = True
        self.report("EA001", too_many_elements(self.element_count, self.limits.max_elements),
                    self.sources.at(name, ("elements",)))
        return True

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
                f"not a {yaml_type(item)}",
                self.sources.at(name, path),
            )
            return
        try:
            element = _ELEMENT.validate_python(item, by_alias=True, by_name=False)
        except ValidationError as exc:
            element_id = item.get("id")
            kind = item.get("kind")
            cls = KINDS.get(kind) if isinstance(kind, str) else None
            self.report_validation(exc, name, path, label(item), cls, element=element_id)
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
        relations = resolve(self.elements, self.entries, self.sources, self.report)
        return Model(self.elements, relations, self.metadata)

    # -- reporting --------------------------------------------------------------------
    def report(self, code: str, message: str, location: Location | None, **kw) -> None:
        self.diagnostics.append(load_error(code, message, location, **kw))

    def report_validation(self, exc, file, path, what, cls, element=None) -> None:
        for error in exc.errors(include_url=False):
            message, loc = explain(error, what, cls)
            self.report(
                "EA005",
                message,
                self.sources.at(file, (*path, *loc)),
                element=element if isinstance(element, str) else None,
                field=".".join(str(p) for p in loc) or None,
            )
