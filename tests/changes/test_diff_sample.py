"""`ea diff` between two git revisions of the sample model: HEAD~1 is the sample, HEAD the
sample change (tests/changes/data/sample-change.patch): a new HR and payroll ERP, the old
payroll system retired, the GIS moved to the urban environment department, a smaller
finance ERP, and two new findings against principle P6."""

from __future__ import annotations

import json
import re

import pytest

from .gitrepo import commit, write

EN = ("--lang", "en")  # diff writes the configured language, fi unless set
ERP = "ERP Henkilöstö ja palkat (Kuntaerp HR)"
ERP_EN = "ERP HR and payroll (Kuntaerp HR)"


@pytest.fixture(scope="module")
def json_diff(sample_git):
    from tests.conftest import run_ea

    result = run_ea("diff", *EN, "HEAD~1", "HEAD", "--format", "json", cwd=sample_git)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_text_summary_names_the_decisions(run_ea, sample_git):
    code, out, err = run_ea("diff", *EN, "HEAD~1", "HEAD", cwd=sample_git)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Architecture changes: HEAD~1 (") and " → HEAD (" in lines[0]
    assert re.fullmatch(r"(\d+) → (\d+) elements: 1 added, 0 removed, 11 changed; "
                        r"relations \+18 −21; findings \+2 −1", lines[1])
    for sentence in (
        f"Adds 1 information system: {ERP_EN}.",
        "Retires 1 information system: HR and payroll Palkka+.",
        "Moves ownership of Geographic information system from Kaupunkisuunnittelu ja "
        "paikkatietopalvelut to Urban environment.",
        "Breaks principle P6 Kaupunki omistaa tiedot ja prosessit twice.",
        "Brings 2 new findings and clears 1 finding.",
    ):
        assert sentence in lines[3:12], sentence
    assert "  Enterprise resource planning (sys-erp)  annual-cost  €420,000 → €300,000  " \
           "(−€120,000)" in lines
    assert "  HR and payroll Palkka+ (sys-hr): phase phasing out → retired; end 2026-12-31 → " \
           "2025-10-31" in lines
    new = out.split("\nNew findings (2)\n")[1].split("\n\n")[0].splitlines()
    assert new[0].startswith("  HEAD:models/esimerkkila/systems.yaml:")
    assert "error  EA306  saas system 'ERP Henkilöstö ja palkat (Kuntaerp HR)' exposes no open " \
           "interface  [P6 Kaupunki omistaa tiedot ja prosessit]" in new[0]
    assert "warning  EA307" in new[1] and "[P6 Kaupunki omistaa tiedot ja prosessit]" in new[1]
    gone = out.split("\nFindings gone (1)\n")[1].splitlines()[0]
    assert gone.startswith("  HEAD~1:models/esimerkkila/systems.yaml:")
    assert "warning  EA321  information system 'Taloushallintojärjestelmä Kuntatalous' is " \
           "being phased out but has no end date" in gone


def test_json_holds_every_change(json_diff):
    data = json_diff
    assert [(a["element"]["id"], a["element"]["kind"], a["owner"]["id"], a["annual_cost"])
            for a in data["added"]] == [("sys-erp-hr", "information-system",
                                         "ou-henkilostopalvelut", 165000)]
    assert data["removed"] == [] and data["id_changes"] == []
    assert [(o["element"]["id"], o["old"]["id"], o["new"]["id"]) for o in data["ownership"]] == [
        ("sys-gis", "ou-kaupunkisuunnittelu", "ou-kaupunkiymparisto")]
    assert {(c["element"]["id"], c["field"], c["old"], c["new"]) for c in data["costs"]} == {
        ("sys-hr", "annual-cost", 178000, None), ("sys-erp", "annual-cost", 420000, 300000)}
    retired = {c["element"]["id"] for c in data["lifecycle"] if c["new_phase"] == "retired"}
    assert retired == {"sys-hr", "if-hr-tiedosto"}
    assert [(f["code"], f["element"]["id"], f["principle"]) for f in data["findings_new"]] == [
        ("EA306", "sys-erp-hr", "P6 Kaupunki omistaa tiedot ja prosessit"),
        ("EA307", "sys-erp-hr", "P6 Kaupunki omistaa tiedot ja prosessit")]
    assert [(f["code"], f["element"]["id"]) for f in data["findings_gone"]] == [
        ("EA321", "sys-talous")]
    p6 = next(p for p in data["principles"] if p["code"] == "P6")
    assert p6["new_findings"] == 2 and [r["id"] for r in p6["newly_failing"]] == ["sys-erp-hr"]
    hr = next(c for c in data["changed"] if c["element"]["id"] == "sys-hr")
    assert {"path": "lifecycle.phase", "old": "phasing-out", "new": "retired"} in hr["fields"]
    integration = next(c for c in data["changed"] if c["element"]["id"] == "int-hr-talous")
    assert {"path": "source", "old": "sys-hr", "new": "sys-erp-hr"} in integration["fields"]
    removed = {(r["source"]["id"], r["type"], r["target"]["id"]) for r in data["relations_removed"]}
    assert ("sys-gis", "owned-by", "ou-kaupunkisuunnittelu") in removed
    assert ("prc-palkanlaskenta", "uses", "sys-hr") in removed


def test_markdown_for_a_pull_request(run_ea, sample_git):
    code, out, err = run_ea("diff", *EN, "HEAD~1", "HEAD", "--format", "markdown", cwd=sample_git)
    assert code == 0, err
    assert out.startswith("## Architecture changes: HEAD~1 (")
    assert f"- Adds 1 information system: {ERP_EN}.\n" in out
    assert "- Breaks principle P6 Kaupunki omistaa tiedot ja prosessit twice.\n" in out
    assert "### Ownership (1)\n\n| element | from | to |\n|---|---|---|\n" \
           "| Geographic information system (sys-gis) | Kaupunkisuunnittelu ja " \
           "paikkatietopalvelut | Urban environment |" in out
    assert "| error | EA306 | sys-erp-hr | saas system 'ERP Henkilöstö ja palkat (Kuntaerp HR)' " \
           "exposes no open interface | P6 Kaupunki omistaa tiedot ja prosessit |" in out
    assert "<details><summary>information system: HR and payroll Palkka+ (`sys-hr`)" in out


def test_finnish_memo_for_the_council(run_ea, sample_git):
    code, out, err = run_ea("diff", "HEAD~1", "HEAD", "--format", "markdown", "--lang", "fi",
                            cwd=sample_git)
    assert code == 0, err
    assert out.startswith("## Arkkitehtuurimuutokset: HEAD~1 (")
    for sentence in (
        f"- Lisätty 1 tietojärjestelmä: {ERP}.",
        "- Poistettu käytöstä 1 tietojärjestelmä: Henkilöstö- ja palkkahallinto Palkka+.",
        "- Omistajuus siirtyy: Paikkatietojärjestelmä Kuntagis, Kaupunkisuunnittelu ja "
        "paikkatietopalvelut → Kaupunkiympäristön toimiala.",
        "- Rikkoo periaatetta P6 (Kaupunki omistaa tiedot ja prosessit) kahdesti.",
        "- Muutos tuo 2 uutta havaintoa ja poistaa 1 havainnon.",
    ):
        assert sentence + "\n" in out, sentence
    assert "| tyyppi | tunniste | nimi | omistaja | elinkaari | vuosikustannus |" in out
    assert f"| tietojärjestelmä | sys-erp-hr | {ERP} | Henkilöstöpalvelut | tuotannossa | " \
           "165\u00a0000\u00a0€ |" in out
    assert "| Toiminnanohjausjärjestelmä (ERP) (sys-erp) | annual-cost | 420\u00a0000\u00a0€ | " \
           "300\u00a0000\u00a0€ | −120\u00a0000\u00a0€ |" in out
    assert "| virhe | EA306 | sys-erp-hr |" in out


def test_a_folder_side_gives_the_same_result_as_its_revision(run_ea, sample_git, json_diff):
    code, out, err = run_ea("diff", *EN, "HEAD~1", "models/esimerkkila", "--format", "json",
                            cwd=sample_git)
    assert code == 0, err
    data = json.loads(out)
    assert data["new_label"] == "models/esimerkkila"
    for key in ("added", "removed", "changed", "ownership", "costs", "lifecycle", "summary"):
        assert data[key] == json_diff[key], key
    assert [f["code"] for f in data["findings_new"]] == ["EA306", "EA307"]


def test_fail_on_new_findings(run_ea, sample_git):
    code, _, err = run_ea("diff", *EN, "HEAD~1", "HEAD", "--fail-on-new-findings", cwd=sample_git)
    assert code == 1 and "2 new finding(s)" in err
    # Back the other way only the EA321 finding appears: still new, still exit 1 ...
    assert run_ea("diff", *EN, "HEAD", "HEAD~1", "--fail-on-new-findings", cwd=sample_git).code == 1
    # ... while the same model on both sides has none.
    code, out, _ = run_ea("diff", *EN, "HEAD", "models/esimerkkila", "--fail-on-new-findings",
                          cwd=sample_git)
    assert code == 0 and "No changes." in out


def test_unknown_revision_exits_2_with_one_clear_line(run_ea, sample_git):
    code, out, err = run_ea("diff", *EN, "HEAD~1", "release-2031", cwd=sample_git)
    assert code == 2 and out == ""
    assert err == ("error: 'release-2031' is neither a model folder nor a revision known to "
                   "git (try a branch, a tag, a commit or HEAD~1)\n")
    code, _, err = run_ea("diff", *EN, "HEAD~1", "HEAD", "--path", "models/nowhere", cwd=sample_git)
    assert code == 2 and "has no .yaml model files under models/nowhere/" in err


def test_outside_git_a_revision_is_an_error(run_ea, tmp_path):
    code, _, err = run_ea("diff", *EN, "HEAD~1", "HEAD", "--no-lint", cwd=tmp_path)
    assert code == 2 and "'HEAD~1' is neither a model folder nor a git revision" in err
    assert "Traceback" not in err


def test_a_side_with_load_errors_is_compared(run_ea, sample_git, tmp_path):
    bad = tmp_path / "bad"
    write(bad, {"m.yaml": "apiVersion: eaframework/v1\nelements:\n"
                          "  - {kind: process, id: prc-a, name: A, owner: ou-missing}\n"})
    code, out, err = run_ea("diff", *EN, "HEAD", str(bad), cwd=sample_git)
    assert code == 1 and "refusing" not in err
    assert "New findings (" in out and "EA007  `owner` of process 'prc-a' refers to " \
           "'ou-missing'" in out
    write(bad, {"m.yaml": "apiVersion: [unclosed\n"})
    code, out, err = run_ea("diff", *EN, "HEAD", str(bad), cwd=sample_git)
    assert code == 2 and "EA002" in err and "left out of the comparison" in err
    assert "Leaves out " in out


def test_path_option_and_output_file(run_ea, tmp_path):
    from .gitrepo import init

    repo = init(tmp_path / "r")
    text = "apiVersion: eaframework/v1\nelements:\n  - {kind: stakeholder, id: sh-a, name: A}\n"
    write(repo, {"arch/m.yaml": text})
    commit(repo, "one")
    write(repo, {"arch/m.yaml": text.replace("name: A}", "name: B}")})
    commit(repo, "two")
    code, _, err = run_ea("--no-config", "diff", *EN, "HEAD~1", "HEAD", "--path", "arch", "-o",
                          "out.md", "--format", "markdown", cwd=repo)
    assert code == 0, err
    assert "- Renames 'A' to 'B' (sh-a).\n" in (repo / "out.md").read_text(encoding="utf-8")
