"""Operations viewpoint (toiminta-arkkitehtuuri): who does what for whom."""

from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import Field

from .base import ElementBase, Ref, Viewpoint
from .values import Count, Prose


class Owned(ElementBase):
    """An element with one responsible organisation unit (TiHL §4, principle P8)."""

    owner: Ref | None = Field(None, description="the organisation unit responsible for it")


class OrganisationUnit(ElementBase):
    """A unit of the organisation (toimiala, yksikkö) or an external organisation."""

    viewpoint: ClassVar = Viewpoint.OPERATIONS
    reference_fields: ClassVar = {"part_of": "part-of"}

    kind: Literal["organisation-unit"]
    external: bool = Field(False, description="outside the organisation (vendor, authority)")
    authority: bool = Field(False, description="an external public authority (e.g. DVV, Kela)")
    part_of: Ref | None = None
    business_id: Prose | None = Field(None, description="Y-tunnus")
    contact: Prose | None = None


class Role(ElementBase):
    """A role (rooli), e.g. system main user or records manager."""

    viewpoint: ClassVar = Viewpoint.OPERATIONS
    reference_fields: ClassVar = {"unit": "part-of"}

    kind: Literal["role"]
    unit: Ref | None = None


class Person(ElementBase):
    """A named person (henkilö), e.g. the official responsible for a system."""

    viewpoint: ClassVar = Viewpoint.OPERATIONS
    reference_fields: ClassVar = {"unit": "member-of", "roles": "plays"}

    kind: Literal["person"]
    unit: Ref | None = None
    roles: tuple[Ref, ...] = ()
    title: Prose | None = None
    email: Prose | None = None
    phone: Prose | None = None


class Stakeholder(ElementBase):
    """A stakeholder group (sidosryhmä): residents, families, companies, other authorities."""

    viewpoint: ClassVar = Viewpoint.OPERATIONS

    kind: Literal["stakeholder"]


class Audience(StrEnum):
    CITIZEN = "citizen"
    BUSINESS = "business"
    INTERNAL = "internal"


class Service(Owned):
    """A service (palvelu) the organisation provides, citizen-facing or internal."""

    viewpoint: ClassVar = Viewpoint.OPERATIONS
    reference_fields: ClassVar = {
        "owner": "owned-by",
        "channels": "delivered-through",
        "serves": "serves",
        "uses": "uses",
    }

    kind: Literal["service"]
    audience: Audience = Audience.CITIZEN
    e_service: bool = Field(False, description="offered as an electronic service (e-asiointi)")
    channels: tuple[Ref, ...] = ()
    serves: tuple[Ref, ...] = ()
    uses: tuple[Ref, ...] = Field((), description="systems and technology services it uses")
    user_involvement: Prose | None = Field(None, description="how users took part (principle P4)")
    yearly_volume: Count | None = None

    @property
    def citizen_facing(self) -> bool:
        return self.audience is not Audience.INTERNAL


class ChannelType(StrEnum):
    WEB = "web"
    MOBILE = "mobile"
    PHONE = "phone"
    OFFICE = "office"
    EMAIL = "email"
    MESSAGING = "messaging"
    CHAT = "chat"
    LETTER = "letter"


class Channel(Owned):
    """A customer channel (asiointikanava): web portal, service point, phone."""

    viewpoint: ClassVar = Viewpoint.OPERATIONS
    reference_fields: ClassVar = {"owner": "owned-by", "uses": "uses"}

    kind: Literal["channel"]
    channel_type: ChannelType | None = None
    uses: tuple[Ref, ...] = ()


class ProcessCategory(StrEnum):
    CORE = "core"  # ydinprosessi
    STEERING = "steering"  # ohjausprosessi
    SUPPORT = "support"  # tukiprosessi


class Process(Owned):
    """A process (prosessi): core, steering or support, possibly part of a larger one."""

    viewpoint: ClassVar = Viewpoint.OPERATIONS
    reference_fields: ClassVar = {
        "owner": "owned-by",
        "part_of": "part-of",
        "realizes": "realizes",
        "uses": "uses",
        "task_class": "classified-as",
    }

    kind: Literal["process"]
    category: ProcessCategory | None = None
    part_of: Ref | None = None
    realizes: tuple[Ref, ...] = Field((), description="services this process produces")
    uses: tuple[Ref, ...] = Field((), description="systems and information resources used")
    task_class: Ref | None = None
    manual: bool = Field(False, description="carried out without information systems")
    manual_steps: Count | None = None
    yearly_volume: Count | None = None


class TaskClass(ElementBase):
    """A task class (tehtäväluokka) of the records management plan."""

    viewpoint: ClassVar = Viewpoint.OPERATIONS
    reference_fields: ClassVar = {"part_of": "part-of"}

    kind: Literal["task-class"]
    code: Prose | None = Field(None, description="records-plan code, e.g. 10.03.00")
    part_of: Ref | None = None
    retention: Prose | None = None


__all__ = [
    "Audience",
    "Channel",
    "ChannelType",
    "OrganisationUnit",
    "Owned",
    "Person",
    "Process",
    "ProcessCategory",
    "Role",
    "Service",
    "Stakeholder",
    "TaskClass",
]

