"""A summary of the information management model (tiedonhallintamalli, TiHL § 5) of the
model, in Finnish: responsibilities (§ 4), processes and what they use, information
resources and their links, systems with interfaces, transfer methods between systems, and
retention and archiving.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ...model import (
    Archiving,
    Dataset,
    InformationResource,
    InformationSystem,
    Integration,
    Interface,
    Medium,
    Model,
    OrganisationUnit,
    Process,
)
from ..document import Document, Heading, Para, Table, parts
from .scope import (
    SECURITY_NOTE,
    Scope,
    closing,
    date,
    gap,
    header,
    name_key,
    names,
    owner_cell,
    value,
)


def tiedonhallintamalli(model: Model, today: dt.date | None = None) -> Document:
    """A summary of the information management model (TiHL § 5) of `model`, in Finnish."""
    today = today or dt.date.today()
    scope = Scope(model)
    document = Document("Tiedonhallintamalli (yhteenveto)")
    header(model, document, today, "5 §")
    meta = model.metadata
    approved = []
    if meta and (meta.approved_by or meta.approved_on):
        approved.append(f"Hyväksytty: {meta.approved_by or ''} {date(meta.approved_on)}".strip())
    if meta and meta.last_reviewed:
        approved.append(f"Viimeksi katselmoitu: {date(meta.last_reviewed)}")
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
    closing(document, scope, security_note=False)  # section 7 says it
    return document


def _responsibilities(document: Document, scope: Scope) -> None:
    document.add(Heading(2, "1. Vastuut", "vastuut"))
    document.add(Para([
        "Tiedonhallinnan vastuut (TiHL 4 §): kunkin prosessin, tietovarannon ja "
        "tietojärjestelmän omistajayksikkö."
    ]))
    owned: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    units: dict[str, OrganisationUnit] = {}
    for kind in (Process, InformationResource, InformationSystem):
        for element in scope.of_kind(kind):
            owner = scope.model.owner_of(element)
            if owner is None or scope.model.is_external(element):
                continue
            units[owner.id] = owner
            owned[owner.id][kind.__name__].append(element)
    rows = []
    for unit in sorted(units.values(), key=name_key):
        rows.append([
            [unit.name.fi],
            names(owned[unit.id]["Process"]) or ["–"],
            names(owned[unit.id]["InformationResource"]) or ["–"],
            names(owned[unit.id]["InformationSystem"]) or ["–"],
        ])
    document.add(Table(["Yksikkö", "Prosessit", "Tietovarannot", "Tietojärjestelmät"], rows))


def _processes(document: Document, scope: Scope) -> None:
    document.add(Heading(2, "2. Toimintaprosessit", "prosessit"))
    rows = []
    for process in sorted(scope.of_kind(Process), key=name_key):
        owner = scope.model.owner_of(process)
        systems = _process_uses(scope, process, InformationSystem)
        resources = _process_uses(scope, process, (InformationResource, Dataset))
        task = scope.targets(process, "classified-as")
        if process.manual:
            uses = ["manuaalinen prosessi"]
        elif not scope.model.uses_information(process):
            uses = [gap("process-uses", process)]
        else:
            uses = names(systems) or ["–"]
        rows.append([
            [process.name.fi],
            [owner.name.fi] if owner else [gap("process-owner", process)],
            [" ".join(filter(None, [task[0].code, task[0].name.fi]))] if task else ["–"],
            uses,
            names(resources) or ["–"],
        ])
    document.add(Table(
        ["Prosessi", "Omistaja", "Tehtäväluokka", "Tietojärjestelmät", "Tietovarannot"], rows))


def _process_uses(scope: Scope, process: Process, kinds) -> list:
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    found = {e.id: e for e in scope.targets(process, "uses") if isinstance(e, kinds)}
    if InformationSystem in kinds:
        found.update({s.id: s for s in scope.sources(process, "supports", InformationSystem)})
    return list(found.values())


def _resources(document: Document, scope: Scope) -> None:
    document.add(Heading(2, "3. Tietovarannot ja niiden yhteydet", "tietovarannot"))
    rows = []
    for resource in sorted(scope.of_kind(InformationResource), key=name_key):
        owner = scope.model.owner_of(resource)
        groups = scope.targets(resource, "holds")
        all_systems = [s for s in scope.model.systems_storing(resource) if s.is_live]
        shown = {s.id: s for s in all_systems if scope.visible(s)}
        if shown:
            systems = names(shown.values())
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
            names(groups) or [gap("resource-data-groups", resource)],
            systems,
            names(datasets) or ["–"],
        ])
    document.add(Table(
        ["Tietovaranto", "Omistaja", "Käyttötarkoitus", "Tietoryhmät", "Tietojärjestelmät",
         "Tietoaineistot"], rows))


def _systems(document: Document, scope: Scope) -> None:
    document.add(Heading(2, "4. Tietojärjestelmät ja rajapinnat", "jarjestelmat"))
    rows = []
    for system in sorted(scope.of_kind(InformationSystem), key=name_key):
        if not scope.model.is_internal(system):
            continue
        apis = [a for a in scope.targets(system, "exposes", Interface) if a.is_live]
        api_text = parts(*[
            f"{a.name.fi} ({', '.join(filter(None, [value(a.style), value(a.openness)]))})"
            for a in sorted(apis, key=name_key)
        ])
        phase = system.lifecycle.phase if system.lifecycle else None
        rows.append([
            [system.name.fi],
            owner_cell(scope, system),
            [value(phase) if phase else ("tavoitetila" if system.is_planned else "käytössä")],
            names(scope.targets(system, "stores")) or ["–"],
            api_text or ["ei rajapintoja"],
        ])
    document.add(Table(
        ["Tietojärjestelmä", "Omistaja", "Elinkaari", "Tallentaa", "Rajapinnat"], rows))


def _flows(document: Document, scope: Scope) -> None:
    document.add(Heading(2, "5. Tietovirrat ja siirtotavat", "tietovirrat"))
    document.add(Para([
        "Tietojärjestelmien väliset liittymät ja siirtotapa. Viranomaisten välinen "
        "säännönmukainen tietojen luovutus tehdään teknisen rajapinnan kautta (TiHL 22 §)."
    ]))
    rows = []
    for flow in sorted(scope.of_kind(Integration), key=name_key):
        source = scope.model.get(flow.source)
        target = scope.model.get(flow.target)
        if not scope.visible(source) or not scope.visible(target):
            scope.left_out["integration"] += 1  # a flow names its systems: a secret end
            continue                            # hides the whole flow
        data = scope.targets(flow, "carries")
        through = scope.targets(flow, "through")
        method = value(flow.method) if flow.method else None
        rows.append([
            [flow.name.fi],
            [f"{source.name.fi} → {target.name.fi}"],
            names(data) or ["–"],
            [method] if method else [gap("integration-method", flow)],
            [through[0].name.fi] if through else ["–"],
        ])
    document.add(Table(
        ["Liittymä", "Lähde → kohde", "Tiedot", "Siirtotapa", "Rajapinta"], rows))


def _retention(document: Document, scope: Scope) -> None:
    document.add(Heading(2, "6. Säilytys ja arkistointi", "sailytys"))
    rows = []
    for resource in sorted(scope.of_kind(InformationResource), key=name_key):
        datasets = scope.sources(resource, "part-of", Dataset)
        retention = resource.retention
        archiving = resource.archiving
        # As EA205: a resource without its own value is covered when every dataset has one.
        if retention is None and scope.model.covered_by_datasets(resource, "retention"):
            retention = "tietoaineistoittain"
        if archiving is None and scope.model.covered_by_datasets(resource, "archiving"):
            archiving = "tietoaineistoittain"
        rows.append([
            [resource.name.fi],
            [retention] if retention else [gap("resource-retention", resource)],
            [_archiving(archiving)] if archiving else [gap("resource-archiving", resource)],
        ])
        for dataset in sorted(datasets, key=name_key):
            rows.append([
                [f"– {dataset.name.fi}"],
                [dataset.retention or "–"],
                [_archiving(dataset.archiving) if dataset.archiving else "–"],
            ])
    document.add(Table(["Tietovaranto / tietoaineisto", "Säilytysaika", "Arkistointi"], rows))
    document.add(Heading(2, "7. Tietoturvallisuus", "tietoturva"))
    document.add(Para([SECURITY_NOTE]))


def _archiving(archiving) -> str:
    return value(archiving) if isinstance(archiving, Archiving) else str(archiving)
