"""The commands, run as a person runs them: `ea export archimate|csv`, `ea import
archimate|csv`; hostile input gets one clear line, exit 2, and nothing written."""

from __future__ import annotations

import pytest

from eaframework.loader import load_model

from tests.conftest import REPO

from .helpers import HEADER, assert_valid
from .test_import import FOREIGN

SAMPLE = REPO / "models" / "esimerkkila"
NS = 'xmlns="http://www.opengroup.org/xsd/archimate/3.0/"'


def test_export_archimate_writes_a_valid_file(run_ea, tmp_path):
    out = tmp_path / "out" / "malli.xml"
    result = run_ea("export", "archimate", SAMPLE, "-o", out)
    assert (result.code, result.out, result.err.strip()) == (0, "", f"wrote {out}")
    assert_valid(out.read_bytes())
    to_stdout = run_ea("export", "archimate", SAMPLE, "-o", "-")
    assert to_stdout.code == 0
    assert to_stdout.out.encode() == out.read_bytes()


def test_export_uses_the_configured_model(run_ea, tmp_path):
    (tmp_path / "setup.cfg").write_text("[eaframework]\nmodels = malli\n", encoding="utf-8")
    (tmp_path / "malli").mkdir()
    (tmp_path / "malli" / "a.yaml").write_text(
        HEADER + "elements:\n  - {kind: location, id: loc-a, name: Konesali}\n", encoding="utf-8")
    result = run_ea("export", "archimate", "-o", "x.xml", cwd=tmp_path)
    assert result.code == 0, result.err
    assert b'identifier="id-loc-a" xsi:type="Location"' in (tmp_path / "x.xml").read_bytes()


def test_export_refuses_a_model_with_integrity_errors(run_ea, tmp_path):
    (tmp_path / "a.yaml").write_text(
        HEADER + "elements:\n  - {kind: information-system, id: sys-a, name: A, owner: ou-x}\n",
        encoding="utf-8")
    result = run_ea("export", "archimate", tmp_path / "a.yaml", "-o", tmp_path / "x.xml")
    assert result.code == 1
    assert "EA007" in result.err and "'ou-x'" in result.err
    assert result.err.strip().endswith("error: the model has 1 integrity error; fix them "
                                       "before exporting")
    assert not (tmp_path / "x.xml").exists()


def test_export_and_import_csv(run_ea, tmp_path):
    result = run_ea("export", "csv", SAMPLE, "-o", tmp_path / "csv")
    assert result.code == 0, result.err
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "elements.csv", "properties.csv", "relations.csv"]
    back = run_ea("import", "csv", tmp_path / "csv", "-o", tmp_path / "malli")
    assert back.code == 0, back.err
    elements = len(load_model(SAMPLE).model)
    assert f"mapping report (Archi CSV)\nelements: {elements}" in back.err
    assert back.err.strip().endswith(f"wrote 6 model files to {tmp_path / 'malli'}")
    lint = run_ea("lint", tmp_path / "malli", "--no-cache")
    assert lint.code in (0, 1) and f" in 6 files, {elements} elements" in lint.err


def test_import_archimate_writes_model_files_and_the_report(run_ea, tmp_path):
    source = tmp_path / "tool.xml"
    source.write_text(FOREIGN, encoding="utf-8")
    target = tmp_path / "models" / "kunta"
    result = run_ea("import", "archimate", source, "-o", target)
    # the file's association from a relationship cannot be held: named, exit 1, the rest written
    assert result.code == 1, result.err
    assert "not imported: relationship id-r5 (Association, line " in result.err
    assert "ApplicationComponent     -> information-system" in result.err
    assert sorted(p.name for p in target.iterdir()) == [
        "information.yaml", "model.yaml", "operations.yaml", "relations.yaml", "systems.yaml"]
    assert [p.name for p in target.parent.iterdir()] == ["kunta"]  # no staging left behind
    text = (target / "systems.yaml").read_text(encoding="utf-8")
    assert "kind: information-system\n    id: a1\n" in text
    lint = run_ea("lint", target, "--no-cache")
    assert lint.code in (0, 1) and "EA0" not in lint.out


def test_import_never_overwrites_without_force(run_ea, tmp_path):
    source = tmp_path / "tool.xml"
    source.write_text(FOREIGN, encoding="utf-8")
    target = tmp_path / "malli"
    target.mkdir()
    (target / "oma.yaml").write_text("# käsin kirjoitettu\n", encoding="utf-8")
    refused = run_ea("import", "archimate", source, "-o", target)
    assert (refused.code, refused.err) == (
        2, f"error: {target} exists and is not empty; use --force to replace it\n")
    assert [p.name for p in target.iterdir()] == ["oma.yaml"]
    forced = run_ea("import", "archimate", source, "-o", target, "--force")
    assert forced.code == 1, forced.err  # written; one relationship not imported (id-r5)
    assert "oma.yaml" not in [p.name for p in target.iterdir()]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["malli", "tool.xml"]


def test_failed_forced_import_leaves_the_old_folder_alone(run_ea, tmp_path):
    (tmp_path / "bad.xml").write_text("<model/>", encoding="utf-8")
    target = tmp_path / "malli"
    target.mkdir()
    (target / "oma.yaml").write_text("# käsin\n", encoding="utf-8")
    result = run_ea("import", "archimate", tmp_path / "bad.xml", "-o", target, "--force")
    assert result.code == 2
    assert [p.name for p in target.iterdir()] == ["oma.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xml", "malli"]


LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE model [\n <!ENTITY a "aaaaaaaaaa">\n'
          + "".join(f' <!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">\n'
                    for i in range(8))
          + f']>\n<model {NS} identifier="m"><name>&i;</name></model>\n')
HOSTILE = {
    "external entity": (
        f'<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        f'<model {NS} identifier="m"><name>&xxe;</name></model>\n',
        "tool.xml: the file declares XML entities (<!ENTITY>), which an ArchiMate exchange "
        "file never needs; refused as unsafe"),
    "billion laughs": (LAUGHS, "tool.xml: the file declares XML entities (<!ENTITY>)"),
    "external DTD": (
        f'<?xml version="1.0"?>\n<!DOCTYPE model SYSTEM "http://example.com/x.dtd">\n'
        f'<model {NS} identifier="m"/>\n',
        "tool.xml: the file has a DOCTYPE with entity declarations or an external DTD; "
        "refused as unsafe"),
    "deep nesting": (
        f'<model {NS} identifier="m">\n' + "<documentation>" * 100
        + "</documentation>" * 100 + "</model>\n",
        "tool.xml:2:"),
    "very deep nesting": (
        f'<model {NS} identifier="m">\n' + "<a>" * 5000 + "</a>" * 5000 + "</model>\n",
        "tool.xml:2:"),
    "not ArchiMate": (
        '<?xml version="1.0"?>\n<html><body>hei</body></html>\n',
        "tool.xml:2:1: not an ArchiMate model: the root element is <html>; expected <model> "
        "in http://www.opengroup.org/xsd/archimate/3.0/"),
    "other namespace": (
        '<model xmlns="http://www.opengroup.org/xsd/archimate/2.1/"/>',
        "tool.xml:1:1: not an ArchiMate model: the root element is <model> in namespace "
        "http://www.opengroup.org/xsd/archimate/2.1/"),
    "not XML": ("name,type\nAsianhallinta,system\n",
                "tool.xml:1:1: not well-formed XML: Start tag expected, '<' not found"),
    "empty": ("", "tool.xml: the file is empty; expected an ArchiMate exchange file"),
    "binary": ("\x89PNG\r\n\x1a\n", "tool.xml:1:1: not well-formed XML:"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_input_is_a_clear_error_and_writes_nothing(run_ea, tmp_path, case):
    text, message = HOSTILE[case]
    (tmp_path / "tool.xml").write_bytes(text.encode("utf-8"))
    result = run_ea("import", "archimate", "tool.xml", "-o", "malli", cwd=tmp_path,
                    timeout=30)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("error: " + message), result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tool.xml"]  # no malli, no staging


def test_huge_file_is_refused_before_reading(run_ea, tmp_path):
    big = tmp_path / "tool.xml"
    big.write_bytes(f"<model {NS}>".encode() + b" " * (2 * 1024 * 1024) + b"</model>")
    result = run_ea("import", "archimate", big, "-o", tmp_path / "malli", "--max-size", "1")
    assert result.code == 2
    assert result.err == (f"error: {big}: the file is 2.0 MB; the limit is 1 MB "
                          "(--max-size)\n")
    assert not (tmp_path / "malli").exists()


def test_missing_input_and_bad_targets(run_ea, tmp_path):
    missing = run_ea("import", "archimate", tmp_path / "nope.xml", "-o", tmp_path / "m")
    assert (missing.code, missing.err) == (2, f"error: {tmp_path / 'nope.xml'}: no such file\n")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    onto_file = run_ea("import", "csv", tmp_path, "-o", tmp_path / "file")
    assert (onto_file.code, onto_file.err) == (
        2, f"error: {tmp_path / 'file'} is a file; -o names the model folder to create\n")
    no_csv = run_ea("import", "csv", tmp_path, "-o", tmp_path / "m")
    assert (no_csv.code, no_csv.err) == (2, f"error: {tmp_path / 'elements.csv'}: no such file\n")
    assert not (tmp_path / "m").exists()


def test_export_without_views_needs_no_graphviz(run_ea, tmp_path):
    out = tmp_path / "m.xml"
    missing = run_ea("export", "archimate", SAMPLE, "-o", out, env={"EA_DOT": "/no/such/dot"})
    assert missing.code == 2 and missing.err.endswith("(or export without diagrams: --no-views)\n")
    assert not out.exists()
    plain = run_ea("export", "archimate", SAMPLE, "-o", out, "--no-views",
                   env={"EA_DOT": "/no/such/dot"})
    assert plain.code == 0, plain.err
    assert b"<views>" not in out.read_bytes() and b"<elements>" in out.read_bytes()


def test_csv_errors_name_the_file_and_line(run_ea, tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "elements.csv").write_text(
        '"ID","Type","Name","Documentation","Specialization"\n'
        '"a1","BusinessActor","Kirjaamo","",""\n"a2","Node","X",""\n', encoding="utf-8")
    result = run_ea("import", "csv", folder, "-o", tmp_path / "malli")
    assert (result.code, result.err) == (
        2, f"error: {folder}/elements.csv:3:1: a row has 4 fields; the header has 5\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv"]


def test_csv_import_that_loses_something_exits_1_and_names_it(run_ea, tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "elements.csv").write_text(
        '"ID","Type","Name","Documentation","Specialization"\n'
        '"a1","BusinessActor","Kirjaamo","",""\n"a2","Gadget","X","",""\n', encoding="utf-8")
    (folder / "relations.csv").write_text(
        '"ID","Type","Name","Documentation","Source","Target","Specialization"\n'
        '"r1","ServingRelationship","","","a1","a9",""\n', encoding="utf-8")
    result = run_ea("import", "csv", folder, "-o", tmp_path / "malli")
    assert result.code == 1, result.err
    assert ("not imported: element a2 (elements.csv, line 3): 'Gadget' is not an ArchiMate "
            "element type\n") in result.err
    assert "not imported: relationship r1 (Serving, line 2): its target 'a9' is no " \
           "element of the file\n" in result.err
    assert (tmp_path / "malli" / "operations.yaml").is_file()  # the rest is written


def test_an_import_that_drops_a_dangling_relationship_exits_1_and_names_it(run_ea, tmp_path):
    source = tmp_path / "dangling.xml"
    source.write_text(
        f'<model {NS} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">'
        '<name>M</name><elements><element identifier="id-a" xsi:type="BusinessActor"><name>A</name></element>'
        '</elements><relationships>'
        '<relationship identifier="rel-42" xsi:type="Serving" source="id-a" target="id-gone"/>'
        "</relationships></model>", encoding="utf-8")
    result = run_ea("import", "archimate", source, "-o", tmp_path / "malli")
    assert result.code == 1, result.err
    assert ("not imported: relationship rel-42 (Serving, line 1): its target 'id-gone' is no "
            "element of the file\n") in result.err
    assert (tmp_path / "malli" / "operations.yaml").is_file()  # what it could use is written
