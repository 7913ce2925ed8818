"""View definition files: the format, the located errors, the examples in views/."""

from __future__ import annotations

import re

import pytest

from eaframework.diagrams.builtin import BUILTIN
from eaframework.diagrams.viewdef import Around, Selector, ViewDefinition
from eaframework.diagrams.viewfiles import check_references, load_views, parse_view

from ..conftest import position
from .helpers import REPO, sample

GOOD = """\
title: {fi: Sivistyksen järjestelmät, en: Education systems}
description: Sivistyksen toimialan järjestelmät.
include:
  - kind: information-system
    owner: ou-sivistys
exclude:
  - lifecycle: [retired]
relations: [uses, stored-in]
group-by: owner
direction: LR
details: [sourcing, lifecycle]
"""


def errors_of(text: str, name: str = "my-view") -> list[tuple[int, int, str]]:
    view, errors = parse_view(f"views/{name}.yaml", text, name)
    assert view is None, "expected the view to be rejected"
    assert all(e.file == f"views/{name}.yaml" for e in errors)
    return [(e.line, e.column, e.message) for e in errors]


def test_a_view_file_is_read_into_a_definition_named_by_the_file():
    view, errors = parse_view("views/sivistys.yaml", GOOD, "sivistys")
    assert errors == []
    d = view.definition
    assert d.id == "sivistys"
    assert (d.title.fi, d.title.get("en"), d.description.get("en")) == (
        "Sivistyksen järjestelmät", "Education systems", "Sivistyksen toimialan järjestelmät.")
    assert d.include[0].kind == ("information-system",) and d.include[0].owner == ("ou-sivistys",)
    assert d.exclude[0].lifecycle[0].value == "retired"
    assert d.relation_types() == {"uses", "stores"}  # reverse names mean the same relation
    assert d.groupings("information-system") == ("owner",)
    assert d.direction == "LR"


def test_unknown_keys_are_located_with_a_suggestion():
    text = "title: X\ninclude:\n  - kinds: information-system\ngroup_by: owner\n"
    assert errors_of(text) == [
        (3, 5, "unknown key 'kinds' in `include[0]`; did you mean 'kind'?"),
        (4, 1, "unknown key 'group_by' in the view; did you mean 'group-by'?"),
    ]


def test_bad_values_are_located_with_a_suggestion():
    text = ("title: X\ninclude:\n  - kind: informaton-system\n"
            "  - around: {element: sys-x, dept: 2}\ngroup-by: owners\ndirection: left\n")
    found = errors_of(text)
    assert (3, 5, "`include[0].kind`: 'informaton-system' is not an element kind; did you "
                  "mean 'information-system'?") in found
    assert (4, 5, "unknown key 'dept' in `include[1].around`; did you mean 'depth'?") in found
    assert (5, 1, "`group-by`: 'owners' is not a grouping; did you mean 'owner'?") in found
    assert (6, 1, "`direction`: 'left' is not allowed here; use one of TB, LR, BT, RL") in found


def test_a_missing_title_and_an_empty_include_are_explained():
    found = errors_of("include: []\n")
    messages = [m for _, _, m in found]
    assert "the view is missing the required key `title`" in messages
    assert any(m.startswith("`include` needs at least one selector") for m in messages)


def test_where_accepts_only_keys_elements_have():
    found = errors_of("title: X\ninclude:\n  - where: {cor: true}\n")
    assert found == [(3, 5, "`include[0].where`: no element has a key 'cor'; did you mean "
                            "'core'?")]


def test_grouping_by_a_hierarchy_must_come_last():
    found = errors_of("title: X\ninclude: [{kind: process}]\ngroup-by: [parent, category]\n")
    assert found[0][0] == 3 and "can only be the last grouping" in found[0][2]


def test_yaml_problems_and_duplicate_keys_are_located():
    assert errors_of("title: [unclosed\n") == [(1, 8, "invalid YAML: unclosed bracket '['")]
    found = errors_of("title: X\ntitle: Y\ninclude: [{kind: service}]\n")
    assert found == [(2, 1, "duplicate key 'title' in one mapping (first on line 1); only one "
                            "value can count")]


def test_the_file_name_is_the_view_name():
    assert errors_of("title: X\ninclude: [{kind: service}]\n", name="Huono Nimi")[0][2].startswith(
        "'Huono Nimi' is not a view name")
    found = errors_of("id: other\ntitle: X\ninclude: [{kind: service}]\n", name="mine")
    assert found == [(1, 1, "id 'other' differs from the file name 'mine'; a view is named by "
                            "its file")]


def test_unknown_element_ids_are_located_against_the_model():
    text = ("title: X\ninclude:\n  - kind: information-system\n    owner: [ou-sivistus, sys-crm]\n"
            "  - around: {element: sys-asianhalinta}\n")
    view, errors = parse_view("views/refs.yaml", text, "refs")
    assert errors == []
    found = [(e.line, e.column, e.message) for e in check_references(view, sample())]
    line, column = position(text, "owner")
    assert found == [
        (line, column, "`include[0].owner`: 'ou-sivistus' is not an element of the model; did "
                       "you mean 'ou-sivistys'?"),
        (line, column, "`include[0].owner`: 'sys-crm' is an information system, not an "
                       "organisation unit"),
        (5, 5, "`include[1].around.element`: 'sys-asianhalinta' is not an element of the "
               "model; did you mean 'sys-asianhallinta'?"),
    ]


def test_load_views_reads_every_file_and_reports_every_problem(tmp_path):
    (tmp_path / "a-view.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-view.yml").write_text("title: X\ninclude: [{kinds: x}]\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# not a view\n", encoding="utf-8")
    (tmp_path / "c-view.yaml").write_bytes(b"title: \xff\n")
    views, errors = load_views(tmp_path)
    assert [v.id for v in views] == ["a-view"]
    assert [(e.file.rsplit("/", 1)[-1], e.line) for e in errors] == [("b-view.yml", 2),
                                                                     ("c-view.yaml", 1)]
    assert "not valid UTF-8" in errors[1].message


def test_the_built_in_views_are_the_seven_jhs_descriptions():
    assert list(BUILTIN) == ["palvelukartta", "prosessikartta", "tietovarantokartta",
                             "tietojarjestelmakartta", "integraatiokaavio", "teknologiakartta",
                             "omistajuuskartta"]
    for view in BUILTIN.values():
        assert re.fullmatch(r"[a-z]+", view.id)  # ASCII ids: file names and SVG ids
        assert view.definition.title.get("en") != view.definition.title.fi
        assert view.definition.description is not None
    assert BUILTIN["tietojarjestelmakartta"].definition.title.fi == "Tietojärjestelmäkartta"


def test_the_example_views_load_and_refer_to_the_sample():
    views, errors = load_views(REPO / "views")
    assert errors == []
    assert {v.id for v in views} >= {"jarjestelmakartta-sivistys", "asianhallinta-konteksti",
                                     "tietovarannot"}
    for view in views:
        assert check_references(view, sample()) == []


@pytest.mark.parametrize("model", [ViewDefinition, Selector, Around])
def test_the_readme_documents_every_key(model):
    readme = (REPO / "views" / "README.md").read_text(encoding="utf-8")
    for name, info in model.model_fields.items():
        key = info.alias or name
        assert f"`{key}`" in readme, f"views/README.md does not mention `{key}`"
