"""The streamed reading of an exchange file (`archimate_stream`) against the reading of
the whole tree: on any file, mutated too, and in chunks of any size, it gives the same
exchange (the same lines included), or gives up (None) and leaves the file to the
whole-tree reading; it never accepts a file that reading refuses."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eaframework.interchange.archimate_import import (
    MAX_DEPTH,
    NAMESPACES,
    PARSER_OPTIONS,
    parse,
    read_exchange,
)
from eaframework.interchange.archimate_stream import stream_exchange
from eaframework.interchange.exchange import InterchangeError
from tests.fuzz.conftest import fuzz_settings
from tests.fuzz.test_import import exchange_files, mutated_xml

NS = 'xmlns="http://www.opengroup.org/xsd/archimate/3.0/"'
XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'


def _same_as_whole_tree(data: bytes, chunk: int) -> bool:
    streamed = stream_exchange(data, PARSER_OPTIONS, NAMESPACES, MAX_DEPTH, chunk)
    try:
        whole = read_exchange(parse(data))
    except InterchangeError:
        return streamed is None
    return streamed is None or streamed == whole


def test_exchange_files_read_the_same_in_any_chunks():
    for name, data in exchange_files().items():
        for chunk in (1, 7, 64, 4096, 1 << 16):
            streamed = stream_exchange(data, PARSER_OPTIONS, NAMESPACES, MAX_DEPTH, chunk)
            assert streamed is not None, (name, chunk)
            assert streamed == read_exchange(parse(data)), (name, chunk)


def test_other_encodings_read_the_same():
    text = exchange_files()["sample-export.xml"].decode("utf-8")
    for encoding in ("utf-16", "utf-16-be", "iso-8859-1"):
        data = text.replace('encoding="UTF-8"', f'encoding="{encoding}"', 1).encode(
            encoding, errors="xmlcharrefreplace")
        for chunk in (5, 1 << 16):
            assert _same_as_whole_tree(data, chunk), (encoding, chunk)


@fuzz_settings()
@given(st.data())
def test_mutated_files_read_the_same_or_are_left_to_the_whole_tree(data):
    name = data.draw(st.sampled_from(sorted(exchange_files())), label="base")
    xml = data.draw(mutated_xml(exchange_files()[name]), label="xml")
    chunk = data.draw(st.sampled_from([3, 50, 1000, 1 << 16]), label="chunk")
    assert _same_as_whole_tree(xml, chunk)


def _model(body: str) -> bytes:
    return f'<model {NS} {XSI} identifier="m">\n{body}</model>\n'.encode()


ELEMENT = '<element identifier="id-a" xsi:type="BusinessActor"><name>A</name></element>\n'


def test_what_the_whole_tree_refuses_is_left_to_it():
    deep = "<elements>" + ELEMENT + "</elements>" + "<views>" + "<x>" * 70 + "</x>" * 70 + \
        "</views>"
    inside = ('<elements><element identifier="id-a" xsi:type="BusinessActor">'
              + "<name>" * 70 + "</name>" * 70 + "</element></elements>")
    cases = [
        _model(deep), _model(inside),
        _model("<elements>" + ELEMENT + ELEMENT + "</elements>"),  # an identifier twice
        _model("<elements>" + ELEMENT + "</elements><broken>"),
        b'<model xmlns="http://example.com/"><elements/></model>',
        b'<?xml version="1.0"?>\n<!DOCTYPE model SYSTEM "x.dtd">\n' + _model(""),
    ]
    for data in cases:
        assert stream_exchange(data, PARSER_OPTIONS, NAMESPACES, MAX_DEPTH, 5) is None


def test_concepts_outside_the_model_lists_are_not_read():
    data = _model("<elements>" + ELEMENT + "</elements><elements>"
                  + ELEMENT.replace("id-a", "id-b") + "</elements>"
                  + "<views><element identifier='id-c' xsi:type='Node'/></views>")
    streamed = stream_exchange(data, PARSER_OPTIONS, NAMESPACES, MAX_DEPTH, 5)
    assert [c.identifier for c in streamed.elements] == ["id-a"]
    assert streamed == read_exchange(parse(data))
