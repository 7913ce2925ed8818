"""The words diagrams use, in Finnish (the default) and English: kinds, relations, transfer
methods, lifecycle phases and the few fixed phrases of titles and legends.

Kept in one table per topic so a translation is one edit, and `word()` falls back to
Finnish, as element names do.
"""

from __future__ import annotations

import datetime as dt

# kind -> (fi singular, fi plural, en singular, en plural)
KINDS: dict[str, tuple[str, str, str, str]] = {
    "organisation-unit": ("Organisaatioyksikkö", "Organisaatioyksiköt", "Organisation unit",
                          "Organisation units"),
    "role": ("Rooli", "Roolit", "Role", "Roles"),
    "person": ("Henkilö", "Henkilöt", "Person", "People"),
    "stakeholder": ("Sidosryhmä", "Sidosryhmät", "Stakeholder", "Stakeholders"),
    "service": ("Palvelu", "Palvelut", "Service", "Services"),
    "channel": ("Asiointikanava", "Asiointikanavat", "Channel", "Channels"),
    "process": ("Prosessi", "Prosessit", "Process", "Processes"),
    "task-class": ("Tehtäväluokka", "Tehtäväluokat", "Task class", "Task classes"),
    "information-resource": ("Tietovaranto", "Tietovarannot", "Information resource",
                             "Information resources"),
    "data-group": ("Tietoryhmä", "Tietoryhmät", "Data group", "Data groups"),
    "dataset": ("Tietoaineisto", "Tietoaineistot", "Dataset", "Datasets"),
    "information-system": ("Tietojärjestelmä", "Tietojärjestelmät", "Information system",
                           "Information systems"),
    "interface": ("Rajapinta", "Rajapinnat", "Interface", "Interfaces"),
    "integration": ("Liittymä", "Liittymät", "Integration", "Integrations"),
    "platform": ("Alusta", "Alustat", "Platform", "Platforms"),
    "technology-service": ("Teknologiapalvelu", "Teknologiapalvelut", "Technology service",
                           "Technology services"),
    "network": ("Verkko", "Verkot", "Network", "Networks"),
    "location": ("Sijainti", "Sijainnit", "Location", "Locations"),
    "principle": ("Arkkitehtuuriperiaate", "Arkkitehtuuriperiaatteet", "Principle",
                  "Principles"),
    "development-project": ("Kehittämishanke", "Kehittämishankkeet", "Development project",
                            "Development projects"),
    "impact-assessment": ("Vaikutusten arviointi", "Vaikutusten arvioinnit",
                          "Impact assessment", "Impact assessments"),
}
CORE_DATA = {"fi": "Ydintieto", "en": "Core data"}

# relation -> (fi, en): the verb shown on an edge, read from source to target
RELATIONS: dict[str, tuple[str, str]] = {
    "owned-by": ("omistaja", "owned by"),
    "responsible": ("vastuuhenkilö", "responsible"),
    "part-of": ("osa", "part of"),
    "member-of": ("jäsen", "member of"),
    "plays": ("rooli", "plays"),
    "serves": ("palvelee", "serves"),
    "delivered-through": ("kanava", "channel"),
    "realizes": ("tuottaa", "realizes"),
    "uses": ("käyttää", "uses"),
    "classified-as": ("tehtäväluokka", "classified as"),
    "holds": ("sisältää", "holds"),
    "mastered-in": ("master", "mastered in"),
    "masters": ("master", "masters"),
    "provided-by-register": ("perusrekisteri", "base register"),
    "provided-by": ("toimittaja", "provided by"),
    "supports": ("tukee", "supports"),
    "stores": ("tallentaa", "stores"),
    "exposes": ("tarjoaa", "exposes"),
    "runs-on": ("alusta", "runs on"),
    "cost-allocated-to": ("kustannukset", "costs to"),
    "flows-from": ("lähde", "from"),
    "flows-to": ("kohde", "to"),
    "carries": ("siirtää", "carries"),
    "through": ("rajapinta", "through"),
    "via": ("kautta", "via"),
    "located-at": ("sijainti", "located at"),
    "connected-to": ("verkko", "connected to"),
    "adds": ("lisää", "adds"),
    "replaces": ("korvaa", "replaces"),
    "assessed-by": ("arviointi", "assessed by"),
    "associated-with": ("liittyy", "associated with"),
    "influences": ("ohjaa", "influences"),
}

# transfer method of an integration -> (fi, en)
METHODS: dict[str, tuple[str, str]] = {
    "api": ("rajapinta", "API"),
    "message": ("sanoma", "message"),
    "file": ("tiedosto", "file"),
    "database": ("tietokanta", "database"),
    "view": ("näkymä", "database view"),
    "manual": ("manuaalinen", "manual"),
    None: ("tapa kirjaamatta", "method not recorded"),
}

PHASES: dict[str, tuple[str, str]] = {
    "planned": ("suunniteltu", "planned"),
    "in-production": ("tuotannossa", "in production"),
    "phasing-out": ("poistumassa", "phasing out"),
    "retired": ("poistettu käytöstä", "retired"),
}

SOURCING: dict[str, tuple[str, str]] = {
    "saas": ("SaaS-palvelu", "SaaS"),
    "procured": ("hankittu", "procured"),
    "custom": ("oma kehitys", "custom-built"),
    "shared": ("yhteispalvelu", "shared service"),
}

CATEGORIES: dict[str, tuple[str, str]] = {
    "core": ("Ydinprosessit", "Core processes"),
    "steering": ("Ohjausprosessit", "Steering processes"),
    "support": ("Tukiprosessit", "Support processes"),
    "": ("Luokittelemattomat prosessit", "Uncategorised processes"),
}

VIEWPOINTS: dict[str, tuple[str, str]] = {
    "operations": ("Toiminta", "Operations"),
    "information": ("Tieto", "Information"),
    "systems": ("Tietojärjestelmät", "Information systems"),
    "technology": ("Teknologia", "Technology"),
    "cross": ("Yhteiset", "Cross-cutting"),
}

PHRASES: dict[str, tuple[str, str]] = {
    "legend": ("Selite", "Legend"),
    "no-owner": ("Ei omistajaa", "No owner"),
    "approved": ("hyväksytty", "approved"),
    "reviewed": ("tarkistettu", "reviewed"),
    "part": ("osa {i}/{n}", "part {i} of {n}"),
    "to-be": ("tavoitetila", "to-be"),
    "ends": ("päättyy {date}", "ends {date}"),
    "error": ("virhe", "error"),
    "warning": ("varoitus", "warning"),
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
}


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def kind_name(kind: str, lang: str, plural: bool = False) -> str:
    fi, fi_pl, en, en_pl = KINDS.get(kind, (kind, kind, kind, kind))
    if lang == "en":
        return en_pl if plural else en
    return fi_pl if plural else fi


def phrase(key: str, lang: str, **values) -> str:
    text = pick(PHRASES[key], lang)
    return text.format(**values) if values else text


def word(table: dict, key, lang: str) -> str:
    """A word from one of the tables above; the key itself when it is not there."""
    pair = table.get(key)
    return pick(pair, lang) if pair else str(key)


def date(value: dt.date, lang: str) -> str:
    """10.2.2025 in Finnish, 2025-02-10 in English."""
    return f"{value.day}.{value.month}.{value.year}" if lang == "fi" else value.isoformat()
