"""The element kinds in words, one table per language.

Words are in lower case as they read inside a sentence; `capital()` makes a heading.
Finnish counts take the partitive singular ("2 tietojärjestelmää"); Swedish and English
count with the plural, so their tables have two forms.
"""

from __future__ import annotations

# kind -> (singular, plural, partitive singular)
FI: dict[str, tuple[str, str, str]] = {
    "organisation-unit": ("organisaatioyksikkö", "organisaatioyksiköt", "organisaatioyksikköä"),
    "role": ("rooli", "roolit", "roolia"),
    "person": ("henkilö", "henkilöt", "henkilöä"),
    "stakeholder": ("sidosryhmä", "sidosryhmät", "sidosryhmää"),
    "service": ("palvelu", "palvelut", "palvelua"),
    "channel": ("asiointikanava", "asiointikanavat", "asiointikanavaa"),
    "process": ("prosessi", "prosessit", "prosessia"),
    "task-class": ("tehtäväluokka", "tehtäväluokat", "tehtäväluokkaa"),
    "information-resource": ("tietovaranto", "tietovarannot", "tietovarantoa"),
    "data-group": ("tietoryhmä", "tietoryhmät", "tietoryhmää"),
    "dataset": ("tietoaineisto", "tietoaineistot", "tietoaineistoa"),
    "information-system": ("tietojärjestelmä", "tietojärjestelmät", "tietojärjestelmää"),
    "interface": ("rajapinta", "rajapinnat", "rajapintaa"),
    "integration": ("liittymä", "liittymät", "liittymää"),
    "platform": ("alusta", "alustat", "alustaa"),
    "technology-service": ("teknologiapalvelu", "teknologiapalvelut", "teknologiapalvelua"),
    "network": ("verkko", "verkot", "verkkoa"),
    "location": ("sijainti", "sijainnit", "sijaintia"),
    "principle": ("arkkitehtuuriperiaate", "arkkitehtuuriperiaatteet",
                  "arkkitehtuuriperiaatetta"),
    "development-project": ("kehittämishanke", "kehittämishankkeet", "kehittämishanketta"),
    "impact-assessment": ("muutosvaikutusten arviointi", "muutosvaikutusten arvioinnit",
                          "muutosvaikutusten arviointia"),
    "archimate-element": ("ArchiMate-elementti", "ArchiMate-elementit", "ArchiMate-elementtiä"),
}

# kind -> (singular, plural)
SV: dict[str, tuple[str, str]] = {
    "organisation-unit": ("organisationsenhet", "organisationsenheter"),
    "role": ("roll", "roller"),
    "person": ("person", "personer"),
    "stakeholder": ("intressent", "intressenter"),
    "service": ("tjänst", "tjänster"),
    "channel": ("servicekanal", "servicekanaler"),
    "process": ("process", "processer"),
    "task-class": ("uppgiftsklass", "uppgiftsklasser"),
    "information-resource": ("informationsresurs", "informationsresurser"),
    "data-group": ("datagrupp", "datagrupper"),
    "dataset": ("datamaterial", "datamaterial"),
    "information-system": ("informationssystem", "informationssystem"),
    "interface": ("gränssnitt", "gränssnitt"),
    "integration": ("integration", "integrationer"),
    "platform": ("plattform", "plattformar"),
    "technology-service": ("teknologitjänst", "teknologitjänster"),
    "network": ("nätverk", "nätverk"),
    "location": ("plats", "platser"),
    "principle": ("arkitekturprincip", "arkitekturprinciper"),
    "development-project": ("utvecklingsprojekt", "utvecklingsprojekt"),
    "impact-assessment": ("konsekvensbedömning", "konsekvensbedömningar"),
    "archimate-element": ("ArchiMate-element", "ArchiMate-element"),
}

EN: dict[str, tuple[str, str]] = {
    "organisation-unit": ("organisation unit", "organisation units"),
    "role": ("role", "roles"),
    "person": ("person", "people"),
    "stakeholder": ("stakeholder", "stakeholders"),
    "service": ("service", "services"),
    "channel": ("channel", "channels"),
    "process": ("process", "processes"),
    "task-class": ("task class", "task classes"),
    "information-resource": ("information resource", "information resources"),
    "data-group": ("data group", "data groups"),
    "dataset": ("dataset", "datasets"),
    "information-system": ("information system", "information systems"),
    "interface": ("interface", "interfaces"),
    "integration": ("integration", "integrations"),
    "platform": ("platform", "platforms"),
    "technology-service": ("technology service", "technology services"),
    "network": ("network", "networks"),
    "location": ("location", "locations"),
    "principle": ("principle", "principles"),
    "development-project": ("development project", "development projects"),
    "impact-assessment": ("impact assessment", "impact assessments"),
    "archimate-element": ("ArchiMate element", "ArchiMate elements"),
}

KINDS: dict[str, dict[str, tuple[str, ...]]] = {"fi": FI, "sv": SV, "en": EN}
