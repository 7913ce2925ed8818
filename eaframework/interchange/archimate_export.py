"""`ea export archimate`: the model as an ArchiMate Model Exchange File (3.1 schema, 3.0
namespace), which Archi and the other ArchiMate tools read.

One `write_*` function per section of the file, called in schema order; each takes the
format-neutral `Exchange` (see `encode.py` for how our model becomes one). Returns bytes:
pretty-printed UTF-8 with a declaration, in a stable order, so that the same model gives
the same file.
"""

from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

from ..model import Model, Viewpoint
from ..model.vocabulary import OUTPUT_LANGUAGES, capital, viewpoint_word
from .exchange import Concept, Diagram, DiagramNode, Exchange, InterchangeError, LangText
from .exchange import property_definition_ids as _property_ids

ARCHIMATE_NS = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
DC_NS = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XSI_TYPE = f"{{{XSI_NS}}}type"
SCHEMA_LOCATION = (
    f"{ARCHIMATE_NS} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd "
    f"{DC_NS} http://www.dublincore.org/schemas/xmls/qdc/2008/02/11/dc.xsd"
)
DUBLIN_CORE_ORDER = ("title", "creator", "subject", "description", "publisher",
                     "contributor", "date", "type", "format", "identifier", "source",
                     "language", "relation", "coverage", "rights")

DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'

E = ElementMaker(namespace=ARCHIMATE_NS, nsmap={None: ARCHIMATE_NS, "xsi": XSI_NS, "dc": DC_NS})
DC = ElementMaker(namespace=DC_NS, nsmap={"dc": DC_NS})

# The organizations' folders: one per viewpoint, named by the vocabulary, then these two.
OTHER_FOLDERS: dict[str, dict[str, str]] = {
    "relations": {"fi": "Suhteet", "en": "Relations"},
    "views": {"fi": "Näkymät", "en": "Views"},
}
FOLDERS: tuple[str, ...] = (*(vp.value for vp in Viewpoint), *OTHER_FOLDERS)


def folder_labels(folder: str) -> list[tuple[str, str]]:
    """(language, label) of a folder in each output language."""
    if folder in OTHER_FOLDERS:
        return list(OTHER_FOLDERS[folder].items())
    return [(lang, capital(viewpoint_word(folder, lang))) for lang in OUTPUT_LANGUAGES]


def export_archimate(model: Model, diagrams: list[Diagram] | None = None) -> bytes:
    """The exchange file of `model`. `diagrams` default to `diagram_views(model)`."""
    from .encode import encode

    exchange = encode(model)
    exchange.diagrams = diagram_views(model) if diagrams is None else list(diagrams)
    return write_exchange(exchange)


def diagram_views(model: Model) -> list[Diagram]:
    """One diagram per built-in view, laid out by Graphviz, so that Archi opens them drawn
    (see `views.py`). Raises graphviz_runner.GraphvizError without a Graphviz."""
    from .views import diagram_views as compute

    return compute(model)


def write_exchange(exchange: Exchange) -> bytes:
    root = E.model({"identifier": exchange.identifier,
                    f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION})
    if exchange.version:
        root.set("version", exchange.version)
    write_names(root, "name", exchange.names)
    write_names(root, "documentation", exchange.documentation)
    property_ids = _property_ids(exchange.property_types)
    write_properties(root, exchange.properties, property_ids)
    write_metadata(root, exchange.dublin_core)
    write_elements(root, exchange.elements, property_ids)
    write_relationships(root, exchange.relationships, property_ids)
    write_organizations(root, exchange)
    write_property_definitions(root, exchange.property_types, property_ids)
    write_views(root, exchange)
    return DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True)


# -- sections, in schema order ------------------------------------------------------------
def write_names(parent, tag: str, texts: list[LangText]) -> None:
    for lang, text in texts:
        node = etree.SubElement(parent, f"{{{ARCHIMATE_NS}}}{tag}")
        if lang:
            node.set(XML_LANG, lang)
        node.text = text


def write_properties(parent, properties: list[tuple[str, str]], ids: dict[str, str]) -> None:
    if not properties:
        return
    container = etree.SubElement(parent, f"{{{ARCHIMATE_NS}}}properties")
    for key, value in properties:
        prop = etree.SubElement(container, f"{{{ARCHIMATE_NS}}}property",
                                propertyDefinitionRef=ids[key])
        etree.SubElement(prop, f"{{{ARCHIMATE_NS}}}value").text = value


def write_metadata(root, dublin_core: dict[str, str]) -> None:
    """Dublin Core facts about the model (title, creator, date ...)."""
    if not dublin_core:
        return
    metadata = E.metadata(E.schema("Dublin Core"), E.schemaversion("1.1"))
    for term in DUBLIN_CORE_ORDER:
        if dublin_core.get(term):
            metadata.append(getattr(DC, term)(dublin_core[term]))
    root.append(metadata)


def write_elements(root, elements: list[Concept], ids: dict[str, str]) -> None:
    if not elements:
        return
    container = etree.SubElement(root, f"{{{ARCHIMATE_NS}}}elements")
    for concept in elements:
        node = etree.SubElement(container, f"{{{ARCHIMATE_NS}}}element",
                                identifier=concept.identifier)
        node.set(XSI_TYPE, concept.type)
        _write_concept(node, concept, ids, "element")


def write_relationships(root, relationships: list[Concept], ids: dict[str, str]) -> None:
    if not relationships:
        return
    container = etree.SubElement(root, f"{{{ARCHIMATE_NS}}}relationships")
    for concept in relationships:
        node = etree.SubElement(container, f"{{{ARCHIMATE_NS}}}relationship",
                                identifier=concept.identifier, source=concept.source,
                                target=concept.target)
        node.set(XSI_TYPE, concept.type)
        for attribute, value in concept.attributes.items():
            node.set(attribute, value)
        _write_concept(node, concept, ids, "relationship")


def _write_concept(node, concept: Concept, ids: dict[str, str], what: str) -> None:
    try:
        write_names(node, "name", concept.names)
        write_names(node, "documentation", concept.documentation)
        write_properties(node, concept.properties, ids)
    except ValueError:  # lxml refuses control characters XML 1.0 cannot hold
        raise InterchangeError(
            f"{what} {concept.identifier} has text with a control character that XML "
            "cannot hold (only tab and newline are allowed)") from None


def write_organizations(root, exchange: Exchange) -> None:
    """Folders: one per viewpoint with its elements, then relationships and views."""
    groups: dict[str, list[str]] = {folder: [] for folder in FOLDERS}
    for concept in exchange.elements:
        groups[concept.folder or Viewpoint.CROSS.value].append(concept.identifier)
    groups["relations"] = [c.identifier for c in exchange.relationships]
    groups["views"] = [d.identifier for d in exchange.diagrams]
    if not any(groups.values()):
        return
    organizations = etree.SubElement(root, f"{{{ARCHIMATE_NS}}}organizations")
    for folder, members in groups.items():
        if not members:
            continue
        item = etree.SubElement(organizations, f"{{{ARCHIMATE_NS}}}item")
        write_names(item, "label", folder_labels(folder))
        for identifier in members:
            etree.SubElement(item, f"{{{ARCHIMATE_NS}}}item", identifierRef=identifier)


def write_property_definitions(root, types: dict[str, str], ids: dict[str, str]) -> None:
    if not types:
        return
    container = etree.SubElement(root, f"{{{ARCHIMATE_NS}}}propertyDefinitions")
    for key in sorted(types):
        definition = etree.SubElement(container, f"{{{ARCHIMATE_NS}}}propertyDefinition",
                                      identifier=ids[key], type=types[key])
        etree.SubElement(definition, f"{{{ARCHIMATE_NS}}}name").text = key


def write_views(root, exchange: Exchange) -> None:
    """The diagrams, their nodes and connections referring to the file's identifiers."""
    if not exchange.diagrams:
        return
    container = E.diagrams()
    for diagram in exchange.diagrams:
        view = E.view(identifier=diagram.identifier)
        view.set(XSI_TYPE, "Diagram")
        write_names(view, "name", diagram.names)
        write_names(view, "documentation", diagram.documentation)
        for node in diagram.nodes:
            view.append(_node(node, exchange.element_ids))
        for connection in diagram.connections:
            ref = connection.relationship_ref or exchange.relationship_ids.get(
                connection.relation)
            if not ref:
                continue
            edge = E.connection(identifier=connection.identifier, relationshipRef=ref,
                                source=connection.source, target=connection.target)
            edge.set(XSI_TYPE, "Relationship")
            view.append(edge)
        container.append(view)
    root.append(E.views(container))


def _node(node: DiagramNode, element_ids: dict[str, str]):
    element = E.node(identifier=node.identifier, x=str(node.x), y=str(node.y),
                     w=str(node.w), h=str(node.h))
    if node.element_ref:
        element.set(XSI_TYPE, "Element")
        element.set("elementRef", element_ids.get(node.element_ref, node.element_ref))
    else:
        element.set(XSI_TYPE, "Container")
        write_names(element, "label", node.label)
    for child in node.children:
        element.append(_node(child, element_ids))
    return element
