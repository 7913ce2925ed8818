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

from .decode import ImportResult, decode
from .exchange import Concept, Exchange, InterchangeError, LangText

NAMESPACES = (
    "http://www.opengroup.org/xsd/archimate/3.0/",
    "http://www.opengroup.org/xsd/archimate/3.1/",
)
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_BYTES = 256 * 1024 * 1024  # a 100,000-element model exports to about 140 MB
MAX_DEPTH = 64  # model/views/diagrams/view/node/... : real files stay far below
# Entity declarations in a DOCTYPE, in the encodings a file can start with.
_ENTITY_MARKS = (b"<!ENTITY", "<!ENTITY".encode("utf-16-le"), "<!ENTITY".encode("utf-16-be"))


def import_archimate(data: bytes, max_bytes: int = MAX_BYTES) -> ImportResult:
    return decode(read_exchange(parse(data, max_bytes)), "ArchiMate exchange file")


def parse(data: bytes, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH):
    """The root element of a safe, well-formed ArchiMate model document."""
    if len(data) > max_bytes:
        raise InterchangeError(f"the file is {_megabytes(len(data))}; the limit is "
                               f"{_megabytes(max_bytes)}")
    if not data.strip():
        raise InterchangeError("the file is empty; expected an ArchiMate exchange file")
    if any(mark in data for mark in _ENTITY_MARKS):
        raise InterchangeError("the file declares XML entities (<!ENTITY>), which an "
                               "ArchiMate exchange file never needs; refused as unsafe")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        dtd_validation=False, remove_comments=True, remove_pis=True,
    )
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
class _Reader:
    def __init__(self, root) -> None:
        self.root = root
        self.ns = root.tag[1:].partition("}")[0]
        self.seen: dict[str, int] = {}  # identifier -> line
        self.lost: list[str] = []  # what the file holds and the exchange does not
        self._concept_tags = (self.tag("name"), self.tag("documentation"),
                              self.tag("properties"))

    def tag(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def children(self, parent, name: str):
        return parent.iterchildren(self.tag(name)) if parent is not None else ()

    def child(self, parent, name: str):
        return parent.find(self.tag(name)) if parent is not None else None

    def texts(self, parent, name: str) -> list[LangText]:
        return [(node.get(XML_LANG), node.text or "") for node in self.children(parent, name)]

    def read(self) -> Exchange:
        root = self.root
        definitions = self.property_definitions()
        exchange = Exchange(
            identifier=root.get("identifier") or "",
            names=self.texts(root, "name"),
            documentation=self.texts(root, "documentation"),
            properties=self.properties(root, definitions, owner="the model"),
            version=root.get("version"),
        )
        for node in self.children(self.child(root, "elements"), "element"):
            exchange.elements.append(self.concept(node, definitions))
        for node in self.children(self.child(root, "relationships"), "relationship"):
            concept = self.concept(node, definitions)
            concept.source = self.required(node, "source")
            concept.target = self.required(node, "target")
            for attribute in ("accessType", "isDirected", "modifier"):
                if node.get(attribute) is not None:
                    concept.attributes[attribute] = node.get(attribute)
            exchange.relationships.append(concept)
        self.not_kept(exchange)
        exchange.lost = self.lost
        return exchange

    def property_definitions(self) -> dict[str, str]:
        definitions = {}
        container = self.child(self.root, "propertyDefinitions")
        for node in self.children(container, "propertyDefinition"):
            identifier = self.required(node, "identifier")
            names = self.texts(node, "name")
            definitions[identifier] = next((t for _, t in names if t), identifier)
        return definitions

    def properties(self, parent, definitions: dict[str, str], container=None, owner=""
                   ) -> list[tuple[str, str]]:
        found = []
        if container is None:
            container = self.child(parent, "properties")
        if container is None:
            return found
        prop, value = self.tag("property"), self.tag("value")
        for node in container:  # direct loops: iterchildren(tag) costs more than the test
            if node.tag != prop:
                continue
            ref = self.required(node, "propertyDefinitionRef")
            if ref not in definitions:  # its key is unknown: nothing to keep it under
                self.lost.append(f"a property of {owner} (line {node.sourceline}): it refers "
                                 f"to {ref!r}, which no propertyDefinition defines")
                continue
            text = next((v.text or "" for v in node if v.tag == value), "")
            found.append((definitions[ref], text))
        return found

    def concept(self, node, definitions: dict[str, str]) -> Concept:
        identifier = node.get("identifier")
        if not identifier:
            self.required(node, "identifier")
        line = node.sourceline
        if identifier in self.seen:
            raise InterchangeError(f"identifier {identifier!r} is used twice (first on line "
                                   f"{self.seen[identifier]})", line)
        self.seen[identifier] = line
        archimate_type = node.get(XSI_TYPE)
        if not archimate_type:
            raise InterchangeError(f"{identifier} has no xsi:type", line)
        concept = Concept(identifier=identifier, type=archimate_type.rpartition(":")[2],
                          line=line)
        name, documentation, properties = self._concept_tags
        for child in node:  # one pass: files have tens of thousands of these
            tag = child.tag
            if tag == name:
                concept.names.append((child.get(XML_LANG), child.text or ""))
            elif tag == documentation:
                concept.documentation.append((child.get(XML_LANG), child.text or ""))
            elif tag == properties:
                concept.properties = self.properties(node, definitions, child, identifier)
        return concept

    @staticmethod
    def required(node, attribute: str) -> str:
        value = node.get(attribute)
        if not value:
            local = node.tag.rpartition("}")[2]
            raise InterchangeError(f"<{local}> has no {attribute}", node.sourceline)
        return value

    def not_kept(self, exchange: Exchange) -> None:
        root = self.root
        views = self.child(root, "views")
        diagrams = len(list(self.children(self.child(views, "diagrams"), "view")))
        if diagrams:
            exchange.not_kept["views (diagrams come from views/ and the built-in views)"] = diagrams
        folders = sum(1 for organizations in self.children(root, "organizations")
                      for item in organizations.iter(self.tag("item"))
                      if item.get("identifierRef") is None)
        if folders:
            exchange.not_kept["organization folders (regenerated from the viewpoints)"] = folders
        metadata = self.child(root, "metadata")
        ours = any(key.startswith("ea:") for key, _ in exchange.properties)
        if metadata is not None and len(metadata) and not ours:
            exchange.not_kept["metadata sections (Dublin Core)"] = 1


def read_exchange(root) -> Exchange:
    return _Reader(root).read()
