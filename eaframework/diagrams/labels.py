"""The text of a diagram in DOT: names wrapped to short lines, HTML-like labels for nodes,
clusters and the title, and plain strings escaped for DOT."""

from __future__ import annotations

import html
import textwrap

import graphviz

from . import style, words
from .computed import ComputedView


def wrap(text: str, width: int = style.WRAP) -> list[str]:
    """Lines of at most about `width` characters, broken at spaces (long words are kept
    whole: a Finnish compound is easier to read unbroken)."""
    return textwrap.wrap(" ".join(text.split()), width, break_long_words=False,
                         break_on_hyphens=False) or [""]


def node_label(name: str, details: tuple[str, ...]) -> str:
    lines = "<br/>".join(html.escape(line) for line in wrap(name))
    for detail in details:
        small = "<br/>".join(html.escape(line) for line in wrap(detail, style.WRAP + 8))
        lines += (f'<br/><font point-size="{style.DETAIL_FONT}" color="{style.LINE}">'
                  f"{small}</font>")
    return f"<{lines}>"


def cluster_label(text: str) -> str:
    # Bold text is measured tightly: a little room after each line keeps it off the border.
    lines = '<br align="left"/>'.join(f"{html.escape(line)}&#160;&#160;"
                                       for line in wrap(text, 32))
    return f'<<b>{lines}</b><br align="left"/>>' if "<br" in lines else f"<<b>{lines}</b>>"


def title(view: ComputedView) -> str:
    title = html.escape(view.title)
    if view.part:
        i, n = view.part
        title += html.escape(f" ({words.phrase('part', view.lang, i=i, n=n)})")
    text = f'<font point-size="{style.TITLE_FONT}"><b>{title}</b></font>'
    if view.subtitle:
        text += (f'<br align="left"/><font point-size="{style.SUBTITLE_FONT}" '
                 f'color="{style.LINE}">{html.escape(view.subtitle)}</font>')
    return f"<{text}<br align=\"left\"/>>"


def plain(text: str) -> str:
    """A plain DOT string: backslashes kept literally, line breaks as DOT's \\n."""
    return graphviz.nohtml(text.replace("\\", "\\\\").replace("\n", "\\n"))
