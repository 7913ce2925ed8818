"""The typed subset of SARIF 2.1.0 that `ea lint --format sarif` writes."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
Level = Literal["error", "warning", "note", "none"]


class _Sarif(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, frozen=True, extra="forbid"
    )


class Message(_Sarif):
    text: str
    markdown: str | None = None


class ArtifactLocation(_Sarif):
    uri: str | None = None
    uri_base_id: str | None = None
    description: Message | None = None


class Region(_Sarif):
    start_line: int = Field(ge=1)
    start_column: int | None = Field(None, ge=1)


class PhysicalLocation(_Sarif):
    artifact_location: ArtifactLocation
    region: Region | None = None


class LogicalLocation(_Sarif):
    name: str | None = None
    fully_qualified_name: str | None = None
    kind: str | None = None


class ResultLocation(_Sarif):
    physical_location: PhysicalLocation | None = None
    logical_locations: list[LogicalLocation] | None = None


class Suppression(_Sarif):
    kind: Literal["inSource", "external"]
    status: Literal["accepted", "underReview", "rejected"] = "accepted"
    justification: str | None = None
    properties: dict[str, Any] | None = None


class ReportingConfiguration(_Sarif):
    level: Level = "warning"
    enabled: bool | None = None


class ReportingDescriptor(_Sarif):
    id: str
    name: str | None = None
    short_description: Message | None = None
    full_description: Message | None = None
    help: Message | None = None
    default_configuration: ReportingConfiguration | None = None
    properties: dict[str, Any] | None = None


class ToolComponent(_Sarif):
    name: str
    semantic_version: str | None = None
    version: str | None = None
    rules: list[ReportingDescriptor] = Field(default_factory=list)


class Tool(_Sarif):
    driver: ToolComponent


class Result(_Sarif):
    rule_id: str
    rule_index: int | None = Field(None, ge=0)
    level: Level
    message: Message
    locations: list[ResultLocation] | None = None
    partial_fingerprints: dict[str, str] | None = None
    suppressions: list[Suppression] | None = None
    properties: dict[str, Any] | None = None


class Run(_Sarif):
    tool: Tool
    original_uri_base_ids: dict[str, ArtifactLocation] | None = None
    column_kind: Literal["utf16CodeUnits", "unicodeCodePoints"] | None = None
    results: list[Result] = Field(default_factory=list)


class SarifLog(_Sarif):
    schema_uri: str = Field(SARIF_SCHEMA, alias="$schema")
    version: Literal["2.1.0"] = SARIF_VERSION
    runs: list[Run]

    def to_json(self) -> str:
        data = self.model_dump(by_alias=True, exclude_none=True, mode="json")
        from ...diagnostics import safe_json

        return safe_json(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
