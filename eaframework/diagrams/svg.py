"""Finishing an SVG from Graphviz for people and for git:

- a `<title>` and a `<desc>` as the first children of `<svg>`, referenced by
  `aria-labelledby`, with `role="img"`, so a screen reader announces the diagram;
- Graphviz's comments removed (they name the Graphviz version, which would make the same
  diagram differ between machines) and its `&#45;` written as `-`, so that
  `id="sys-asianhallinta"` reads as it does in the model.

Text in, text out: the same input always gives the same bytes.
"""

from __future__ import annotations

import html
import re

TITLE_ID = "_title"  # element ids never start with "_", so these cannot collide
DESC_ID = "_desc"

_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)
_SVG_TAG = re.compile(r"<svg\b[^>]*>")


def accessible(svg: bytes, title: str, description: str) -> bytes:
    text = svg.decode("utf-8")
    text = _COMMENT.sub("", text)
    # Safe now that no comment is left: "--" is only forbidden inside comments.
    text = text.replace("&#45;", "-")
    match = _SVG_TAG.search(text)
    if match is None:
        raise ValueError("not an SVG document")
    tag = match.group(0)
    opened = tag[:-1].rstrip() + f' role="img" aria-labelledby="{TITLE_ID} {DESC_ID}">'
    head = (f'\n<title id="{TITLE_ID}">{html.escape(title, quote=False)}</title>'
            f'\n<desc id="{DESC_ID}">{html.escape(description, quote=False)}</desc>')
    text = text[: match.start()] + opened + head + text[match.end():]
    return text.encode("utf-8")
