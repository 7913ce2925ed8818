"""A tiny document model with two writers, Markdown and HTML, so a statutory description
is written once and both formats always say the same thing.

Blocks: Heading, Para, Bullets, Table. Inline content is a list of str (plain text, always
escaped by the writer), Link (to a URL, http(s) only) and Missing (a visible "Puuttuu: ..."
note naming the `ea lint` rule that reports the gap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import escape

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Missing:
    what: str  # e.g. "Puuttuu: hakutekijät"
    rule: str | None = None  # e.g. "EA312 case-register-description"
    element: str | None = None  # the element lacking it (not printed; for checks)


@dataclass(frozen=True)
class Link:
    text: str
    url: str


Inline = str | Missing | Link


@dataclass
class Heading:
    level: int
    text: str
    anchor: str | None = None


@dataclass
class Para:
    parts: list[Inline]
    note: bool = False  # a remark about the description itself (scope, omissions)


@dataclass
class Bullets:
    items: list[list[Inline]]


@dataclass
class Table:
    headers: list[str]
    rows: list[list[list[Inline]]]  # row -> cell -> inline parts


@dataclass
class Document:
    title: str
    lang: str = "fi"
    blocks: list = field(default_factory=list)

    def add(self, *blocks) -> None:
        self.blocks.extend(blocks)


def parts(*items: Inline | list[Inline] | None, sep: str = ", ") -> list[Inline]:
    """Inline parts from values and lists, joined by `sep`; None and empty are skipped."""
    found: list[Inline] = []
    for item in items:
        if item is None or item == [] or item == "":
            continue
        if found and sep:
            found.append(sep)
        found.extend(item if isinstance(item, list) else [item])
    return found


def missing_notes(document: Document) -> list[Missing]:
    """Every gap noted in the document, in order."""
    found: list[Missing] = []

    def walk(inlines) -> None:
        found.extend(i for i in inlines if isinstance(i, Missing))

    for block in document.blocks:
        if isinstance(block, Para):
            walk(block.parts)
        elif isinstance(block, Bullets):
            for item in block.items:
                walk(item)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    walk(cell)
    return found


# -- Markdown --------------------------------------------------------------------------------
def md_escape(text: str) -> str:
    """Plain text for Markdown: markup characters backslash-escaped (so HTML in a name stays
    text in every renderer), line breaks folded into spaces."""
    return _MD_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", str(text)))


def _md_inline(items: list[Inline]) -> str:
    out = []
    for item in items:
        if isinstance(item, Missing):
            rule = f" (`ea lint`: {md_escape(item.rule)})" if item.rule else ""
            out.append(f"**{md_escape(item.what)}**{rule}")
        elif isinstance(item, Link):
            if _safe_url(item.url):
                out.append(f"[{md_escape(item.text)}](<{item.url}>)")
            else:
                out.append(md_escape(item.text))
        else:
            out.append(md_escape(item))
    return "".join(out)


def markdown(document: Document) -> str:
    lines = [f"# {md_escape(document.title)}", ""]
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * block.level} {md_escape(block.text)}", ""]
        elif isinstance(block, Para):
            text = _md_inline(block.parts)
            lines += [f"> {text}" if block.note else text, ""]
        elif isinstance(block, Bullets):
            lines += [f"- {_md_inline(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            lines.append("| " + " | ".join(md_escape(h) for h in block.headers) + " |")
            lines.append("|" + "---|" * len(block.headers))
            for row in block.rows:
                lines.append("| " + " | ".join(_md_inline(cell) or " " for cell in row) + " |")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# -- HTML -------------------------------------------------------------------------------------
_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: #1d2733; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 2px solid #d6dce3;
  padding-bottom: .2rem; margin-top: 2rem; } h3 { font-size: 1.05rem; margin-top: 1.4rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; margin: .4rem 0 1rem; }
th, td { border: 1px solid #d6dce3; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f3f6f9; }
.missing { color: #a12626; font-weight: 700; }
.rule { color: #5b6673; font-size: .85em; }
.note { border-left: 4px solid #b7791f; background: #fff8e6; padding: .4rem .8rem; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
  tr { break-inside: avoid; } a { color: inherit; } }
"""


_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$")


def _safe_url(url: str) -> bool:
    """Only plain web addresses become links: never javascript: or data: URLs."""
    return bool(_URL.match(url))


def _html_inline(items: list[Inline]) -> str:
    out = []
    for item in items:
        if isinstance(item, Missing):
            rule = (f' <span class="rule">(ea lint: {escape(item.rule)})</span>'
                    if item.rule else "")
            out.append(f'<strong class="missing">{escape(item.what)}</strong>{rule}')
        elif isinstance(item, Link):
            if _safe_url(item.url):
                out.append(f'<a href="{escape(item.url)}" rel="noopener noreferrer">'
                           f"{escape(item.text)}</a>")
            else:
                out.append(str(escape(item.text)))
        else:
            out.append(str(escape(item)))
    return "".join(out)


def html(document: Document) -> str:
    """A self-contained page: inline CSS, no scripts, nothing loaded from anywhere."""
    body = []
    for block in document.blocks:
        if isinstance(block, Heading):
            anchor = f' id="{escape(block.anchor)}"' if block.anchor else ""
            body.append(f"<h{block.level}{anchor}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Para):
            css = ' class="note"' if block.note else ""
            body.append(f"<p{css}>{_html_inline(block.parts)}</p>")
        elif isinstance(block, Bullets):
            items = "".join(f"<li>{_html_inline(item)}</li>" for item in block.items)
            body.append(f"<ul>{items}</ul>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{escape(h)}</th>" for h in block.headers)
            rows = "".join(
                "<tr>" + "".join(f"<td>{_html_inline(cell)}</td>" for cell in row) + "</tr>"
                for row in block.rows
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(document.lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        f'<title>{escape(document.title)}</title>\n<link rel="icon" href="data:,">\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n<h1>{escape(document.title)}</h1>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
