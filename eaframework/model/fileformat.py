"""The shape of one model file, for the JSON Schema that editors use (`ea schema`)."""

import json
from typing import Literal

from pydantic import Field

from .base import Strict
from .elements import Element, Metadata
from .relations import RelationEntry

API_VERSION = "eaframework/v1"


class ModelFile(Strict):
    """One eaframework model file: elements of any kinds, and relations between them."""

    apiVersion: Literal["eaframework/v1"] = Field(alias="apiVersion")  # noqa: N815
    metadata: Metadata | None = None
    elements: list[Element] = Field(default_factory=list)
    relations: list[RelationEntry] = Field(default_factory=list)


# The keys a model file may have, in the order they are written.
TOP_LEVEL_KEYS = tuple(info.alias or name for name, info in ModelFile.model_fields.items())


def json_schema() -> str:
    """The JSON Schema (draft 2020-12) of a model file, as stable, indented text."""
    schema = ModelFile.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "eaframework model file"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
