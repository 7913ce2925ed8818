"""The words of a diff report in English and Finnish, and the summary in sentences that
every format opens with ("Adds 1 information system: ..., breaks principle P6 twice")."""

from __future__ import annotations

from itertools import groupby

from ..diagnostics import printable
from ..model import Phase
from . import wording as w
from .diff_result import ModelDiff, Ref

NAMES_IN_SUMMARY = 5  # elements named in one summary sentence; the sections list them all

_WORDS = {
    "en": {
        "title": "Architecture changes", "elements": "elements",
        "added": "Added", "removed": "Removed", "changed": "Changed",
        "id_changes": "Possibly renamed (id changed)", "ownership": "Ownership",
        "costs": "Costs", "lifecycle": "Lifecycle", "relations_added": "Relations added",
        "relations_removed": "Relations removed", "findings_new": "New findings",
        "findings_gone": "Findings gone", "principles": "Principles",
        "kind": "kind", "id": "id", "name": "name", "owner": "owner", "phase": "phase",
        "annual_cost": "annual cost", "field": "field", "old": "old", "new": "new",
        "element": "element", "from": "from", "to": "to", "change": "change",
        "state": "state", "start": "start", "end": "end", "source": "source",
        "relation": "relation", "target": "target", "severity": "severity", "code": "code",
        "message": "message", "principle": "principle", "where": "where",
        "comply_old": "comply before", "comply_new": "comply after",
        "newly_failing": "newly failing", "fixed": "no longer failing",
        "same_content": "same content", "same_name": "same kind and name",
        "more": "… and {n} more", "fields": "{n} fields", "field_one": "1 field",
        "renamed_from": "renamed from",
        "no_lint": "Findings were not compared (run without --no-lint to compare them).",
        "left_out": "Leaves out {files}: it could not be read (see the findings).",
        "left_out_many": "Leaves out {files}: they could not be read (see the findings).",
        "load_errors": " Load errors are listed all the same.",
        "basis": "match", "total": "Annual cost of the systems not retired",
    },
    "fi": {
        "title": "Arkkitehtuurimuutokset", "elements": "kohdetta",
        "added": "Lisätyt", "removed": "Poistetut", "changed": "Muutetut",
        "id_changes": "Tunniste muuttunut (todennäköisesti sama kohde)",
        "ownership": "Omistajuuden muutokset", "costs": "Kustannusmuutokset",
        "lifecycle": "Elinkaarimuutokset", "relations_added": "Lisätyt suhteet",
        "relations_removed": "Poistetut suhteet", "findings_new": "Uudet havainnot",
        "findings_gone": "Poistuneet havainnot", "principles": "Arkkitehtuuriperiaatteet",
        "kind": "tyyppi", "id": "tunniste", "name": "nimi", "owner": "omistaja",
        "phase": "elinkaari", "annual_cost": "vuosikustannus", "field": "kenttä",
        "old": "ennen", "new": "jälkeen", "element": "kohde", "from": "ennen", "to": "jälkeen",
        "change": "muutos", "state": "tila", "start": "alku", "end": "loppu",
        "source": "lähde", "relation": "suhde", "target": "kohde", "severity": "vakavuus",
        "code": "koodi", "message": "havainto", "principle": "periaate", "where": "sijainti",
        "comply_old": "noudattaa ennen", "comply_new": "noudattaa jälkeen",
        "newly_failing": "uudet poikkeamat", "fixed": "korjautuneet",
        "same_content": "sama sisältö", "same_name": "sama tyyppi ja nimi",
        "more": "… ja {n} muuta", "fields": "{n} kenttää", "field_one": "1 kenttä",
        "renamed_from": "aiempi nimi",
        "no_lint": "Havaintoja ei verrattu (vertailu tehdään ilman valitsinta --no-lint).",
        "left_out": "Vertailusta jäi pois {files}: tiedostoa ei voitu lukea (ks. havainnot).",
        "left_out_many": "Vertailusta jäivät pois {files}: tiedostoja ei voitu lukea "
                         "(ks. havainnot).",
        "load_errors": " Mallin latausvirheet on silti lueteltu.",
        "basis": "peruste", "total": "Käytössä olevien järjestelmien vuosikustannukset",
    },
}


def _t(lang: str, key: str, **kw) -> str:
    text = _WORDS.get(lang, _WORDS["en"])[key]
    return text.format(**kw) if kw else text


def t(lang: str, key: str, **kw) -> str:
    """The word or phrase `key` in `lang` (English for a language without words)."""
    text = _WORDS.get(lang, _WORDS["en"])[key]
    return text.format(**kw) if kw else text


# -- the summary in sentences ---------------------------------------------------------------
def summary(diff: ModelDiff, lang: str = "en") -> list[str]:
    """The change in a few sentences, most important first."""
    fi = lang == "fi"
    out: list[str] = []
    left_out = [*diff.old_left_out, *diff.new_left_out]
    if left_out:
        key = "left_out" if len(left_out) == 1 else "left_out_many"
        out.append(t(lang, key, files=w.listing(left_out, lang)))

    def by_kind(refs: list[Ref], verb_en: str, verb_fi: str) -> None:
        refs = sorted(refs, key=lambda r: (r.kind, r.id))
        for kind, group in groupby(refs, key=lambda r: r.kind):
            items = list(group)
            names = [name(r, lang) for r in items[:NAMES_IN_SUMMARY]]
            if len(items) > NAMES_IN_SUMMARY:
                names.append(("{n} muuta" if fi else "{n} more").format(
                    n=len(items) - NAMES_IN_SUMMARY))
            names = w.listing(names, lang)
            verb = verb_fi if fi else verb_en
            out.append(f"{verb} {w.counted(len(items), kind, lang)}: {names}.")

    by_kind([p.element for p in diff.added], "Adds", "Lisätty")
    by_kind([p.element for p in diff.removed], "Removes", "Poistettu mallista")
    for phase, en, fi_verb in ((Phase.RETIRED, "Retires", "Poistettu käytöstä"),
                               (Phase.IN_PRODUCTION, "Takes into production", "Otettu tuotantoon"),
                               (Phase.PHASING_OUT, "Starts phasing out",
                                "Aloitettu käytöstä poisto")):
        by_kind([c.element for c in diff.lifecycle
                 if c.new_phase == phase and c.old_phase != phase], en, fi_verb)
    if len(diff.renamed) > NAMES_IN_SUMMARY:
        n = len(diff.renamed)
        out.append(f"{n} kohteen nimi muutettu." if fi else f"Renames {n} elements.")
    for change in diff.renamed if len(diff.renamed) <= NAMES_IN_SUMMARY else ():
        now = change.element
        out.append(f"Nimi muutettu: {change.old_name} → {now.name} ({now.id})." if fi else
                   f"Renames {change.old_name!r} to {change.element.name!r} ({change.element.id}).")
    if len(diff.id_changes) > NAMES_IN_SUMMARY:
        n = len(diff.id_changes)
        out.append(f"{n} kohteen tunniste muutettu." if fi else f"Changes the id of {n} elements.")
    for change in diff.id_changes if len(diff.id_changes) <= NAMES_IN_SUMMARY else ():
        out.append(f"Tunniste muutettu (todennäköisesti sama kohde): {change.old.id} → "
                   f"{change.new.id} ({name(change.new, lang)})." if fi else
                   f"Changes the id of {name(change.new, lang)} from {change.old.id} to "
                   f"{change.new.id} (possibly renamed).")
    if len(diff.ownership) > NAMES_IN_SUMMARY:
        n = len(diff.ownership)
        out.append(f"{n} kohteen omistaja vaihtuu." if fi else
                   f"Moves ownership of {n} elements.")
    for move in diff.ownership if len(diff.ownership) <= NAMES_IN_SUMMARY else ():
        what, old, new = name(move.element, lang), owner(move.old, lang), owner(move.new, lang)
        out.append(f"Omistajuus siirtyy: {what}, {old} → {new}." if fi else
                   f"Moves ownership of {what} from {old} to {new}.")
    if diff.old_annual_cost != diff.new_annual_cost:
        delta = diff.new_annual_cost - diff.old_annual_cost
        out.append(f"{t(lang, 'total')}: {w.money(diff.old_annual_cost, lang)} → "
                   f"{w.money(diff.new_annual_cost, lang)} ({w.money(delta, lang, signed=True)}).")
    for p in diff.principles:
        if p.new_findings:
            label = f"{p.code} {p.name}" if p.code else p.name
            finnish = f"{p.code} ({p.name})" if p.code else p.name
            out.append(f"Rikkoo periaatetta {finnish} {w.times(p.new_findings, lang)}." if fi
                       else f"Breaks principle {label} {w.times(p.new_findings, lang)}.")
    if diff.findings_new or diff.findings_gone:
        out.append(_findings_sentence(len(diff.findings_new), len(diff.findings_gone), lang))
    if not out:
        out.append("Ei muutoksia." if fi else "No changes.")
    return out


def _findings_sentence(new: int, gone: int, lang: str) -> str:
    if lang == "fi":
        parts = []
        if new:
            parts.append("tuo 1 uuden havainnon" if new == 1 else f"tuo {new} uutta havaintoa")
        if gone:
            parts.append("poistaa 1 havainnon" if gone == 1 else f"poistaa {gone} havaintoa")
        text = " ja ".join(parts)
        return f"Muutos {text}."
    parts = []
    if new:
        parts.append(f"brings {new} new finding{'s' if new != 1 else ''}")
    if gone:
        parts.append(f"clears {gone} finding{'s' if gone != 1 else ''}")
    text = " and ".join(parts)
    return text[0].upper() + text[1:] + "."


# -- text from the model, safe in Markdown -------------------------------------------------
class Code(str):
    """Text whose backticks are our own code spans (a finding's message names fields so)."""


_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MARKDOWN = str.maketrans({**{c: "\\" + c for c in "\\`*_[]|"}, **_HTML})
_MARKDOWN_CODE = str.maketrans({**{c: "\\" + c for c in "\\*_[]|"}, **_HTML})


def md(text: str) -> str:
    """Model-derived text for Markdown (a table cell, a list item, a heading): one line,
    controls shown escaped (`printable`); `&`, `<` and `>` as entities, so no HTML reaches
    a pull-request comment; and backslash escapes for what could make a link, an image, a
    table cell, emphasis or a code span (`\\ ` * _ [ ] |`; `!` and `( )` make nothing
    without `[ ]`, and `~` only strikes through). A `Code` keeps its backticks."""
    return printable(text).translate(_MARKDOWN_CODE if isinstance(text, Code) else _MARKDOWN)


def html(text: str) -> str:
    """Model-derived text inside our HTML (`<summary>`): controls escaped, `& < >` as
    entities (Markdown is not read there)."""
    return printable(text).translate(str.maketrans(_HTML))


def name(r: Ref, lang: str) -> str:
    return r.label(lang)


def labelled(r: Ref, lang: str) -> str:
    return f"{r.label(lang)} ({r.id})"


def owner(r: Ref | None, lang: str) -> str:
    if r is None:
        return "(ei omistajaa)" if lang == "fi" else "(no owner)"
    return r.label(lang)


def arrow(old: str, new: str) -> str:
    return old if old == new else f"{old} → {new}"


def no_lint_note(diff: ModelDiff, lang: str) -> str:
    """The note that the rules did not run; load errors are compared even then."""
    listed = diff.findings_new or diff.findings_gone
    return t(lang, "no_lint") + (t(lang, "load_errors") if listed else "")
