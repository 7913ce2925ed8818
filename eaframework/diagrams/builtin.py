"""The JHS 179 standard descriptions as built-in views: they need no definition file and
work on any model. Each is an ordinary `ViewDefinition`, written as the YAML of a
`views/*.yaml` file would be, so a city can copy one into `views/` and adapt it.

Ids are ASCII (they become file names and SVG ids); titles carry the Finnish letters.
"""

from __future__ import annotations

from .viewdef import DefinedView, ViewDefinition

_VIEWS: list[dict] = [
    {
        "id": "palvelukartta",
        "title": {"fi": "Palvelukartta", "en": "Service map"},
        "description": {
            "fi": "Palvelut toimialoittain ja vastuuyksiköineen sekä asiointikanavat, joiden "
                  "kautta niitä tarjotaan.",
            "en": "Services by division and responsible unit, and the channels through which "
                  "they are offered.",
        },
        "include": [{"kind": ["service", "channel"]}],
        "relations": ["delivered-through"],
        "group-by": {"service": "division", "channel": "kind"},
        "direction": "LR",
        "details": ["owner"],
        "edge-labels": False,
    },
    {
        "id": "prosessikartta",
        "title": {"fi": "Prosessikartta", "en": "Process map"},
        "description": {
            "fi": "Ydin-, ohjaus- ja tukiprosessit ja niiden osaprosessit.",
            "en": "Core, steering and support processes and their sub-processes.",
        },
        "include": [{"kind": "process"}],
        "relations": [],
        "group-by": ["category", "parent"],
        "details": ["lifecycle"],
    },
    {
        "id": "tietovarantokartta",
        "title": {"fi": "Tietovarantokartta", "en": "Information resource map"},
        "description": {
            "fi": "Tietovarannot, ydintiedot ja niiden master-tietovarannot sekä "
                  "tietojärjestelmät, joihin tietovarannot on tallennettu.",
            "en": "Information resources, core data and their master resources, and the "
                  "systems that store the resources.",
        },
        "include": [
            {"kind": "information-resource"},
            {"kind": "data-group", "where": {"core": True}},
            {"kind": "information-system", "has": "stores"},
        ],
        "relations": ["stores", "mastered-in"],
        "direction": "LR",
        "hide-unconnected": "information-system",
        "details": ["lifecycle"],
    },
    {
        "id": "tietojarjestelmakartta",
        "title": {"fi": "Tietojärjestelmäkartta", "en": "Information system map"},
        "description": {
            "fi": "Tietojärjestelmät omistavan yksikön mukaan, hankintatapa ja elinkaaren "
                  "vaihe.",
            "en": "Information systems by owning unit, with sourcing and lifecycle phase.",
        },
        "include": [{"kind": "information-system"}],
        "relations": [],
        "group-by": "owner",
        "details": ["sourcing", "lifecycle"],
    },
    {
        "id": "integraatiokaavio",
        "title": {"fi": "Integraatiokaavio", "en": "Integration diagram"},
        "description": {
            "fi": "Tietojärjestelmien väliset liittymät ja tiedonsiirtotapa; manuaaliset "
                  "siirrot katkoviivalla.",
            "en": "Integrations between information systems and their transfer method; "
                  "manual transfers dashed.",
        },
        "include": [
            {"kind": "information-system", "has": ["source-of", "target-of"]},
            {"kind": "integration"},
        ],
        "relations": [],
        "group-by": "owner",
        "direction": "LR",
        "details": ["lifecycle"],
    },
    {
        "id": "teknologiakartta",
        "title": {"fi": "Teknologiakartta", "en": "Technology map"},
        "description": {
            "fi": "Alustat ja teknologiapalvelut sekä niiden päällä toimivat "
                  "tietojärjestelmät.",
            "en": "Platforms and technology services, and the information systems running on "
                  "them.",
        },
        "include": [
            {"kind": ["platform", "technology-service"]},
            {"kind": "information-system", "has": "runs-on"},
        ],
        "relations": ["runs-on"],
        "group-by": "platform",
        "layout": "osage",
        "edge-labels": False,
        "details": ["lifecycle"],
    },
    {
        "id": "omistajuuskartta",
        "title": {"fi": "Omistajuuskartta", "en": "Ownership map"},
        "description": {
            "fi": "Kuka omistaa tietojärjestelmät, tietovarannot, prosessit ja palvelut, ja "
                  "mitkä ovat vailla omistajaa.",
            "en": "Who owns the information systems, information resources, processes and "
                  "services, and which have no owner.",
        },
        "include": [
            {"kind": ["information-system", "information-resource", "process", "service"]},
        ],
        "relations": [],
        "group-by": "owner",
    },
]

BUILTIN: dict[str, DefinedView] = {
    data["id"]: DefinedView(ViewDefinition.model_validate(data, by_alias=True, by_name=False))
    for data in _VIEWS
}
