"""Words for reports about change, in English and Finnish: kinds with their counted forms,
lifecycle phases, severities, relations, money. One table per thing, used by the diff and
impact reports alike."""

from __future__ import annotations

LANGS = ("en", "fi")

# kind -> (English singular, English plural, Finnish nominative, Finnish partitive):
# Finnish counts take the partitive singular ("2 tietojärjestelmää").
KIND_NAMES: dict[str, tuple[str, str, str, str]] = {
    "organisation-unit": ("organisation unit", "organisation units",
                          "organisaatioyksikkö", "organisaatioyksikköä"),
    "role": ("role", "roles", "rooli", "roolia"),
    "person": ("person", "persons", "henkilö", "henkilöä"),
    "stakeholder": ("stakeholder", "stakeholders", "sidosryhmä", "sidosryhmää"),
    "service": ("service", "services", "palvelu", "palvelua"),
    "channel": ("channel", "channels", "asiointikanava", "asiointikanavaa"),
    "process": ("process", "processes", "prosessi", "prosessia"),
    "task-class": ("task class", "task classes", "tehtäväluokka", "tehtäväluokkaa"),
    "information-resource": ("information resource", "information resources",
                             "tietovaranto", "tietovarantoa"),
    "data-group": ("data group", "data groups", "tietoryhmä", "tietoryhmää"),
    "dataset": ("dataset", "datasets", "tietoaineisto", "tietoaineistoa"),
    "information-system": ("information system", "information systems",
                           "tietojärjestelmä", "tietojärjestelmää"),
    "interface": ("interface", "interfaces", "rajapinta", "rajapintaa"),
    "integration": ("integration", "integrations", "liittymä", "liittymää"),
    "platform": ("platform", "platforms", "alusta", "alustaa"),
    "technology-service": ("technology service", "technology services",
                           "teknologiapalvelu", "teknologiapalvelua"),
    "network": ("network", "networks", "verkko", "verkkoa"),
    "location": ("location", "locations", "sijainti", "sijaintia"),
    "principle": ("principle", "principles", "arkkitehtuuriperiaate", "arkkitehtuuriperiaatetta"),
    "development-project": ("development project", "development projects",
                            "kehittämishanke", "kehittämishanketta"),
    "impact-assessment": ("impact assessment", "impact assessments",
                          "vaikutusarvio", "vaikutusarviota"),
}

PHASES = {
    "en": {"planned": "planned", "in-production": "in production",
           "phasing-out": "phasing out", "retired": "retired"},
    "fi": {"planned": "suunniteltu", "in-production": "tuotannossa",
           "phasing-out": "poistumassa käytöstä", "retired": "poistettu käytöstä"},
}
STATES = {"en": {"as-is": "as-is", "to-be": "to-be"},
          "fi": {"as-is": "nykytila", "to-be": "tavoitetila"}}
SEVERITIES = {"en": {"error": "error", "warning": "warning", "info": "info"},
              "fi": {"error": "virhe", "warning": "varoitus", "info": "huomio"}}

# How a relation reads in Finnish prose and tables (English uses the relation's own name).
RELATIONS_FI = {
    "owned-by": "omistaja", "responsible": "vastuuhenkilö", "part-of": "osa kokonaisuutta",
    "member-of": "jäsen", "plays": "toimii roolissa", "serves": "palvelee",
    "delivered-through": "asiointikanava", "realizes": "tuottaa", "uses": "käyttää",
    "classified-as": "tehtäväluokka", "holds": "sisältää", "mastered-in": "master-tietovaranto",
    "provided-by-register": "perusrekisteri", "provided-by": "toimittaja", "supports": "tukee",
    "stores": "tallentaa", "exposes": "tarjoaa rajapinnan", "runs-on": "toimii alustalla",
    "cost-allocated-to": "kustannukset kohdistuvat", "flows-from": "tiedot lähteestä",
    "flows-to": "tiedot kohteeseen", "carries": "siirtää", "through": "rajapinnan kautta",
    "via": "välityspalvelu", "located-at": "sijaitsee", "connected-to": "kytketty verkkoon",
    "adds": "lisää", "replaces": "korvaa", "assessed-by": "vaikutusarvio",
    "associated-with": "liittyy", "influences": "vaikuttaa",
}


def kind_name(kind: str, lang: str = "en", count: int = 1) -> str:
    """The kind in words, in the form a count of `count` takes."""
    names = KIND_NAMES.get(kind)
    if names is None:
        return kind
    en_one, en_many, fi_one, fi_many = names
    if lang == "fi":
        return fi_one if count == 1 else fi_many
    return en_one if count == 1 else en_many


def counted(count: int, kind: str, lang: str = "en") -> str:
    """'1 information system', '2 information systems', '2 tietojärjestelmää'."""
    return f"{count} {kind_name(kind, lang, count)}"


def phase(value: str | None, lang: str = "en") -> str:
    if value is None:
        return "–"
    return PHASES.get(lang, PHASES["en"]).get(value, value)


def state(value: str | None, lang: str = "en") -> str:
    return STATES.get(lang, STATES["en"]).get(value, value or "–")


def severity(value: str, lang: str = "en") -> str:
    return SEVERITIES.get(lang, SEVERITIES["en"]).get(value, value)


def relation(value: str, lang: str = "en") -> str:
    return RELATIONS_FI.get(value, value) if lang == "fi" else value


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
