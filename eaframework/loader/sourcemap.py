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
