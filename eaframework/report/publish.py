"""The descriptions the Information Management Act (TiHL 906/2019) asks every authority to
keep, generated from the model, in Finnish:

- `asiakirjajulkisuuskuvaus(model)`: the document publicity description (§ 28): the case
  register and the systems holding service data, who decides on information requests and
  how to reach them, datasets by data group, search keys, open interfaces;
- `tiedonhallintamalli(model)`: a summary of the information management model (§ 5):
  processes, information resources and their links, systems with interfaces and transfer
  methods, retention and archiving, responsibilities (§ 4).

Each returns a `document.Document`; `document.markdown()` and `document.html()` write it.
Pure: no files, no lint run.

What is published: elements whose publicity is `secret` are left out entirely, together
with every mention of them, and fields that are secret by nature (security measures,
contracts, costs, platforms) are never read. The document says how many elements were
left out. Where the model lacks what the law needs, the document says "Puuttuu: ..." and
names the `ea lint` rule reporting the same gap (table GAPS), so fixing the finding fixes
the document.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..model import (
    Archiving,
    Dataset,
    ElementBase,
    InformationResource,
    InformationSystem,
    Integration,
    Interface,
    Medium,
    Model,
    OrganisationUnit,
    Phase,
    Process,
    Publicity,
    State,
)
from .document import (
    Bullets,
    Document,
    Heading,
    Link,
    Missing,
    Para,
    Table,
    missing_notes,
    parts,
)
from .texts import translate

# gap -> (what the document says, the `ea lint` rule reporting it, or None if no rule does)
GAPS: dict[str, tuple[str, str | None]] = {
    "system-search-keys": ("Puuttuu: hakutekijät", "EA312 case-register-description"),
    "system-contact": ("Puuttuu: tietopyyntöjen yhteystieto", "EA312 case-register-description"),
    "dataset-search-keys": ("Puuttuu: hakutekijät", "EA210 dataset-search-keys"),
    "system-owner": ("Puuttuu: omistaja", "EA301 system-has-owner"),
    "process-owner": ("Puuttuu: omistaja", "EA106 process-has-owner"),
    "process-uses": ("Puuttuu: käytetyt järjestelmät ja tietovarannot",
                     "EA502 process-uses-information"),
    "resource-owner": ("Puuttuu: omistaja", "EA203 resource-has-owner"),
    "resource-data-groups": ("Puuttuu: tietoryhmät", "EA206 resource-lists-data-groups"),
    "resource-system": ("Puuttuu: tietojärjestelmä", "EA503 resource-held-in-system"),
    "resource-retention": ("Puuttuu: säilytysaika", "EA205 resource-retention"),
    "resource-archiving": ("Puuttuu: arkistointi", "EA205 resource-retention"),
    "integration-method": ("Puuttuu: siirtotapa", "EA316 integration-has-method"),
    "case-register": ("Puuttuu: asiarekisteri (yhtään järjestelmää ei ole merkitty "
                      "case-register: true)", None),
    "authority-contact": ("Puuttuu: viranomaisen yhteystieto", None),
}

LAW = "Laki julkisen hallinnon tiedonhallinnasta (906/2019)"
SECURITY_NOTE = (
    "Tietoturvallisuutta koskevia tietoja (tietoturvatoimenpiteet, alustat ja sopimukset) "
    "ei julkaista; ne ovat salassa pidettäviä (julkisuuslaki 621/1999, 24 § 1 mom. 7 k.)."
)


def gap(key: str, element: ElementBase | None = None) -> Missing:
    what, rule = GAPS[key]
    return Missing(what, rule, element.id if element is not None else None)


def _t(key: str) -> str:
    return translate("fi", key)


# -- what may be published -----------------------------------------------------------------
class _Scope:
    """The published part of the model, with the helpers both documents use."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.left_out: dict[str, int] = defaultdict(int)
        for element in model:
            if not self.visible(element) and _live(element):
                self.left_out[element.kind] += 1

    def visible(self, element: ElementBase | None) -> bool:
        """Secret datasets and resources are left out. A system is always listed: §28 asks
        for the systems themselves; `publicity: secret` on one marks the data it holds."""
        if element is None:
            return False
        if element.kind == "information-system":
            return True
        return getattr(element, "publicity", None) is not Publicity.SECRET

    def of_kind(self, kind: type) -> list:
        return [e for e in self.model.of_kind(kind) if self.visible(e) and _live(e)]

    def targets(self, element, relation: str, kind=None) -> list:
        return [e for e in self.model.targets(element, relation, kind) if self.visible(e)]

    def sources(self, element, relation: str, kind=None) -> list:
        return [e for e in self.model.sources(element, relation, kind) if self.visible(e)]

    def owner(self, element) -> OrganisationUnit | None:
        return self.model.owner_of(element)

    def internal(self, element) -> bool:
        owner = self.owner(element)
        return owner is None or not getattr(owner, "external", False)

    def datasets_of(self, system: InformationSystem) -> list:
        """Datasets the system stores directly or through the resources it stores, and the
        stored resources that have no datasets of their own."""
        found: list = []
        for held in self.targets(system, "stores"):
            if isinstance(held, Dataset):
                found.append(held)
            else:
                parts_ = self.sources(held, "part-of", Dataset)
                found.extend(parts_ if parts_ else [held])
        unique = {e.id: e for e in found if _live(e)}
        return sorted(unique.values(), key=_name_key)

    def omitted_note(self) -> Para | None:
        if not self.left_out:
            return None
        counts = ", ".join(f"{_t('kind.' + kind).lower()} {n}"
                           for kind, n in sorted(self.left_out.items()))
        return Para([
            "Kuvauksesta on jätetty pois salassa pidettäviksi merkityt kohteet ja kaikki "
            f"viittaukset niihin ({counts})."
        ], note=True)


def _live(element) -> bool:
    return element.lifecycle is None or element.lifecycle.phase is not Phase.RETIRED


def _planned(element) -> bool:
    if element.lifecycle is not None:
        return element.lifecycle.phase is Phase.PLANNED
    return element.state is State.TO_BE


def _name_key(element) -> tuple:
    return (element.name.fi.casefold(), element.id)


def _names(elements) -> list:
    return parts(*[e.name.fi for e in sorted(elements, key=_name_key)])


def _value(value) -> str:
    return _t(f"value.{value.value}") if value is not None else ""


def _header(model: Model, document: Document, today: dt.date, section: str) -> None:
    meta = model.metadata
    organisation = meta.organisation if meta else ""
    line = [f"{organisation}. " if organisation else "", f"{LAW}, {section}. ",
            f"Laadittu {_date(today)} kokonaisarkkitehtuurimallista"]
    if meta and meta.version:
        line.append(f" (versio {meta.version})")
    line.append(".")
    document.add(Para(["".join(line)]))


def _date(value: dt.date | None) -> str:
    return f"{value.day}.{value.month}.{value.year}" if value else ""


# -- § 28 asiakirjajulkisuuskuvaus -------------------------------------------------------------
def register_systems(model: Model) -> list[InformationSystem]:
    """The systems § 28 covers: the organisation's own live systems holding a case register
    or service data (as rule EA312 selects them), except secret ones."""
    scope = _Scope(model)
    return sorted(
        (s for s in scope.of_kind(InformationSystem)
         if (s.case_register or s.service_data) and scope.internal(s)),
        key=_name_key,
    )


def asiakirjajulkisuuskuvaus(model: Model, today: dt.date | None = None) -> Document:
    """The document publicity description (TiHL § 28) of `model`, in Finnish."""
    today = today or dt.date.today()
    scope = _Scope(model)
    document = Document("Asiakirjajulkisuuskuvaus")
    _header(model, document, today, "28 §")
    document.add(Para([
        "Kuvaus kertoo, mistä viranomaisen asiakirjoja ja tietoja voi pyytää: asiarekisteri, "
        "tietojärjestelmät ja niiden julkiset tietoaineistot, hakutekijät, joilla tietoja "
        "voidaan hakea, ja tietojen saatavuus avoimen rajapinnan kautta."
    ]))
    systems = register_systems(model)

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
            [[[s.name.fi], _owner_cell(scope, s), _contact_cell(s), _keys_cell(s)]
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
            ["Vastuuyksikkö (päättää tietopyynnöistä): ", *_owner_cell(scope, system)],
            ["Tietopyynnöt: ", *_contact_cell(system)],
            ["Hakutekijät: ", *_keys_cell(system)],
            [f"Julkisuus: {_value(system.publicity) or '–'}"],
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
    for system in sorted(scope.of_kind(InformationSystem), key=_name_key):
        if not scope.internal(system) or _planned(system):
            continue
        for api in _open_interfaces(scope, system):
            doc = api.documentation or api.spec_url
            rows.append([
                [api.name.fi], [system.name.fi], [_value(api.style)],
                [Link(doc, doc)] if doc else ["–"],
                [", ".join(api.standards)] if api.standards else ["–"],
            ])
    if rows:
        document.add(Table(["Rajapinta", "Tietojärjestelmä", "Tyyppi", "Kuvaus", "Standardit"],
                           rows))
    else:
        document.add(Para(["Tietoja ei ole saatavilla avoimen rajapinnan kautta."]))

    # 5. scope and gaps
    _closing(document, scope)
    return document


def _owner_cell(scope: _Scope, element) -> list:
    owner = scope.owner(element)
    return [owner.name.fi] if owner is not None else [gap("system-owner", element)]


def _contact_cell(system: InformationSystem) -> list:
    if system.disclosure_contact:
        return [system.disclosure_contact]
    return [gap("system-contact", system)]


def _keys_cell(system: InformationSystem) -> list:
    if system.search_keys:
        return [", ".join(system.search_keys)]
    return [gap("system-search-keys", system)]


def _open_interfaces(scope: _Scope, system) -> list[Interface]:
    return sorted(
        (api for api in scope.targets(system, "exposes", Interface)
         if api.openness is not None and api.openness.value == "open" and _live(api)),
        key=_name_key,
    )


def _open_interfaces_cell(scope: _Scope, system) -> list:
    apis = _open_interfaces(scope, system)
    if not apis:
        return ["ei avointa rajapintaa"]
    return parts(*[api.name.fi for api in apis])


def _dataset_rows(scope: _Scope, system: InformationSystem) -> list:
    """(dataset, its data groups, search keys, publicity, retention) rows."""
    rows = []
    for item in scope.datasets_of(system):
        groups = scope.targets(item, "holds")
        if not groups and isinstance(item, Dataset):
            groups = [g for r in scope.targets(item, "part-of") for g in scope.targets(r, "holds")]
        rows.append([
            [item.name.fi], _names(groups) or ["–"], _dataset_keys(system, item),
            [_value(getattr(item, "publicity", None)) or "–"],
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


def _closing(document: Document, scope: _Scope, security_note: bool = True) -> None:
    document.add(Heading(2, "Rajaukset ja puutteet", "rajaukset"))
    note = scope.omitted_note()
    if note is not None:
        document.add(note)
    if security_note:
        document.add(Para([SECURITY_NOTE], note=True))

    gaps = missing_notes(document)
    if gaps:
        rules = sorted({g.rule for g in gaps if g.rule})
        document.add(Para([
            f"Kuvauksessa on {len(gaps)} puutetta, koska mallista puuttuu lain edellyttämiä "
            "tietoja. Samat puutteet näkyvät ea lint -tarkistuksen havaintoina: "
            + (", ".join(rules) if rules else "–") + "."
        ], note=True))
    else:
        document.add(Para(["Kuvauksessa ei ole puutteita."], note=True))


# -- § 5 tiedonhallintamalli ------------------------------------------------------------------
def tiedonhallintamalli(model: Model, today: dt.date | None = None) -> Document:
    """A summary of the information management model (TiHL § 5) of `model`, in Finnish."""
    today = today or dt.date.today()
    scope = _Scope(model)
    document = Document("Tiedonhallintamalli (yhteenveto)")
    _header(model, document, today, "5 §")
    meta = model.metadata
    approved = []
    if meta and (meta.approved_by or meta.approved_on):
        approved.append(f"Hyväksytty: {meta.approved_by or ''} {_date(meta.approved_on)}".strip())
    if meta and meta.last_reviewed:
        approved.append(f"Viimeksi katselmoitu: {_date(meta.last_reviewed)}")
    if meta and meta.contact:
        approved.append(f"Yhteystieto: {meta.contact}")
    if approved:
        document.add(Para([". ".join(approved) + "."]))

    _responsibilities(document, scope)
    _processes(document, scope)
    _resources(document, scope)
    _systems(document, scope)
    _flows(document, scope)
    _retention(document, scope)
    _closing(document, scope, security_note=False)  # section 7 says it
    return document


def _responsibilities(document: Document, scope: _Scope) -> None:
    document.add(Heading(2, "1. Vastuut", "vastuut"))
    document.add(Para([
        "Tiedonhallinnan vastuut (TiHL 4 §): kunkin prosessin, tietovarannon ja "
        "tietojärjestelmän omistajayksikkö."
    ]))
    owned: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    units: dict[str, OrganisationUnit] = {}
    for kind in (Process, InformationResource, InformationSystem):
        for element in scope.of_kind(kind):
            owner = scope.owner(element)
            if owner is None or getattr(owner, "external", False):
                continue
            units[owner.id] = owner
            owned[owner.id][kind.__name__].append(element)
    rows = []
    for unit in sorted(units.values(), key=_name_key):
        rows.append([
            [unit.name.fi],
            _names(owned[unit.id]["Process"]) or ["–"],
            _names(owned[unit.id]["InformationResource"]) or ["–"],
            _names(owned[unit.id]["InformationSystem"]) or ["–"],
        ])
    document.add(Table(["Yksikkö", "Prosessit", "Tietovarannot", "Tietojärjestelmät"], rows))


def _processes(document: Document, scope: _Scope) -> None:
    document.add(Heading(2, "2. Toimintaprosessit", "prosessit"))
    rows = []
    for process in sorted(scope.of_kind(Process), key=_name_key):
        owner = scope.owner(process)
        systems = _process_uses(scope, process, InformationSystem)
        resources = _process_uses(scope, process, (InformationResource, Dataset))
        task = scope.targets(process, "classified-as")
        if process.manual:
            uses = ["manuaalinen prosessi"]
        elif not _uses_information(scope.model, process):
            uses = [gap("process-uses", process)]
        else:
            uses = _names(systems) or ["–"]
        rows.append([
            [process.name.fi],
            [owner.name.fi] if owner else [gap("process-owner", process)],
            [" ".join(filter(None, [task[0].code, task[0].name.fi]))] if task else ["–"],
            uses,
            _names(resources) or ["–"],
        ])
    document.add(Table(
        ["Prosessi", "Omistaja", "Tehtäväluokka", "Tietojärjestelmät", "Tietovarannot"], rows))


def _process_uses(scope: _Scope, process: Process, kinds) -> list:
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    found = {e.id: e for e in scope.targets(process, "uses") if isinstance(e, kinds)}
    if InformationSystem in kinds:
        found.update({s.id: s for s in scope.sources(process, "supports", InformationSystem)})
    return list(found.values())


def _uses_information(model: Model, process: Process) -> bool:
    """Whether the process or a part of it uses a system or resource (as EA502 checks)."""
    seen: set[str] = set()
    todo = [process]
    while todo:
        current = todo.pop()
        if current.id in seen:
            continue
        seen.add(current.id)
        if any(model.targets(current, "uses", kind)
               for kind in (InformationSystem, InformationResource, Dataset)):
            return True
        if model.sources(current, "supports", InformationSystem):
            return True
        todo.extend(model.sources(current, "part-of", Process))
    return False


def _resources(document: Document, scope: _Scope) -> None:
    document.add(Heading(2, "3. Tietovarannot ja niiden yhteydet", "tietovarannot"))
    rows = []
    for resource in sorted(scope.of_kind(InformationResource), key=_name_key):
        owner = scope.owner(resource)
        groups = scope.targets(resource, "holds")
        holders = [resource, *scope.model.sources(resource, "part-of", Dataset)]
        all_systems = [s for h in holders
                       for s in scope.model.sources(h, "stores", InformationSystem) if _live(s)]
        shown = {s.id: s for s in all_systems if scope.visible(s)}
        if shown:
            systems = _names(shown.values())
        elif all_systems:
            systems = ["salassa pidettävä järjestelmä"]
        elif resource.medium is Medium.PAPER:
            systems = ["paperiarkisto"]
        else:
            systems = [gap("resource-system", resource)]
        datasets = scope.sources(resource, "part-of", Dataset)
        rows.append([
            [resource.name.fi],
            [owner.name.fi] if owner else [gap("resource-owner", resource)],
            [resource.purpose] if resource.purpose else ["–"],
            _names(groups) or [gap("resource-data-groups", resource)],
            systems,
            _names(datasets) or ["–"],
        ])
    document.add(Table(
        ["Tietovaranto", "Omistaja", "Käyttötarkoitus", "Tietoryhmät", "Tietojärjestelmät",
         "Tietoaineistot"], rows))


def _systems(document: Document, scope: _Scope) -> None:
    document.add(Heading(2, "4. Tietojärjestelmät ja rajapinnat", "jarjestelmat"))
    rows = []
    for system in sorted(scope.of_kind(InformationSystem), key=_name_key):
        if not scope.internal(system):
            continue
        apis = [a for a in scope.targets(system, "exposes", Interface) if _live(a)]
        api_text = parts(*[
            f"{a.name.fi} ({', '.join(filter(None, [_value(a.style), _value(a.openness)]))})"
            for a in sorted(apis, key=_name_key)
        ])
        phase = system.lifecycle.phase if system.lifecycle else None
        rows.append([
            [system.name.fi],
            _owner_cell(scope, system),
            [_value(phase) if phase else ("tavoitetila" if _planned(system) else "käytössä")],
            _names(scope.targets(system, "stores")) or ["–"],
            api_text or ["ei rajapintoja"],
        ])
    document.add(Table(
        ["Tietojärjestelmä", "Omistaja", "Elinkaari", "Tallentaa", "Rajapinnat"], rows))


def _flows(document: Document, scope: _Scope) -> None:
    document.add(Heading(2, "5. Tietovirrat ja siirtotavat", "tietovirrat"))
    document.add(Para([
        "Tietojärjestelmien väliset liittymät ja siirtotapa. Viranomaisten välinen "
        "säännönmukainen tietojen luovutus tehdään teknisen rajapinnan kautta (TiHL 22 §)."
    ]))
    rows = []
    for flow in sorted(scope.of_kind(Integration), key=_name_key):
        source = scope.model.get(flow.source)
        target = scope.model.get(flow.target)
        if not scope.visible(source) or not scope.visible(target):
            scope.left_out["integration"] += 1  # a flow names its systems: a secret end
            continue                            # hides the whole flow
        data = scope.targets(flow, "carries")
        through = scope.targets(flow, "through")
        method = _value(flow.method) if flow.method else None
        rows.append([
            [flow.name.fi],
            [f"{source.name.fi} → {target.name.fi}"],
            _names(data) or ["–"],
            [method] if method else [gap("integration-method", flow)],
            [through[0].name.fi] if through else ["–"],
        ])
    document.add(Table(
        ["Liittymä", "Lähde → kohde", "Tiedot", "Siirtotapa", "Rajapinta"], rows))


def _retention(document: Document, scope: _Scope) -> None:
    document.add(Heading(2, "6. Säilytys ja arkistointi", "sailytys"))
    rows = []
    for resource in sorted(scope.of_kind(InformationResource), key=_name_key):
        datasets = scope.sources(resource, "part-of", Dataset)
        every = scope.model.sources(resource, "part-of", Dataset)
        retention = resource.retention
        archiving = resource.archiving
        # As EA205: a resource without its own value is covered when every dataset has one.
        if retention is None and every and all(d.retention for d in every):
            retention = "tietoaineistoittain"
        if archiving is None and every and all(d.archiving for d in every):
            archiving = "tietoaineistoittain"
        rows.append([
            [resource.name.fi],
            [retention] if retention else [gap("resource-retention", resource)],
            [_archiving(archiving)] if archiving else [gap("resource-archiving", resource)],
        ])
        for dataset in sorted(datasets, key=_name_key):
            rows.append([
                [f"– {dataset.name.fi}"],
                [dataset.retention or "–"],
                [_archiving(dataset.archiving) if dataset.archiving else "–"],
            ])
    document.add(Table(["Tietovaranto / tietoaineisto", "Säilytysaika", "Arkistointi"], rows))
    document.add(Heading(2, "7. Tietoturvallisuus", "tietoturva"))
    document.add(Para([SECURITY_NOTE]))


def _archiving(value) -> str:
    return _value(value) if isinstance(value, Archiving) else str(value)
