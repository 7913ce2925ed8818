"""What the ArchiMate exchange file and Archi's CSV files hold, format-neutral: a model,
its elements and relationships with names, documentation and properties.

Exporters build an `Exchange` from our model (`encode`), then write XML or CSV from it;
importers read XML or CSV into one, then turn it into our model (`decode`). So the mapping
to our metamodel lives in one place for both formats.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

# (language or None, text)
LangText = tuple[str | None, str]

NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
ELEMENT_ID_PREFIX = "id-"
RELATIONSHIP_ID_PREFIX = "rel-"
DEFAULT_MODEL_NAME = "eaframework model"
MODEL_IDENTIFIER = "id-model"


class InterchangeError(Exception):
    """Input that cannot be imported (or a model that cannot be exported): one line for
    the person, with the place where there is one."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 file: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.file = file  # one file of several (Archi's CSV files), by name

    def where(self, source: str) -> str:
        """`source[/file]:line:col: message`; `source` is what the person gave."""
        place = f"{source.rstrip('/')}/{self.file}" if self.file else source
        if self.line is None:
            return f"{place}: {self.message}"
        return f"{place}:{self.line}:{self.column or 1}: {self.message}"


@dataclass(slots=True)  # slots: an exchange file has tens of thousands of these
class Concept:
    """An ArchiMate element or relationship."""

    identifier: str
    type: str  # exchange-format type: BusinessActor, Serving ...
    names: list[LangText] = field(default_factory=list)
    documentation: list[LangText] = field(default_factory=list)
    properties: list[tuple[str, str]] = field(default_factory=list)
    source: str | None = None  # relationships only: identifiers of the ends
    target: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)  # accessType, isDirected ...
    folder: str | None = None  # viewpoint, for the organizations (export only)
    line: int | None = None  # where it was read (import only)


@dataclass
class Exchange:
    identifier: str = MODEL_IDENTIFIER
    names: list[LangText] = field(default_factory=list)
    documentation: list[LangText] = field(default_factory=list)
    properties: list[tuple[str, str]] = field(default_factory=list)
    version: str | None = None
    elements: list[Concept] = field(default_factory=list)
    relationships: list[Concept] = field(default_factory=list)
    property_types: dict[str, str] = field(default_factory=dict)  # key -> string|boolean|...
    diagrams: list[Diagram] = field(default_factory=list)
    # Our ids -> the file's identifiers (export), for the diagrams' references.
    element_ids: dict[str, str] = field(default_factory=dict)
    relationship_ids: dict[tuple[str, str, str], str] = field(default_factory=dict)
    dublin_core: dict[str, str] = field(default_factory=dict)  # title, creator ... (export)
    # Found in an imported file and not carried over: what -> how many.
    not_kept: dict[str, int] = field(default_factory=dict)
    # What an import dropped that the model could have held: "what (why)", each naming
    # its identifier; any makes the import exit 1.
    lost: list[str] = field(default_factory=list)


def element_identifier(element_id: str) -> str:
    return ELEMENT_ID_PREFIX + element_id


def relationship_base_id(source: str, relation: str, target: str) -> str:
    """A relationship's id from its ends and type: the same in every run."""
    digest = hashlib.blake2b(f"{source}\x1f{relation}\x1f{target}".encode(),
                             digest_size=8).hexdigest()
    return RELATIONSHIP_ID_PREFIX + digest


def property_definition_ids(keys) -> dict[str, str]:
    """A readable, stable identifier for each property key (`propid-ea-sourcing`)."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for key in sorted(keys):
        slug = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "key"
        candidate = f"propid-{slug}"
        if candidate in taken:
            candidate += "-" + hashlib.blake2b(key.encode(), digest_size=4).hexdigest()
        taken.add(candidate)
        ids[key] = candidate
    return ids


@dataclass
class DiagramNode:
    """A box on a diagram: an element (`element_ref`, our id; the exporter writes the
    file's identifier) or a labelled group holding others. Coordinates are absolute, in
    pixels, from the top left corner."""

    identifier: str
    x: int
    y: int
    w: int
    h: int
    element_ref: str | None = None
    label: list[LangText] = field(default_factory=list)
    children: list[DiagramNode] = field(default_factory=list)


@dataclass
class DiagramConnection:
    identifier: str
    relationship_ref: str  # the file's identifier; set from `relation` when written
    source: str  # node identifiers
    target: str
    relation: tuple[str, str, str] | None = None  # our (source, relation, target)


@dataclass
class Diagram:
    identifier: str
    names: list[LangText]
    documentation: list[LangText] = field(default_factory=list)
    nodes: list[DiagramNode] = field(default_factory=list)
    connections: list[DiagramConnection] = field(default_factory=list)
