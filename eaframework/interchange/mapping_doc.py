"""docs/archimate-mapping.md, written from the tables of `archimate_types`: each kind's
element type, each relation's relationship type, and how fields, ids and Archi's CSV are
carried. `make docs` runs `python -m eaframework.interchange.archimate_types`, which prints
it; a test keeps the page current."""

from __future__ import annotations

from ..model import KINDS, RELATIONS
from .archimate_types import GENERIC_KIND, KIND_TYPES, RELATION_TYPES


def mapping_markdown() -> str:
    """docs/archimate-mapping.md, generated from the tables above."""
    lines = [
        "# ArchiMate mapping",
        "",
        "<!-- Generated from eaframework/interchange/archimate_types.py; a test keeps it "
        "current. -->",
        "",
        "How `ea export archimate` and `ea export csv` write our kinds and relations as "
        "ArchiMate 3.1 elements and relationships, and how `ea import` reads them back.",
        "",
        "## Elements",
        "",
        "| kind | ArchiMate element | imported as this kind | why |",
        "|---|---|---|---|",
    ]
    for kind in KINDS:
        if kind == GENERIC_KIND:
            continue
        spec = KIND_TYPES[kind]
        lines.append(f"| `{kind}` | {spec.type} | {'yes' if spec.imports else 'no'} | "
                     f"{spec.why} |")
    lines += [
        f"| `{GENERIC_KIND}` | its `archimate-type` | every other type | kept as it was "
        "imported |",
        "",
        "An element type with no kind marked *yes* is imported as `archimate-element` with "
        "its `archimate-type`, in the viewpoint of its ArchiMate layer. Where a kind is "
        "not the one its type imports as, the exported element has the property `ea:kind`.",
        "",
        "## Relations",
        "",
        "| relation | ArchiMate relationship | why |",
        "|---|---|---|",
    ]
    for relation in RELATIONS:
        spec = RELATION_TYPES[relation]
        cell = spec.default.describe()
        for label, table in (("from", spec.by_source), ("to", spec.by_target)):
            for kind, override in table.items():
                cell += f"; {label} `{kind}`: {override.describe()}"
        lines.append(f"| `{relation}` | {cell} | {spec.why} |")
    lines += [
        "",
        "*Reversed*: the ArchiMate relationship points the other way (the whole aggregates "
        "the part). An imported relationship becomes one of our relations when exactly "
        "one fits its type and both ends (those in its own direction win over reversed "
        "ones, then any other over `uses`), never from an Association; otherwise it is "
        "kept as `associated-with` with "
        "the property `archimate-type`. Where the type alone would not say which relation "
        "it is, the exported relationship has the property `ea:relation`.",
        "",
        "## Fields and properties",
        "",
        "- Names and descriptions: one `name` / `documentation` per language (`xml:lang` "
        "fi, sv, en); names in other languages are kept as properties `archimate-name:LANG`.",
        "- Every other field is a property `ea:FIELD` (nested fields `ea:FIELD.KEY`; lists "
        "as JSON), with a property definition of its type.",
        "- The element's own `properties` are properties with the same keys.",
        "- Reference fields (`owner`, `uses` ...) are relationships; a cost share is the "
        "property `ea:cost-allocation` of its relationship.",
        "- Ids: `id-` + our id. Relationship ids are derived from (source, relation, "
        "target). An imported id that would not come back this way is kept as the "
        "property `archimate-id`, except for relationships that become reference fields "
        "(the mapping report counts them).",
        "- Kept as properties on import: `archimate-id`, `archimate-type`, "
        "`archimate-name`, `archimate-name:LANG`, `archimate-documentation:LANG`, "
        "`archimate-access-type`, `archimate-directed`, `archimate-influence-modifier`, "
        "`archimate-specialization` (CSV).",
        "",
        "## Archi CSV",
        "",
        "`elements.csv`, `relations.csv` and `properties.csv` use Archi's class names: the "
        "element types above (`Junction` for both junctions, with the property "
        "`Junction_Type`) and the relationship types with `Relationship` appended "
        "(`ServingRelationship`). Access types and association direction are Archi's "
        "properties `Access_Type` and `Directed`.",
        "",
    ]
    return "\n".join(lines)
