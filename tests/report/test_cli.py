"""`ea report` and `ea publish`: files written, options, and refusing a broken model."""

from __future__ import annotations

from eaframework.cli.report import report as report_command
from eaframework.report import texts

from .conftest import SAMPLE, TODAY

BROKEN = """\
apiVersion: eaframework/v1
elements:
  - {kind: information-system, id: sys-a, name: A, owner: ou-nobody}
"""


def test_report_writes_one_self_contained_file(run_ea, tmp_path):
    out = tmp_path / "out" / "report.html"
    result = run_ea("report", SAMPLE, "-o", out, "--today", TODAY.isoformat())
    assert result.code == 0, result.err
    assert result.err.strip().endswith("report.html")
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fi">' in html
    assert "Kokonaisarkkitehtuurin tilannekatsaus" in html
    assert list(out.parent.iterdir()) == [out]  # nothing beside it, no temporary left


def test_report_in_english_without_diagrams(run_ea, tmp_path):
    out = tmp_path / "r.html"
    result = run_ea("report", SAMPLE, "-o", out, "--lang", "en", "--no-diagrams")
    assert result.code == 0, result.err
    html = out.read_text(encoding="utf-8")
    assert "Enterprise architecture status report" in html
    assert "Diagrams were left out" in html


def test_report_default_output_is_in_exports(run_ea, tmp_path, sample_copy):
    (tmp_path / "setup.cfg").write_text("[eaframework]\nmodels = model\nexports = out\n")
    result = run_ea("report", "--no-diagrams", cwd=tmp_path)
    assert result.code == 0, result.err
    assert (tmp_path / "out" / "report.html").is_file()


def test_report_refuses_a_model_with_integrity_errors(run_ea, tmp_path):
    (tmp_path / "m.yaml").write_text(BROKEN)
    out = tmp_path / "r.html"
    result = run_ea("report", tmp_path / "m.yaml", "-o", out)
    assert result.code == 1
    assert "m.yaml:3:" in result.err and "EA007" in result.err
    assert "nothing written" in result.err and "Traceback" not in result.err
    assert not out.exists()


def test_report_of_a_missing_folder(run_ea, tmp_path):
    result = run_ea("report", tmp_path / "nope", "-o", tmp_path / "r.html")
    assert result.code == 2
    assert "no such file or folder" in result.err and "Traceback" not in result.err


def test_publish_both_formats(run_ea, tmp_path):
    result = run_ea("publish", "asiakirjajulkisuuskuvaus", SAMPLE, "-o", tmp_path)
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "asiakirjajulkisuuskuvaus.html", "asiakirjajulkisuuskuvaus.md"]
    md = (tmp_path / "asiakirjajulkisuuskuvaus.md").read_text(encoding="utf-8")
    assert "**Puuttuu: hakutekijät**" in md
    assert "4 gaps marked 'Puuttuu'" in result.err


def test_publish_tiedonhallintamalli_markdown_only(run_ea, tmp_path):
    result = run_ea("publish", "tiedonhallintamalli", SAMPLE, "-o", tmp_path, "--format", "md")
    assert result.code == 0, result.err
    assert [p.name for p in tmp_path.iterdir()] == ["tiedonhallintamalli.md"]
    assert "## 5. Tietovirrat ja siirtotavat" in (tmp_path / "tiedonhallintamalli.md").read_text()


def test_publish_refuses_a_broken_model(run_ea, tmp_path):
    (tmp_path / "m.yaml").write_text(BROKEN)
    out = tmp_path / "out"
    result = run_ea("publish", "tiedonhallintamalli", tmp_path / "m.yaml", "-o", out)
    assert result.code == 1 and "EA007" in result.err
    assert not out.exists()


def test_the_command_offers_every_language_of_the_report():
    lang = next(p for p in report_command.params if p.name == "lang")
    assert tuple(lang.type.choices) == texts.LANGUAGES
