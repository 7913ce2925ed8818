"""Typed relations between elements and the table of which ones are allowed.

Only one direction is ever written (by a reference field such as `owner:` or in a file's
`relations:` list); the reverse name is for reading and display.
"""

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Annotated

from pydantic import Field, StringConstraints

from .base import ElementId, Strict
from .values import Line, Prose

# relation type -> (reverse name, allowed source kinds, allowed target kinds)
_O = ("organisation-unit",)
_SYS = ("information-system",)
_INFO = ("information-resource", "dataset", "data-group")
_TECH = ("platform", "technology-service")
_OWNED = (
    "service",
    "channel",
    "process",
    "information-resource",
    "data-group",
    "dataset",
    "information-system",
    "interface",
    "integration",
    "platform",
    "technology-service",
    "network",
    "principle",
    "development-project",
)
_ANY = ("*",)

RELATIONS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "owned-by": ("owner-of", _OWNED, _O),
    "responsible": ("responsible-for", _SYS, ("person",)),
    "part-of": (
        "has-part",
        ("organisation-unit", "process", "task-class", "role", "dataset"),
        ("organisation-unit", "process", "task-class", "information-resource"),
    ),
    "member-of": ("has-member", ("person",), _O),
    "plays": ("played-by", ("person",), ("role",)),
    "serves": ("served-by", ("service",), ("stakeholder",)),
    "delivered-through": ("delivers", ("service",), ("channel",)),
    "realizes": ("realized-by", ("process",), ("service",)),
    "uses": (
        "used-by",
        ("service", "channel", "process", "information-system"),
        _SYS + ("information-resource", "dataset") + _TECH,
    ),
    "classified-as": ("classifies", ("process", "dataset"), ("task-class",)),
    "holds": ("held-in", ("information-resource", "dataset"), ("data-group",)),
    "mastered-in": ("masters", ("data-group",), ("information-resource",)),
    "provided-by-register": ("provides-register-data", ("data-group",), _SYS),
    "provided-by": ("provides", _SYS + _TECH, _O),
    "supports": ("supported-by", _SYS, ("process", "service")),
    "stores": ("stored-in", _SYS, ("information-resource", "dataset")),
    "exposes": ("exposed-by", _SYS, ("interface",)),
    "runs-on": ("hosts", _SYS + _TECH, _TECH),
    "cost-allocated-to": ("pays-for", _SYS, _O),
    "flows-from": ("source-of", ("integration",), _SYS),
    "flows-to": ("target-of", ("integration",), _SYS),
    "carries": ("carried-by", ("integration",), _INFO),
    "through": ("used-for", ("integration",), ("interface",)),
    "via": ("routes", ("integration",), _TECH),
    "located-at": ("location-of", ("platform", "network"), ("location",)),
    "connected-to": ("connects", ("platform",), ("network",)),
    "adds": ("added-by", ("development-project",), _ANY),
    "replaces": ("replaced-by", ("development-project",), _ANY),
    "assessed-by": ("assesses", ("development-project",), ("impact-assessment",)),
    # For anything the reference fields do not cover; written in `relations:` lists.
    "associated-with": ("associated-with", _ANY, _ANY),
    "influences": ("influenced-by", ("principle",), _ANY),
}

REVERSE: dict[str, str] = {rel: spec[0] for rel, spec in RELATIONS.items()}


def allowed(relation: str, source_kind: str, target_kind: str) -> bool:
    """Whether (source kind, relation, target kind) is in the table."""
    spec = RELATIONS.get(relation)
    if spec is None:
        return False
    _, sources, targets = spec
    return ("*" in sources or source_kind in sources) and ("*" in targets or target_kind in targets)


RelationName = Annotated[str, StringConstraints(min_length=1)]


class RelationEntry(Strict):
    """A relation as written in a file's `relations:` list."""

    type: RelationName
    source: ElementId
    target: ElementId
    description: Prose | None = None
    properties: dict[Line, Prose] = Field(default_factory=dict)


@dataclass(slots=True, unsafe_hash=True)
class Relation:
    """One typed relation of the model, whether written as a field or in a list.

    `field` names the reference field it came from (None for list entries), so that a
    finding about it can be located. A plain dataclass: models have hundreds of thousands.
    Treated as immutable but not frozen: a frozen dataclass sets each field through
    object.__setattr__, which made creating one 4-5 times slower (0.45 s of a
    306,000-relation load); it is hashed by value like a frozen one.
    """

    type: str
    source: str
    target: str
    field: str | None = None
    description: str | None = None
    properties: dict[str, str] | None = dc_field(default=None, compare=False, hash=False)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.type, self.target)
