"""The element union (discriminated by `kind`), the registry of kinds and the metadata."""

from typing import Annotated, Any, Union

from pydantic import Field, TypeAdapter
from pydantic_core import CoreSchema

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

_UNION = Annotated[Union[ELEMENT_CLASSES], Field(discriminator="kind")]  # noqa: UP007


class _UnionSchema:
    """The union's core schema, generated once per process. Pydantic generates a type's
    schema afresh in every adapter or class that holds it; the loader needs the union
    alone and in a list, `ea schema` in a model file: without this, each of them
    generates all the element classes again (about 0.02 s of every `ea lint`)."""

    built: CoreSchema | None = None

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> CoreSchema:
        # (On a class, not as Annotated metadata: this is the path on which pydantic
        # takes over the definitions, e.g. of Text, that the schema refers to.)
        if cls.built is None:
            cls.built = TypeAdapter(_UNION).core_schema
        return cls.built


class _SharedSchema:
    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> CoreSchema:
        return handler.generate_schema(_UnionSchema)


# An element of any kind, told apart by `kind`.
Element = Annotated[_UNION, _SharedSchema()]


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
