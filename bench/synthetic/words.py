"""The words a synthetic municipality is made of: areas of work, names, shares of each
kind, and how ids are made of words."""

from __future__ import annotations

import re

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

_ASCII = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a", " ": "-",
                        ".": "-", "/": "-"})


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "", text.lower().translate(_ASCII)).strip("-")


