"""Where each element, relation entry and the metadata of a loaded model were written,
and what a load gives back: the model, its diagnostics and that map."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import FATAL_CODES, Diagnostic, Location
from ..model import Model, Relation
from .source import SourceFile


@dataclass
class SourceMap:
    """Where each element, relation entry and the metadata were written."""

    files: dict[str, SourceFile] = field(default_factory=dict)
    elements: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (file, index)
    relations: dict[tuple[str, str, str], tuple[str, int]] = field(default_factory=dict)
    metadata: str | None = None

    def locate(self, element_id: str, path: tuple = ()) -> Location | None:
        """The place of an element, or of a field path inside it (e.g. ("owner",))."""
        where = self.where(element_id, path)
        return None if where is None else self.at(*where)

    def locate_relation(self, relation: Relation) -> Location | None:
        where = self.where_relation(relation)
        return None if where is None else self.at(*where)

    def where(self, element_id: str, path: tuple = ()) -> tuple[str, tuple] | None:
        """(file, path in it) of what `locate` places, without reading the file."""
        where = self.elements.get(element_id)
        return None if where is None else (where[0], ("elements", where[1], *path))

    def where_relation(self, relation: Relation) -> tuple[str, tuple] | None:
        if relation.field is not None:
            return self.where(relation.source, (relation.field.replace("_", "-"),))
        where = self.relations.get(relation.key)
        return (where[0], ("relations", where[1])) if where else None

    def at(self, file: str, path: tuple) -> Location:
        source = self.files.get(file)
        if source is None:
            return Location(file)
        line, column = source.locate(path)
        return Location(file, line, column)

    def place_all(self, requests: list) -> list[Location | None]:
        """`at` for each (file, path) of `requests` (a Location or None stays as it is),
        file by file: a file's position index is dropped once its places are found, so
        that placing the findings of a large model never holds every file's index (on
        100,000 elements they would take a fifth of the memory)."""
        placed: list[Location | None] = [None] * len(requests)
        by_file: dict[str, list[int]] = {}
        for index, request in enumerate(requests):
            if type(request) is tuple:
                by_file.setdefault(request[0], []).append(index)
            else:
                placed[index] = request
        for file, indexes in by_file.items():
            for index in indexes:
                placed[index] = self.at(file, requests[index][1])
            source = self.files.get(file)
            if source is not None:
                source.forget_positions()
        return placed


@dataclass
class LoadResult:
    model: Model
    diagnostics: list[Diagnostic]
    sources: SourceMap

    @property
    def fatal(self) -> bool:
        """Whether some input could not be used at all."""
        return any(d.code in FATAL_CODES for d in self.diagnostics)
