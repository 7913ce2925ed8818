"""An element on its way from an exchange file to our model (`Draft`), and how an
ArchiMate concept's identifier, names, documentation and repeated properties become ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.base import ID_PATTERN
from .exchange import Concept, LangText
from .report import MappingReport

_SLUG = re.compile(ID_PATTERN)
MAX_ID = 120
LANGS = ("fi", "sv", "en")  # the languages of a name (model.base.Text)


@dataclass(slots=True)
class Draft:
    """One element on its way: kind, fields and properties so far."""

    concept: Concept
    id: str
    kind: str
    how: str
    data: dict
    field_sources: dict[str, list[tuple[str, str]]]
    properties: dict[str, str]
    folded: list[tuple[str, str]] = field(default_factory=list)  # (field, target)


def first_value(pairs: list[tuple[str, str]], key: str) -> str | None:
    return next((value for k, value in pairs if k == key), None)


def put_property(target: dict, key: str, value: str, report: MappingReport) -> None:
    """Keys repeat in ArchiMate properties; in ours they cannot, so a repeat is renamed."""
    if key not in target:
        target[key] = value
        return
    number = 2
    while f"{key} ({number})" in target:
        number += 1
    target[f"{key} ({number})"] = value
    report.note(f"property {key!r} given more than once; kept as {key!r} ({number})")


def pick_text(texts: list[LangText]) -> str | None:
    """The Finnish (or untagged, then any) text."""
    for wanted in ("fi", None):
        for lang, text in texts:
            if lang == wanted and text.strip():
                return text.strip()
    return next((text.strip() for _, text in texts if text.strip()), None)


def texts_of(texts: list[LangText], prefix: str
          ) -> tuple[dict | None, list[tuple[str, str]], str | None]:
    """Our name or description ({fi, sv, en}), properties for the rest, and where the
    Finnish text came from if not from Finnish: it is required, so the untagged, English
    or first text is the Finnish one too."""
    found: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    untagged = None
    for lang, text in texts:
        text = text.strip()
        if not text:
            continue
        if lang in LANGS and lang not in found:
            found[lang] = text
        elif lang is None and untagged is None:
            untagged = text
        else:
            extra.append((prefix if lang is None else f"{prefix}:{lang}", text))
    origin = None
    if "fi" not in found:
        if untagged is not None:
            found["fi"], untagged, origin = untagged, None, "untagged"
        elif found:
            origin = "en" if "en" in found else next(iter(found))
            found["fi"] = found[origin]
    if untagged is not None:
        extra.append((prefix, untagged))
    return (found or None), extra, origin


def id_for(identifier: str, taken: set[str]) -> str:
    """Our id for an ArchiMate identifier: without Archi's `id-` prefix where the rest is
    one of our ids; else a slug of it."""
    rest = identifier[3:] if identifier.startswith("id-") else ""
    if rest and _SLUG.match(rest) and len(rest) <= MAX_ID and rest not in taken:
        return rest
    slug = re.sub(r"[^a-z0-9]+", "-", identifier.lower()).strip("-")
    if not slug or not slug[0].isalpha():
        slug = "id-" + slug if slug else "id"
    slug = slug[:MAX_ID - 8].rstrip("-")
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate
