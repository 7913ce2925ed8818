"""The second shape ("wide"): the same municipality cut into many small files, with every
reference field of every kind written and many findings.

`municipality(n, shape="wide")` builds the sample-shaped model, then, before writing:

- fills each reference field an element leaves empty, on about one element in FILL,
  with an id of a kind the field may name (a part-of never of the element's own kind) (so every reference field of
  every kind is used somewhere, and the model still loads with no diagnostics);
- leaves a rule-visible gap on about one in WIDE_GAP elements instead of one in GAP
  (the generator's `gap`), so `ea lint` reports thousands of findings per 10,000
  elements;
- writes about FILE_ELEMENTS (40) elements per file: 10,000 elements are about 250
  files, 100,000 about 2,500.
"""

from __future__ import annotations

import typing

from eaframework.model import KINDS, RELATIONS

FILE_ELEMENTS = 40
WIDE_GAP = 2
FILL = 2


def _shape(cls, field: str) -> str:
    """"one" (an id), "many" (a tuple of ids) or "map" (id -> value) for a reference
    field, from its annotation."""
    annotation = cls.model_fields[field].annotation
    for arg in (annotation, *typing.get_args(annotation)):
        origin = typing.get_origin(arg) or arg
        if origin in (dict, typing.Mapping) or (isinstance(origin, type)
                                                 and issubclass(origin, dict)):
            return "map"
        if origin in (tuple, list, frozenset, set):
            return "many"
    return "one"


def fill_references(generator) -> None:
    """Write every empty reference field on about one in FILL elements of each kind."""
    by_kind: dict[str, list[str]] = {}
    for element in generator.elements:
        by_kind.setdefault(element.kind, []).append(element.id)
    rng = generator.rng
    for element in generator.elements:
        cls = KINDS[element.kind]
        for field, relation in cls.reference_fields.items():
            key = field.replace("_", "-")
            if key in element.data or rng.randrange(FILL):
                continue
            shape = _shape(cls, field)
            if shape == "map":
                continue  # shares that must add up: the generator writes them
            # part-of within one kind could close a cycle (EA010): other kinds only
            targets = [k for k in RELATIONS[relation][2] if k in by_kind
                       and not (relation == "part-of" and k == element.kind)]
            if not targets:
                continue
            kind = targets[rng.randrange(len(targets))]
            ids = [i for i in by_kind[kind] if i != element.id] or by_kind[kind]
            chosen = ids[rng.randrange(len(ids))]
            element.add(key, chosen if shape == "one" else [chosen])
