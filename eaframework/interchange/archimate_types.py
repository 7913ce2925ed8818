"""The one table between our metamodel and ArchiMate 3.1: each kind's element type and
each relation's relationship type (with its direction and attributes).

Exporters read it forwards; importers read it backwards, and take a foreign element or
relationship as one of ours only where that is clear (`imports`, and exactly one relation
fitting the type and both ends). `docs/archimate-mapping.md` is generated from it
(`mapping_doc`), and a test keeps the page current.

Choices are valid ArchiMate 3.1 relationships (Archi's relationship table): where ArchiMate
has no specific relationship for ours (ownership, responsibility, cost allocation ...), it
is a directed Association, and the exported file says which of ours it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..model import RELATIONS, allowed
from ..model.generic import ARCHIMATE_ELEMENT_TYPES

GENERIC_KIND = "archimate-element"

# In schema order (archimate3_Model.xsd).
RELATIONSHIP_TYPES: tuple[str, ...] = (
    "Composition", "Aggregation", "Assignment", "Realization", "Serving", "Access",
    "Influence", "Triggering", "Flow", "Specialization", "Association",
)
ELEMENT_TYPES: tuple[str, ...] = tuple(ARCHIMATE_ELEMENT_TYPES)
ACCESS_TYPES = ("Access", "Read", "Write", "ReadWrite")


@dataclass(frozen=True)
class KindType:
    type: str
    imports: bool  # foreign elements of this type become this kind
    why: str


@dataclass(frozen=True)
class RelType:
    """An ArchiMate relationship for one of our relations. `reverse`: the ArchiMate
    source is our target (a unit aggregates its parts; a platform serves its systems)."""

    type: str
    reverse: bool = False
    access: str | None = None  # accessType of an Access relationship
    directed: bool = False  # isDirected of an Association

    def attributes(self) -> dict[str, str]:
        if self.type == "Access":
            return {"accessType": self.access or "Access"}
        if self.type == "Association" and self.directed:
            return {"isDirected": "true"}
        return {}

    def describe(self) -> str:
        extra = [f"accessType {self.access}"] if self.access else []
        extra += ["directed"] if self.directed else []
        extra += ["reversed"] if self.reverse else []
        return self.type + (f" ({', '.join(extra)})" if extra else "")


@dataclass(frozen=True)
class RelationType:
    default: RelType
    why: str
    by_source: dict[str, RelType] = field(default_factory=dict)  # source kind -> type
    by_target: dict[str, RelType] = field(default_factory=dict)  # target kind -> type
    broad: bool = False  # a foreign relationship is this only if nothing narrower fits


KIND_TYPES: dict[str, KindType] = {
    "organisation-unit": KindType("BusinessActor", True, "an organisation or a unit of one"),
    "role": KindType("BusinessRole", True, "a role"),
    "person": KindType("BusinessActor", False, "a person is an actor too; imported as a "
                       "unit unless the file says person"),
    "stakeholder": KindType("Stakeholder", True, "a stakeholder group"),
    "service": KindType("BusinessService", True, "a service offered to customers or inside"),
    "channel": KindType("BusinessInterface", True, "where a service is offered"),
    "process": KindType("BusinessProcess", True, "a process"),
    "task-class": KindType("BusinessFunction", False, "a records-plan task class groups "
                           "work by function; other functions are not task classes"),
    "information-resource": KindType("DataObject", True, "a body of data kept for a purpose"),
    "data-group": KindType("BusinessObject", True, "a concept or data group"),
    "dataset": KindType("DataObject", False, "a part of a resource; imported as a resource "
                        "unless the file says dataset"),
    "information-system": KindType("ApplicationComponent", True, "an information system"),
    "interface": KindType("ApplicationInterface", True, "an interface a system exposes"),
    "integration": KindType("ApplicationInteraction", False, "data moving between two "
                            "systems; other interactions have no source and target"),
    "platform": KindType("Node", True, "a server, cluster or cloud tenancy"),
    "technology-service": KindType("TechnologyService", True, "an infrastructure service"),
    "network": KindType("CommunicationNetwork", True, "a network"),
    "location": KindType("Location", True, "a place"),
    "principle": KindType("Principle", True, "an architecture principle"),
    "development-project": KindType("WorkPackage", True, "a development project"),
    "impact-assessment": KindType("Assessment", False, "a TiHL impact assessment; other "
                                  "assessments are not"),
}

_ASSOCIATION = RelType("Association", directed=True)
_SERVED = RelType("Serving", reverse=True)

RELATION_TYPES: dict[str, RelationType] = {
    "owned-by": RelationType(_ASSOCIATION, "ArchiMate has no ownership relationship"),
    "responsible": RelationType(_ASSOCIATION, "the person responsible for a system"),
    "part-of": RelationType(
        RelType("Aggregation", reverse=True), "the whole aggregates its parts",
        by_source={"role": _ASSOCIATION},
    ),
    "member-of": RelationType(RelType("Aggregation", reverse=True), "a unit aggregates its "
                              "people"),
    "plays": RelationType(RelType("Assignment"), "an actor is assigned to a role"),
    "serves": RelationType(_ASSOCIATION, "a stakeholder is not served by a relationship"),
    "delivered-through": RelationType(RelType("Assignment", reverse=True), "an interface "
                                      "is assigned to the service it offers"),
    "realizes": RelationType(RelType("Realization"), "a process realizes a service"),
    "uses": RelationType(
        _SERVED, "what is used serves the user; data is read",
        by_target={"information-resource": RelType("Access", access="Read"),
                   "dataset": RelType("Access", access="Read")},
        broad=True,
    ),
    "classified-as": RelationType(_ASSOCIATION, "a records-plan classification"),
    "holds": RelationType(RelType("Realization"), "data realizes the concepts it holds"),
    "mastered-in": RelationType(_ASSOCIATION, "the master resource of core data"),
    "provided-by-register": RelationType(_ASSOCIATION, "the base register providing it"),
    "provided-by": RelationType(_ASSOCIATION, "the organisation providing it"),
    "supports": RelationType(RelType("Serving"), "a system serves a process or service"),
    "stores": RelationType(RelType("Access", access="ReadWrite"), "a system reads and "
                           "writes its data"),
    "exposes": RelationType(RelType("Composition"), "an interface is part of its system"),
    "runs-on": RelationType(_SERVED, "the platform serves what runs on it"),
    "cost-allocated-to": RelationType(_ASSOCIATION, "who pays which share"),
    "flows-from": RelationType(RelType("Flow", reverse=True), "data flows from the source "
                               "system into the integration"),
    "flows-to": RelationType(RelType("Flow"), "data flows from the integration to the "
                             "target system"),
    "carries": RelationType(RelType("Access", access="Access"), "the data an integration "
                            "moves"),
    "through": RelationType(_SERVED, "the interface serves the integration"),
    "via": RelationType(_SERVED, "the integration platform serves the integration"),
    "located-at": RelationType(RelType("Aggregation", reverse=True), "a location "
                               "aggregates what is there"),
    "connected-to": RelationType(_ASSOCIATION, "nodes are associated with networks"),
    "adds": RelationType(_ASSOCIATION, "a project brings the element in"),
    "replaces": RelationType(_ASSOCIATION, "a project takes the element away"),
    "assessed-by": RelationType(_ASSOCIATION, "the impact assessment of a project"),
    "associated-with": RelationType(RelType("Association"), "any other link (with "
                                    "`archimate-type` when it was another relationship)"),
    "influences": RelationType(
        _ASSOCIATION, "a principle influences motivation elements; anything else is "
        "associated",
        by_target={kind: RelType("Influence") for kind in
                   ("principle", "stakeholder", "impact-assessment")},
    ),
}


def element_type(kind: str) -> str:
    return KIND_TYPES[kind].type


@cache
def relationship_type(relation: str, source_kind: str, target_kind: str) -> RelType:
    entry = RELATION_TYPES[relation]
    return (entry.by_source.get(source_kind) or entry.by_target.get(target_kind)
            or entry.default)


# -- reading backwards --------------------------------------------------------------------
IMPORTED_KIND: dict[str, str] = {
    spec.type: kind for kind, spec in KIND_TYPES.items() if spec.imports
}


def kinds_of_type(archimate_type: str) -> tuple[str, ...]:
    """Our kinds written as this ArchiMate type."""
    return tuple(kind for kind, spec in KIND_TYPES.items() if spec.type == archimate_type)


@cache
def infer_relation(archimate_type: str, source_kind: str, target_kind: str
                   ) -> tuple[str, bool] | None:
    """(our relation, reversed) for a relationship of this type between elements of these
    kinds, where exactly one of ours fits; a specific relationship is never guessed from
    an Association. With several fits, those in the relationship's own direction win,
    then the narrower ones (`runs-on` over `uses`)."""
    if archimate_type == "Association":
        return None
    fits = []
    for relation in RELATION_TYPES:
        for reverse in (False, True):
            ours = (target_kind, source_kind) if reverse else (source_kind, target_kind)
            if not allowed(relation, *ours) or "*" in RELATIONS[relation][2]:
                continue
            spec = relationship_type(relation, *ours)
            if spec.type == archimate_type and spec.reverse == reverse:
                fits.append((relation, reverse))
    if len(fits) > 1:
        fits = [fit for fit in fits if not fit[1]] or fits
    if len(fits) > 1:
        fits = [fit for fit in fits if not RELATION_TYPES[fit[0]].broad]
    return fits[0] if len(fits) == 1 else None


# -- Archi's CSV names ----------------------------------------------------------------------
def csv_element_type(archimate_type: str) -> str:
    """Archi's class name: the same, but one `Junction` (its type is a property)."""
    return "Junction" if archimate_type in ("AndJunction", "OrJunction") else archimate_type


def csv_relationship_type(archimate_type: str) -> str:
    return archimate_type + "Relationship"


if __name__ == "__main__":  # python -m eaframework.interchange.archimate_types > docs/...
    from .mapping_doc import mapping_markdown

    print(mapping_markdown(), end="")
