"""Words for reports about change, in English and Finnish, used by the diff and impact
reports alike: kinds with their counted forms, lifecycle phases, states and relations from
`model.vocabulary`; severities from `diagnostics`;
money and lists here."""

from __future__ import annotations

from ..diagnostics import Severity
from ..model import vocabulary as v

LANGS = v.OUTPUT_LANGUAGES



def kind_name(kind: str, lang: str = "en", count: int = 1) -> str:
    """The kind in words, in the form a count of `count` takes."""
    return v.kind_word(kind, lang, "singular" if count == 1 else "partitive")


def counted(count: int, kind: str, lang: str = "en") -> str:
    """'1 information system', '2 information systems', '2 tietojärjestelmää'."""
    return f"{count} {kind_name(kind, lang, count)}"


def phase(value: str | None, lang: str = "en") -> str:
    return "–" if value is None else v.phase_word(value, lang)


def state(value: str | None, lang: str = "en") -> str:
    return "–" if value is None else v.state_word(value, lang)


def severity(value: str, lang: str = "en") -> str:
    try:
        return Severity(value).word(lang)
    except ValueError:
        return value


def relation(value: str, lang: str = "en") -> str:
    """A relation as a table or a sentence reads it, from source to target."""
    return v.relation_word(value, lang, "prose")


def times(count: int, lang: str = "en") -> str:
    """once / twice / 3 times; kerran / kahdesti / 3 kertaa."""
    if lang == "fi":
        return {1: "kerran", 2: "kahdesti"}.get(count, f"{count} kertaa")
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def money(value: float | None, lang: str = "en", signed: bool = False) -> str:
    """Euros as people write them: '420 000 €' in Finnish, '€420,000' in English."""
    if value is None:
        return "–"
    sign = ("+" if value > 0 else "−" if value < 0 else "±") if signed else (
        "−" if value < 0 else "")
    amount = abs(value)
    whole = amount == int(amount)
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    if lang == "fi":
        text = text.replace(",", "\u00a0").replace(".", ",")
        return f"{sign}{text}\u00a0€"
    return f"{sign}€{text}"


def listing(items: list[str], lang: str = "en") -> str:
    """'a', 'a and b', 'a, b and c' (ja in Finnish)."""
    word = "ja" if lang == "fi" else "and"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def value(item, lang: str = "en") -> str:
    """A field value in a table cell or a text line."""
    if item is None:
        return "–"
    if isinstance(item, bool):
        return ("kyllä" if item else "ei") if lang == "fi" else ("yes" if item else "no")
    if isinstance(item, list):
        return "[" + ", ".join(value(i, lang) for i in item) + "]"
    if isinstance(item, dict):
        return "{" + ", ".join(f"{k}: {value(v, lang)}" for k, v in item.items()) + "}"
    if isinstance(item, float) and item == int(item):
        return str(int(item))
    return str(item)
