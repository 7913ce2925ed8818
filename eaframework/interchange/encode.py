"""Our model as an `Exchange`: ArchiMate types from the mapping table, stable ids, fields
as properties, and just enough extra properties (`ea:kind`, `ea:relation`) that importing
the file gives the same model again."""

from __future__ import annotations

from collections import defaultdict

from ..model import ElementBase, Metadata, Model, Relation
from . import archimate_types as types
from .exchange import (
    DEFAULT_MODEL_NAME,
    NCNAME,
    Concept,
    Exchange,
    element_identifier,
    relationship_base_id,
)
from .fields import (
    KIND_KEY,
    METADATA_STRUCTURAL,
    RELATION_KEY,
    element_properties,
    field_properties,
)

# Our reserved property keys: kept on import, turned back into structure on export.
ID_KEY = "archimate-id"
TYPE_KEY = "archimate-type"
NAME_KEY = "archimate-name"
DOCUMENTATION_KEY = "archimate-documentation"
ATTRIBUTE_KEYS = {  # relationship attribute -> property
    "accessType": "archimate-access-type",
    "isDirected": "archimate-directed",
    "modifier": "archimate-influence-modifier",
}
SCHEMA_DEFAULTS = {"accessType": "Access", "isDirected": "false"}
# A cost share (the value of a dict-valued reference field) rides on its relationship.
VALUE_FIELDS = {"cost_allocation": "ea:cost-allocation"}


def encode(model: Model) -> Exchange:
    exchange = Exchange()
    _encode_model(model.metadata, exchange)
    identifiers = _element_identifiers(model)
    exchange.element_ids = identifiers
    for element in sorted(model, key=lambda e: e.id):
        exchange.elements.append(_element(element, identifiers[element.id], exchange))
    relationships = [_relationship(r, model, identifiers) for r in model.relations]
    _relationship_identifiers(relationships, set(identifiers.values()))
    # Grouped by source, each source's relations in the model's order: reference fields
    # in field order, then listed ones. An import folds them back in the same order.
    relationships.sort(key=lambda pair: pair[1].source)
    values = set(VALUE_FIELDS.values())
    for concept, relation in relationships:
        exchange.relationship_ids.setdefault(relation.key, concept.identifier)
        for key, _ in concept.properties:
            _declare(exchange, key, "number" if key in values else "string")
        exchange.relationships.append(concept)
    return exchange


# -- the model ------------------------------------------------------------------------------
def _encode_model(metadata: Metadata | None, exchange: Exchange) -> None:
    if metadata is None:
        exchange.names = [(None, DEFAULT_MODEL_NAME)]
        exchange.dublin_core = {"title": DEFAULT_MODEL_NAME}
        return
    exchange.names = [("fi", metadata.organisation)]
    if metadata.description:
        exchange.documentation = [("fi", metadata.description)]
    exchange.version = metadata.version
    data = metadata.model_dump(by_alias=True, exclude_defaults=True)
    for key, text, kind in field_properties(data, Metadata, skip=METADATA_STRUCTURAL):
        exchange.properties.append((key, text))
        _declare(exchange, key, kind)
    dc = {"title": metadata.organisation, "creator": metadata.organisation}
    if metadata.description:
        dc["description"] = metadata.description
    when = metadata.approved_on or metadata.last_reviewed
    if when:
        dc["date"] = when.isoformat()
    if metadata.business_id:
        dc["identifier"] = metadata.business_id
    exchange.dublin_core = dc


def _declare(exchange: Exchange, key: str, kind: str) -> None:
    known = exchange.property_types.get(key)
    exchange.property_types[key] = kind if known in (None, kind) else "string"


# -- elements -------------------------------------------------------------------------------
def _element_identifiers(model: Model) -> dict[str, str]:
    """`id-` + our id, or the identifier an import kept (`archimate-id`) while it is a
    valid, unused one."""
    derived = {e.id: element_identifier(e.id) for e in model}
    taken = set(derived.values())
    identifiers = {}
    for element in sorted(model, key=lambda e: e.id):
        kept = element.properties.get(ID_KEY)
        if kept and kept != derived[element.id] and NCNAME.match(kept) and kept not in taken:
            taken.add(kept)
            identifiers[element.id] = kept
        else:
            identifiers[element.id] = derived[element.id]
    return identifiers


def _archimate_type(element: ElementBase) -> str:
    if element.kind == types.GENERIC_KIND:
        return element.archimate_type
    return types.element_type(element.kind)


def _texts(text, extra: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    found = list(text.languages().items()) if text is not None else []
    return found + extra


def _element(element: ElementBase, identifier: str, exchange: Exchange) -> Concept:
    archimate_type = _archimate_type(element)
    names, documentation, own = [], [], []
    for key, value in element.properties.items():
        if key == ID_KEY:
            continue
        lang = _lang_key(key, NAME_KEY)
        if lang is not False:
            names.append((lang, value))
            continue
        lang = _lang_key(key, DOCUMENTATION_KEY)
        if lang is not False:
            documentation.append((lang, value))
            continue
        own.append((key, value))
    properties = []
    if types.IMPORTED_KIND.get(archimate_type, types.GENERIC_KIND) != element.kind:
        properties.append((KIND_KEY, element.kind))
        _declare(exchange, KIND_KEY, "string")
    for key, text, kind in element_properties(element):
        properties.append((key, text))
        _declare(exchange, key, kind)
    for key, value in own:
        properties.append((key, value))
        _declare(exchange, key, "string")
    return Concept(
        identifier=identifier,
        type=archimate_type,
        names=_texts(element.name, names),
        documentation=_texts(element.description, documentation),
        properties=properties,
        folder=element.viewpoint.value,
    )


def _lang_key(key: str, prefix: str) -> str | None | bool:
    """The language of `archimate-name:LANG` (None for the bare key), False for others."""
    if key == prefix:
        return None
    if key.startswith(prefix + ":") and len(key) > len(prefix) + 1:
        return key[len(prefix) + 1:]
    return False


# -- relationships --------------------------------------------------------------------------
def _relationship(relation: Relation, model: Model, identifiers: dict[str, str]
                  ) -> tuple[Concept, Relation]:
    source, target = model.elements[relation.source], model.elements[relation.target]
    props = dict(relation.properties or {})
    spec = types.relationship_type(relation.type, source.kind, target.kind)
    kept_type = props.get(TYPE_KEY)
    if relation.type == "associated-with" and kept_type in types.RELATIONSHIP_TYPES:
        spec = types.RelType(kept_type)
        props.pop(TYPE_KEY)
    ends = (target, source) if spec.reverse else (source, target)
    attributes = spec.attributes()
    for attribute, key in ATTRIBUTE_KEYS.items():
        if key in props:
            attributes[attribute] = props.pop(key)
    attributes = {k: v for k, v in attributes.items()
                  if v != SCHEMA_DEFAULTS.get(k) or (k == "accessType" and spec.type == "Access")}
    names, documentation, properties = [], [], []
    if relation.description:
        documentation.append((None, relation.description))
    identifier = props.pop(ID_KEY, None)
    expected = types.infer_relation(spec.type, ends[0].kind, ends[1].kind) or (
        "associated-with", False)
    if expected != (relation.type, spec.reverse):
        properties.append((RELATION_KEY, relation.type))
    value_key = VALUE_FIELDS.get(relation.field or "")
    if value_key:
        share = getattr(source, relation.field).get(relation.target)
        properties.append((value_key, _number(share)))
    for key, value in props.items():
        lang = _lang_key(key, NAME_KEY)
        if lang is not False:
            names.append((lang, value))
            continue
        lang = _lang_key(key, DOCUMENTATION_KEY)
        if lang is not False:
            documentation.append((lang, value))
            continue
        properties.append((key, value))
    concept = Concept(
        identifier=identifier or "",
        type=spec.type,
        names=names,
        documentation=documentation,
        properties=properties,
        source=identifiers[ends[0].id],
        target=identifiers[ends[1].id],
        attributes=attributes,
    )
    return concept, relation


def _number(value) -> str:
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def _relationship_identifiers(pairs: list[tuple[Concept, Relation]], taken: set[str]) -> None:
    """Kept identifiers where valid and unused; the others derived from (source, relation,
    target), numbered in a stable order where one triple occurs more than once."""
    derived: dict[tuple, list[tuple[Concept, Relation]]] = defaultdict(list)
    for concept, relation in pairs:
        kept = concept.identifier
        if kept and NCNAME.match(kept) and kept not in taken:
            taken.add(kept)
        else:
            concept.identifier = ""
            derived[relation.key].append((concept, relation))
    for key, group in sorted(derived.items()):
        base = relationship_base_id(*key)
        if len(group) == 1 and base not in taken:
            group[0][0].identifier = base
            taken.add(base)
            continue
        group.sort(key=lambda pair: (pair[1].field or "", pair[1].description or "",
                                     sorted((pair[1].properties or {}).items())))
        number = 0
        for concept, _ in group:
            number += 1
            while f"{base}-{number}" in taken:
                number += 1
            concept.identifier = f"{base}-{number}"
            taken.add(concept.identifier)

