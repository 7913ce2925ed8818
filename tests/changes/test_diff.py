"""The semantic diff of two small models, one concern per test."""

from __future__ import annotations

import json
import textwrap

from eaframework.changes.diff import compare
from eaframework.changes.diff_report import format_json, format_markdown, format_text, summary
from eaframework.lint import lint_texts
from eaframework.loader import load_texts

BASE = """\
apiVersion: eaframework/v1
elements:
  - {kind: organisation-unit, id: ou-a, name: {fi: Yksikkö A, en: Unit A}}
  - {kind: organisation-unit, id: ou-b, name: {fi: Yksikkö B, en: Unit B}}
  - kind: information-system
    id: sys-x
    name: {fi: Järjestelmä X, en: System X}
    owner: ou-a
    annual-cost: 1000
    sourcing: saas
    contract: {reference: R-1, data-ownership: organisation}
    lifecycle: {phase: in-production, start: 2020-01-01}
    supports: [prc-p]
  - {kind: process, id: prc-p, name: Prosessi P, owner: ou-a, uses: [sys-x]}
"""

OWNER_COST = "owner: ou-a\n    annual-cost: 1000"


def model(text: str):
    result = load_texts({"m.yaml": textwrap.dedent(text)})
    assert not result.diagnostics, result.diagnostics
    return result.model


def changed(text: str, *edits: tuple[str, str]) -> str:
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_identical_models_have_no_changes():
    diff = compare(model(BASE), model(BASE))
    assert diff.empty
    assert summary(diff) == ["No changes."]
    assert summary(diff, "fi") == ["Ei muutoksia."]


def test_changes_field_by_field_with_nested_paths():
    after = changed(BASE, ("data-ownership: organisation}", "data-ownership: vendor}"),
                    ("supports: [prc-p]", "supports: [prc-p, prc-q]"),
                    ("uses: [sys-x]}", "uses: [sys-x]}\n  - {kind: process, id: prc-q, "
                                       "name: Q}"))
    diff = compare(model(BASE), model(after))
    (change,) = [c for c in diff.changed if c.element.id == "sys-x"]
    fields = {f.path: f for f in change.fields}
    assert set(fields) == {"contract.data-ownership", "supports"}
    assert (fields["contract.data-ownership"].old, fields["contract.data-ownership"].new) == (
        "organisation", "vendor")
    assert fields["supports"].items_added == ["prc-q"] and fields["supports"].items_removed == []
    assert [p.element.id for p in diff.added] == ["prc-q"]
    assert [(r.source.id, r.type, r.target.id) for r in diff.relations_added] == [
        ("sys-x", "supports", "prc-q")]
    assert diff.relations_added[0].with_new_or_gone
    assert "      contract.data-ownership: organisation → vendor" in format_text(diff)


def test_rename_keeps_the_id():
    after = changed(BASE, ("{fi: Järjestelmä X, en: System X}",
                           "{fi: Järjestelmä Y, en: System Y}"))
    diff = compare(model(BASE), model(after))
    (change,) = diff.changed
    assert change.renamed and change.old_name == "Järjestelmä X" and change.element.name == (
        "Järjestelmä Y")
    assert not diff.added and not diff.removed and not diff.relations_added
    assert "Renames 'Järjestelmä X' to 'Järjestelmä Y' (sys-x)." in summary(diff)
    assert "Nimi muutettu: Järjestelmä X → Järjestelmä Y (sys-x)." in summary(diff, "fi")


def test_id_change_with_the_same_content_is_a_possible_rename_not_add_and_remove():
    after = changed(BASE, ("id: sys-x", "id: sys-x2"), ("supports: [prc-p]", "supports: [prc-p]"),
                    ("uses: [sys-x]", "uses: [sys-x2]"))
    diff = compare(model(BASE), model(after))
    (change,) = diff.id_changes
    assert (change.old.id, change.new.id, change.same_content) == ("sys-x", "sys-x2", True)
    assert not diff.added and not diff.removed
    # References that follow the new id are not changes, and no relation moved.
    assert not diff.changed and not diff.relations_added and not diff.relations_removed
    assert "Changes the id of System X from sys-x to sys-x2 (possibly renamed)." in summary(diff)


def test_id_change_with_other_edits_is_matched_by_kind_and_name():
    after = changed(BASE, ("id: sys-x", "id: sys-x2"), ("annual-cost: 1000", "annual-cost: 1200"),
                    ("uses: [sys-x]", "uses: [sys-x2]"))
    diff = compare(model(BASE), model(after))
    (change,) = diff.id_changes
    assert not change.same_content
    assert [(f.path, f.old, f.new) for f in change.fields] == [("annual-cost", 1000, 1200)]
    assert [(c.element.id, c.old, c.new) for c in diff.costs] == [("sys-x2", 1000, 1200)]


def test_unrelated_add_and_remove_stay_add_and_remove():
    after = changed(BASE, ("id: sys-x\n    name: {fi: Järjestelmä X, en: System X}",
                           "id: sys-z\n    name: {fi: Uusi, en: New}"),
                    ("uses: [sys-x]", "uses: [sys-z]"))
    diff = compare(model(BASE), model(after))
    assert [p.element.id for p in diff.added] == ["sys-z"]
    assert [p.element.id for p in diff.removed] == ["sys-x"]
    assert not diff.id_changes
    assert diff.added[0].owner.id == "ou-a" and diff.added[0].annual_cost == 1000


def test_ownership_cost_and_lifecycle_changes():
    after = changed(BASE, (OWNER_COST, "owner: ou-b\n    annual-cost: 1500"),
                    ("{phase: in-production, start: 2020-01-01}",
                     "{phase: retired, start: 2020-01-01, end: 2025-06-30}"))
    diff = compare(model(BASE), model(after))
    (move,) = diff.ownership
    assert (move.element.id, move.old.id, move.new.id) == ("sys-x", "ou-a", "ou-b")
    (cost,) = diff.costs
    assert (cost.field, cost.old, cost.new, cost.delta) == ("annual-cost", 1000, 1500, 500)
    (life,) = diff.lifecycle
    assert (life.old_phase, life.new_phase, life.old_end, life.new_end) == (
        "in-production", "retired", None, "2025-06-30")
    assert (diff.old_annual_cost, diff.new_annual_cost) == (1000, 0)  # retired: not counted
    text = summary(diff)
    assert "Moves ownership of System X from Unit A to Unit B." in text
    assert "Retires 1 information system: System X." in text
    fi = summary(diff, "fi")
    assert "Omistajuus siirtyy: Järjestelmä X, Yksikkö A → Yksikkö B." in fi
    assert "Poistettu käytöstä 1 tietojärjestelmä: Järjestelmä X." in fi
    assert "Käytössä olevien järjestelmien vuosikustannukset: 1\u00a0000\u00a0€ → 0\u00a0€ " \
           "(−1\u00a0000\u00a0€)." in fi


def test_relations_in_relation_lists():
    before = BASE + "relations:\n  - {type: associated-with, source: ou-a, target: ou-b}\n"
    after = BASE + "relations:\n  - {type: associated-with, source: ou-b, target: ou-a}\n"
    diff = compare(model(before), model(after))
    assert [(r.source.id, r.target.id, r.via_field) for r in diff.relations_added] == [
        ("ou-b", "ou-a", None)]
    assert [(r.source.id, r.target.id) for r in diff.relations_removed] == [("ou-a", "ou-b")]
    assert not diff.relations_added[0].with_new_or_gone


def lint_pair(before: str, after: str):
    old, new = load_texts({"m.yaml": before}), load_texts({"m.yaml": after})
    return compare(old.model, new.model, lint_texts({"m.yaml": before}),
                   lint_texts({"m.yaml": after}), "before", "after")


def test_findings_are_matched_by_content_not_by_line():
    # The same model with its elements in another order and blank lines added: every
    # finding moves to another line, and none is new or gone.
    lines = BASE.splitlines(keepends=True)
    moved = "".join(lines[:2] + ["\n\n"] + lines[13:] + lines[2:13])
    assert load_texts({"m.yaml": moved}).model.elements.keys() == model(BASE).elements.keys()
    diff = lint_pair(BASE, moved)
    assert diff.linted and diff.empty


def test_new_and_gone_findings():
    after = changed(BASE, ("data-ownership: organisation}", "data-ownership: vendor}"))
    diff = lint_pair(BASE, after)
    codes = [(f.code, f.element.id, f.field) for f in diff.findings_new]
    assert ("EA307", "sys-x", "contract.data-ownership") in codes
    assert all(f.location.startswith("m.yaml:") for f in diff.findings_new)
    back = lint_pair(after, BASE)
    assert [(f.code, f.element.id) for f in back.findings_gone] == [
        (f.code, f.element.id) for f in diff.findings_new]
    assert not back.findings_new


def test_formats_agree_on_the_content():
    after = changed(BASE, (OWNER_COST, "owner: ou-b\n    annual-cost: 1500"))
    diff = compare(model(BASE), model(after), old_label="v1", new_label="v2")
    data = json.loads(format_json(diff))
    assert data["old_label"] == "v1" and data["new_label"] == "v2"
    assert data["ownership"][0]["new"]["id"] == "ou-b"
    assert data["costs"][0]["new"] == 1500
    assert data["summary"] == summary(diff)
    markdown = format_markdown(diff)
    assert markdown.startswith("## Architecture changes: v1 → v2\n")
    assert "| System X (sys-x) | Unit A | Unit B |" in markdown
    assert "| System X (sys-x) | annual-cost | €1,000 | €1,500 | +€500 |" in markdown
    memo = format_markdown(diff, "fi")
    assert "### Omistajuuden muutokset (1)" in memo
    assert "| Järjestelmä X (sys-x) | Yksikkö A | Yksikkö B |" in memo
    assert "_Findings were not compared" in markdown
