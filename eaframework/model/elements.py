"""The element union (discriminated by `kind`), the registry of kinds and the metadata."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from .base import ElementBase, Strict, Viewpoint
from .crossview import DevelopmentProject, ImpactAssessment, Principle
from .generic import GenericElement
from .information import DataGroup, Dataset, InformationResource
from .operations import (
    Channel,
    OrganisationUnit,
    Person,
    Process,
    Role,
    Service,
    Stakeholder,
    TaskClass,
)
from .systems import InformationSystem, Integration, Interface
from .technology import Location, Network, Platform, TechnologyService
from .values import Date, Prose

ELEMENT_CLASSES: tuple[type[ElementBase], ...] = (
    OrganisationUnit,
    Role,
    Person,
    Stakeholder,
    Service,
    Channel,
    Process,
    TaskClass,
    InformationResource,
    DataGroup,
    Dataset,
    InformationSystem,
    Interface,
    Integration,
    Platform,
    TechnologyService,
    Network,
    Location,
    Principle,
    DevelopmentProject,
    ImpactAssessment,
    GenericElement,
)

Element = Annotated[Union[ELEMENT_CLASSES], Field(discriminator="kind")]  # noqa: UP007


def kind_of(cls: type[ElementBase]) -> str:
    return cls.model_fields["kind"].annotation.__args__[0]  # Literal["..."]


KINDS: dict[str, type[ElementBase]] = {kind_of(cls): cls for cls in ELEMENT_CLASSES}
VIEWPOINT_OF_KIND: dict[str, Viewpoint] = {k: cls.viewpoint for k, cls in KINDS.items()}


class Metadata(Strict):
    """Facts about the model as a whole (TiHL §4: who approved it and when)."""

    organisation: Prose
    business_id: Prose | None = None
    description: Prose | None = None
    approved_by: Prose | None = None
    approved_on: Date | None = None
    last_reviewed: Date | None = None
    version: Prose | None = None
    contact: Prose | None = None
