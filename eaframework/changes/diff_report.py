"""A `ModelDiff` as text for the terminal, Markdown for a pull-request comment or a council
memo (`lang="fi"`: Finnish prose and tables), or JSON. Pure: returns the text.

Every format opens with the same summary in sentences ("Adds 1 information system: ...,
breaks principle P6 twice"), then one section per theme. Sections share their rows, so
the text and Markdown forms cannot disagree. Text from the model is made safe as it is
written: text lines by `printable` (no control character reaches a terminal or CI log),
Markdown cells and lines by `md` (no HTML, link or table markup from a name).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..diagnostics import printable, safe_json
from . import wording as w
from .diff_result import ElementChange, FieldChange, Finding, ModelDiff, Presence
from .diff_summary import Code, arrow, html, md, no_lint_note
from .diff_summary import labelled as _labelled
from .diff_summary import name as _name
from .diff_summary import owner as _owner
from .diff_summary import summary
from .diff_summary import t as _t

__all__ = ["FORMATS", "format_json", "format_markdown", "format_text", "sections", "summary"]

MAX_RELATIONS_SHOWN = 40  # per section in text and Markdown; JSON has them all


# -- sections ----------------------------------------------------------------------------
@dataclass
class Section:
    key: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    hidden: int = 0  # rows left out


def sections(diff: ModelDiff, lang: str = "en") -> list[Section]:
    """The themed tables, in reading order; empty ones are left out."""
    t = lambda key: _t(lang, key)  # noqa: E731
    found = [
        Section("added", [t("kind"), t("id"), t("name"), t("owner"), t("phase"),
                          t("annual_cost")], [_presence(p, lang) for p in diff.added]),
        Section("removed", [t("kind"), t("id"), t("name"), t("owner"), t("phase"),
                            t("annual_cost")], [_presence(p, lang) for p in diff.removed]),
        Section("id_changes", [t("kind"), t("old"), t("new"), t("name"), t("basis")], [
            [w.kind_name(c.new.kind, lang), c.old.id, c.new.id, _name(c.new, lang),
             t("same_content") if c.same_content else t("same_name")]
            for c in diff.id_changes]),
        Section("ownership", [t("element"), t("from"), t("to")], [
            [_labelled(c.element, lang), _owner(c.old, lang), _owner(c.new, lang)]
            for c in diff.ownership]),
        Section("costs", [t("element"), t("field"), t("old"), t("new"), t("change")], [
            [_labelled(c.element, lang), c.field, w.money(c.old, lang), w.money(c.new, lang),
             w.money(c.delta, lang, signed=True)] for c in diff.costs]),
        Section("lifecycle", [t("element"), t("phase"), t("state"), t("start"), t("end")], [
            [_labelled(c.element, lang),
             arrow(w.phase(c.old_phase, lang), w.phase(c.new_phase, lang)),
             arrow(w.state(c.old_state, lang), w.state(c.new_state, lang)),
             arrow(c.old_start or "–", c.new_start or "–"),
             arrow(c.old_end or "–", c.new_end or "–")] for c in diff.lifecycle]),
    ]
    for key, changes in (("relations_added", diff.relations_added),
                         ("relations_removed", diff.relations_removed)):
        rows = [[_labelled(r.source, lang), w.relation(r.type, lang), _labelled(r.target, lang)]
                for r in changes]
        found.append(Section(key, [t("source"), t("relation"), t("target")],
                             rows[:MAX_RELATIONS_SHOWN], max(0, len(rows) - MAX_RELATIONS_SHOWN)))
    for key, findings in (("findings_new", diff.findings_new),
                          ("findings_gone", diff.findings_gone)):
        found.append(Section(key, [t("severity"), t("code"), t("element"), t("message"),
                                   t("principle"), t("where")],
                             [_finding(f, lang) for f in findings]))
    found.append(Section("principles", [t("principle"), t("comply_old"), t("comply_new"),
                                        t("newly_failing"), t("fixed")], [
        [f"{p.code} {p.name}" if p.code else p.name, f"{p.old_comply}/{p.old_checked}",
         f"{p.new_comply}/{p.new_checked}", ", ".join(r.id for r in p.newly_failing) or "–",
         ", ".join(r.id for r in p.no_longer_failing) or "–"] for p in diff.principles]))
    return [s for s in found if s.rows]


def _presence(p: Presence, lang: str) -> list[str]:
    return [w.kind_name(p.element.kind, lang), p.element.id, _name(p.element, lang),
            _owner(p.owner, lang) if p.owner else "–", w.phase(p.phase, lang),
            w.money(p.annual_cost, lang)]


def _finding(f: Finding, lang: str) -> list[str]:
    return [w.severity(f.severity, lang), f.code, f.element.id if f.element else "–",
            Code(f.message), f.principle or "–", f.location or "–"]


def _field_line(c: FieldChange, lang: str) -> str:
    if c.items_added or c.items_removed:
        parts = []
        if c.items_added:
            parts.append("+ " + ", ".join(w.value(i, lang) for i in c.items_added))
        if c.items_removed:
            parts.append("− " + ", ".join(w.value(i, lang) for i in c.items_removed))
        return f"{c.path}: {'; '.join(parts)}"
    return f"{c.path}: {w.value(c.old, lang)} → {w.value(c.new, lang)}"


def _header(diff: ModelDiff, lang: str) -> str:
    return f"{_t(lang, 'title')}: {diff.old_label} → {diff.new_label}"


def _counts(diff: ModelDiff, lang: str) -> str:
    if lang == "fi":
        text = (f"{diff.old_elements} → {diff.new_elements} kohdetta: {len(diff.added)} lisätty, "
                f"{len(diff.removed)} poistettu, {len(diff.changed)} muutettu; suhteita "
                f"+{len(diff.relations_added)} −{len(diff.relations_removed)}")
        if diff.linted:
            text += f"; havaintoja +{len(diff.findings_new)} −{len(diff.findings_gone)}"
        return text
    text = (f"{diff.old_elements} → {diff.new_elements} elements: {len(diff.added)} added, "
            f"{len(diff.removed)} removed, {len(diff.changed)} changed; relations "
            f"+{len(diff.relations_added)} −{len(diff.relations_removed)}")
    if diff.linted:
        text += f"; findings +{len(diff.findings_new)} −{len(diff.findings_gone)}"
    return text


# -- text ------------------------------------------------------------------------------------
def format_text(diff: ModelDiff, lang: str = "en") -> str:
    lines = [_header(diff, lang), _counts(diff, lang), ""]
    lines += summary(diff, lang)
    for key, title_count, body in _text_sections(diff, lang):
        lines += ["", f"{_t(lang, key)} ({title_count})", *body]
    if not diff.linted:
        lines += ["", no_lint_note(diff, lang)]
    return printable("\n".join(printable(line) for line in lines), multiline=True) + "\n"


def _text_sections(diff: ModelDiff, lang: str):
    """(title key, count, lines) of each non-empty section, in reading order."""
    if diff.added:
        yield "added", len(diff.added), _aligned([["+"] + _presence(p, lang) for p in diff.added])
    if diff.removed:
        yield "removed", len(diff.removed), _aligned(
            [["−"] + _presence(p, lang) for p in diff.removed])
    if diff.changed:
        yield "changed", len(diff.changed), _changed_text(diff.changed, lang)
    if diff.id_changes:
        yield "id_changes", len(diff.id_changes), [
            f"  {c.old.id} → {c.new.id}  {_name(c.new, lang)}  ("
            f"{_t(lang, 'same_content') if c.same_content else _t(lang, 'same_name')})"
            for c in diff.id_changes]
    if diff.ownership:
        yield "ownership", len(diff.ownership), [
            f"  {_labelled(c.element, lang)}: {_owner(c.old, lang)} → {_owner(c.new, lang)}"
            for c in diff.ownership]
    if diff.costs:
        yield "costs", len(diff.costs), _aligned([
            [_labelled(c.element, lang), c.field,
             f"{w.money(c.old, lang)} → {w.money(c.new, lang)}",
             f"({w.money(c.delta, lang, signed=True)})"] for c in diff.costs])
    if diff.lifecycle:
        yield "lifecycle", len(diff.lifecycle), [
            f"  {_labelled(c.element, lang)}: {_lifecycle_words(c, lang)}" for c in diff.lifecycle]
    for key, changes, mark in (("relations_added", diff.relations_added, "+"),
                               ("relations_removed", diff.relations_removed, "−")):
        if changes:
            shown = changes[:MAX_RELATIONS_SHOWN]
            body = _aligned([[mark, _labelled(r.source, lang), w.relation(r.type, lang),
                              _labelled(r.target, lang)] for r in shown])
            if len(changes) > len(shown):
                body.append("  " + _t(lang, "more", n=len(changes) - len(shown)))
            yield key, len(changes), body
    for key, findings in (("findings_new", diff.findings_new),
                          ("findings_gone", diff.findings_gone)):
        if findings:
            yield key, len(findings), [_finding_line(f, lang) for f in findings]
    if diff.principles:
        yield "principles", len(diff.principles), [_principle_line(p, lang)
                                                    for p in diff.principles]


def _lifecycle_words(c, lang: str) -> str:
    parts = []
    for key, old, new in (("phase", w.phase(c.old_phase, lang), w.phase(c.new_phase, lang)),
                          ("state", w.state(c.old_state, lang), w.state(c.new_state, lang)),
                          ("start", c.old_start or "–", c.new_start or "–"),
                          ("end", c.old_end or "–", c.new_end or "–")):
        if old != new:
            parts.append(f"{_t(lang, key)} {old} → {new}")
    return "; ".join(parts)


def _finding_line(f: Finding, lang: str) -> str:
    where = f.location or "(model)"
    line = f"  {where}  {w.severity(f.severity, lang)}  {f.code}  {f.message}"
    return f"{line}  [{f.principle}]" if f.principle else line


def _principle_line(p, lang: str) -> str:
    label = f"{p.code} {p.name}" if p.code else p.name
    comply = "noudattaa" if lang == "fi" else "comply"
    line = f"  {label}: {p.old_comply}/{p.old_checked} → {p.new_comply}/{p.new_checked} {comply}"
    if p.newly_failing:
        line += f"; {_t(lang, 'newly_failing')}: {', '.join(r.id for r in p.newly_failing)}"
    if p.no_longer_failing:
        line += f"; {_t(lang, 'fixed')}: {', '.join(r.id for r in p.no_longer_failing)}"
    return line


def _changed_text(changes: list[ElementChange], lang: str) -> list[str]:
    lines = []
    for c in changes:
        head = f"  ~ {w.kind_name(c.element.kind, lang)}  {c.element.id}  {_name(c.element, lang)}"
        if c.renamed:
            head += f"  ({_t(lang, 'renamed_from')} {c.old_name!r})"
        lines.append(head)
        lines += [f"      {_field_line(f, lang)}" for f in c.fields]
    return lines


def _aligned(rows: list[list[str]]) -> list[str]:
    """Columns padded to the widest cell, except the last (it may run long)."""
    if not rows:
        return []
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return ["  " + "  ".join([c.ljust(wd) for c, wd in zip(r, widths)] + [r[-1]]).rstrip()
            for r in rows]


# -- Markdown --------------------------------------------------------------------------------
def format_markdown(diff: ModelDiff, lang: str = "en") -> str:
    out = [f"## {md(_header(diff, lang))}", "", f"_{_counts(diff, lang)}_", ""]
    out += [f"- {md(sentence)}" for sentence in summary(diff, lang)]
    tables = {s.key: s for s in sections(diff, lang)}
    order = ["added", "removed", "changed", "id_changes", "ownership", "costs", "lifecycle",
             "findings_new", "findings_gone", "principles", "relations_added",
             "relations_removed"]
    for key in order:
        if key == "changed":
            if diff.changed:
                out += ["", f"### {_t(lang, 'changed')} ({len(diff.changed)})", ""]
                out += _changed_markdown(diff.changed, lang)
            continue
        section = tables.get(key)
        if section is None:
            continue
        out += ["", f"### {_t(lang, key)} ({len(section.rows) + section.hidden})", ""]
        out += _table(section.columns, section.rows)
        if section.hidden:
            out += ["", _t(lang, "more", n=section.hidden)]
    if not diff.linted:
        out += ["", f"_{no_lint_note(diff, lang)}_"]
    return "\n".join(out) + "\n"


def _changed_markdown(changes: list[ElementChange], lang: str) -> list[str]:
    out = []
    for c in changes:
        title = f"{html(_name(c.element, lang))} (`{html(c.element.id)}`)"
        if c.renamed:
            title += f", {_t(lang, 'renamed_from')} {html(c.old_name or '')}"
        out += [f"<details><summary>{w.kind_name(c.element.kind, lang)}: {title} — "
                f"{_fields(c, lang)}"
                f"</summary>", ""]
        rows = [[Code(f"`{f.path}`") if _PATH.fullmatch(f.path) else f.path,
                 w.value(f.old, lang), w.value(f.new, lang)] for f in c.fields]
        out += _table([_t(lang, "field"), _t(lang, "old"), _t(lang, "new")], rows)
        out += ["", "</details>", ""]
    return out[:-1] if out else out


def _fields(change: ElementChange, lang: str) -> str:
    n = len(change.fields)
    return _t(lang, "field_one") if n == 1 else _t(lang, "fields", n=n)


def _table(columns: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return lines


_PATH = re.compile(r"[\w.:/-]+")  # a field path shown as code; any other is escaped


# -- JSON ------------------------------------------------------------------------------------
def format_json(diff: ModelDiff, lang: str = "en") -> str:
    """Every change in full, plus the summary sentences in `lang`."""
    import json

    data = {"summary": summary(diff, lang), **diff.to_dict()}
    return safe_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


FORMATS: dict[str, Callable[[ModelDiff, str], str]] = {
    "text": format_text,
    "json": format_json,
    "markdown": format_markdown,
}
