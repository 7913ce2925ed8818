"""What both statutory descriptions share: the part of the model that may be published
(`Scope`), the table of gaps (`GAPS`: what the document says where the model lacks what
the law needs, and the `ea lint` rule reporting the same gap), the header line, the
closing section on scope and gaps, and small Finnish wording helpers.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ...model import Dataset, ElementBase, InformationSystem, Model, Publicity
from ..document import Document, Heading, Missing, Para, missing_notes, parts
from ..texts import translate

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


def t(key: str) -> str:
    return translate("fi", key)


# -- what may be published -----------------------------------------------------------------
class Scope:
    """The published part of the model, with the helpers both documents use."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.left_out: dict[str, int] = defaultdict(int)
        for element in model:
            if not self.visible(element) and element.is_live:
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
        return [e for e in self.model.of_kind(kind) if self.visible(e) and e.is_live]

    def targets(self, element, relation: str, kind=None) -> list:
        return [e for e in self.model.targets(element, relation, kind) if self.visible(e)]

    def sources(self, element, relation: str, kind=None) -> list:
        return [e for e in self.model.sources(element, relation, kind) if self.visible(e)]

    def datasets_of(self, system: InformationSystem) -> list:
        """Datasets the system stores directly or through the resources it stores, and the
        stored resources that have no datasets of their own."""
        found: list = []
        for held in self.targets(system, "stores"):
            if isinstance(held, Dataset):
                found.append(held)
            else:
                datasets = self.sources(held, "part-of", Dataset)
                found.extend(datasets if datasets else [held])
        unique = {e.id: e for e in found if e.is_live}
        return sorted(unique.values(), key=name_key)

    def omitted_note(self) -> Para | None:
        if not self.left_out:
            return None
        counts = ", ".join(f"{t('kind.' + kind).lower()} {n}"
                           for kind, n in sorted(self.left_out.items()))
        return Para([
            "Kuvauksesta on jätetty pois salassa pidettäviksi merkityt kohteet ja kaikki "
            f"viittaukset niihin ({counts})."
        ], note=True)


def name_key(element) -> tuple:
    return (element.name.fi.casefold(), element.id)


def names(elements) -> list:
    return parts(*[e.name.fi for e in sorted(elements, key=name_key)])


def value(member) -> str:
    """An enum value in Finnish, or "" for None."""
    return t(f"value.{member.value}") if member is not None else ""


def header(model: Model, document: Document, today: dt.date, section: str) -> None:
    meta = model.metadata
    organisation = meta.organisation if meta else ""
    line = [f"{organisation}. " if organisation else "", f"{LAW}, {section}. ",
            f"Laadittu {date(today)} kokonaisarkkitehtuurimallista"]
    if meta and meta.version:
        line.append(f" (versio {meta.version})")
    line.append(".")
    document.add(Para(["".join(line)]))


def date(value: dt.date | None) -> str:
    return f"{value.day}.{value.month}.{value.year}" if value else ""


def owner_cell(scope: Scope, element) -> list:
    owner = scope.model.owner_of(element)
    return [owner.name.fi] if owner is not None else [gap("system-owner", element)]


def closing(document: Document, scope: Scope, security_note: bool = True) -> None:
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
