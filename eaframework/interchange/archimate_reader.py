"""The ArchiMate exchange document (lxml elements) as an `Exchange`: what the import
reads of it, shared by the reading of a whole parsed tree (`archimate_import`) and the
streamed reading that frees each concept once read (`archimate_stream`).

A concept's properties refer to property definitions, which the file lists after the
elements and relationships; so they are kept as read (`Raw`) and named once all of the
file is read (`resolve`), in the order of the file's model, elements, relationships.
"""

from __future__ import annotations

from .exchange import Concept, Exchange, InterchangeError, LangText

XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# (propertyDefinitionRef, value, line) of each property of one owner, as read.
Raw = list[tuple[str, str, int]]


class Reader:
    def __init__(self, root) -> None:
        self.root = root
        self.ns = root.tag[1:].partition("}")[0]
        self.seen: dict[str, int] = {}  # identifier -> line
        self.lost: list[str] = []  # what the file holds and the exchange does not
        self.raw: dict[str, Raw] = {}  # identifier -> its properties as read
        self.definitions: dict[str, str] = {}
        self.model_raw: Raw = []
        self._concept_tags = (self.tag("name"), self.tag("documentation"),
                              self.tag("properties"))
        self._property_tags = (self.tag("property"), self.tag("value"))

    def tag(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def children(self, parent, name: str):
        return parent.iterchildren(self.tag(name)) if parent is not None else ()

    def child(self, parent, name: str):
        return parent.find(self.tag(name)) if parent is not None else None

    def texts(self, parent, name: str) -> list[LangText]:
        return [(node.get(XML_LANG), node.text or "") for node in self.children(parent, name)]

    def element(self, node) -> Concept:
        return self.concept(node)

    def relationship(self, node) -> Concept:
        concept = self.concept(node)
        concept.source = node.get("source") or self.required(node, "source")
        concept.target = node.get("target") or self.required(node, "target")
        for attribute in ("accessType", "isDirected", "modifier"):
            value = node.get(attribute)
            if value is not None:
                concept.attributes[attribute] = value
        return concept

    def concept(self, node) -> Concept:
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
        raw: Raw = []
        for child in node:  # one pass: files have tens of thousands of these
            tag = child.tag
            if tag == name:
                concept.names.append((child.get(XML_LANG), child.text or ""))
            elif tag == documentation:
                concept.documentation.append((child.get(XML_LANG), child.text or ""))
            elif tag == properties:
                raw = self.raw_properties(child)
        if raw:
            self.raw[identifier] = raw
        return concept

    def raw_properties(self, container) -> Raw:
        found = []
        if container is None:
            return found
        prop, value = self._property_tags
        for node in container:  # direct loops: iterchildren(tag) costs more than the test
            if node.tag != prop:
                continue
            ref = node.get("propertyDefinitionRef") or self.required(
                node, "propertyDefinitionRef")
            text = ""
            for child in node:
                if child.tag == value:
                    text = child.text or ""
                    break
            found.append((ref, text, node.sourceline))
        return found

    def begin(self) -> None:
        """The property definitions and the model's own properties: read before the
        concepts where the whole tree is there, so that their errors come first."""
        self.definitions = self.property_definitions()
        self.model_raw = self.raw_properties(self.child(self.root, "properties"))

    def exchange(self, elements: list[Concept], relationships: list[Concept]) -> Exchange:
        """The exchange of the whole file, once `begin` and the concepts are read."""
        root, definitions = self.root, self.definitions
        exchange = Exchange(
            identifier=root.get("identifier") or "",
            names=self.texts(root, "name"),
            documentation=self.texts(root, "documentation"),
            properties=self.resolve(self.model_raw, "the model"),
            version=root.get("version"),
            elements=elements,
            relationships=relationships,
        )
        for concept in (*elements, *relationships):
            concept.properties = self.resolve(self.raw.pop(concept.identifier, ()),
                                              concept.identifier)
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

    def resolve(self, raw: Raw, owner: str) -> list[tuple[str, str]]:
        definitions, found = self.definitions, []
        for ref, text, line in raw:
            if ref not in definitions:  # its key is unknown: nothing to keep it under
                self.lost.append(f"a property of {owner} (line {line}): it refers "
                                 f"to {ref!r}, which no propertyDefinition defines")
                continue
            found.append((definitions[ref], text))
        return found

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
