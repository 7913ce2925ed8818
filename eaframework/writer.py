"""Model to YAML text: the canonical file form (used by importers, generators and tests).

Returns text; only the CLI writes files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml
import yaml_rs

from .model import ElementBase, Metadata, Relation
from .model.fileformat import API_VERSION

HEADER = "# yaml-language-server: $schema={schema}\n"


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, long text folded by the reader."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


# Plain scalars that a YAML 1.2 reader (yaml-rs) would not read back as this string, though
# PyYAML (YAML 1.1) writes them unquoted: 1e5, 0o17, _9, .inf ...
_MAYBE_NOT_TEXT = re.compile(r"^[-+.0-9_~]|^(?:true|false|null|yes|no|on|off)$", re.IGNORECASE)


def _reads_back(value: str) -> bool:
    try:
        return yaml_rs.loads(f"v: {value}\n", parse_datetime=False) == {"v": value}
    except yaml_rs.YAMLDecodeError:
        return False


def _str(dumper: yaml.SafeDumper, value: str):
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if _MAYBE_NOT_TEXT.match(value) and not _reads_back(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)
# Dates are written plain (2024-05-01), as architects write them; our reader keeps them as
# text for the metamodel to parse, so PyYAML's YAML 1.1 timestamp quoting is not needed.
_Dumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def element_data(element: ElementBase) -> dict:
    """The element as a file would hold it: kebab keys, defaults left out, `kind` first."""
    data = element.model_dump(by_alias=True, exclude_defaults=True, mode="json")
    name = data.get("name")
    if isinstance(name, dict) and set(name) == {"fi"}:
        data["name"] = name["fi"]
    description = data.get("description")
    if isinstance(description, dict) and set(description) == {"fi"}:
        data["description"] = description["fi"]
    ordered = {"kind": element.kind, "id": element.id, "name": data.pop("name")}
    data.pop("kind", None)
    data.pop("id", None)
    ordered.update(data)
    return ordered


def relation_data(relation: Relation) -> dict:
    data = {"type": relation.type, "source": relation.source, "target": relation.target}
    if relation.description:
        data["description"] = relation.description
    if relation.properties:
        data["properties"] = dict(relation.properties)
    return data


def dump_file(
    elements: Iterable[ElementBase],
    relations: Iterable[Relation] = (),
    metadata: Metadata | None = None,
    schema: str | None = "../schema/eaframework.schema.json",
) -> str:
    """One model file. Relations that come from reference fields are not written twice."""
    document: dict = {"apiVersion": API_VERSION}
    if metadata is not None:
        document["metadata"] = metadata.model_dump(by_alias=True, exclude_none=True, mode="json")
    document["elements"] = [element_data(e) for e in elements]
    listed = [relation_data(r) for r in relations if r.field is None]
    if listed:
        document["relations"] = listed
    body = yaml.dump(
        document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
        default_flow_style=False,
    )
    return (HEADER.format(schema=schema) if schema else "") + body
