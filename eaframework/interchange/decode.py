"""An `Exchange` (read from an exchange file or Archi's CSV) as our model: element kinds
and relations from the mapping table where it is clear, and everything else kept — as
`archimate-element`s, `associated-with` relations and properties — so that exporting the
result gives back every element, relationship, property and name.

`decode` returns the elements, the listed relations, the metadata and a `MappingReport`
that says what was mapped how; `model_files.py` turns that into model files.
"""

from __future__ import annotations

import re
import typing
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pydantic import TypeAdapter, ValidationError

from ..model import KINDS, RELATIONS, Element, ElementBase, Metadata, Relation, allowed
from ..model.base import ID_PATTERN
from . import archimate_types as types
from .encode import (
    ATTRIBUTE_KEYS,
    DOCUMENTATION_KEY,
    ID_KEY,
    NAME_KEY,
    SCHEMA_DEFAULTS,
    TYPE_KEY,
    VALUE_FIELDS,
)
from .exchange import (
    DEFAULT_MODEL_NAME,
    Concept,
    Exchange,
    InterchangeError,
    LangText,
    element_identifier,
    relationship_base_id,
)
from .fields import KIND_KEY, METADATA_STRUCTURAL, PREFIX, RELATION_KEY, field_values, unwrap
from .report import MappingReport

_ELEMENT = TypeAdapter(Element)
_SLUG = re.compile(ID_PATTERN)
MAX_ID = 120
LANGS = ("fi", "sv", "en")

BY_TYPE = "by type"
BY_EA_KIND = "by ea:kind"
KEPT = "kept as archimate-element"
BY_ENDS = "by type and ends"
BY_EA_RELATION = "by ea:relation"
KEPT_RELATION = "kept as associated-with"


@dataclass
class ImportResult:
    elements: list[ElementBase]
    relations: list[Relation]  # entries of `relations:` (reference fields are in elements)
    metadata: Metadata | None
    report: MappingReport


@dataclass
class _Draft:
    """One element on its way: kind, fields and properties so far."""

    concept: Concept
    id: str
    kind: str
    how: str
    data: dict
    field_sources: dict[str, list[tuple[str, str]]]
    properties: dict[str, str]
    folded: list[tuple[str, str]] = field(default_factory=list)  # (field, target)


def decode(exchange: Exchange, source: str = "ArchiMate exchange file") -> ImportResult:
    return _Decoder(exchange, MappingReport(source)).run()


class _Decoder:
    def __init__(self, exchange: Exchange, report: MappingReport) -> None:
        self.exchange = exchange
        self.report = report
        self.generic: set[str] = set()  # identifiers forced to archimate-element

    def run(self) -> ImportResult:
        metadata = self.metadata()
        while True:
            drafts = self.elements()
            relations = self.relationships(drafts)
            elements = self.validate(drafts)
            if elements is not None:
                break
        self.report.in_fields = sum(len(d.folded) for d in drafts.values())
        self.report.listed = len(relations)
        for (what, n) in self.exchange.not_kept.items():
            self.report.not_kept[what] = self.report.not_kept.get(what, 0) + n
        return ImportResult(elements, relations, metadata, self.report)

    # -- the model --------------------------------------------------------------------------
    def metadata(self) -> Metadata | None:
        ex = self.exchange
        ours = [(k, v) for k, v in ex.properties if k.startswith(PREFIX)]
        foreign = len(ex.properties) - len(ours)
        if foreign:
            self.report.not_kept["model properties"] = foreign
        name = _pick(ex.names)
        if not ours and not ex.documentation and name in (None, DEFAULT_MODEL_NAME):
            return None
        data, _, rest = field_values(Metadata, ours, skip=METADATA_STRUCTURAL)
        if rest:
            self.report.not_kept["model properties"] = (
                self.report.not_kept.get("model properties", 0) + len(rest))
        data["organisation"] = name or DEFAULT_MODEL_NAME
        description = _pick(ex.documentation)
        if description:
            data["description"] = description
        if ex.version:
            data["version"] = ex.version
        while True:
            try:
                return Metadata.model_validate(data, by_alias=True, by_name=False)
            except ValidationError as exc:
                bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
                bad.discard("organisation")
                if not bad or not bad & set(data):
                    self.report.note("the model's metadata was not valid and is left out")
                    return None
                for key in bad:
                    data.pop(key, None)
                self.report.note(f"model metadata {', '.join(sorted(bad))} not valid, left out")

    # -- elements ---------------------------------------------------------------------------
    def elements(self) -> dict[str, _Draft]:
        drafts: dict[str, _Draft] = {}
        taken: set[str] = set()
        self.report.finnish_from.clear()
        for concept in self.exchange.elements:
            our_id = _our_id(concept.identifier, taken)
            taken.add(our_id)
            kind, how = self.kind_of(concept)
            drafts[concept.identifier] = self.draft(concept, our_id, kind, how)
        return drafts

    def kind_of(self, concept: Concept) -> tuple[str, str]:
        if concept.identifier in self.generic:
            return types.GENERIC_KIND, KEPT
        said = _first(concept.properties, KIND_KEY)
        if said == types.GENERIC_KIND:
            return said, BY_EA_KIND
        if said in types.KIND_TYPES and types.element_type(said) == concept.type:
            return said, BY_EA_KIND
        kind = types.IMPORTED_KIND.get(concept.type)
        return (kind, BY_TYPE) if kind else (types.GENERIC_KIND, KEPT)

    def draft(self, concept: Concept, our_id: str, kind: str, how: str) -> _Draft:
        cls = KINDS[kind]
        properties: dict[str, str] = {}
        ea = []
        said = _first(concept.properties, KIND_KEY)
        if said is not None and how != BY_EA_KIND:
            self.report.note(f"element {concept.identifier}: ea:kind {said!r} does not fit "
                             f"its type {concept.type}; ignored")
        for key, value in concept.properties:
            if key == KIND_KEY:
                continue
            if key.startswith(PREFIX):
                ea.append((key, value))
            else:
                _put(properties, key, value, self.report)
        data, sources, rest = field_values(cls, ea)
        for key, value in rest:
            _put(properties, key, value, self.report)
        name, extra_names, origin = _text(concept.names, NAME_KEY)
        if name is None:
            name = {"fi": concept.type}
            self.report.note(f"element {concept.identifier} has no name; its type is its name")
        description, extra_docs, doc_origin = _text(concept.documentation, DOCUMENTATION_KEY)
        for text_origin in (origin, doc_origin):
            if text_origin:
                self.report.finnish_from[text_origin] += 1
        for key, value in extra_names + extra_docs:
            _put(properties, key, value, self.report)
        if element_identifier(our_id) != concept.identifier:
            properties[ID_KEY] = concept.identifier
        data.update({"kind": kind, "id": our_id, "name": name})
        if description:
            data["description"] = description
        if kind == types.GENERIC_KIND:
            data["archimate-type"] = concept.type
        return _Draft(concept, our_id, kind, how, data, sources, properties)

    # -- relationships ----------------------------------------------------------------------
    def relationships(self, drafts: dict[str, _Draft]) -> list[Relation]:
        """Our relations, folded into reference fields where they fit; the rest listed."""
        report = self.report
        report.relationships.clear()
        report.dropped_ids = 0
        found = []  # (source draft, relation, target draft, properties, description)
        parents: dict[str, set[str]] = defaultdict(set)  # part-of so far, to avoid cycles
        skipped = 0
        for concept in self.exchange.relationships:
            a, b = drafts.get(concept.source), drafts.get(concept.target)
            if a is None or b is None:
                skipped += 1
                continue
            relation, reverse, how = self.relation_of(concept, a.kind, b.kind)
            source, target = (b, a) if reverse else (a, b)
            if relation == "part-of" and _reaches(parents, target.id, source.id):
                report.note(f"part-of {source.id} -> {target.id} would close a cycle; kept "
                            "as associated-with")
                relation, how, source, target = "associated-with", KEPT_RELATION, a, b
            if relation == "part-of":
                parents[source.id].add(target.id)
            props, description = self.relation_properties(concept, relation, source, target)
            report.relationships[(concept.type, relation, how)] += 1
            found.append((source, relation, target, props, description))
        if skipped:
            self.exchange.not_kept["relationships whose end is not an element"] = skipped
        # An identifier that export derives again from (source, relation, target) need not
        # be kept; the others are kept as `archimate-id`.
        triples = Counter((s.id, r, t.id) for s, r, t, _, _ in found)
        listed = []
        for source, relation, target, props, description in found:
            triple = (source.id, relation, target.id)
            if triples[triple] == 1 and props.get(ID_KEY) == relationship_base_id(*triple):
                del props[ID_KEY]
            if not self.fold(source, relation, target.id, props, description):
                listed.append(Relation(relation, source.id, target.id, description=description,
                                       properties=props or None))
        return listed

    def relation_of(self, concept: Concept, source_kind: str, target_kind: str
                    ) -> tuple[str, bool, str]:
        said = _first(concept.properties, RELATION_KEY)
        if said == "associated-with":
            return said, False, BY_EA_RELATION
        if said in RELATIONS:
            for reverse in (False, True):
                ours = (target_kind, source_kind) if reverse else (source_kind, target_kind)
                if not allowed(said, *ours):
                    continue
                spec = types.relationship_type(said, *ours)
                if spec.type == concept.type and spec.reverse == reverse:
                    return said, reverse, BY_EA_RELATION
        if said is not None:
            self.report.note(f"relationship {concept.identifier}: ea:relation {said!r} does "
                             f"not fit a {concept.type} between these elements; ignored")
        inferred = types.infer_relation(concept.type, source_kind, target_kind)
        if inferred:
            return (*inferred, BY_ENDS)
        return "associated-with", False, KEPT_RELATION

    def relation_properties(self, concept: Concept, relation: str, source: _Draft,
                            target: _Draft) -> tuple[dict[str, str], str | None]:
        """The relationship's properties, with whatever our relation does not say kept
        under `archimate-*` keys; and its description."""
        props: dict[str, str] = {}
        for key, value in concept.properties:
            if key != RELATION_KEY:
                _put(props, key, value, self.report)
        if relation == "associated-with":
            spec = types.RelType(concept.type)
            if concept.type != "Association":
                props[TYPE_KEY] = concept.type
        else:
            spec = types.relationship_type(relation, source.kind, target.kind)
        expected = {**SCHEMA_DEFAULTS, **spec.attributes()}
        found = {**SCHEMA_DEFAULTS, **concept.attributes}
        for attribute, key in ATTRIBUTE_KEYS.items():
            if attribute == "accessType" and concept.type != "Access":
                continue
            if attribute in found and found[attribute] != expected.get(attribute):
                props[key] = found[attribute]
        for lang, text in concept.names:
            props[NAME_KEY if lang is None else f"{NAME_KEY}:{lang}"] = text
        description = None
        for lang, text in concept.documentation:
            if lang is None and description is None:
                description = text
            else:
                props[DOCUMENTATION_KEY if lang is None else f"{DOCUMENTATION_KEY}:{lang}"] = text
        props[ID_KEY] = concept.identifier
        return props, description

    def fold(self, source: _Draft, relation: str, target: str, props: dict,
             description: str | None) -> bool:
        """Write the relation as the source's reference field where it has one and the
        relationship carries nothing a field cannot hold."""
        if source.kind == types.GENERIC_KIND or description:
            return False
        field_name = _reference_field(source.kind, relation)
        if field_name is None:
            return False
        value_key = VALUE_FIELDS.get(field_name)
        if set(props) - {value_key, ID_KEY}:
            return False
        alias = field_name.replace("_", "-")
        if value_key:
            try:
                share = float(props[value_key])
            except (KeyError, ValueError):
                return False
            shares = source.data.setdefault(alias, {})
            if target in shares:
                return False
            shares[target] = share
        elif _is_tuple(KINDS[source.kind].model_fields[field_name].annotation):
            source.data.setdefault(alias, []).append(target)
        elif alias not in source.data:
            source.data[alias] = target
        else:
            return False
        source.folded.append((field_name, target))
        if ID_KEY in props:  # a field holds no identifier: export derives one
            self.report.dropped_ids += 1
        return True

    # -- validation -------------------------------------------------------------------------
    def validate(self, drafts: dict[str, _Draft]) -> list[ElementBase] | None:
        """Elements from the drafts. A field value that is not valid goes back to the
        properties; an element that still is not valid becomes an `archimate-element`
        (then None: the relationships must be read again)."""
        elements = []
        report = self.report
        report.elements.clear()
        report.restored_fields = report.properties = 0
        for draft in drafts.values():
            element = self.validate_one(draft)
            if element is None and draft.kind == types.GENERIC_KIND:
                raise InterchangeError(f"element {draft.concept.identifier} of type "
                                       f"{draft.concept.type!r} cannot be kept",
                                       draft.concept.line)
            if element is None:
                self.generic.add(draft.concept.identifier)
                report.note(f"element {draft.concept.identifier} is not a valid "
                            f"{draft.kind}; kept as {types.GENERIC_KIND}")
                return None
            elements.append(element)
            report.elements[(draft.concept.type, element.kind, draft.how)] += 1
            report.restored_fields += sum(len(v) for k, v in draft.field_sources.items()
                                          if k in draft.data)
            report.properties += len(element.properties)
        return elements

    def validate_one(self, draft: _Draft) -> ElementBase | None:
        data = draft.data
        for _ in range(len(data) + 1):
            data["properties"] = dict(draft.properties)
            try:
                return _ELEMENT.validate_python(data, by_alias=True, by_name=False)
            except ValidationError as exc:
                bad = {str(e["loc"][1]) for e in exc.errors() if len(e["loc"]) > 1}
                movable = bad & set(draft.field_sources)
                if not movable:
                    return None
                for alias in movable:
                    data.pop(alias, None)
                    for key, value in draft.field_sources.pop(alias):
                        draft.properties[key] = value
                    self.report.note(f"element {draft.id}: {alias} not valid, kept as "
                                     "property")
        return None


# -- helpers --------------------------------------------------------------------------------
def _first(pairs: list[tuple[str, str]], key: str) -> str | None:
    return next((value for k, value in pairs if k == key), None)


def _put(target: dict, key: str, value: str, report: MappingReport) -> None:
    """Keys repeat in ArchiMate properties; in ours they cannot, so a repeat is renamed."""
    if key not in target:
        target[key] = value
        return
    number = 2
    while f"{key} ({number})" in target:
        number += 1
    target[f"{key} ({number})"] = value
    report.note(f"property {key!r} given more than once; kept as {key!r} ({number})")


def _pick(texts: list[LangText]) -> str | None:
    """The Finnish (or untagged, then any) text."""
    for wanted in ("fi", None):
        for lang, text in texts:
            if lang == wanted and text.strip():
                return text.strip()
    return next((text.strip() for _, text in texts if text.strip()), None)


def _text(texts: list[LangText], prefix: str
          ) -> tuple[dict | None, list[tuple[str, str]], str | None]:
    """Our name or description ({fi, sv, en}), properties for the rest, and where the
    Finnish text came from if not from Finnish: it is required, so the untagged, English
    or first text is the Finnish one too."""
    found: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    untagged = None
    for lang, text in texts:
        text = text.strip()
        if not text:
            continue
        if lang in LANGS and lang not in found:
            found[lang] = text
        elif lang is None and untagged is None:
            untagged = text
        else:
            extra.append((prefix if lang is None else f"{prefix}:{lang}", text))
    origin = None
    if "fi" not in found:
        if untagged is not None:
            found["fi"], untagged, origin = untagged, None, "untagged"
        elif found:
            origin = "en" if "en" in found else next(iter(found))
            found["fi"] = found[origin]
    if untagged is not None:
        extra.append((prefix, untagged))
    return (found or None), extra, origin


def _our_id(identifier: str, taken: set[str]) -> str:
    """Our id for an ArchiMate identifier: without Archi's `id-` prefix where the rest is
    one of our ids; else a slug of it."""
    rest = identifier[3:] if identifier.startswith("id-") else ""
    if rest and _SLUG.match(rest) and len(rest) <= MAX_ID and rest not in taken:
        return rest
    slug = re.sub(r"[^a-z0-9]+", "-", identifier.lower()).strip("-")
    if not slug or not slug[0].isalpha():
        slug = "id-" + slug if slug else "id"
    slug = slug[:MAX_ID - 8].rstrip("-")
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


_REFERENCE_FIELD: dict[tuple[str, str], str] = {}


def _reference_field(kind: str, relation: str) -> str | None:
    key = (kind, relation)
    if key not in _REFERENCE_FIELD:
        fields = KINDS[kind].reference_fields
        _REFERENCE_FIELD[key] = next((f for f, r in fields.items() if r == relation), None)
    return _REFERENCE_FIELD[key]


def _is_tuple(annotation) -> bool:
    return typing.get_origin(unwrap(annotation)) is tuple


def _reaches(parents: dict[str, set[str]], start: str, goal: str) -> bool:
    """Whether `goal` is `start` or above it along part-of."""
    stack, seen = [start], set()
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node in seen:
            continue
        seen.add(node)
        stack.extend(parents.get(node, ()))
    return False
