"""What the importers and the synthetic generator write is already in `ea fmt`'s canonical
form: `ea fmt --check` passes on a freshly imported model."""

from __future__ import annotations

import pytest

from bench.synthetic import municipality
from eaframework.interchange.archimate_export import export_archimate
from eaframework.interchange.archimate_import import import_archimate
from eaframework.interchange.csv import export_csv, import_csv
from eaframework.interchange.model_files import verified_files
from eaframework.loader import load_model
from eaframework.modelfile import format_text
from tests.conftest import REPO, SHARED

SAMPLE = REPO / "models" / "esimerkkila"
ARCHI_SAMPLES = SHARED / "archimate-xsd" / "samples"


def reformatted(files: dict[str, str]) -> list[str]:
    return [name for name, text in files.items() if format_text(text, name) != text]


def test_import_archimate_of_the_samples_export_is_formatted():
    model = load_model(SAMPLE).model
    files = verified_files(import_archimate(export_archimate(model, diagrams=[])))
    assert len(files) == 6
    assert reformatted(files) == []


def test_import_csv_of_the_samples_export_is_formatted():
    files = verified_files(import_csv(export_csv(load_model(SAMPLE).model)))
    assert len(files) == 6
    assert reformatted(files) == []


@pytest.mark.skipif(not ARCHI_SAMPLES.is_dir(),
                    reason="no Archi exchange files in ../shared/archimate-xsd/samples")
@pytest.mark.parametrize("name", sorted(p.name for p in ARCHI_SAMPLES.glob("*.xml"))
                         if ARCHI_SAMPLES.is_dir() else [])
def test_import_archimate_of_an_archi_file_is_formatted(name):
    files = verified_files(import_archimate((ARCHI_SAMPLES / name).read_bytes()))
    assert files and reformatted(files) == []


def test_synthetic_model_is_formatted():
    assert reformatted(municipality(1000, seed=5)) == []


def test_ea_fmt_check_passes_after_ea_import_csv(run_ea, tmp_path):
    assert run_ea("export", "csv", SAMPLE, "-o", tmp_path / "csv").code == 0
    imported = run_ea("import", "csv", tmp_path / "csv", "-o", tmp_path / "malli")
    assert imported.code == 0, imported.err
    check = run_ea("fmt", tmp_path / "malli", "--check")
    assert check.code == 0, check.err + check.out
    assert "6 already formatted" in check.err + check.out
