"""An `Exchange` (read from an exchange file or Archi's CSV) as our model: element kinds
and relations from the mapping table where it is clear, and everything else kept — as
`archimate-element`s, `associated-with` relations and properties — so that exporting the
result gives back every element, relationship, property and name.

`decode` returns the elements, the listed relations, the metadata and a `MappingReport`
that says what was mapped how; `model_files.py` turns that into model files.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import TypeAdapter, ValidationError

from ..model import KINDS, Element, ElementBase, Metadata, Relation
from . import archimate_types as types
from .decode_relationships import RelationshipDecoder
from .drafts import Draft, first_value, id_for, pick_text, put_property, texts_of
from .encode import DOCUMENTATION_KEY, ID_KEY, NAME_KEY
from .exchange import (
    DEFAULT_MODEL_NAME,
    Concept,
    Exchange,
    element_identifier,
)
from .fields import KIND_KEY, METADATA_STRUCTURAL, PREFIX, field_values
from .report import MappingReport

_ELEMENT = TypeAdapter(Element)

BY_TYPE = "by type"
BY_EA_KIND = "by ea:kind"
KEPT = "kept as archimate-element"


@dataclass
class ImportResult:
    elements: list[ElementBase]
    relations: list[Relation]  # entries of `relations:` (reference fields are in elements)
    metadata: Metadata | None
    report: MappingReport


def decode(exchange: Exchange, source: str = "ArchiMate exchange file") -> ImportResult:
    return _Decoder(exchange, MappingReport(source)).run()


class _Decoder:
    def __init__(self, exchange: Exchange, report: MappingReport) -> None:
        self.exchange = exchange
        self.report = report
        self.generic: set[str] = set()  # identifiers forced to archimate-element
        self.dropped: set[str] = set()  # identifiers not even an archimate-element can keep

    def run(self) -> ImportResult:
        metadata = self.metadata()
        while True:
            drafts = self.elements()
            relations = RelationshipDecoder(self.exchange, self.report).decode(drafts)
            elements = self.validate(drafts)
            if elements is not None:
                break
        self.report.in_fields = sum(len(d.folded) for d in drafts.values())
        self.report.listed = len(relations)
        for (what, n) in self.exchange.not_kept.items():
            self.report.not_kept[what] = self.report.not_kept.get(what, 0) + n
        for text in self.exchange.lost:
            self.report.lose(text)
        return ImportResult(elements, relations, metadata, self.report)

    # -- the model --------------------------------------------------------------------------
    def metadata(self) -> Metadata | None:
        ex = self.exchange
        ours = [(k, v) for k, v in ex.properties if k.startswith(PREFIX)]
        foreign = len(ex.properties) - len(ours)
        if foreign:
            self.report.not_kept["model properties"] = foreign
        name = pick_text(ex.names)
        if not ours and not ex.documentation and name in (None, DEFAULT_MODEL_NAME):
            return None
        data, _, rest = field_values(Metadata, ours, skip=METADATA_STRUCTURAL)
        if rest:
            self.report.not_kept["model properties"] = (
                self.report.not_kept.get("model properties", 0) + len(rest))
        data["organisation"] = name or DEFAULT_MODEL_NAME
        description = pick_text(ex.documentation)
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
    def elements(self) -> dict[str, Draft]:
        drafts: dict[str, Draft] = {}
        taken: set[str] = set()
        self.report.finnish_from.clear()
        for concept in self.exchange.elements:
            if concept.identifier in self.dropped:
                continue
            our_id = id_for(concept.identifier, taken)
            taken.add(our_id)
            kind, how = self.kind_of(concept)
            drafts[concept.identifier] = self.draft(concept, our_id, kind, how)
        return drafts

    def kind_of(self, concept: Concept) -> tuple[str, str]:
        if concept.identifier in self.generic:
            return types.GENERIC_KIND, KEPT
        said = first_value(concept.properties, KIND_KEY)
        if said == types.GENERIC_KIND:
            return said, BY_EA_KIND
        if said in types.KIND_TYPES and types.element_type(said) == concept.type:
            return said, BY_EA_KIND
        kind = types.IMPORTED_KIND.get(concept.type)
        return (kind, BY_TYPE) if kind else (types.GENERIC_KIND, KEPT)

    def draft(self, concept: Concept, our_id: str, kind: str, how: str) -> Draft:
        cls = KINDS[kind]
        properties: dict[str, str] = {}
        ea = []
        said = first_value(concept.properties, KIND_KEY)
        if said is not None and how != BY_EA_KIND:
            self.report.note(f"element {concept.identifier}: ea:kind {said!r} does not fit "
                             f"its type {concept.type}; ignored")
        for key, value in concept.properties:
            if key == KIND_KEY:
                continue
            if key.startswith(PREFIX):
                ea.append((key, value))
            else:
                put_property(properties, key, value, self.report)
        data, sources, rest = field_values(cls, ea)
        for key, value in rest:
            put_property(properties, key, value, self.report)
        name, extra_names, origin = texts_of(concept.names, NAME_KEY)
        if name is None:
            name = {"fi": concept.type}
            self.report.note(f"element {concept.identifier} has no name; its type is its name")
        description, extra_docs, doc_origin = texts_of(concept.documentation, DOCUMENTATION_KEY)
        for text_origin in (origin, doc_origin):
            if text_origin:
                self.report.finnish_from[text_origin] += 1
        for key, value in extra_names + extra_docs:
            put_property(properties, key, value, self.report)
        if element_identifier(our_id) != concept.identifier:
            properties[ID_KEY] = concept.identifier
        data.update({"kind": kind, "id": our_id, "name": name})
        if description:
            data["description"] = description
        if kind == types.GENERIC_KIND:
            data["archimate-type"] = concept.type
        return Draft(concept, our_id, kind, how, data, sources, properties)

    # -- validation -------------------------------------------------------------------------
    def validate(self, drafts: dict[str, Draft]) -> list[ElementBase] | None:
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
                line = f", line {draft.concept.line}" if draft.concept.line else ""
                self.dropped.add(draft.concept.identifier)
                report.lose(f"element {draft.concept.identifier} ({draft.concept.type!r}{line})"
                            f": not even an {types.GENERIC_KIND} can hold it")
                return None
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

    def validate_one(self, draft: Draft) -> ElementBase | None:
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


