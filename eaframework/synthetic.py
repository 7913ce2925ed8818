"""Synthetic municipality models of any size, for benchmarks and load tests.

`municipality(10_000)` returns {relative file name: YAML text} of a valid model shaped
like a Finnish municipality's: an organisation hierarchy with persons, services with
channels, processes (part of larger ones) realising services and using systems,
information resources holding data groups, information systems with owners, responsible
persons, cost allocation, interfaces and the integrations between them, platforms and
technology services, principles and development projects with impact assessments. About
two relations per element. Files are split by viewpoint into chunks (about 500 elements
each) in one subfolder per viewpoint.

The model loads with no diagnostics, and it is written to satisfy the rule catalogue,
apart from a deliberate gap in about one of every GAP elements of some kinds (a missing
risk assessment, purpose, yearly volume or user involvement): `ea lint` reports a few
dozen findings per 10,000 elements, as for a well-kept real model.

The same size and seed always give the same text. Text is built directly (no YAML
library) in the block layout of `writer.dump_file`, so 100,000 elements take seconds.

    python -m eaframework.synthetic 10000 out/kunta   # writes the files below out/kunta
"""

from __future__ import annotations

import json
import math
import random
import re
import sys
from pathlib import Path

API_VERSION = "eaframework/v1"
HEADER = "# yaml-language-server: $schema=../schema/eaframework.schema.json\n"
DEFAULT_CHUNK = 500

# Share of the elements of each kind (the rest are fixed-size: stakeholders, principles,
# locations, external organisations).
SHARES = {
    "organisation-unit": 0.035,
    "role": 0.01,
    "person": 0.13,
    "service": 0.10,
    "channel": 0.03,
    "process": 0.15,
    "task-class": 0.02,
    "information-resource": 0.06,
    "data-group": 0.11,
    "dataset": 0.03,
    "information-system": 0.07,
    "interface": 0.06,
    "integration": 0.12,
    "platform": 0.035,
    "technology-service": 0.015,
    "network": 0.005,
    "development-project": 0.005,
}

# folder (viewpoint) of each kind, in the order files are written
FOLDERS = {
    "organisation-unit": "toiminta",
    "role": "toiminta",
    "person": "toiminta",
    "stakeholder": "toiminta",
    "service": "toiminta",
    "channel": "toiminta",
    "process": "toiminta",
    "task-class": "toiminta",
    "information-resource": "tieto",
    "data-group": "tieto",
    "dataset": "tieto",
    "information-system": "tietojarjestelmat",
    "interface": "tietojarjestelmat",
    "integration": "tietojarjestelmat",
    "platform": "teknologia",
    "technology-service": "teknologia",
    "network": "teknologia",
    "location": "teknologia",
    "principle": "periaatteet",
    "development-project": "periaatteet",
    "impact-assessment": "periaatteet",
}

# (nominative, genitive, English) of the municipality's areas of work
TOPICS = [
    ("varhaiskasvatus", "varhaiskasvatuksen", "early childhood education"),
    ("perusopetus", "perusopetuksen", "basic education"),
    ("lukiokoulutus", "lukiokoulutuksen", "upper secondary education"),
    ("kirjasto", "kirjaston", "library"),
    ("liikunta", "liikunnan", "sports"),
    ("nuorisotyö", "nuorisotyön", "youth work"),
    ("kulttuuri", "kulttuurin", "culture"),
    ("rakennusvalvonta", "rakennusvalvonnan", "building control"),
    ("ympäristönsuojelu", "ympäristönsuojelun", "environmental protection"),
    ("jätehuolto", "jätehuollon", "waste management"),
    ("pysäköinninvalvonta", "pysäköinninvalvonnan", "parking control"),
    ("kotihoito", "kotihoidon", "home care"),
    ("vanhuspalvelut", "vanhuspalvelujen", "elderly services"),
    ("toimeentulotuki", "toimeentulotuen", "social assistance"),
    ("työllisyyspalvelut", "työllisyyspalvelujen", "employment services"),
    ("kaavoitus", "kaavoituksen", "land-use planning"),
    ("maankäyttö", "maankäytön", "land use"),
    ("vesihuolto", "vesihuollon", "water supply"),
    ("kunnossapito", "kunnossapidon", "street maintenance"),
    ("tilahallinta", "tilahallinnan", "facility management"),
    ("ruokapalvelut", "ruokapalvelujen", "catering"),
    ("hankinnat", "hankintojen", "procurement"),
    ("taloushallinto", "taloushallinnon", "financial management"),
    ("palkanlaskenta", "palkanlaskennan", "payroll"),
    ("henkilöstöhallinto", "henkilöstöhallinnon", "human resources"),
    ("asianhallinta", "asianhallinnan", "case management"),
    ("arkistointi", "arkistoinnin", "archiving"),
    ("viestintä", "viestinnän", "communications"),
    ("joukkoliikenne", "joukkoliikenteen", "public transport"),
    ("elinkeinopalvelut", "elinkeinopalvelujen", "business services"),
    ("paikkatieto", "paikkatiedon", "geospatial data"),
    ("opiskelijahuolto", "opiskelijahuollon", "student welfare"),
    ("ympäristöterveys", "ympäristöterveyden", "environmental health"),
    ("päätöksenteko", "päätöksenteon", "decision making"),
]
DIVISIONS = [
    ("Konsernipalvelut", "Group services"),
    ("Sivistyksen toimiala", "Education and culture"),
    ("Hyvinvoinnin toimiala", "Wellbeing"),
    ("Kaupunkiympäristön toimiala", "Urban environment"),
    ("Elinvoiman toimiala", "Vitality"),
    ("Tietohallinto", "ICT"),
]
AREAS = ["Keskusta", "Pohjoinen", "Etelä", "Itä", "Länsi", "Järvikylä", "Mäntylä", "Kärkölä",
         "Pöljä", "Ylämaa", "Särkiniemi", "Hämeenkylä"]
UNIT_WORDS = [("yksikkö", "unit"), ("palvelualue", "service area"), ("tiimi", "team"),
              ("toimisto", "office"), ("keskus", "centre")]
SERVICE_WORDS = [("hakemus", "application"), ("neuvonta", "advice"), ("ilmoitus", "notification"),
                 ("päätös", "decision"), ("varaus", "booking"), ("maksut", "fees"),
                 ("palautepalvelu", "feedback service"), ("lupa", "permit")]
PROCESS_WORDS = [("käsittely", "handling"), ("valmistelu", "preparation"),
                 ("päätöksenteko", "decision making"), ("laskutus", "invoicing"),
                 ("seuranta", "monitoring"), ("tiedottaminen", "informing"),
                 ("järjestäminen", "organising"), ("arviointi", "assessment")]
SYSTEM_WORDS = [("asiakastietojärjestelmä", "client information system"),
                ("järjestelmä", "system"), ("sähköinen asiointi", "e-service"),
                ("rekisteri", "register"), ("tietopalvelu", "information service"),
                ("hallintajärjestelmä", "management system"), ("portaali", "portal")]
RESOURCE_WORDS = [("asiakasrekisteri", "client register"), ("asiakirjat", "records"),
                  ("tietovaranto", "information resource"), ("kortisto", "card index")]
DATA_WORDS = ["henkilötiedot", "osoitetiedot", "päätöstiedot", "maksutiedot", "sopimustiedot",
              "kiinteistötiedot", "yhteystiedot", "lupatiedot", "tilastotiedot", "hakemustiedot",
              "työaikatiedot", "sijaintitiedot"]
CHANNEL_TYPES = ["web", "mobile", "phone", "office", "email", "chat", "letter"]
CHANNEL_WORDS = {"web": "verkkoasiointi", "mobile": "mobiilisovellus", "phone": "puhelinpalvelu",
                 "office": "palvelupiste", "email": "sähköposti", "chat": "chat-palvelu",
                 "letter": "kirjeasiointi"}
FIRST = ["Aino", "Eino", "Väinö", "Helmi", "Onni", "Ilmari", "Kyllikki", "Tuula", "Pirjo",
         "Jussi", "Sanna", "Mikko", "Päivi", "Jyrki", "Sirkka", "Lauri", "Kaisa", "Pekka",
         "Tiina", "Heikki", "Hannele", "Ritva", "Tapani", "Elina", "Jääskö", "Åsa"]
LAST = ["Mäkinen", "Hämäläinen", "Kärkkäinen", "Lähteenmäki", "Pöllänen", "Järvinen",
        "Virtanen", "Korhonen", "Nieminen", "Mäkelä", "Heikkinen", "Koskinen", "Räsänen",
        "Söderholm", "Väisänen", "Kähkönen", "Björklund", "Östman", "Närhi", "Lindström",
        "Ylönen", "Pääkkönen"]
TITLES = ["tietohallintopäällikkö", "palvelupäällikkö", "pääkäyttäjä", "suunnittelija",
          "erityisasiantuntija", "toimialajohtaja", "kehittämispäällikkö", "arkistosihteeri"]
STAKEHOLDERS = [("Asukkaat", "Residents"), ("Lapsiperheet", "Families with children"),
                ("Ikäihmiset", "Older people"), ("Yritykset", "Companies"),
                ("Opiskelijat", "Students"), ("Järjestöt", "Associations"),
                ("Muut viranomaiset", "Other authorities"), ("Matkailijat", "Tourists")]
EXTERNAL = [("Digi- ja väestötietovirasto", True), ("Kansaneläkelaitos", True),
            ("Maanmittauslaitos", True), ("Verohallinto", True),
            ("Ohjelmistotalo Järvinen Oy", False), ("Pilvipalvelu Pöyry Oy", False),
            ("Kuntien Tiera Oy", False), ("Tietotekniikka Mäkelä Oy", False)]
# (code, name, English, rules enforcing it): as in the sample model, P1-P8
PRINCIPLES = [
    ("P1", "Käyttäjä keskiössä", "The user at the centre",
     ["e-service-uses-identification", "e-service-uses-messaging-channel",
      "service-has-channel", "designated-shared-services"]),
    ("P2", "Investointilaskelma ennen hankintaa", "Investment calculation before procurement",
     ["project-investment-calculation", "planned-system-in-project"]),
    ("P3", "Automaatio vähentää manuaalista työtä", "Automate away manual work",
     ["process-records-manual-work", "automation-candidate", "manual-transfer"]),
    ("P4", "Käyttäjät osallistuvat kehittämiseen", "Users take part in development",
     ["service-user-involvement"]),
    ("P5", "Palvelu ennen omaa kehitystä", "Buy as a service before building",
     ["custom-build-justified", "new-system-saas-first"]),
    ("P6", "Kaupunki omistaa tietonsa", "The city owns its data",
     ["core-data-has-master", "core-data-mastered-once", "procured-system-open-interface",
      "contract-data-ownership"]),
    ("P7", "Avoimet rajapinnat", "Open interfaces",
     ["interface-documented", "interface-declares-standards", "integration-via-platform"]),
    ("P8", "Jokaisella on omistaja", "Everything has an owner",
     ["system-has-owner", "system-has-responsible-person", "owner-owns-operations",
      "system-cost-known", "cost-fully-allocated"]),
]
INVOLVEMENT = ["käyttäjätyöpajat", "asukaspaneeli", "käytettävyystestaus", "asiakaspalaute"]
LEGAL_BASES = ["Varhaiskasvatuslaki 540/2018", "Sosiaalihuoltolaki 1301/2014",
               "Tiedonhallintalaki 906/2019", "Tietosuoja-asetus 6 art. 1 c",
               "Perusopetuslaki 628/1998"]
STANDARDS = {"rest": ["OpenAPI 3.0"], "soap": ["WSDL 1.1"], "odata": ["OData 4.0"],
             "graphql": ["GraphQL"]}
# Deliberate gaps, as in any real model: about one in GAP elements of some kinds misses a
# field a rule wants (a risk assessment, user involvement, a purpose, a yearly volume).
GAP = 100
# Dates (risk assessments, the last review) are fixed for determinism; rules that judge
# their age count from the day they run, so they stay quiet until about 2027-10.
ANCHOR_YEAR = 2026
PLATFORM_TYPES = ["node", "cloud", "database", "operating-system", "middleware"]
TECH_SERVICES = [("Suomi.fi-tunnistus", "identification", True),
                 ("Suomi.fi-viestit", "messaging", True),
                 ("Suomi.fi-palveluväylä", "integration", True),
                 ("Suomi.fi-maksut", "payment", True),
                 ("Integraatioalusta", "integration", False),
                 ("Kapasiteettipalvelu", "hosting", False),
                 ("Sähköinen allekirjoitus", "signature", False),
                 ("Sähköinen arkisto", "archiving", False),
                 ("Tunnistuspalvelu", "identification", False)]
SENTENCES = [
    "Palvelu on tarkoitettu kunnan asukkaille ja se tuotetaan omana toimintana.",
    "Järjestelmän käyttöönotto tehtiin vaiheittain vuosina 2019–2021.",
    "Tietoja käytetään päätösten valmisteluun ja niiden täytäntöönpanon seurantaan.",
    "Käsittely on osittain manuaalista; tavoitteena on sähköinen käsittely.",
    "Ylläpidosta vastaa toimittaja palvelusopimuksen mukaisesti.",
    "Tiedot luovutetaan säännöllisesti valtakunnallisiin rekistereihin.",
]

_PLAIN = re.compile(r"[A-Za-zÄÖÅäöå][\wÄÖÅäöå .,()/–-]*[\wÄÖÅäöå.)]|[A-Za-zÄÖÅäöå]")
_RESERVED = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "none"}
_ASCII = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a", " ": "-",
                        ".": "-", "/": "-"})


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "", text.lower().translate(_ASCII)).strip("-")


def quote(value: str) -> str:
    """A YAML scalar for `value`: plain where that reads back as the same string."""
    if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED and ": " not in value \
            and " #" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


class _Element:
    """One element's lines in file order, built by `add` calls."""

    __slots__ = ("kind", "id", "lines")

    def __init__(self, kind: str, element_id: str, name: str, en: str | None = None) -> None:
        self.kind = kind
        self.id = element_id
        lines = [f"  - kind: {kind}", f"    id: {element_id}"]
        if en:
            lines += ["    name:", f"      fi: {quote(name)}", f"      en: {quote(en)}"]
        else:
            lines.append(f"    name: {quote(name)}")
        self.lines = lines

    def add(self, key: str, value) -> None:
        if value is None or value == () or value == [] or value == {}:
            return
        lines = self.lines
        if isinstance(value, bool):
            lines.append(f"    {key}: {'true' if value else 'false'}")
        elif isinstance(value, (int, float)):
            lines.append(f"    {key}: {value}")
        elif isinstance(value, str):
            lines.append(f"    {key}: {quote(value)}")
        elif isinstance(value, (list, tuple)):
            lines.append(f"    {key}:")
            lines.extend(f"      - {quote(v)}" for v in value)
        elif isinstance(value, dict):
            lines.append(f"    {key}:")
            for k, v in value.items():
                shown = v if isinstance(v, (int, float)) and not isinstance(v, bool) else quote(v)
                lines.append(f"      {k}: {shown}")
        else:  # pragma: no cover
            raise TypeError(type(value))

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _counts(total: int) -> dict[str, int]:
    counts = {kind: max(2, round(total * share)) for kind, share in SHARES.items()}
    counts["stakeholder"] = len(STAKEHOLDERS)
    counts["location"] = max(2, min(12, total // 2000))
    counts["principle"] = len(PRINCIPLES)
    counts["technology-service"] = max(len(TECH_SERVICES), counts["technology-service"])
    counts["organisation-unit"] = max(len(DIVISIONS) + 2, counts["organisation-unit"])
    counts["impact-assessment"] = counts["development-project"]
    # give the difference to persons, so the total is close to `total`
    counts["person"] = max(2, counts["person"] + total - len(EXTERNAL) - sum(counts.values()))
    return counts


class _Generator:
    def __init__(self, total: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.counts = _counts(total)
        self.elements: list[_Element] = []
        self.relations: list[tuple[str, str, str]] = []

    # -- helpers ----------------------------------------------------------------------
    def pick(self, ids: list[str], near: int | None = None) -> str:
        """A random id; with `near` (a position scaled to the number of processes), one
        from that neighbourhood, so that linked elements tend to share an area of work."""
        spread = max(3, len(ids) // len(TOPICS))
        if near is None or len(ids) <= spread:
            return ids[self.rng.randrange(len(ids))]
        centre = near * len(ids) // max(1, self._scale)
        low = max(0, min(len(ids) - spread, centre - spread // 2))
        return ids[low + self.rng.randrange(spread)]

    def sample(self, ids: list[str], k: int, near: int | None = None) -> list[str]:
        found: list[str] = []
        for _ in range(k * 2):
            if len(found) == k:
                break
            candidate = self.pick(ids, near)
            if candidate not in found:
                found.append(candidate)
        return found

    def maybe(self, p: float) -> bool:
        return self.rng.random() < p

    def topic(self, i: int, kind: str) -> tuple[str, str, str]:
        """The area of work of the i-th element of a kind: neighbours share it, so that
        `pick(..., near)` tends to link elements of one area."""
        return TOPICS[i * len(TOPICS) // max(1, self.counts[kind])]

    def new(self, kind: str, element_id: str, name: str, en: str | None = None) -> _Element:
        element = _Element(kind, element_id, name, en if self.maybe(0.35) else None)
        self.elements.append(element)
        return element

    def gap(self) -> bool:
        return self.rng.randrange(GAP) == 0

    def recent(self) -> str:
        """A date within the last two years before the anchor."""
        return f"{ANCHOR_YEAR - self.rng.randrange(1, 3)}-{self.rng.randrange(1, 13):02d}-15"

    def describe(self, element: _Element, p: float = 0.4) -> None:
        if self.maybe(p):
            element.add("description", self.rng.choice(SENTENCES))

    # -- the model --------------------------------------------------------------------
    def build(self) -> None:
        c = self.counts
        self._scale = c["process"]
        rng = self.rng
        pick, sample, maybe = self.pick, self.sample, self.maybe

        def ids(prefix: str, kind: str, label=lambda i: "") -> list[str]:
            return [f"{prefix}-{slug(label(i)) + '-' if label(i) else ''}{i + 1:05d}"
                    for i in range(c[kind])]

        def topic_of(kind: str):
            return lambda i: self.topic(i, kind)[0]

        units = ids("ou", "organisation-unit", topic_of("organisation-unit"))
        units[: len(DIVISIONS) + 1] = ["ou-kaupunki"] + [f"ou-{slug(fi)}" for fi, _ in DIVISIONS]
        units = units[: c["organisation-unit"]]
        internal = units[1:]
        externals = [f"ou-{slug(name)}" for name, _ in EXTERNAL]
        roles = ids("rooli", "role", lambda i: "paakayttaja" if i % 2 else "vastuuhenkilo")
        first_last = [(rng.choice(FIRST), rng.choice(LAST)) for _ in range(c["person"])]
        persons = [f"hlo-{slug(f)}-{slug(s)}-{i + 1:05d}" for i, (f, s) in enumerate(first_last)]
        stakeholders = [f"sr-{slug(name)}" for name, _ in STAKEHOLDERS]
        services = ids("pal", "service", topic_of("service"))
        channels = ids("kan", "channel", lambda i: CHANNEL_TYPES[i % len(CHANNEL_TYPES)])
        processes = ids("pro", "process", topic_of("process"))
        task_classes = [f"tl-{i // 100:02d}-{i % 100:02d}" for i in range(c["task-class"])]
        resources = ids("tv", "information-resource", topic_of("information-resource"))
        groups = ids("tr", "data-group", lambda i: DATA_WORDS[i % len(DATA_WORDS)])
        datasets = ids("ta", "dataset", topic_of("dataset"))
        systems = ids("tj", "information-system", topic_of("information-system"))
        interfaces = ids("rp", "interface", topic_of("interface"))
        integrations = ids("int", "integration")
        platforms = ids("alusta", "platform")
        tech = ids("ts", "technology-service", lambda i: TECH_SERVICES[i % len(TECH_SERVICES)][0])
        networks = ids("verkko", "network")
        locations = ids("sijainti", "location", lambda i: AREAS[i % len(AREAS)])
        projects = ids("hanke", "development-project")
        assessments = [f"mva-{i + 1:05d}" for i in range(len(projects))]
        identification, messaging, bus = tech[0], tech[1], tech[4]  # see TECH_SERVICES
        web_channels = [cid for i, cid in enumerate(channels) if CHANNEL_TYPES[i % 7] == "web"]
        position = {pid: i for i, pid in enumerate(processes)}

        # -- the plan: who owns, supports, stores and adds what ----------------------------
        def near(i: int, n: int) -> int:  # position i of n, scaled to the processes
            return i * self._scale // max(1, n)

        process_owner = [pick(internal, i) for i in range(len(processes))]
        service_owner = [pick(internal, near(i, len(services))) for i in range(len(services))]
        has_parts = [i % 8 == 0 and i + 1 < len(processes) for i in range(len(processes))]
        supports = [sample(processes, 1 + maybe(0.25), near(i, len(systems)))
                    for i in range(len(systems))]
        supported = {pid for chosen in supports for pid in chosen}
        phase = ["planned" if i % 12 == 5 else "phasing-out" if i % 25 == 7 else
                 "in-production" if maybe(0.6) else None for i in range(len(systems))]
        sourcing = ["saas" if phase[i] == "planned" else
                    rng.choice(["saas", "procured", "procured", "custom", "shared"])
                    for i in range(len(systems))]
        stores: list[list[str]] = [[] for _ in systems]  # each resource in exactly one system
        for j, rid in enumerate(resources):
            stores[j * len(systems) // len(resources)].append(rid)
        exposes: list[list[str]] = [[] for _ in systems]
        openness: dict[str, str] = {}
        free = iter(interfaces)
        for i in range(len(systems)):  # bought systems need an open interface (EA306)
            if sourcing[i] in ("saas", "procured"):
                iid = next(free, None)
                if iid is None:
                    sourcing[i] = "shared"
                    continue
                exposes[i].append(iid)
                openness[iid] = rng.choice(["open", "buyer-controlled"])
        for k, iid in enumerate(free):
            exposes[k * 7 % len(systems)].append(iid)
            openness[iid] = rng.choice(["open", "buyer-controlled", "closed"])
        planned = [sid for i, sid in enumerate(systems) if phase[i] == "planned"]
        in_use = [sid for i, sid in enumerate(systems) if phase[i] != "planned"] or systems
        adds: list[list[str]] = [[] for _ in projects]
        for k, sid in enumerate(planned):
            adds[k % len(projects)].append(sid)
        masters: dict[int, list[str]] = {}  # resource index -> core groups it masters
        master_of: dict[str, str] = {}
        for i, gid in enumerate(groups):
            if i % 10 == 0:
                r = resources.index(pick(resources, near(i, len(groups))))
                masters.setdefault(r, []).append(gid)
                master_of[gid] = resources[r]

        # -- operations: the organisation ------------------------------------------------
        heads: dict[int, int] = {}  # area of work -> its first unit
        for i, uid in enumerate(units):
            if i == 0:
                e = self.new("organisation-unit", uid, "Esimerkkilän kaupunki",
                             "City of Esimerkkilä")
                e.add("business-id", "0123456-7")
                continue
            if i <= len(DIVISIONS):
                fi, en = DIVISIONS[i - 1]
                e = self.new("organisation-unit", uid, fi, en)
                e.add("part-of", units[0])
                continue
            nom, _, en = self.topic(i, "organisation-unit")
            word, word_en = UNIT_WORDS[i % len(UNIT_WORDS)]
            area = AREAS[(i // len(TOPICS)) % len(AREAS)]
            e = self.new("organisation-unit", uid, f"{nom.capitalize()}, {area} {word}",
                         f"{en.capitalize()} {word_en}, {area}")
            # a tree: the first unit of an area of work is under a division, the others
            # of the area under it or under each other, four to a parent
            t = TOPICS.index(self.topic(i, "organisation-unit"))
            head = heads.setdefault(t, i)
            parent = units[1 + t % len(DIVISIONS)] if i == head else units[head + (i - head - 1) // 4]
            e.add("part-of", parent)
            if maybe(0.2):
                e.add("contact", f"{slug(nom)}@esimerkkila.fi")
        for (name, authority), uid in zip(EXTERNAL, externals):
            e = self.new("organisation-unit", uid, name)
            e.add("external", True)
            if authority:
                e.add("authority", True)
            else:
                e.add("business-id", f"{1000000 + len(name) * 7919 % 8999999:07d}-{len(name) % 10}")
        for i, rid in enumerate(roles):
            fi = "Pääkäyttäjä" if i % 2 else "Vastuuhenkilö"
            e = self.new("role", rid, f"{fi} {i + 1}", "Main user" if i % 2 else "Owner")
            e.add("unit", pick(internal))
        for i, (pid, (first, last)) in enumerate(zip(persons, first_last)):
            e = self.new("person", pid, f"{first} {last}")
            e.add("unit", pick(internal, near(i, len(persons))))
            if maybe(0.15):
                e.add("roles", [pick(roles)])
            e.add("title", rng.choice(TITLES))
            if maybe(0.5):
                e.add("email", f"{slug(first)}.{slug(last)}@esimerkkila.fi")
        for (fi, en), sid in zip(STAKEHOLDERS, stakeholders):
            self.new("stakeholder", sid, fi, en)
        for i, sid in enumerate(services):
            nom, gen, en = self.topic(i, "service")
            word, word_en = SERVICE_WORDS[i % len(SERVICE_WORDS)]
            e = self.new("service", sid, f"{gen.capitalize()} {word}", f"{en.capitalize()} {word_en}")
            e.add("owner", service_owner[i])
            internal_only = i % 5 == 4
            online = not internal_only and maybe(0.5)
            if internal_only:
                e.add("audience", "internal")
            elif online:
                e.add("e-service", True)
            at = near(i, len(services))
            # e-services are delivered through a web channel, which uses the designated
            # identification and messaging services (EA101, EA102)
            e.add("channels", [pick(web_channels, at)] if online else [pick(channels, at)])
            if maybe(0.3):
                e.add("serves", [pick(stakeholders)])
            if maybe(0.3):
                e.add("uses", [pick(systems, at)])
            if not internal_only and not self.gap():
                e.add("user-involvement", rng.choice(INVOLVEMENT))
            self.describe(e)
        for i, cid in enumerate(channels):
            ctype = CHANNEL_TYPES[i % len(CHANNEL_TYPES)]
            nom = self.topic(i, "channel")[0]
            e = self.new("channel", cid, f"{nom.capitalize()}: {CHANNEL_WORDS[ctype]}")
            e.add("owner", pick(internal))
            e.add("channel-type", ctype)
            if ctype == "web":
                e.add("uses", [identification, messaging])
        for i, pid in enumerate(processes):
            nom, gen, en = self.topic(i, "process")
            word, word_en = PROCESS_WORDS[i % len(PROCESS_WORDS)]
            e = self.new("process", pid, f"{gen.capitalize()} {word}", f"{en.capitalize()} {word_en}")
            e.add("owner", process_owner[i])
            # a top-level process first in each block of eight, the rest part of it
            if i % 8:
                e.add("part-of", processes[i - i % 8])
                e.add("category", "core")
            else:
                e.add("category", rng.choice(["core", "steering", "support"]))
            if i % 8 and maybe(0.45):
                e.add("realizes", [pick(services, i)])
            manual = maybe(0.04)
            if not manual and not has_parts[i] and (pid not in supported or maybe(0.1)):
                e.add("uses", [pick(systems, i)])  # EA502: uses or supported by a system
            if maybe(0.1):
                e.add("task-class", pick(task_classes, i))
            if manual:
                e.add("manual", True)
            if not has_parts[i]:  # EA103: leaves record their manual work
                e.add("manual-steps", 3 if maybe(0.03) else rng.choice([0, 1, 1, 2]))
                if not self.gap():
                    e.add("yearly-volume", rng.randrange(2, 300) * 10)
            self.describe(e, 0.3)
        for i, tid in enumerate(task_classes):
            nom, _, en = self.topic(i, "task-class")
            e = self.new("task-class", tid, f"{nom.capitalize()} ({i // 100:02d}.{i % 100:02d})", en)
            e.add("code", f"{i // 100:02d}.{i % 100:02d}.00")
            if i % 100:
                e.add("part-of", task_classes[i - i % 100])

        # -- information -------------------------------------------------------------------
        for i, rid in enumerate(resources):
            nom, gen, en = self.topic(i, "information-resource")
            word, word_en = RESOURCE_WORDS[i % len(RESOURCE_WORDS)]
            e = self.new("information-resource", rid, f"{gen.capitalize()} {word}",
                         f"{en.capitalize()} {word_en}")
            at = near(i, len(resources))
            e.add("owner", pick(internal, at))
            if not self.gap():
                e.add("purpose", f"{gen.capitalize()} tehtävien hoitaminen ja seuranta")
            held = masters.get(i, [])
            e.add("data-groups", held + [g for g in sample(groups, 1, at) if g not in held])
            personal = i % 2 == 0
            e.add("personal-data", personal)
            if personal:
                e.add("legal-basis", rng.choice(LEGAL_BASES))
            e.add("retention", rng.choice(["10 v", "50 v", "pysyvä"]))
            e.add("archiving", rng.choice(["permanent", "destroy"]))
            e.add("publicity", rng.choice(["public", "partly-secret", "secret"]))
            e.add("criticality", rng.choice(["low", "medium", "high"]))
            e.add("last-risk-assessment", self.recent())
            self.describe(e, 0.3)
        for i, gid in enumerate(groups):
            word = DATA_WORDS[i % len(DATA_WORDS)]
            nom = self.topic(i, "data-group")[0]
            e = self.new("data-group", gid, f"{nom.capitalize()}: {word}")
            if maybe(0.3):
                e.add("owner", pick(internal))
            if gid in master_of:
                e.add("core", True)
                e.add("master", master_of[gid])
            if word == "henkilötiedot":
                e.add("personal-data", True)
        for i, did in enumerate(datasets):
            nom, gen, en = self.topic(i, "dataset")
            e = self.new("dataset", did, f"{gen.capitalize()} asiakirjat {2000 + i % 25}")
            e.add("resource", pick(resources, near(i, len(datasets))))
            if maybe(0.2):
                e.add("task-class", pick(task_classes))
            e.add("search-keys", ["henkilötunnus", "diaarinumero"] if i % 2 else ["asianumero"])
            e.add("retention", rng.choice(["6 v", "10 v", "pysyvä"]))

        # -- information systems -----------------------------------------------------------
        for i, sid in enumerate(systems):
            nom, gen, en = self.topic(i, "information-system")
            word, word_en = SYSTEM_WORDS[i % len(SYSTEM_WORDS)]
            e = self.new("information-system", sid, f"{gen.capitalize()} {word}",
                         f"{en.capitalize()} {word_en}")
            at = near(i, len(systems))
            owner = process_owner[position[supports[i][0]]]  # EA303: owns what it supports
            e.add("owner", owner)
            e.add("responsible", pick(persons, at))
            e.add("purpose", f"{gen.capitalize()} asioiden käsittely ja tietojen ylläpito")
            e.add("sourcing", sourcing[i])
            if sourcing[i] == "custom":
                e.add("sourcing-justification", "Markkinoilla ei ole tarpeet täyttävää palvelua.")
            if sourcing[i] in ("saas", "procured"):
                e.add("vendor", rng.choice(EXTERNAL[4:])[0])
                e.lines += ["    contract:", f"      reference: D/{100 + i}/02.08.00/2024",
                            "      data-ownership: organisation"]
            e.add("criticality", rng.choice(["low", "medium", "high", "critical"]))
            if phase[i] != "planned" and not self.gap():
                e.add("last-risk-assessment", self.recent())
            e.add("annual-cost", rng.randrange(2, 400) * 500)
            other = pick(internal, at)
            e.add("cost-allocation", {owner: 100} if other == owner or maybe(0.5)
                  else {owner: 60, other: 40})
            e.add("supports", supports[i])
            e.add("stores", stores[i])
            e.add("exposes", exposes[i])
            if maybe(0.4):
                e.add("runs-on", [pick(platforms)])
            if phase[i] is not None:
                year = rng.randrange(2008, 2025)
                start = f"{year + 3 if phase[i] == 'planned' else year}-{rng.randrange(1, 13):02d}-01"
                e.lines += ["    lifecycle:", f"      phase: {phase[i]}", f"      start: {start}"]
                if phase[i] == "phasing-out":
                    e.lines.append(f"      end: {2027 + i % 3}-12-31")
            self.describe(e, 0.5)
        for i, iid in enumerate(interfaces):
            nom, gen, en = self.topic(i, "interface")
            e = self.new("interface", iid, f"{gen.capitalize()} rajapinta {i + 1}",
                         f"{en.capitalize()} API {i + 1}")
            if maybe(0.3):
                e.add("owner", pick(internal))
            style = rng.choice(["rest", "rest", "rest", "soap", "odata"])
            e.add("style", style)
            e.add("openness", openness[iid])
            e.add("documentation", f"https://kehittajat.esimerkkila.fi/{slug(nom)}/{i + 1}")
            if style == "rest":
                e.add("spec-url", f"https://api.esimerkkila.fi/{slug(nom)}/{i + 1}/openapi.json")
            e.add("standards", STANDARDS[style])
            if openness[iid] == "open":  # EA315: the open API criteria
                e.add("self-service", True)
                e.add("test-environment", True)
                e.add("fee", False)
                e.lines += ["    lifecycle:", "      phase: in-production",
                            f"      start: {rng.randrange(2015, 2025)}-01-01"]
        for i, iid in enumerate(integrations):
            source = pick(systems)
            target = pick(systems)
            if target == source:
                target = systems[(systems.index(source) + 1) % len(systems)]
            a, b = self.topic(systems.index(source), "information-system"), \
                self.topic(systems.index(target), "information-system")
            e = self.new("integration", iid, f"{a[0].capitalize()} – {b[0]} ({i + 1})",
                         f"{a[2].capitalize()} to {b[2]} ({i + 1})")
            if maybe(0.2):
                e.add("owner", pick(internal))
            e.add("source", source)
            e.add("target", target)
            group = pick(groups)
            e.add("data", [group])
            method = rng.choice(["api", "api", "message", "file", "database"])
            e.add("method", method)
            if method in ("api", "message"):
                e.add("via", bus)  # EA322: through the integration platform
            if group.startswith("tr-henkilotiedot"):
                e.add("personal-data", True)
                e.add("legal-basis", rng.choice(LEGAL_BASES))  # EA319
            e.add("frequency", rng.choice(["reaaliaikainen", "päivittäin", "viikoittain"]))

        # -- technology --------------------------------------------------------------------
        for i, pid in enumerate(platforms):
            ptype = PLATFORM_TYPES[i % len(PLATFORM_TYPES)]
            e = self.new("platform", pid, f"Palvelin {AREAS[i % len(AREAS)]} {i + 1}",
                         f"Server {i + 1}")
            e.add("owner", units[len(DIVISIONS)] if i % 2 else pick(internal))
            e.add("platform-type", ptype)
            if ptype == "cloud":
                e.add("provider", rng.choice(externals[4:]))
            elif i >= 5 and maybe(0.3):
                e.add("runs-on", [platforms[i - i % 5]])
            if ptype != "cloud":
                e.add("location", pick(locations))
            if maybe(0.2):
                e.add("networks", [pick(networks)])
        for i, tid in enumerate(tech):
            name, category, national = TECH_SERVICES[i % len(TECH_SERVICES)]
            e = self.new("technology-service", tid, f"{name} {i // len(TECH_SERVICES) + 1}"
                         if i >= len(TECH_SERVICES) else name)
            e.add("owner", units[len(DIVISIONS)])  # the ICT unit
            e.add("category", category)
            if tid in (identification, messaging, bus):
                e.add("designated", True)  # EA403: exactly one of each
            if national:
                e.add("national", True)
                e.add("provider", externals[0])
            elif maybe(0.5):
                e.add("runs-on", [pick(platforms)])
        for i, nid in enumerate(networks):
            e = self.new("network", nid, f"Verkko {AREAS[i % len(AREAS)]} {i + 1}")
            e.add("owner", units[len(DIVISIONS)])
            e.add("location", pick(locations))
        for i, lid in enumerate(locations):
            e = self.new("location", lid, f"Konesali {AREAS[i % len(AREAS)]}")
            e.add("address", f"Teollisuuskatu {i + 1}, Esimerkkilä")

        # -- across the viewpoints ---------------------------------------------------------
        for i, (code, fi, en, rules) in enumerate(PRINCIPLES):
            e = self.new("principle", f"pr-{code.lower()}-{slug(fi)}", fi, en)
            e.add("owner", units[1])
            e.add("code", code)
            e.add("statement", f"{fi}.")
            e.add("rationale", "Periaate tukee kaupunkistrategian tavoitteita.")
            e.add("implications", "Periaatetta noudatetaan kaikissa hankinnoissa ja hankkeissa.")
            e.add("rules", rules)
            self.relations.append(("influences", e.id, pick(systems)))
        for i, hid in enumerate(projects):
            gen = self.topic(i, "development-project")[1]
            e = self.new("development-project", hid, f"{gen.capitalize()} uudistus")
            e.add("owner", pick(internal))
            e.add("adds", adds[i])
            if maybe(0.5) or not adds[i]:
                e.add("replaces", [pick(in_use)])
            e.add("impact-assessment", assessments[i])  # EA506
            investment = rng.randrange(1, 50) * 10000
            annual = rng.randrange(1, 20) * 1000
            e.lines += ["    costs:", f"      investment: {investment}", f"      annual: {annual}"]
            e.add("expected-annual-benefit", annual + rng.randrange(1, 30) * 2000)
        for i, aid in enumerate(assessments):
            e = self.new("impact-assessment", aid, f"Muutosvaikutusten arviointi {i + 1}",
                         f"Impact assessment {i + 1}")
            e.add("assessed-on", f"2025-{1 + i % 12:02d}-15")
            e.add("assessed-by", "Tiedonhallintaryhmä")
            e.add("security", "Arvioitu; ei olennaisia muutoksia.")
            e.add("interoperability", "Rajapinnat säilyvät.")
        for _ in range(max(1, len(services) // 50)):
            self.relations.append(("associated-with", pick(services), pick(services)))

    # -- files --------------------------------------------------------------------------
    def files(self, chunk: int) -> dict[str, str]:
        by_folder: dict[str, list[_Element]] = {}
        for element in self.elements:
            by_folder.setdefault(FOLDERS[element.kind], []).append(element)
        out: dict[str, str] = {}
        metadata = (
            "metadata:\n  organisation: Esimerkkilän kaupunki\n  business-id: 0123456-7\n"
            f"  approved-by: Kaupunginhallitus\n  approved-on: {ANCHOR_YEAR - 1}-05-13\n"
            f"  last-reviewed: {ANCHOR_YEAR}-09-01\n  version: '1.0'\n"
        )
        for folder, elements in by_folder.items():
            parts = max(1, math.ceil(len(elements) / chunk))
            size = math.ceil(len(elements) / parts)
            for part in range(parts):
                body = "".join(e.text() for e in elements[part * size:(part + 1) * size])
                name = f"{folder}/{folder}-{part + 1:03d}.yaml"
                head = f"{HEADER}apiVersion: {API_VERSION}\n"
                if folder == "periaatteet" and part == 0:
                    head += metadata
                text = f"{head}elements:\n{body}"
                if folder == "periaatteet" and part == 0 and self.relations:
                    text += "relations:\n" + "".join(
                        f"  - type: {t}\n    source: {s}\n    target: {g}\n"
                        for t, s, g in self.relations
                    )
                out[name] = text
        return out


def municipality(elements: int, seed: int = 0, files: int | None = None) -> dict[str, str]:
    """{relative file name: YAML text} of a valid municipality model of about `elements`
    elements, split by viewpoint into files of about 500 elements (or into about `files`
    files). Deterministic for a seed."""
    generator = _Generator(max(40, elements), seed)
    generator.build()
    chunk = DEFAULT_CHUNK if not files else max(1, math.ceil(len(generator.elements) / files))
    return generator.files(chunk)


def write(files: dict[str, str], directory: Path) -> None:
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (2, 3) or not args[0].isdigit():
        print("usage: python -m eaframework.synthetic ELEMENTS OUTDIR [SEED]", file=sys.stderr)
        return 2
    files = municipality(int(args[0]), seed=int(args[2]) if len(args) == 3 else 0)
    write(files, Path(args[1]))
    total = sum(len(t.encode()) for t in files.values())
    print(f"wrote {len(files)} files, {total / 1e6:.1f} MB to {args[1]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
