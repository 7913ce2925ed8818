"""Every fixed text of the report, one small dictionary per language (`fi`, `en`).

Keys are the model's own words (kinds, relation types, field keys, enum values) or short
report keys, so the data layer never holds a translated string. The metamodel's words
(`kind.*`, `count.*`, `rel.*`, `viewpoint.*`, `value.*` of a model enum, `lifecycle.*` of a
phase) are answered from `model.vocabulary`. A key missing from a language falls back to
English, then to the key itself (hyphens read as spaces).
"""

from __future__ import annotations

from enum import Enum

from ...model import vocabulary as v
from .en import EN
from .fi import FI

LANGUAGES = v.OUTPUT_LANGUAGES

TEXTS: dict[str, dict[str, str]] = {"fi": FI, "en": EN}

ALIASES = {"projects.impact": "kind.impact-assessment"}  # a column headed by a kind
_PHASES = frozenset(p.value for p in v.ENUMS["Phase"])
_VALUES = frozenset(m.value for enum in v.ENUMS.values() for m in enum)


def _vocabulary(lang: str, key: str) -> str | None:
    """The vocabulary's word for a metamodel key; None for the report's own keys."""
    group, _, rest = key.partition(".")
    if group == "kind":
        return v.capital(v.kind_word(rest, lang))
    if group == "count":  # after a number: "12 tietojärjestelmää", "12 information systems"
        return v.kind_word(rest, lang, "partitive")
    if group == "rel":
        return v.relation_word(rest, lang, "prose")
    if group == "viewpoint":
        return v.capital(v.viewpoint_word(rest, lang))
    if group == "lifecycle" and rest in _PHASES:
        return v.phase_word(rest, lang)
    if group == "value" and rest in _VALUES:
        return v.enum_word(rest, lang)
    return None


def translate(lang: str, key: str, /, **values) -> str:
    """The text for `key` in `lang`; English, then the key's last part as a fallback."""
    key = ALIASES.get(key, key)
    text = TEXTS.get(lang, EN).get(key) or _vocabulary(lang, key) or EN.get(key)
    if text is None:
        group, _, rest = key.partition(".")
        text = rest.replace("-", " ") or key
        if group == "field":  # labels of facts start with a capital, as in Finnish
            text = text[:1].upper() + text[1:]
    return text.format(**values) if values else text


def translate_value(lang: str, value: Enum) -> str:
    """An enum member in words: the vocabulary knows which enum it belongs to, so that
    'file' as an interface style and as a transfer method can differ."""
    if type(value).__name__ in v.ENUMS:
        return v.enum_word(value, lang)
    return translate(lang, f"value.{value.value}")
