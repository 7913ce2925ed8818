"""Archi's CSV files, both ways: `elements.csv`, `relations.csv` and `properties.csv`.

The format is Archi's own (com.archimatetool.csv): every field quoted, quotes doubled,
rows separated by CRLF with no line break after the last, the header row first, the model
itself as the first row of elements.csv with the type `ArchimateModel`, and Archi's class
names (`BusinessActor`, `ServingRelationship`; one `Junction` type whose kind is the
property `Junction_Type`). Files are UTF-8 with a byte order mark, Archi's "UTF-8 BOM"
option, so that spreadsheet programs read the Finnish letters right; Archi reads both.

Reading follows Archi's importer: the byte order mark is optional, the delimiter may be a
comma, a semicolon or a tab, headers are matched case-insensitively, relations.csv and
properties.csv may be missing, and every row must have as many fields as the header.

Formulas: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and TAB or CR
hide one), so a name like `=HYPERLINK(...)` would be a formula in the city's Excel. Export
neutralises such cells as OWASP advises, with a `'` before them; a cell that starts with
`'` gets one too, and a plain number (`-1200`) none. Import takes exactly that `'` away
(one `'` followed by one of `=+-@'`, TAB or CR), so export and import give back every
name. `formulas="raw"` writes and reads the cells as they are (Archi's own files).
"""

from __future__ import annotations

import csv
import io
import re

from ..model import Model
from . import archimate_types as types
from .decode import ImportResult, decode
from .encode import DOCUMENTATION_KEY, NAME_KEY, encode
from .exchange import Concept, Exchange, InterchangeError, LangText

ELEMENTS_FILE, RELATIONS_FILE, PROPERTIES_FILE = "elements.csv", "relations.csv", "properties.csv"
ELEMENTS_HEADER = ("ID", "Type", "Name", "Documentation", "Specialization")
RELATIONS_HEADER = ("ID", "Type", "Name", "Documentation", "Source", "Target", "Specialization")
PROPERTIES_HEADER = ("ID", "Key", "Value")
MODEL_TYPE = "ArchimateModel"
BOM = "\ufeff"
CRLF = "\r\n"
DELIMITERS = (",", ";", "\t")
# Archi's properties for relationship attributes and junctions (CSVConstants).
ACCESS_TYPE, DIRECTED, INFLUENCE_STRENGTH = "Access_Type", "Directed", "Influence_Strength"
JUNCTION_TYPE = "Junction_Type"
SPECIALIZATION_KEY = "archimate-specialization"
VERSION_KEY = "ea:version"
MAX_BYTES = 100 * 1024 * 1024
_ARCHI_ID = re.compile(r"^[a-zA-Z0-9._-]+$")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will not run: `'` before one that starts like a formula."""
    if cell.startswith(FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """`neutralise` undone: the `'` it added, and only that, is taken away."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_START else cell


# -- writing --------------------------------------------------------------------------------
def export_csv(model: Model, formulas: str = "neutralise") -> dict[str, bytes]:
    """{file name: content} of the three files, as Archi writes them; cells that start
    like a formula neutralised unless `formulas="raw"`."""
    return write_csv(encode(model), formulas)


def _quote(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _file(header: tuple[str, ...], rows: list[list[str]], formulas: str) -> bytes:
    cell = (lambda v: v) if formulas == "raw" else neutralise
    lines = [",".join(_quote(v) for v in header)]
    lines += [",".join(_quote(cell(v)) for v in row) for row in rows]
    return (BOM + CRLF.join(lines)).encode("utf-8")


def _first_text(texts: list[LangText]) -> tuple[str, list[LangText]]:
    """The text for Archi's single column (Finnish, else untagged, else the first) and the
    others, which become `archimate-name:LANG` properties."""
    for wanted in ("fi", None):
        for index, (lang, text) in enumerate(texts):
            if lang == wanted:
                return text, texts[:index] + texts[index + 1:]
    return (texts[0][1], texts[1:]) if texts else ("", [])


def _split(concept: Concept) -> tuple[str, str, str, list[tuple[str, str]]]:
    """Name, documentation, specialization and the remaining properties of a concept."""
    name, other_names = _first_text(concept.names)
    documentation, other_docs = _first_text(concept.documentation)
    props = []
    for prefix, texts in ((NAME_KEY, other_names), (DOCUMENTATION_KEY, other_docs)):
        props += [(f"{prefix}:{lang}" if lang else prefix, text) for lang, text in texts]
    specialization = ""
    for key, value in concept.properties:
        if key == SPECIALIZATION_KEY and not specialization:
            specialization = value
        else:
            props.append((key, value))
    return name, documentation, specialization, props


def write_csv(exchange: Exchange, formulas: str = "neutralise") -> dict[str, bytes]:
    model_name, _ = _first_text(exchange.names)
    model_doc, _ = _first_text(exchange.documentation)
    elements = [[exchange.identifier, MODEL_TYPE, model_name, model_doc, ""]]
    properties = [[exchange.identifier, k, v] for k, v in exchange.properties]
    if exchange.version:  # the exchange file's model attribute; CSV has no column for it
        properties.append([exchange.identifier, VERSION_KEY, exchange.version])
    for concept in exchange.elements:
        name, documentation, specialization, props = _split(concept)
        elements.append([concept.identifier, types.csv_element_type(concept.type), name,
                         documentation, specialization])
        if concept.type in ("AndJunction", "OrJunction"):
            props.append((JUNCTION_TYPE, concept.type[:-len("Junction")]))
        properties += [[concept.identifier, k, v] for k, v in props]
    relations = []
    for concept in exchange.relationships:
        name, documentation, specialization, props = _split(concept)
        relations.append([concept.identifier, types.csv_relationship_type(concept.type), name,
                          documentation, concept.source, concept.target, specialization])
        attributes = concept.attributes
        if concept.type == "Access":
            props.append((ACCESS_TYPE, attributes.get("accessType", "Access")))
        elif concept.type == "Association":
            props.append((DIRECTED, attributes.get("isDirected", "false")))
        elif concept.type == "Influence" and attributes.get("modifier"):
            props.append((INFLUENCE_STRENGTH, attributes["modifier"]))
        properties += [[concept.identifier, k, v] for k, v in props]
    return {
        ELEMENTS_FILE: _file(ELEMENTS_HEADER, elements, formulas),
        RELATIONS_FILE: _file(RELATIONS_HEADER, relations, formulas),
        PROPERTIES_FILE: _file(PROPERTIES_HEADER, properties, formulas),
    }


# -- reading --------------------------------------------------------------------------------
def _error(file: str, message: str, line: int | None = None) -> InterchangeError:
    return InterchangeError(message, line, file=file)


def import_csv(files: dict[str, bytes], formulas: str = "neutralise") -> ImportResult:
    """`files`: {file name: content} with at least elements.csv; `formulas="raw"` for
    files whose cells were not neutralised (kept as they are)."""
    return decode(read_csv(files, formulas), "Archi CSV")


def _records(name: str, data: bytes, header: tuple[str, ...], formulas: str = "neutralise"
             ) -> list[tuple[int, list[str]]]:
    """(line, fields) of each row after the header, with the delimiter Archi would find."""
    if len(data) > MAX_BYTES:
        raise _error(name, f"larger than {MAX_BYTES // 1024 // 1024} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _error(name, f"not UTF-8 text (byte {exc.start})") from None
    if "\x00" in text:
        raise _error(name, "not a CSV file (it holds NUL characters)")
    expected = [h.lower() for h in header]
    if not text.strip():
        raise _error(name, f"the file is empty; expected the header "
                     f"{', '.join(header)}")
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        try:
            first = next(reader)
        except csv.Error:
            continue  # not this delimiter (Archi tries the next one, too)
        if [f.strip().lower() for f in first] != expected:
            continue
        rows = []
        line = reader.line_num
        try:
            for record in reader:
                if record and len(record) != len(header):
                    raise _error(name, f"a row has {len(record)} fields; the "
                                 f"header has {len(header)}", line + 1)
                if record:
                    rows.append((line + 1, record if formulas == "raw" else
                                 [restore(v) for v in record]))
                line = reader.line_num
        except csv.Error as exc:
            raise _error(name, f"not valid CSV: {exc}", line + 1) from None
        return rows
    raise _error(name, f"the first row is not Archi's header "
                 f"{', '.join(header)}", 1)


def read_csv(files: dict[str, bytes], formulas: str = "neutralise") -> Exchange:
    if ELEMENTS_FILE not in files:
        raise InterchangeError(f"{ELEMENTS_FILE} is missing; Archi's CSV export has "
                               f"{ELEMENTS_FILE}, {RELATIONS_FILE} and {PROPERTIES_FILE}")
    exchange = Exchange(identifier="")
    concepts: dict[str, Concept] = {}
    for line, (identifier, kind, name, documentation, specialization) in _records(
            ELEMENTS_FILE, files[ELEMENTS_FILE], ELEMENTS_HEADER, formulas):
        if kind == MODEL_TYPE:
            exchange.identifier = identifier
            exchange.names = [(None, name)] if name else []
            exchange.documentation = [(None, documentation)] if documentation else []
            continue
        if kind != "Junction" and kind not in types.ELEMENT_TYPES:
            exchange.lost.append(f"element {identifier} ({ELEMENTS_FILE}, line {line}): "
                                 f"{kind!r} is not an ArchiMate element type")
            continue
        concept = _concept(identifier, kind, name, documentation, specialization,
                           concepts, ELEMENTS_FILE, line)
        exchange.elements.append(concept)
    if RELATIONS_FILE in files:
        for line, (identifier, kind, name, documentation, source, target, specialization) in (
                _records(RELATIONS_FILE, files[RELATIONS_FILE], RELATIONS_HEADER, formulas)):
            base = kind[:-len("Relationship")] if kind.endswith("Relationship") else ""
            if base not in types.RELATIONSHIP_TYPES:
                exchange.lost.append(f"relationship {identifier} ({RELATIONS_FILE}, line "
                                     f"{line}): {kind!r} is not an ArchiMate relationship type")
                continue
            concept = _concept(identifier, base, "", documentation, specialization,
                               concepts, RELATIONS_FILE, line)
            concept.names = [(None, name)] if name else []
            concept.source, concept.target = source, target
            exchange.relationships.append(concept)
    if PROPERTIES_FILE in files:
        for line, (identifier, key, value) in _records(
                PROPERTIES_FILE, files[PROPERTIES_FILE], PROPERTIES_HEADER, formulas):
            if identifier and identifier == exchange.identifier:
                if key == VERSION_KEY and exchange.version is None:
                    exchange.version = value
                else:
                    exchange.properties.append((key, value))
                continue
            concept = concepts.get(identifier)
            if concept is None:
                exchange.lost.append(f"property {key!r} of {identifier!r} ({PROPERTIES_FILE}, "
                                     f"line {line}): no element, relationship or model of "
                                     f"{ELEMENTS_FILE} and {RELATIONS_FILE} has that id")
                continue
            _property(concept, key, value)
    for concept in exchange.elements:
        if concept.type == "Junction":
            concept.type = "OrJunction" if concept.attributes.pop(JUNCTION_TYPE, "") == "Or" \
                else "AndJunction"
    if not exchange.identifier:
        exchange.identifier = "id-model"
    return exchange


def _concept(identifier, kind, name, documentation, specialization, concepts, file, line
             ) -> Concept:
    if not identifier:
        identifier = f"{file.split('.')[0]}-row-{line}"
    elif not _ARCHI_ID.match(identifier):
        raise _error(file, f"id {identifier!r} has characters Archi does not "
                     "allow (letters, digits, '.', '_' and '-')", line)
    if identifier in concepts:
        raise _error(file, f"id {identifier!r} is used twice", line)
    concept = Concept(identifier=identifier, type=kind, line=line,
                      names=[(None, name)] if name else [],
                      documentation=[(None, documentation)] if documentation else [])
    if specialization:
        concept.properties.append((SPECIALIZATION_KEY, specialization))
    concepts[identifier] = concept
    return concept


def _property(concept: Concept, key: str, value: str) -> None:
    """Archi's special properties become attributes; other languages of names and
    documentation become texts again."""
    if concept.source is not None:  # a relationship
        if key == ACCESS_TYPE and concept.type == "Access":
            concept.attributes["accessType"] = value
            return
        if key == DIRECTED and concept.type == "Association":
            concept.attributes["isDirected"] = "true" if value.lower() == "true" else "false"
            return
        if key == INFLUENCE_STRENGTH and concept.type == "Influence":
            concept.attributes["modifier"] = value
            return
    elif key == JUNCTION_TYPE and concept.type == "Junction":
        concept.attributes[JUNCTION_TYPE] = value
        return
    for prefix, texts in ((NAME_KEY, concept.names), (DOCUMENTATION_KEY, concept.documentation)):
        if key.startswith(prefix + ":") and len(key) > len(prefix) + 1:
            texts.append((key[len(prefix) + 1:], value))
            return
    concept.properties.append((key, value))
