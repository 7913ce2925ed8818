"""The sample model, its lint report, and a copy of it with a hostile element."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from eaframework.config import Settings
from eaframework.lint import LintReport, lint_texts
from eaframework.loader import load_texts
from eaframework.model import Model
from tests.conftest import REPO

SAMPLE = REPO / "models" / "esimerkkila"
TODAY = dt.date(2025, 11, 25)  # age-based findings depend on the day
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"
HOSTILE_FILE = f"""\
apiVersion: eaframework/v1
elements:
  - kind: information-system
    id: sys-hostile
    name: "{HOSTILE}"
    description: "Kuvaus </p><script>alert(3)</script>"
    owner: ou-tietohallinto
    responsible: per-liisa-virtanen
    purpose: "<b onmouseover=alert(4)>tarkoitus</b>"
    vendor: "Vendor & <i>Co</i>"
    sourcing: saas
    annual-cost: 1000
    cost-allocation: {{ou-tietohallinto: 100}}
    criticality: low
    properties: {{"<x>": "<svg onload=alert(5)>"}}
    lifecycle: {{phase: in-production, start: 2024-01-01}}
    supports: [prc-ict-tuki]
    suppress:
      - rule: EA311
        reason: "Riskiarvio tehdään uuden sopimuksen yhteydessä <script>alert(6)</script>"
        approved-by: "Tietohallintojohtaja <img src=y onerror=alert(7)>"
        expires: 2026-12-31
"""


@dataclass
class Loaded:
    model: Model
    report: LintReport
    files: dict[str, str]


def sample_files() -> dict[str, str]:
    return {
        path.relative_to(SAMPLE).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(SAMPLE.glob("*.yaml"))
    }


def load(files: dict[str, str]) -> Loaded:
    result = load_texts(files)
    assert not result.fatal, [str(d.message) for d in result.diagnostics]
    report = lint_texts(files, Settings(today=TODAY))
    return Loaded(result.model, report, files)


@pytest.fixture(scope="session")
def sample() -> Loaded:
    return load(sample_files())


@pytest.fixture(scope="session")
def hostile() -> Loaded:
    return load({**sample_files(), "hostile.yaml": HOSTILE_FILE})


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    """The sample model's files in a fresh folder, to add to."""
    folder = tmp_path / "model"
    folder.mkdir()
    for name, text in sample_files().items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def write_hostile(folder: Path) -> Path:
    (folder / "hostile.yaml").write_text(HOSTILE_FILE, encoding="utf-8")
    return folder

