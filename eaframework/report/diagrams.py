"""The report's diagrams: the built-in views drawn by `eaframework.diagrams`, made safe to
inline into the page.

When a view cannot be drawn (no Graphviz, too large), the section says so visibly instead
of failing the whole report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from markupsafe import Markup

from ..diagrams import DEFAULT_MAX_NODES
from .texts import translate

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_FORBIDDEN = {"script", "foreignObject", "iframe", "object", "embed", "image", "style"}
_URL_REF = re.compile(r"url\(#([^)]+)\)")
MAX_PARTS = 3  # views in more parts are left to `ea render`


@dataclass
class Diagram:
    key: str
    title: str
    description: str | None = None
    svg: Markup | None = None
    note: str | None = None  # why the diagram is missing


@dataclass
class DiagramsSection:
    diagrams: list[Diagram] = field(default_factory=list)
    note: str | None = None  # why there are no diagrams at all


def diagrams_section(model, findings, lang: str, dot: str | None = None,
                     max_nodes: int = DEFAULT_MAX_NODES,
                     max_parts: int = MAX_PARTS) -> DiagramsSection:
    """The built-in views of `model` as inline SVG, or a visible note saying why not.

    `findings` are lint diagnostics, drawn as the overlay; `dot` is the configured Graphviz
    binary (setup.cfg `dot`). A view larger than `max_nodes` is drawn in parts (as
    `ea render` does), up to `max_parts`; beyond that the report points to `ea render`.
    A view that fails is a note in its place: a report without one diagram is better
    than no report."""
    from ..diagrams import (GraphvizError, RenderOptions, ViewTooLarge, builtin_views,
                            find_binary, parts, render, title)

    options = RenderOptions(fmt="svg", lang=lang, findings=True, max_nodes=max_nodes, dot=dot)
    try:
        binary = find_binary("svg", dot)
    except GraphvizError as exc:
        return DiagramsSection(note=translate(lang, "diagrams.unavailable", reason=str(exc)))
    section = DiagramsSection()
    ids = set(model.elements)
    for defined in builtin_views():
        key, view = defined.id, defined.definition
        description = view.description.get(lang) if view.description else None
        try:
            drawn = parts(model, defined, options, findings)
        except ViewTooLarge as exc:
            section.diagrams.append(Diagram(key, view.title.get(lang), description, note=str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - any failure of one view becomes its note
            section.diagrams.append(Diagram(key, view.title.get(lang), description,
                                            note=_failed(lang, exc)))
            continue
        if not any(part.nodes for part in drawn):
            continue
        if len(drawn) > max_parts:
            section.diagrams.append(Diagram(
                key, view.title.get(lang), description,
                note=translate(lang, "diagrams.too-large", parts=len(drawn), key=key)))
            continue
        for part in drawn:
            number = len(section.diagrams) + 1
            diagram = Diagram(key if not part.part else f"{key}-{part.part[0]}",
                              title(part, subtitle=False), description)
            try:
                diagram.svg = inline_svg(render(part, options, binary), f"Svg{number}", ids)
            except Exception as exc:  # noqa: BLE001
                diagram.note = _failed(lang, exc)
            section.diagrams.append(diagram)
    return section


def _failed(lang: str, exc: Exception) -> str:
    return translate(lang, "diagrams.failed", reason=str(exc) or type(exc).__name__)


def inline_svg(svg: bytes | str, prefix: str, element_ids) -> Markup:
    """Graphviz SVG made fit for inlining: no XML prolog, no scripts, event handlers or
    outside references; internal ids prefixed so several diagrams and the element anchors
    never collide; nodes whose title is an element id linked to that element's anchor.

    `prefix` must not be a possible element id (element ids are lower case, so a prefix
    starting with an upper-case letter is safe)."""
    data = svg.encode("utf-8") if isinstance(svg, str) else svg
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True,
                             remove_pis=True, load_dtd=False, huge_tree=True)
    root = etree.fromstring(data, parser)
    element_ids = set(element_ids)
    for node in list(root.iter()):
        if not isinstance(node.tag, str):
            continue
        if etree.QName(node).localname in _FORBIDDEN:
            node.getparent().remove(node)
    internal = {node.get("id") for node in root.iter()
                if isinstance(node.tag, str) and node.get("id")}
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        for name in list(node.attrib):
            local = etree.QName(name).localname
            value = node.attrib[name]
            if local.lower().startswith("on"):
                del node.attrib[name]
            elif local == "id":
                node.attrib[name] = f"{prefix}-{value}"
            elif local == "aria-labelledby":
                node.attrib[name] = " ".join(
                    f"{prefix}-{token}" for token in value.split() if token in internal)
            elif local == "href":
                target = value[1:] if value.startswith("#") else None
                if target in internal:
                    node.attrib[name] = f"#{prefix}-{target}"
                elif target in element_ids:
                    node.attrib[name] = value
                else:
                    del node.attrib[name]  # nothing outside the page
            elif "url(" in value:
                node.attrib[name] = _URL_REF.sub(
                    lambda m: f"url(#{prefix}-{m.group(1)})" if m.group(1) in internal else "none",
                    value,
                )
    _link_nodes(root, element_ids)
    root.set("class", "diagram")
    root.set("role", "img")
    text = etree.tostring(root, encoding="unicode")
    return Markup(text)


def _link_nodes(root, element_ids: set[str]) -> None:
    """Make each Graphviz node or cluster whose <title> names an element a link to that
    element's section: Graphviz's own <a> (it carries the tooltip) gets the href, or the
    group's drawing is wrapped in a new one."""
    for group in list(root.iter(f"{{{SVG_NS}}}g")):
        kind = group.get("class")
        if kind not in ("node", "cluster"):
            continue
        title = group.find(f"{{{SVG_NS}}}title")
        name = (title.text or "").strip() if title is not None else ""
        if kind == "cluster":
            name = name.removeprefix("cluster_")
        if name not in element_ids:
            continue
        anchor = group.find(f".//{{{SVG_NS}}}a")
        if anchor is None:
            anchor = etree.SubElement(group, f"{{{SVG_NS}}}a")
            for child in list(group):
                if child is not title and child is not anchor:
                    anchor.append(child)
        if anchor.get("href") is None and anchor.get(f"{{{XLINK_NS}}}href") is None:
            anchor.set("href", "#" + name)
