"""The metamodel: element kinds of the four JHS 179 viewpoints, relations and the model.

No I/O and no rule logic live here."""

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
