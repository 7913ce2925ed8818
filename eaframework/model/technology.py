"""Technology viewpoint (teknologia-arkkitehtuuri): platforms, infrastructure services,
networks and locations."""

from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import Field

from .base import ElementBase, Ref, Viewpoint
from .operations import Owned
from .values import Line, Prose


class PlatformType(StrEnum):
    NODE = "node"
    CLOUD = "cloud"
    DATABASE = "database"
    OPERATING_SYSTEM = "operating-system"
    MIDDLEWARE = "middleware"
    DEVICE = "device"


class Platform(Owned):
    """A platform or node (alusta): a server, a cloud tenancy, a database server."""

    viewpoint: ClassVar = Viewpoint.TECHNOLOGY
    reference_fields: ClassVar = {
        "owner": "owned-by",
        "provider": "provided-by",
        "runs_on": "runs-on",
        "location": "located-at",
        "networks": "connected-to",
    }

    kind: Literal["platform"]
    platform_type: PlatformType | None = None
    provider: Ref | None = None
    runs_on: tuple[Ref, ...] = ()
    location: Ref | None = None
    networks: tuple[Ref, ...] = ()
    version: Prose | None = None


class ServiceCategory(StrEnum):
    IDENTIFICATION = "identification"
    MESSAGING = "messaging"
    INTEGRATION = "integration"
    HOSTING = "hosting"
    PAYMENT = "payment"
    SIGNATURE = "signature"
    ARCHIVING = "archiving"
    OTHER = "other"


class TechnologyService(Owned):
    """An infrastructure or shared technology service, e.g. Suomi.fi identification."""

    viewpoint: ClassVar = Viewpoint.TECHNOLOGY
    reference_fields: ClassVar = {
        "owner": "owned-by",
        "provider": "provided-by",
        "runs_on": "runs-on",
    }

    kind: Literal["technology-service"]
    category: ServiceCategory | None = None
    national: bool = Field(False, description="a shared national service (e.g. Suomi.fi)")
    designated: bool = Field(
        False, description="the organisation's designated service of its category (principle P1)"
    )
    provider: Ref | None = None
    runs_on: tuple[Ref, ...] = ()
    standards: tuple[Line, ...] = ()


class Network(Owned):
    """A network (verkko)."""

    viewpoint: ClassVar = Viewpoint.TECHNOLOGY
    reference_fields: ClassVar = {"owner": "owned-by", "location": "located-at"}

    kind: Literal["network"]
    location: Ref | None = None


class Location(ElementBase):
    """A location: a data centre, an office, a cloud region."""

    viewpoint: ClassVar = Viewpoint.TECHNOLOGY

    kind: Literal["location"]
    address: Prose | None = None


__all__ = [
    "Location",
    "Network",
    "Platform",
    "PlatformType",
    "ServiceCategory",
    "TechnologyService",
]
