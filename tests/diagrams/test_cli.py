"""`ea render` and `ea views` through the real command, on the sample and on broken input."""

from __future__ import annotations

import shutil

import pytest
from lxml import etree

from eaframework.diagrams.builtin import BUILTIN

from .helpers import REPO, SAMPLE, SNAPSHOTS

DEFINED = ["asianhallinta-konteksti", "jarjestelmakartta-sivistys", "tietovarannot"]
# No Graphviz on PATH: graphviz-pure comes from beside the Python running `ea`.
BARE = {"PATH": "/usr/bin:/bin", "EA_DOT": None}


def test_render_draws_every_view_of_the_sample(run_ea, tmp_path):
    result = run_ea("render", "--out-dir", tmp_path, cwd=REPO, env=BARE)
    assert result.code == 0, result.err
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(f"{name}.svg" for name in [*BUILTIN, *DEFINED])
    assert f"wrote {len(written)} file(s) of {len(written)} view(s)" in result.err
    svg = etree.parse(str(tmp_path / "tietojarjestelmakartta.svg")).getroot()
    assert svg[0].text.startswith("Tietojärjestelmäkartta – Esimerkkilän kaupunki")
    assert svg.xpath("//*[@id='sys-asianhallinta']")


def test_two_runs_give_the_same_bytes(run_ea, tmp_path):
    for run in ("a", "b"):  # separate processes: different hash seeds, same output
        result = run_ea("render", "--format", "png", "--view", "integraatiokaavio",
                        "--view", "omistajuuskartta", "--out-dir", tmp_path / run, cwd=REPO)
        assert result.code == 0, result.err
    for name in ("integraatiokaavio.png", "omistajuuskartta.png"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_english_files_sit_beside_the_finnish_ones(run_ea, tmp_path):
    result = run_ea("render", "--view", "palvelukartta", "--lang", "en", "--out-dir", tmp_path,
                    cwd=REPO)
    assert result.code == 0, result.err
    text = (tmp_path / "palvelukartta.en.svg").read_text(encoding="utf-8")
    title = '<title id="_title">Service map – Esimerkkilän kaupunki · approved 2025-02-10'
    assert title in text
    assert "Application for early childhood education" in text


def test_format_dot_writes_the_snapshot(run_ea, tmp_path):
    result = run_ea("render", str(SAMPLE), "--format", "dot", "--view", "integraatiokaavio",
                    "--out-dir", tmp_path, cwd=REPO, env={"PATH": ""})
    assert result.code == 0, result.err
    written = (tmp_path / "integraatiokaavio.dot").read_bytes()
    assert written == (SNAPSHOTS / "integraatiokaavio.dot").read_bytes()


def test_the_finding_overlay_marks_elements_with_errors(run_ea, tmp_path):
    result = run_ea("render", "--view", "tietojarjestelmakartta", "--findings", "--out-dir",
                    tmp_path, cwd=REPO)
    assert result.code == 0, result.err
    svg = etree.parse(str(tmp_path / "tietojarjestelmakartta.svg")).getroot()
    ns = {"svg": "http://www.w3.org/2000/svg", "xlink": "http://www.w3.org/1999/xlink"}
    [node] = svg.xpath("//svg:g[@id='sys-intranet']", namespaces=ns)
    assert node.xpath(".//svg:path[@stroke='#e03131'] | .//svg:polygon[@stroke='#e03131']",
                      namespaces=ns)
    assert "EA301" in node.xpath("string(.//svg:a/@xlink:title)", namespaces=ns)


def test_an_unknown_view_name_gets_a_suggestion(run_ea, tmp_path):
    result = run_ea("render", "--view", "tietojarjestelmakarta", "--out-dir", tmp_path, cwd=REPO)
    assert result.code == 2
    assert result.err.strip() == ("error: no view named 'tietojarjestelmakarta'; did you mean "
                                  "'tietojarjestelmakartta'? (`ea views` lists them)")
    assert not tmp_path.exists() or not list(tmp_path.iterdir())


def test_a_model_with_integrity_errors_is_not_drawn(run_ea, tmp_path):
    model = tmp_path / "model"
    shutil.copytree(SAMPLE, model)
    systems = model / "systems.yaml"
    text = systems.read_text(encoding="utf-8")
    systems.write_text(text.replace("    owner: ou-hallintopalvelut\n", "    owner: ou-hallinto\n",
                                    1), encoding="utf-8")
    result = run_ea("render", model, "--out-dir", tmp_path / "out", cwd=REPO)
    assert result.code == 1
    assert "EA007  `owner` of information-system 'sys-asianhallinta' refers to 'ou-hallinto'" in (
        result.err)
    assert "error: the model has 1 integrity error; fix them first" in result.err
    assert not (tmp_path / "out").exists()


def test_a_broken_view_definition_is_located(run_ea, tmp_path):
    views = tmp_path / "views"
    views.mkdir()
    (views / "oma.yaml").write_text("title: Oma\ninclude:\n  - kinds: service\n",
                                    encoding="utf-8")
    (views / "palvelukartta.yaml").write_text("title: Oma\ninclude: [{kind: service}]\n",
                                              encoding="utf-8")
    result = run_ea("render", "--views", views, "--out-dir", tmp_path / "out", cwd=REPO)
    assert result.code == 2
    assert "oma.yaml:3:5: unknown key 'kinds' in `include[0]`; did you mean 'kind'?" in result.err
    assert ("palvelukartta.yaml:1:1: view 'palvelukartta' has the name of a built-in view; "
            "rename the file") in result.err
    assert not (tmp_path / "out").exists()


def test_an_oversized_view_is_split_and_an_unsplittable_one_refused(run_ea, tmp_path):
    result = run_ea("render", "--view", "tietojarjestelmakartta", "--view", "tietovarantokartta",
                    "--max-nodes", "4", "--out-dir", tmp_path, cwd=REPO)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "tietojarjestelmakartta-1.svg" in names and "tietojarjestelmakartta-2.svg" in names
    assert "tietojarjestelmakartta.svg" not in names
    again = run_ea("render", "--view", "tietojarjestelmakartta", "--out-dir", tmp_path, cwd=REPO)
    assert again.code == 0, again.err  # in one piece now: the old parts are gone
    now = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("tietojarjestelma"))
    assert now == ["tietojarjestelmakartta.svg"]
    # e.g. the GIS system, its two registers and their three kinds of core data
    assert result.code == 2, result.err
    assert "error: view 'tietovarantokartta' has 41 elements" in result.err
    assert "(6 elements outside any group belong together)" in result.err
    assert "narrow it with a view definition" in result.err
    assert not [n for n in names if n.startswith("tietovarantokartta")]
    assert "; 1 view(s) not drawn" in result.err


def test_views_lists_built_in_and_defined_views(run_ea):
    result = run_ea("views", cwd=REPO)
    assert result.code == 0, result.err
    rows = [line.split() for line in result.out.splitlines()]
    assert rows[0] == ["view", "source", "nodes", "title"]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {*BUILTIN, *DEFINED}
    from eaframework import load_model

    systems = len(load_model(REPO / "models" / "esimerkkila").model.of_kind("information-system"))
    assert by_name["tietojarjestelmakartta"][1:4] == ["built-in", str(systems),
                                                     "Tietojärjestelmäkartta"]
    assert by_name["tietovarannot"][1] == "views/tietovarannot.yaml"


@pytest.mark.skipif(shutil.which("dot") is not None, reason="a system Graphviz is installed")
def test_pdf_without_system_graphviz_says_what_it_looked_for(run_ea, tmp_path):
    result = run_ea("render", "--format", "pdf", "--out-dir", tmp_path, cwd=REPO, env=BARE)
    assert result.code == 2
    assert "pdf needs Graphviz's own `dot` (graphviz-pure makes svg and png only)" in result.err
    assert "dot on PATH" in result.err
