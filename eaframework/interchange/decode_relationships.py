"""ArchiMate relationships as our relations: by `ea:relation` where it fits, else by type
and the kinds at both ends, else kept as `associated-with`; folded into the source's
reference field where one fits and the relationship carries nothing a field cannot hold,
listed under `relations:` otherwise."""

from __future__ import annotations

import typing
from collections import Counter, defaultdict
from functools import cache

from ..model import KINDS, RELATIONS, Relation, allowed
from . import archimate_types as types
from .drafts import Draft, first_value, put_property
from .encode import (
    ATTRIBUTE_KEYS,
    DOCUMENTATION_KEY,
    ID_KEY,
    NAME_KEY,
    SCHEMA_DEFAULTS,
    TYPE_KEY,
    VALUE_FIELDS,
)
from .exchange import Concept, Exchange, relationship_base_id
from .fields import RELATION_KEY, unwrap
from .report import MappingReport

BY_ENDS = "by type and ends"
BY_EA_RELATION = "by ea:relation"
KEPT_RELATION = "kept as associated-with"


class RelationshipDecoder:
    """The relationships of one exchange, decoded against its element drafts."""

    def __init__(self, exchange: Exchange, report: MappingReport) -> None:
        self.exchange = exchange
        self.report = report

    def decode(self, drafts: dict[str, Draft]) -> list[Relation]:
        """Our relations, folded into reference fields where they fit; the rest listed."""
        report = self.report
        report.relationships.clear()
        report.dropped_ids = 0
        found = []  # (source draft, relation, target draft, properties, description)
        parents: dict[str, set[str]] = defaultdict(set)  # part-of so far, to avoid cycles
        relationships = {c.identifier for c in self.exchange.relationships}
        for concept in self.exchange.relationships:
            a, b = drafts.get(concept.source), drafts.get(concept.target)
            if a is None or b is None:
                end, ref = ("source", concept.source) if a is None else ("target", concept.target)
                why = ("is a relationship; relations connect elements only" if ref in
                       relationships else "is no element of the file")
                report.lose(f"relationship {concept.identifier} ({concept.type}"
                            f"{_line(concept)}): its {end} {ref!r} {why}")
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
        said = first_value(concept.properties, RELATION_KEY)
        key = (said, concept.type, source_kind, target_kind)
        known = _RELATION_OF.get(key)
        if known is None:
            known = _RELATION_OF[key] = _relation_of(*key)
        if said is not None and known[2] != BY_EA_RELATION:
            self.report.note(f"relationship {concept.identifier}: ea:relation {said!r} does "
                             f"not fit a {concept.type} between these elements; ignored")
        return known

    def relation_properties(self, concept: Concept, relation: str, source: Draft,
                            target: Draft) -> tuple[dict[str, str], str | None]:
        """The relationship's properties, with whatever our relation does not say kept
        under `archimate-*` keys; and its description."""
        props: dict[str, str] = {}
        for key, value in concept.properties:
            if key != RELATION_KEY:
                put_property(props, key, value, self.report)
        if relation == "associated-with" and concept.type != "Association":
            props[TYPE_KEY] = concept.type
        expected = _expected(relation, concept.type, source.kind, target.kind)
        found = {**SCHEMA_DEFAULTS, **concept.attributes} if concept.attributes else \
            SCHEMA_DEFAULTS
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

    def fold(self, source: Draft, relation: str, target: str, props: dict,
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
        elif _is_tuple(source.kind, field_name):
            source.data.setdefault(alias, []).append(target)
        elif alias not in source.data:
            source.data[alias] = target
        else:
            return False
        source.folded.append((field_name, target))
        if ID_KEY in props:  # a field holds no identifier: export derives one
            self.report.dropped_ids += 1
        return True


# (ea:relation, type, source kind, target kind) -> (relation, reverse, how): the same for
# the thousands of relationships between elements of the same two kinds.
_RELATION_OF: dict[tuple, tuple[str, bool, str]] = {}


def _relation_of(said: str | None, archimate_type: str, source_kind: str, target_kind: str
                 ) -> tuple[str, bool, str]:
    if said == "associated-with":
        return said, False, BY_EA_RELATION
    if said in RELATIONS:
        for reverse in (False, True):
            ours = (target_kind, source_kind) if reverse else (source_kind, target_kind)
            if not allowed(said, *ours):
                continue
            spec = types.relationship_type(said, *ours)
            if spec.type == archimate_type and spec.reverse == reverse:
                return said, reverse, BY_EA_RELATION
    inferred = types.infer_relation(archimate_type, source_kind, target_kind)
    if inferred:
        return (*inferred, BY_ENDS)
    return "associated-with", False, KEPT_RELATION



@cache
def _expected(relation: str, archimate_type: str, source_kind: str, target_kind: str
              ) -> dict[str, str]:
    """The attributes the relationship has when it says nothing more than our relation."""
    spec = (types.RelType(archimate_type) if relation == "associated-with"
            else types.relationship_type(relation, source_kind, target_kind))
    return {**SCHEMA_DEFAULTS, **spec.attributes()}

def _line(concept: Concept) -> str:
    return f", line {concept.line}" if concept.line else ""


_REFERENCE_FIELD: dict[tuple[str, str], str] = {}


def _reference_field(kind: str, relation: str) -> str | None:
    key = (kind, relation)
    if key not in _REFERENCE_FIELD:
        fields = KINDS[kind].reference_fields
        _REFERENCE_FIELD[key] = next((f for f, r in fields.items() if r == relation), None)
    return _REFERENCE_FIELD[key]


@cache
def _is_tuple(kind: str, field_name: str) -> bool:
    annotation = KINDS[kind].model_fields[field_name].annotation
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
