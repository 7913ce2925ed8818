"""`ea import archimate`: an ArchiMate Model Exchange File (3.0 or 3.1 namespace) into our
model, read safely.

The file is untrusted input. It is parsed with no network, no DTD loading and no entity
expansion; a DOCTYPE that declares entities (external entities, "billion laughs") is
refused, and so are files over a size cap, documents nested deeper than any exchange file
needs, and XML whose root is not an ArchiMate `model`. Every refusal is one
`InterchangeError` with the line where there is one.
"""

from __future__ import annotations

import re

from lxml import etree

from .archimate_reader import Reader
from .archimate_stream import stream_exchange
from .decode import ImportResult, decode
from .exchange import Exchange, InterchangeError

NAMESPACES = (
    "http://www.opengroup.org/xsd/archimate/3.0/",
    "http://www.opengroup.org/xsd/archimate/3.1/",
)
MAX_BYTES = 256 * 1024 * 1024  # a 100,000-element model exports to about 140 MB
MAX_DEPTH = 64  # model/views/diagrams/view/node/... : real files stay far below
# Entity declarations in a DOCTYPE, in the encodings a file can start with.
_ENTITY_MARKS = (b"<!ENTITY", "<!ENTITY".encode("utf-16-le"), "<!ENTITY".encode("utf-16-be"))


# The parser's options: no network, no DTD, no entities, no huge-document mode.
PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False,
                      huge_tree=False, dtd_validation=False, remove_comments=True,
                      remove_pis=True)


def import_archimate(data: bytes, max_bytes: int = MAX_BYTES) -> ImportResult:
    exchange = exchange_of(data, max_bytes)
    del data  # the file's bytes (140 MB at 100k) go where the caller holds them no more
    return decode(exchange, "ArchiMate exchange file")


def exchange_of(data: bytes, max_bytes: int = MAX_BYTES) -> Exchange:
    """The file streamed, each concept freed once read (a tree of the whole file is
    about ten times its size); where that finds anything amiss, the whole tree is
    parsed and read, which says what as it always did."""
    check_bytes(data, max_bytes)
    exchange = stream_exchange(data, PARSER_OPTIONS, NAMESPACES, MAX_DEPTH)
    return exchange if exchange is not None else read_exchange(parse(data, max_bytes))


def check_bytes(data: bytes, max_bytes: int) -> None:
    """Refuse, before parsing, a file too large, empty, or declaring entities."""
    if len(data) > max_bytes:
        raise InterchangeError(f"the file is {_megabytes(len(data))}; the limit is "
                               f"{_megabytes(max_bytes)}")
    if not data or data.isspace():  # (strip() would copy the whole file)
        raise InterchangeError("the file is empty; expected an ArchiMate exchange file")
    if any(mark in data for mark in _ENTITY_MARKS):
        raise InterchangeError("the file declares XML entities (<!ENTITY>), which an "
                               "ArchiMate exchange file never needs; refused as unsafe")


def parse(data: bytes, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH):
    """The root element of a safe, well-formed ArchiMate model document."""
    check_bytes(data, max_bytes)
    parser = etree.XMLParser(**PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        message = re.sub(r", line \d+, column \d+$", "", exc.msg or str(exc)).rstrip(".")
        if "depth" in message.lower():
            message = f"the document is nested too deeply ({message})"
        else:
            message = f"not well-formed XML: {message}"
        raise InterchangeError(message, exc.lineno or None, exc.offset or None) from None
    docinfo = root.getroottree().docinfo
    dtd = docinfo.internalDTD
    if (dtd is not None and any(True for _ in dtd.iterentities())) or docinfo.system_url:
        raise InterchangeError("the file has a DOCTYPE with entity declarations or an "
                               "external DTD; refused as unsafe")
    _check_depth(root, max_depth)
    qname = etree.QName(root)
    namespace, local = qname.namespace or "", qname.localname
    if local != "model" or namespace not in NAMESPACES:
        found = f"<{local}> in namespace {namespace}" if namespace else f"<{local}>"
        raise InterchangeError(f"not an ArchiMate model: the root element is {found}; "
                               f"expected <model> in {NAMESPACES[0]}", root.sourceline)
    return root


def _check_depth(root, max_depth: int) -> None:
    # One XPath in C: is there any element `max_depth` levels below the root?
    deep = root.xpath("/*" + "/*" * max_depth)
    if deep:
        raise InterchangeError(f"the document is nested more than {max_depth} levels "
                               "deep; an ArchiMate exchange file is not", deep[0].sourceline)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


# -- the document as an Exchange ----------------------------------------------------------
def read_exchange(root) -> Exchange:
    """The exchange of a whole parsed document (`parse`)."""
    reader = Reader(root)
    reader.begin()
    elements = [reader.element(node) for node in
                reader.children(reader.child(root, "elements"), "element")]
    relationships = [reader.relationship(node) for node in
                     reader.children(reader.child(root, "relationships"), "relationship")]
    return reader.exchange(elements, relationships)
