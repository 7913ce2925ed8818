"""Information systems viewpoint (tietojärjestelmäarkkitehtuuri): systems, their interfaces
and the integrations between them."""

from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import Field

from .base import Ref, Strict, Viewpoint
from .information import Criticality, Publicity
from .operations import Owned
from .values import Date, Line, Money, Prose, Share


class Sourcing(StrEnum):
    SAAS = "saas"
    PROCURED = "procured"
    CUSTOM = "custom"
    SHARED = "shared"  # provided by a shared (in-house) company or another authority


class DataOwnership(StrEnum):
    ORGANISATION = "organisation"  # the contract says the data belongs to us
    VENDOR = "vendor"
    UNCLEAR = "unclear"


class Contract(Strict):
    reference: Prose | None = Field(None, description="contract or case number (diaarinumero)")
    data_ownership: DataOwnership | None = None
    ends: Date | None = None
    exit_plan: bool | None = None


class InformationSystem(Owned):
    """An information system (tietojärjestelmä)."""

    viewpoint: ClassVar = Viewpoint.SYSTEMS
    reference_fields: ClassVar = {
        "owner": "owned-by",
        "responsible": "responsible",
        "provider": "provided-by",
        "supports": "supports",
        "stores": "stores",
        "exposes": "exposes",
        "runs_on": "runs-on",
        "uses": "uses",
        "cost_allocation": "cost-allocated-to",
    }

    kind: Literal["information-system"]
    responsible: Ref | None = Field(None, description="the named responsible person")
    purpose: Prose | None = None
    sourcing: Sourcing | None = None
    sourcing_justification: Prose | None = Field(
        None, description="why custom-built rather than bought as a service (principle P5)"
    )
    vendor: Prose | None = None
    provider: Ref | None = Field(None, description="organisation unit providing it, if external")
    contract: Contract | None = None
    annual_cost: Money | None = Field(None, description="euros per year")
    cost_allocation: dict[Ref, Share] = Field(
        default_factory=dict, description="organisation unit -> share of the cost in percent"
    )
    criticality: Criticality | None = None
    publicity: Publicity | None = None
    case_register: bool = Field(False, description="holds a case register (asiarekisteri)")
    service_data: bool = Field(False, description="holds data of services provided (TiHL §28)")
    search_keys: tuple[Line, ...] = ()
    disclosure_contact: Prose | None = Field(
        None, description="who decides on disclosures and how to reach them (TiHL §28)"
    )
    security_measures: Prose | None = None
    last_risk_assessment: Date | None = None
    standards: tuple[Line, ...] = ()
    supports: tuple[Ref, ...] = Field((), description="processes and services it supports")
    stores: tuple[Ref, ...] = Field((), description="information resources and datasets")
    exposes: tuple[Ref, ...] = Field((), description="its interfaces")
    runs_on: tuple[Ref, ...] = Field((), description="platforms it runs on")
    uses: tuple[Ref, ...] = Field((), description="technology services it uses")


class InterfaceStyle(StrEnum):
    REST = "rest"  # REST / OpenAPI
    SOAP = "soap"
    ODATA = "odata"
    GRAPHQL = "graphql"
    FILE = "file"
    VIEW = "view"  # database view access
    MANUAL = "manual"


class Openness(StrEnum):
    OPEN = "open"
    BUYER_CONTROLLED = "buyer-controlled"
    CLOSED = "closed"


class Interface(Owned):
    """An interface (rajapinta) a system exposes."""

    viewpoint: ClassVar = Viewpoint.SYSTEMS
    reference_fields: ClassVar = {"owner": "owned-by"}

    kind: Literal["interface"]
    style: InterfaceStyle | None = None
    spec_url: Prose | None = None
    openness: Openness | None = None
    documentation: Prose | None = Field(None, description="where the public documentation is")
    test_environment: bool | None = None
    self_service: bool | None = Field(None, description="access without negotiation")
    fee: bool | None = Field(None, description="a usage fee is charged")
    lifecycle_plan: Prose | None = Field(
        None, description="where the versioning and deprecation policy is published"
    )
    standards: tuple[Line, ...] = ()
    personal_data: bool | None = None
    legal_basis: Prose | None = Field(None, description="legal basis or privacy notice")


class TransferMethod(StrEnum):
    API = "api"  # technical interface
    MESSAGE = "message"  # message queue / integration platform
    FILE = "file"
    DATABASE = "database"
    VIEW = "view"
    MANUAL = "manual"  # retyping, e-mail, paper


class Integration(Owned):
    """An integration (liittymä, tietovirta) carrying data from one system to another."""

    viewpoint: ClassVar = Viewpoint.SYSTEMS
    reference_fields: ClassVar = {
        "owner": "owned-by",
        "source": "flows-from",
        "target": "flows-to",
        "data": "carries",
        "interface": "through",
        "via": "via",
    }

    kind: Literal["integration"]
    source: Ref
    target: Ref
    data: tuple[Ref, ...] = Field((), description="data groups, resources or datasets carried")
    method: TransferMethod | None = None
    interface: Ref | None = None
    frequency: Prose | None = None
    volume: Prose | None = None
    personal_data: bool | None = None
    legal_basis: Prose | None = None
    via: Ref | None = Field(None, description="integration platform or service it goes through")
    exception_reason: Prose | None = Field(
        None, description="why no technical interface is used (TiHL §22)"
    )


__all__ = [
    "Contract",
    "DataOwnership",
    "InformationSystem",
    "Integration",
    "Interface",
    "InterfaceStyle",
    "Openness",
    "Sourcing",
    "TransferMethod",
]
