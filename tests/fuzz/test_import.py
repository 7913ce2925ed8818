"""Fuzzing `ea import`: mutations of the sample's exchange export (and of the shared
ArchiMate samples, when present) and of its Archi CSV export. An import either refuses
with an InterchangeError, or gives model files that load cleanly; nothing else."""

from __future__ import annotations

import csv
import io
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from eaframework.interchange.exchange import InterchangeError
from eaframework.interchange.model_files import verified_files
from tests.conftest import SHARED
from tests.fuzz.common import CONTROL_CHARS, HOSTILE, mutated_bytes, sample_loaded
from tests.fuzz.conftest import fuzz_settings

SHARED_SAMPLES = SHARED / "archimate-xsd" / "samples"


@cache
def exchange_files() -> dict[str, bytes]:
    from eaframework.interchange.archimate_export import export_archimate

    files = {"sample-export.xml": export_archimate(sample_loaded().model)}
    if SHARED_SAMPLES.is_dir():
        files.update((p.name, p.read_bytes()) for p in sorted(SHARED_SAMPLES.glob("*.xml")))
    return files


@cache
def csv_files() -> dict[str, bytes]:
    from eaframework.interchange.csv import export_csv

    return export_csv(sample_loaded().model)


def imported(read) -> None:
    try:
        result = read()
        files = verified_files(result)
    except InterchangeError as exc:
        assert str(exc).strip(), "a refusal says why"
        return
    assert files, "an import that succeeds writes model files"


_HOSTILE_TEXT = st.sampled_from(HOSTILE + CONTROL_CHARS + ["", "id-missing", "x" * 300]) \
    | st.text(max_size=20)


@st.composite
def mutated_xml(draw, data: bytes) -> bytes:
    """The document with nodes removed, duplicated or moved, attributes and texts
    replaced (references to missing ids, unknown types, hostile text), or bytes flipped."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    nodes = list(root.iter())
    for _ in range(draw(st.integers(1, 4))):
        node = draw(st.sampled_from(nodes))
        op = draw(st.sampled_from(["attribute", "attribute", "text", "remove", "duplicate",
                                   "move", "nest"]))
        if op == "attribute" and node.attrib:
            key = draw(st.sampled_from(sorted(node.attrib)))
            value = draw(_HOSTILE_TEXT | st.sampled_from(
                [a for n in nodes[:200] for a in n.attrib.values()] or ["x"]))
            node.set(key, _xml_safe(value))
        elif op == "text":
            node.text = _xml_safe(draw(_HOSTILE_TEXT))
        elif op == "remove" and node.getparent() is not None:
            node.getparent().remove(node)
        elif op == "duplicate" and node.getparent() is not None:
            node.getparent().append(etree.fromstring(etree.tostring(node)))
        elif op == "move" and node.getparent() is not None:
            other = draw(st.sampled_from(nodes))
            if node not in other.iterancestors() and other is not node:
                other.append(node)
        elif op == "nest":
            inner = node
            for _ in range(draw(st.integers(1, 80))):
                inner = etree.SubElement(inner, node.tag)
        nodes = list(root.iter())
    out = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    if draw(st.booleans()):
        out = draw(mutated_bytes(out, 2))
    return out


def _xml_safe(text: str) -> str:
    """What lxml can hold: no controls XML forbids, no lone surrogates."""
    return "".join(c for c in text if c in "\t\n\r" or " " <= c <= "\ud7ff"
                   or "\ue000" <= c <= "\ufffd")


@fuzz_settings()
@given(st.data())
def test_exchange_import_of_mutated_files(data):
    from eaframework.interchange.archimate_import import import_archimate

    name = data.draw(st.sampled_from(sorted(exchange_files())), label="base")
    xml = data.draw(mutated_xml(exchange_files()[name]), label="xml")
    imported(lambda: import_archimate(xml))


def test_shared_samples_present_or_skipped():
    if not SHARED_SAMPLES.is_dir():
        pytest.skip(f"../shared/archimate-xsd/samples is absent ({SHARED_SAMPLES}); the XML "
                    "fuzz uses the sample's own export only")
    assert len(exchange_files()) > 1


@st.composite
def mutated_csv(draw, files: dict[str, bytes]) -> dict[str, bytes]:
    """Archi's CSV files with cells replaced, rows removed or duplicated, columns dropped,
    a file left out, or bytes flipped."""
    out = dict(files)
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(sorted(out)))
        try:  # a file mangled by an earlier "bytes" edit may be no CSV any more
            rows = list(csv.reader(io.StringIO(out[name].decode("utf-8-sig"))))
        except (UnicodeDecodeError, csv.Error):
            continue
        op = draw(st.sampled_from(["cell", "cell", "cell", "remove", "duplicate", "column",
                                   "drop-file", "bytes"]))
        if op == "cell" and rows:
            r = draw(st.integers(0, len(rows) - 1))
            if rows[r]:
                c = draw(st.integers(0, len(rows[r]) - 1))
                cells = [cell for row in rows[:50] for cell in row]
                rows[r][c] = draw(_HOSTILE_TEXT | st.sampled_from(cells or ["x"]))
        elif op == "remove" and rows:
            del rows[draw(st.integers(0, len(rows) - 1))]
        elif op == "duplicate" and rows:
            rows.append(rows[draw(st.integers(0, len(rows) - 1))])
        elif op == "column" and rows and rows[0]:
            c = draw(st.integers(0, len(rows[0]) - 1))
            rows = [row[:c] + row[c + 1:] for row in rows]
        elif op == "drop-file" and name != "elements.csv":
            del out[name]
            continue
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        out[name] = buffer.getvalue().encode("utf-8", "surrogatepass")
        if op == "bytes":
            out[name] = draw(mutated_bytes(out[name], 3))
    return out


@fuzz_settings()
@given(st.data())
def test_csv_import_of_mutated_files(data):
    from eaframework.interchange.csv import import_csv

    files = data.draw(mutated_csv(csv_files()), label="files")
    imported(lambda: import_csv(files))
