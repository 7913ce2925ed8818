"""Models for the diagram tests: the sample city, and a small hand-made one whose every
element is there to exercise one rule of selection, grouping or drawing."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from eaframework.diagnostics import Diagnostic, Severity, Suppressed
from eaframework.diagrams.viewdef import ViewDefinition
from eaframework.loader import load_model, load_texts

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "models" / "esimerkkila"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"

TOY = """\
apiVersion: eaframework/v1
metadata:
  organisation: Testilän kaupunki
  approved-on: 2025-01-02
  last-reviewed: 2025-03-04
elements:
  - {kind: organisation-unit, id: ou-city, name: Testilän kaupunki}
  - {kind: organisation-unit, id: ou-div, name: {fi: Toimiala, en: Division}, part-of: ou-city}
  - {kind: organisation-unit, id: ou-unit, name: {fi: Yksikkö, en: Unit}, part-of: ou-div}
  - {kind: organisation-unit, id: ou-ext, name: Virasto, external: true, authority: true}
  - kind: information-system
    id: sys-a
    name: {fi: Järjestelmä A, en: System A}
    owner: ou-unit
    sourcing: saas
    lifecycle: {phase: planned, start: 2026-01-01}
    runs-on: [pf-cloud, pf-server]
  - {kind: information-system, id: sys-b, name: Järjestelmä B, owner: ou-div,
     runs-on: [pf-server], stores: [ir-rekisteri]}
  - {kind: information-system, id: sys-c, name: Järjestelmä C, owner: ou-ext, tags: [kansallinen]}
  - {kind: information-system, id: sys-orphan, name: Orpo, state: to-be}
  - {kind: platform, id: pf-server, name: Palvelin, owner: ou-div}
  - {kind: platform, id: pf-cloud, name: Pilvi, owner: ou-div}
  - {kind: integration, id: int-ab, name: A:sta B:hen, owner: ou-div, source: sys-a,
     target: sys-b, method: api}
  - {kind: integration, id: int-cb, name: C:stä B:hen, owner: ou-div, source: sys-c,
     target: sys-b, method: manual}
  - {kind: integration, id: int-a-orphan, name: A:sta orvolle, owner: ou-div, source: sys-a,
     target: sys-orphan, method: file}
  - {kind: process, id: prc-top, name: Pääprosessi, owner: ou-div, category: core}
  - {kind: process, id: prc-sub, name: Osaprosessi, owner: ou-unit, part-of: prc-top,
     category: core}
  - {kind: process, id: prc-support, name: Tukiprosessi, owner: ou-div, category: support}
  - {kind: information-resource, id: ir-rekisteri, name: Rekisteri, owner: ou-unit,
     data-groups: [dg-henkilo]}
  - {kind: data-group, id: dg-henkilo, name: Henkilö, owner: ou-unit, core: true,
     master: ir-rekisteri}
  - {kind: data-group, id: dg-muu, name: Muu tieto, owner: ou-unit}
"""


@lru_cache(maxsize=1)
def sample():
    result = load_model(SAMPLE)
    assert not result.diagnostics, result.diagnostics[:3]
    return result.model


@lru_cache(maxsize=1)
def toy():
    result = load_texts({"toy.yaml": TOY})
    assert not result.diagnostics, [str(d.location) + " " + d.message for d in result.diagnostics]
    return result.model


def view(**data) -> ViewDefinition:
    """A view definition written as its YAML would be (kebab-case keys)."""
    data.setdefault("id", "test-view")
    data.setdefault("title", {"fi": "Testinäkymä", "en": "Test view"})
    return ViewDefinition.model_validate(data, by_alias=True, by_name=False)


def finding(element: str, code: str = "EA301", severity: str = "error",
            message: str = "something is wrong", suppressed: bool = False) -> Diagnostic:
    return Diagnostic(
        code=code,
        message=message,
        severity=Severity(severity),
        element=element,
        suppressed=Suppressed("inSource", "accepted for now") if suppressed else None,
    )
