"""An exchange file read as it is parsed, each element and relationship freed once read:
the tree of a whole file takes about ten times the file's size (1.4 GB for a
100,000-element model), the rest of the import much less.

It reads exactly what the whole-tree reading (`archimate_import.read_exchange`) reads,
and gives up (None) at the first thing amiss: XML that is not well-formed, a DOCTYPE, a
document nested too deeply, a root that is not an ArchiMate model, a concept the reader
refuses. The whole-tree reading then says what, as it always did.
"""

from __future__ import annotations

import re

from lxml import etree

from .archimate_reader import Reader
from .exchange import Concept, Exchange, InterchangeError

BATCH = 2000  # concepts read between two checks of the depth (and frees)
CHUNK = 1 << 16  # bytes given to the parser at a time (about)
_TAGS = ("{*}element", "{*}relationship")
# Where a chunk may end: inside a tag's name. libxml2's push parser gives some elements
# the line before their own when a chunk ends in the indentation before them.
_CUT = re.compile(rb"<[A-Za-z_]")


def stream_exchange(data: bytes, options: dict, namespaces: tuple[str, ...],
                    max_depth: int, chunk: int = CHUNK) -> Exchange | None:
    parser = etree.XMLPullParser(events=("end",), tag=_TAGS, **options)
    deep = "." + "/*" * max_depth  # an element max_depth levels below the root
    reader: Reader | None = None
    elements: list[Concept] = []
    relationships: list[Concept] = []
    containers: dict[str, object] = {}
    done: list = []
    try:
        for _, node in _events(parser, data, chunk):
            if reader is None:
                root = node.getroottree().getroot()
                if not _is_model(root, namespaces):
                    return None
                reader = Reader(root)
                kinds = {reader.tag("element"): ("elements", reader.element, elements),
                         reader.tag("relationship"): ("relationships", reader.relationship,
                                                      relationships)}
            kind = kinds.get(node.tag)
            if kind is None or node.getparent() is not _first(containers, root, reader,
                                                              kind[0]):
                continue  # not a concept of the model: left in the tree, checked at the end
            kind[2].append(kind[1](node))
            done.append(node)
            if len(done) >= BATCH:
                if root.xpath(deep):
                    return None
                _free(done)
        root = parser.close()
    except (etree.LxmlError, InterchangeError):
        return None
    if not _is_model(root, namespaces) or _has_dtd(root) or root.xpath(deep):
        return None
    reader = reader or Reader(root)
    try:
        reader.begin()
        return reader.exchange(elements, relationships)
    except InterchangeError:
        return None


def _events(parser, data: bytes, chunk: int):
    start = 0
    while start < len(data):
        cut = _CUT.search(data, start + chunk)
        end = cut.start() + 2 if cut else len(data)
        parser.feed(data[start:end])
        yield from parser.read_events()
        start = end


def _first(containers: dict, root, reader: Reader, name: str):
    """The root's first `elements` (`relationships`) child: the one the reading reads."""
    container = containers.get(name)
    if container is None:
        container = containers[name] = root.find(reader.tag(name))
    return container


def _free(done: list) -> None:
    """Empty the concepts read, and take all but the last out of the tree (the parser
    may still add to the last one's surroundings)."""
    for node in done:
        node.clear(keep_tail=True)
    for node in done[:-1]:
        node.getparent().remove(node)
    del done[:-1]


def _is_model(root, namespaces: tuple[str, ...]) -> bool:
    namespace, _, local = root.tag[1:].partition("}")
    return root.tag.startswith("{") and local == "model" and namespace in namespaces


def _has_dtd(root) -> bool:
    docinfo = root.getroottree().docinfo
    return docinfo.internalDTD is not None or bool(docinfo.system_url)
