"""The document publicity description (asiakirjajulkisuuskuvaus, TiHL § 28) of the model,
in Finnish: the authority and how to make an information request, the case register, the
systems holding service data with their datasets by data group and search keys, and what
is available through an open interface.
"""

from __future__ import annotations

import datetime as dt

from ...model import Dataset, InformationSystem, Interface, Model, OrganisationUnit
from ..data.summary import open_interfaces
from ..document import Bullets, Document, Heading, Link, Para, Table, parts
from .scope import Scope, closing, gap, header, name_key, names, owner_cell, value


def asiakirjajulkisuuskuvaus(model: Model, today: dt.date | None = None) -> Document:
    """The document publicity description (TiHL § 28) of `model`, in Finnish."""
    today = today or dt.date.today()
    scope = Scope(model)
    document = Document("Asiakirjajulkisuuskuvaus")
    header(model, document, today, "28 §")
    document.add(Para([
        "Kuvaus kertoo, mistä viranomaisen asiakirjoja ja tietoja voi pyytää: asiarekisteri, "
        "tietojärjestelmät ja niiden julkiset tietoaineistot, hakutekijät, joilla tietoja "
        "voidaan hakea, ja tietojen saatavuus avoimen rajapinnan kautta."
    ]))
    systems = _register_systems(scope)

    # 1. the authority
    document.add(Heading(2, "1. Viranomainen ja tietopyynnöt", "viranomainen"))
    roots = [u for u in model.of_kind(OrganisationUnit)
             if not u.external and not model.targets(u, "part-of")]
    meta = model.metadata
    authority = meta.organisation if meta else (roots[0].name.fi if roots else "")
    business_id = (meta.business_id if meta else None) or next(
        (u.business_id for u in roots if u.business_id), None)
    contact = next((u.contact for u in roots if u.contact), None)
    document.add(Bullets([
        parts(f"Viranomainen: {authority}", f"Y-tunnus {business_id}" if business_id else None),
        ["Tietopyynnöt ja kirjaamo: ", contact] if contact else
        ["Tietopyynnöt ja kirjaamo: ", gap("authority-contact")],
        ["Tietopyynnöstä päättää sen tietojärjestelmän vastuuyksikkö, jossa tieto on "
         "(ks. kohdat 2 ja 3). Päätöstä haetaan yksikön tietopyyntöjen yhteystiedosta."],
    ]))

    # 2. the case register
    document.add(Heading(2, "2. Asiarekisteri", "asiarekisteri"))
    registers = [s for s in systems if s.case_register]
    if registers:
        document.add(Table(
            ["Tietojärjestelmä", "Vastuuyksikkö", "Tietopyynnöt", "Hakutekijät"],
            [[[s.name.fi], owner_cell(scope, s), _contact_cell(s), _keys_cell(s)]
             for s in registers],
        ))
    else:
        document.add(Para([gap("case-register")]))

    # 3. systems and their datasets by data group
    document.add(Heading(2, "3. Tietojärjestelmät ja tietoaineistot", "tietojarjestelmat"))
    document.add(Para([
        "Tietojärjestelmät, joissa on asiarekisteri tai palvelujen tuottamiseen liittyviä "
        "tietoja, ja niiden tietoaineistot tietoryhmittäin."
    ]))
    if not systems:
        document.add(Para(["Mallissa ei ole tällaisia tietojärjestelmiä."]))
    for system in systems:
        document.add(Heading(3, system.name.fi, system.id))
        kind = ("asiarekisteri" if system.case_register else "palvelujen tiedot")
        document.add(Bullets([
            [f"Sisältää: {kind}"],
            ["Käyttötarkoitus: ", system.purpose or "–"],
            ["Vastuuyksikkö (päättää tietopyynnöistä): ", *owner_cell(scope, system)],
            ["Tietopyynnöt: ", *_contact_cell(system)],
            ["Hakutekijät: ", *_keys_cell(system)],
            [f"Julkisuus: {value(system.publicity) or '–'}"],
            ["Avoin rajapinta: ", *_open_interfaces_cell(scope, system)],
        ]))
        rows = _dataset_rows(scope, system)
        if rows:
            document.add(Table(
                ["Tietoaineisto", "Tietoryhmät", "Hakutekijät", "Julkisuus", "Säilytysaika"],
                rows,
            ))
        else:
            document.add(Para(["Järjestelmälle ei ole kuvattu julkisia tietoaineistoja."]))

    # 4. open interfaces
    document.add(Heading(2, "4. Tietojen saatavuus avoimen rajapinnan kautta", "rajapinnat"))
    rows = []
    for system in sorted(scope.of_kind(InformationSystem), key=name_key):
        if not model.is_internal(system) or system.is_planned:
            continue
        for api in _open_interfaces(scope, system):
            doc = api.documentation or api.spec_url
            rows.append([
                [api.name.fi], [system.name.fi], [value(api.style)],
                [Link(doc, doc)] if doc else ["–"],
                [", ".join(api.standards)] if api.standards else ["–"],
            ])
    if rows:
        document.add(Table(["Rajapinta", "Tietojärjestelmä", "Tyyppi", "Kuvaus", "Standardit"],
                           rows))
    else:
        document.add(Para(["Tietoja ei ole saatavilla avoimen rajapinnan kautta."]))

    # 5. scope and gaps
    closing(document, scope)
    return document


def _register_systems(scope: Scope) -> list[InformationSystem]:
    """The systems § 28 covers: the organisation's own live systems holding a case register
    or service data (as rule EA312 selects them)."""
    return sorted(
        (s for s in scope.of_kind(InformationSystem)
         if (s.case_register or s.service_data) and scope.model.is_internal(s)),
        key=name_key,
    )


def _contact_cell(system: InformationSystem) -> list:
    if system.disclosure_contact:
        return [system.disclosure_contact]
    return [gap("system-contact", system)]


def _keys_cell(system: InformationSystem) -> list:
    if system.search_keys:
        return [", ".join(system.search_keys)]
    return [gap("system-search-keys", system)]


def _open_interfaces(scope: Scope, system) -> list[Interface]:
    """The system's open interfaces (as the report's summary counts them) not secret."""
    return sorted(
        (api for api in open_interfaces(scope.model, system) if scope.visible(api)),
        key=name_key,
    )


def _open_interfaces_cell(scope: Scope, system) -> list:
    apis = _open_interfaces(scope, system)
    if not apis:
        return ["ei avointa rajapintaa"]
    return parts(*[api.name.fi for api in apis])


def _dataset_rows(scope: Scope, system: InformationSystem) -> list:
    """(dataset, its data groups, search keys, publicity, retention) rows."""
    rows = []
    for item in scope.datasets_of(system):
        groups = scope.targets(item, "holds")
        if not groups and isinstance(item, Dataset):
            groups = [g for r in scope.targets(item, "part-of") for g in scope.targets(r, "holds")]
        rows.append([
            [item.name.fi], names(groups) or ["–"], _dataset_keys(system, item),
            [value(getattr(item, "publicity", None)) or "–"],
            [item.retention or "–"],
        ])
    return rows


def _dataset_keys(system: InformationSystem, item) -> list:
    keys = getattr(item, "search_keys", ())
    if keys:
        return [", ".join(keys)]
    if isinstance(item, Dataset) and system.case_register:
        return [gap("dataset-search-keys", item)]  # what EA210 checks
    if system.search_keys:
        return [f"järjestelmän hakutekijät ({', '.join(system.search_keys)})"]
    return [gap("system-search-keys", system)]
