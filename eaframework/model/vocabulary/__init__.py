"""Every word shown for the metamodel: kinds, relations, lifecycle phases, states,
viewpoints and enum values, in each supported language.

Diagrams, the report, the statutory documents, diff and impact wording and the ArchiMate
folder names all read from here, so a word is changed (or a language added) in one place:
`kinds`, `relations` and `values` hold one table per language, and a test fails when a
table lacks a word. Words are stored as they read inside a sentence; `capital()` makes a
heading of one.

Where earlier copies disagreed, one word was chosen:
- impact-assessment is "muutosvaikutusten arviointi", the term of the Digital and
  Population Data Services Agency's recommendation on TiHL §5.3 (not "vaikutusten
  arviointi" or "vaikutusarvio"); so is the prose of `assessed-by`.
- lifecycle phases are "suunniteltu", "tuotannossa", "poistumassa" and "poistettu
  käytöstä" (the report said "suunnitteilla", "käytössä" and "poistettu").
- a viewpoint is named for its architecture ("toiminta-arkkitehtuuri"); the cross-cutting
  one is "periaatteet ja kehittäminen", for what it holds. Diagram groups use the short
  form ("toiminta", "yhteiset").
- relation prose: member-of "yksikössä", plays "toimii roolissa", realizes "tuottaa
  palvelun", holds "sisältää tietoryhmän", provided-by "toimittaja", through "rajapinnan
  kautta", via "välityspalvelu", located-at "sijainti", connected-to "kytketty verkkoon",
  cost-allocated-to "kustannukset kohdistuvat", adds "lisää", influences "ohjaa".
- transfer methods and sourcing keep the diagrams' short words ("sanoma", "tiedosto",
  "hankittu"), with "tietokantanäkymä" for a database view.
"""

from __future__ import annotations

from enum import StrEnum

from ..base import Phase, State, Viewpoint
from ..information import Archiving, Criticality, Medium, Publicity
from ..operations import Audience, ChannelType, ProcessCategory
from ..relations import REVERSE
from ..systems import DataOwnership, InterfaceStyle, Openness, Sourcing, TransferMethod
from ..technology import PlatformType, ServiceCategory
from .kinds import KINDS
from .relations import RELATIONS
from .values import VALUES

# The languages every word below exists in. Fixed texts of the outputs (report, §28/§5)
# exist in OUTPUT_LANGUAGES; Swedish joins them with its message catalogue.
LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
OUTPUT_LANGUAGES: tuple[str, ...] = ("fi", "en")
DEFAULT_LANGUAGE = "fi"

# Every enum of the model whose values are shown, by the name its table has in `values`.
ENUMS: dict[str, type[StrEnum]] = {cls.__name__: cls for cls in (
    Phase, State, Viewpoint, Audience, ChannelType, ProcessCategory, Publicity, Criticality,
    Medium, Archiving, Sourcing, DataOwnership, InterfaceStyle, Openness, TransferMethod,
    PlatformType, ServiceCategory)}

# Either direction of a relation to the other one (associated-with is its own reverse).
OPPOSITE: dict[str, str] = {**{rev: rel for rel, rev in REVERSE.items()}, **REVERSE}

_KIND_FORMS = ("singular", "plural", "partitive")


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def capital(text: str) -> str:
    """The word as a heading: first letter up, the rest as written ("SaaS" stays)."""
    return text[:1].upper() + text[1:]


def kind_word(kind: str, lang: str, form: str = "singular") -> str:
    """The kind in words. `partitive` is the form a count takes: the partitive singular in
    Finnish ("2 tietojärjestelmää"), the plural in languages without one."""
    words = KINDS[_lang(lang)].get(kind)
    if words is None:
        return kind
    index = _KIND_FORMS.index(form)
    return words[min(index, len(words) - 1)]


def relation_word(name: str, lang: str, form: str = "label") -> str:
    """A relation type or reverse name in words: `label` for a diagram edge, `prose` read
    from this end, `reverse` read from the other end (the prose of the opposite name)."""
    if form == "reverse":
        name, form = OPPOSITE.get(name, name), "prose"
    words = RELATIONS[_lang(lang)].get(name)
    if words is None:
        return name
    return words[0] if form == "label" else words[1]


def enum_word(value, lang: str, enum: type[StrEnum] | str | None = None,
              form: str | None = None) -> str:
    """An enum value in words. A member knows its enum; a plain string is looked up in
    `enum` (class or name) or, without one, in the first table that has it."""
    if enum is None and isinstance(value, StrEnum):
        enum = type(value)
    key = str(value.value if isinstance(value, StrEnum) else value)
    tables = VALUES[_lang(lang)]
    if enum is not None:
        name = enum if isinstance(enum, str) else enum.__name__
        found = tables.get(f"{name}/{form}" if form else name, {}).get(key)
    else:
        found = next((t[key] for n, t in tables.items() if "/" not in n and key in t), None)
    return key if found is None else found


def phase_word(phase, lang: str) -> str:
    return enum_word(phase, lang, Phase)


def state_word(state, lang: str) -> str:
    return enum_word(state, lang, State)


def viewpoint_word(viewpoint, lang: str, form: str = "long") -> str:
    """`long` names the architecture ("tietoarkkitehtuuri"), `short` a diagram's group."""
    return enum_word(viewpoint, lang, Viewpoint, None if form == "long" else form)
