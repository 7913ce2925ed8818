"""The words diagrams use: the metamodel's words from `model.vocabulary`, and the few fixed
phrases of titles and legends, in Finnish (the default) and English.

The tables `word()` takes (RELATIONS, METHODS, PHASES, SOURCING, CATEGORIES, VIEWPOINTS)
are lookups into the vocabulary, so that a word is written once for every output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..model import Phase, ProcessCategory, Sourcing, TransferMethod, Viewpoint
from ..model import vocabulary as v

PHRASES: dict[str, tuple[str, str]] = {
    "legend": ("Selite", "Legend"),
    "no-owner": ("Ei omistajaa", "No owner"),
    "approved": ("hyväksytty", "approved"),
    "reviewed": ("tarkistettu", "reviewed"),
    "part": ("osa {i}/{n}", "part {i} of {n}"),
    "to-be": (v.state_word("to-be", "fi"), v.state_word("to-be", "en")),
    "ends": ("päättyy {date}", "ends {date}"),
    "finding-error": ("virhe mallissa", "error in the model"),
    "finding-warning": ("varoitus mallissa", "warning in the model"),
    "relation": ("suhde", "relation"),
    "elements": ("{n} elementtiä", "{n} elements"),
    "edges": ("{n} yhteyttä", "{n} connections"),
    "not-shown": ("{n} yhteyttä muihin osiin ei näy",
                  "{n} connections to other parts not shown"),
    "other": ("Muut", "Other"),
    "core-data": ("Ydintiedot", "Core data"),
    "context": ("toisessa osassa", "in another part"),
    "external": ("Ulkoiset organisaatiot", "External organisations"),
    "no-method": ("tapa kirjaamatta", "method not recorded"),
    "uncategorised": ("Luokittelemattomat prosessit", "Uncategorised processes"),
}

Lookup = Callable[[object, str], str]


def _values(enum, form: str | None = None, heading: bool = False,
            missing: str | None = None) -> Lookup:
    """A lookup of `enum`'s words; `missing` names the phrase for an empty key."""
    def lookup(key, lang: str) -> str:
        if not key and missing:
            return phrase(missing, lang)
        text = v.enum_word(key, lang, enum, form)
        return v.capital(text) if heading else text
    return lookup


def _relation(key, lang: str) -> str:
    return v.relation_word(key, lang, "label")


RELATIONS: Lookup = _relation
METHODS = _values(TransferMethod, missing="no-method")
PHASES = _values(Phase)
SOURCING = _values(Sourcing)
CATEGORIES = _values(ProcessCategory, "plural", heading=True, missing="uncategorised")
VIEWPOINTS = _values(Viewpoint, "short", heading=True)


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def kind_name(kind: str, lang: str, plural: bool = False) -> str:
    return v.capital(v.kind_word(kind, lang, "plural" if plural else "singular"))


def phrase(key: str, lang: str, **values) -> str:
    text = pick(PHRASES[key], lang)
    return text.format(**values) if values else text


def word(table: Lookup, key, lang: str) -> str:
    """A word from one of the lookups above; the key itself when it has none."""
    return table(key, lang)


def date(value: dt.date, lang: str) -> str:
    """10.2.2025 in Finnish, 2025-02-10 in English."""
    return f"{value.day}.{value.month}.{value.year}" if lang == "fi" else value.isoformat()
