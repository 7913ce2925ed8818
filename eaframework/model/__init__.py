"""The metamodel: element kinds of the four JHS 179 viewpoints, relations and the model.

`base` holds what every element has (and its lifecycle questions: `is_live`, `is_planned`
...), one module per viewpoint its kinds, `elements` the registry of kinds, `relations` the
one table of allowed (source kind, relation, target kind) triples, `model` the assembled
`Model` with its domain queries (`owner_of`, `is_internal`, `uses_information` ...), and
`vocabulary` every word shown for all of these. No I/O and no rule logic live here, and
it imports nothing else of eaframework: every other layer builds on it.

The modules that define pydantic classes leave out `from __future__ import annotations`:
with it, pydantic evaluates every annotation string again when it collects a class's fields
(about 5 ms of every start of `ea`)."""

from .base import (
    ElementBase,
    ElementId,
    Lifecycle,
    Phase,
    State,
    Suppression,
    Text,
    Viewpoint,
)
from .crossview import Costs, DevelopmentProject, ImpactAssessment, Principle
from .elements import ELEMENT_CLASSES, KINDS, VIEWPOINT_OF_KIND, Element, Metadata, kind_of
from .information import (
    Archiving,
    Criticality,
    DataGroup,
    Dataset,
    Disclosure,
    InformationResource,
    Medium,
    Publicity,
)
from .model import Model
from .operations import (
    Audience,
    Channel,
    ChannelType,
    OrganisationUnit,
    Owned,
    Person,
    Process,
    ProcessCategory,
    Role,
    Service,
    Stakeholder,
    TaskClass,
)
from .relations import RELATIONS, REVERSE, Relation, RelationEntry, allowed
from .systems import (
    Contract,
    DataOwnership,
    InformationSystem,
    Integration,
    Interface,
    InterfaceStyle,
    Openness,
    Sourcing,
    TransferMethod,
)
from .technology import (
    Location,
    Network,
    Platform,
    PlatformType,
    ServiceCategory,
    TechnologyService,
)

__all__ = [name for name in dir() if not name.startswith("_")]
