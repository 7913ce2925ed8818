"""Information viewpoint (tietoarkkitehtuuri): what the organisation knows and keeps."""

from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import Field

from .base import Ref, Strict, Viewpoint
from .operations import Owned
from .values import Date, Line, Prose


class Publicity(StrEnum):
    PUBLIC = "public"  # julkinen
    PARTLY_SECRET = "partly-secret"  # osittain salassa pidettävä
    SECRET = "secret"  # salassa pidettävä


class Criticality(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Medium(StrEnum):
    ELECTRONIC = "electronic"
    PAPER = "paper"
    MIXED = "mixed"


class Archiving(StrEnum):
    PERMANENT = "permanent"  # pysyvä säilytys
    DESTROY = "destroy"  # hävitetään säilytysajan jälkeen


class Disclosure(Strict):
    """A regular disclosure (luovutus) of data to another party (TiHL §5)."""

    recipient: Prose
    legal_basis: Prose | None = None
    method: Prose | None = None


class InformationResource(Owned):
    """An information resource (tietovaranto): a body of data kept for a purpose."""

    viewpoint: ClassVar = Viewpoint.INFORMATION
    reference_fields: ClassVar = {"owner": "owned-by", "data_groups": "holds"}

    kind: Literal["information-resource"]
    purpose: Prose | None = None
    data_groups: tuple[Ref, ...] = ()
    disclosures: tuple[Disclosure, ...] = ()
    retention: Prose | None = Field(None, description="retention period, e.g. '10 v' or 'pysyvä'")
    archiving: Archiving | None = None
    personal_data: bool | None = None
    legal_basis: Prose | None = Field(None, description="legal basis for processing personal data")
    publicity: Publicity | None = None
    criticality: Criticality | None = None
    last_risk_assessment: Date | None = None
    medium: Medium = Medium.ELECTRONIC


class DataGroup(Owned):
    """A data group or concept (tietoryhmä, käsite); core data (ydintieto) has one master."""

    viewpoint: ClassVar = Viewpoint.INFORMATION
    reference_fields: ClassVar = {
        "owner": "owned-by",
        "master": "mastered-in",
        "base_register": "provided-by-register",
    }

    kind: Literal["data-group"]
    core: bool = Field(False, description="core data (ydintieto) of the organisation")
    master: Ref | None = Field(None, description="the one information resource mastering it")
    base_register: Ref | None = Field(
        None, description="the national base register's system that provides this data (TiHL §20)"
    )
    personal_data: bool | None = None
    standards: tuple[Line, ...] = ()


class Dataset(Owned):
    """A dataset (tietoaineisto) within an information resource, e.g. a record series."""

    viewpoint: ClassVar = Viewpoint.INFORMATION
    reference_fields: ClassVar = {
        "owner": "owned-by",
        "resource": "part-of",
        "data_groups": "holds",
        "task_class": "classified-as",
    }

    kind: Literal["dataset"]
    resource: Ref | None = None
    data_groups: tuple[Ref, ...] = ()
    task_class: Ref | None = None
    search_keys: tuple[Line, ...] = Field((), description="hakutekijät (TiHL §28)")
    retention: Prose | None = None
    archiving: Archiving | None = None
    publicity: Publicity | None = None


__all__ = [
    "Archiving",
    "Criticality",
    "DataGroup",
    "Dataset",
    "Disclosure",
    "InformationResource",
    "Medium",
    "Publicity",
]
