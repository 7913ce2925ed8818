"""The statutory descriptions for the sample: § 28 asiakirjajulkisuuskuvaus and the § 5
tiedonhallintamalli summary, in Finnish, showing what is missing and nothing secret."""

from __future__ import annotations

import re

import pytest

from eaframework.model import Publicity
from eaframework.report.document import (
    Document,
    Link,
    Missing,
    Para,
    Table,
    html,
    markdown,
    md_escape,
    missing_notes,
)
from eaframework.report.publish import GAPS, asiakirjajulkisuuskuvaus, tiedonhallintamalli
from eaframework.rules.registry import lookup

from .conftest import HOSTILE, TODAY, load, sample_files


@pytest.fixture(scope="module")
def s28(sample) -> Document:
    return asiakirjajulkisuuskuvaus(sample.model, today=TODAY)


@pytest.fixture(scope="module")
def s5(sample) -> Document:
    return tiedonhallintamalli(sample.model, today=TODAY)


def section(text: str, heading: str) -> str:
    """The Markdown from `heading` to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    start = text.index(heading + "\n")
    rest = text[start + len(heading):]
    end = re.search(rf"^#{{1,{len(level)}}} ", rest, re.M)
    return rest[: end.start()] if end else rest


# -- § 28 ------------------------------------------------------------------------------------
def test_s28_lists_the_register_systems_with_search_keys_and_contacts(s28):
    md = markdown(s28)
    assert md.startswith("# Asiakirjajulkisuuskuvaus\n")
    assert "906/2019), 28 §" in md
    register = section(md, "## 2. Asiarekisteri")
    assert "Asianhallintajärjestelmä Dokumo" in register
    assert "Rakennusvalvonnan rekisteri Rava" in register
    assert "Kirjaamo, kirjaamo@esimerkkila.fi" in register
    assert "diaarinumero, asian nimike, asianosainen" in register
    systems = section(md, "## 3. Tietojärjestelmät ja tietoaineistot")
    headings = re.findall(r"^### (.+)$", systems, re.M)
    # Systems holding secret data are listed too (their existence is public); their
    # secret datasets are not.
    assert headings == ["Asiakaspalvelun CRM", "Asianhallintajärjestelmä Dokumo",
                        "Kirjastojärjestelmä Lainaamo", "Lupapiste",
                        "Oppilashallintojärjestelmä Koulunet", "Rakennusvalvonnan rekisteri Rava",
                        "Varhaiskasvatuksen järjestelmä Lapsitieto"]
    lupapiste = section(md, "### Lupapiste")
    assert "Tietopyynnöt: Johtava rakennustarkastaja, rakennusvalvonta@esimerkkila.fi" in lupapiste
    assert "hakemustunnus, kiinteistötunnus, hakijan nimi" in lupapiste
    assert "Avoin rajapinta: Lupapisteen rajapinta" in lupapiste
    # datasets with their data groups and search keys
    rava = section(md, "### Rakennusvalvonnan rekisteri Rava")
    assert re.search(r"\| Rakennuslupapäätökset \| Rakennus, Rakennuslupa \| lupatunnus, "
                     r"kiinteistötunnus, pysyvä rakennustunnus", rava)
    assert "Avoin rajapinta: ei avointa rajapintaa" in rava
    # authority and its contact
    assert "Viranomainen: Esimerkkilän kaupunki, Y-tunnus 1234567-1" in md
    assert "Tietopyynnöt ja kirjaamo: kirjaamo@esimerkkila.fi" in md


def test_s28_open_interfaces(s28):
    md = markdown(s28)
    apis = section(md, "## 4. Tietojen saatavuus avoimen rajapinnan kautta")
    assert "Asianhallinnan REST-rajapinta" in apis
    assert "[https://kehittajat.esimerkkila.fi/asianhallinta]" in apis
    assert "SignIt" not in apis  # closed
    assert "Väestötietojärjestelmä" not in apis  # another authority's


OPENISH_FILE = """\
apiVersion: eaframework/v1
elements:
  - {kind: interface, id: if-openish-manual, name: Sähköpostilla pyydettävä ote,
     style: manual, openness: open}
  - {kind: interface, id: if-openish-retired, name: Vanha avoin rajapinta, style: rest,
     openness: open, lifecycle: {phase: retired, end: 2024-01-01}}
  - {kind: interface, id: if-openish-buyer, name: Tilaajan rajapinta, style: rest,
     openness: buyer-controlled}
  - {kind: information-system, id: sys-openish, name: Avoimuustesti, owner: ou-tietohallinto,
     service-data: true, exposes: [if-openish-manual, if-openish-retired, if-openish-buyer]}
"""


def test_one_open_interface_definition_for_summary_and_s28():
    """Only a live, technical interface open to anyone counts, in the report's share and
    in § 28 alike; rule EA306 also accepts buyer-controlled ones (see summary.py)."""
    from eaframework.report.data import build

    loaded = load({**sample_files(), "openish.yaml": OPENISH_FILE})
    md = markdown(asiakirjajulkisuuskuvaus(loaded.model, today=TODAY))
    assert "Avoin rajapinta: ei avointa rajapintaa" in section(md, "### Avoimuustesti")
    apis = section(md, "## 4. Tietojen saatavuus avoimen rajapinnan kautta")
    assert "Avoimuustesti" not in apis
    shares = {s.key: s for s in build(loaded.model, loaded.report, today=TODAY).shares}
    assert "sys-openish" in [m.id for m in shares["share.open-interface"].missing]


def test_s28_says_what_is_missing_for_sys_rakvalv(s28):
    md = markdown(s28)
    rava = section(md, "### Rakennusvalvonnan rekisteri Rava")
    assert ("Hakutekijät: **Puuttuu: hakutekijät** (`ea lint`: EA312 "
            "case-register-description)") in rava
    assert "Tietopyynnöt: **Puuttuu: tietopyyntöjen yhteystieto**" in rava
    notes = missing_notes(s28)
    assert {(n.element, n.what) for n in notes} == {
        ("sys-rakvalv", "Puuttuu: hakutekijät"),
        ("sys-rakvalv", "Puuttuu: tietopyyntöjen yhteystieto"),
    }
    assert "Kuvauksessa on 4 puutetta" in md  # listed both in section 2 and 3


def test_s5_covers_what_the_law_lists(s5):
    md = markdown(s5)
    assert md.startswith("# Tiedonhallintamalli (yhteenveto)\n")
    for heading in ("## 1. Vastuut", "## 2. Toimintaprosessit",
                    "## 3. Tietovarannot ja niiden yhteydet", "## 4. Tietojärjestelmät ja rajapinnat",
                    "## 5. Tietovirrat ja siirtotavat", "## 6. Säilytys ja arkistointi"):
        assert heading + "\n" in md
    assert "Hyväksytty: Kaupunginhallitus 10.2.2025" in md
    flows = section(md, "## 5. Tietovirrat ja siirtotavat")
    assert ("| Lupapäätösten tiedot Lupapisteestä rekisteriin | Lupapiste → Rakennusvalvonnan "
            "rekisteri Rava | Lupahakemukset liitteineen, Rakennuslupa | manuaalinen | – |"
            ) in flows
    systems = section(md, "## 4. Tietojärjestelmät ja rajapinnat")
    assert "Asianhallinnan REST-rajapinta (REST, avoin)" in systems
    processes = section(md, "## 2. Toimintaprosessit")
    assert "| Aloituskokoukset ja katselmukset työmaalla | Rakennusvalvonta | 10.03.00 " in processes
    assert "manuaalinen prosessi" in processes
    retention = section(md, "## 6. Säilytys ja arkistointi")
    assert "| – Diaari (asiarekisteri) | pysyvä | pysyvä säilytys |" in retention


def test_s5_says_what_is_missing(s5):
    notes = {(n.element, n.rule) for n in missing_notes(s5)}
    assert notes == {
        ("sys-intranet", "EA301 system-has-owner"),
        ("prc-talousarvio", "EA502 process-uses-information"),
        ("ir-sopimusrekisteri", "EA503 resource-held-in-system"),
    }
    md = markdown(s5)
    assert "| Intranet Esinetti | **Puuttuu: omistaja** (`ea lint`: EA301 system-has-owner)" in md


@pytest.mark.parametrize("build", [asiakirjajulkisuuskuvaus, tiedonhallintamalli])
def test_every_gap_is_also_a_lint_finding(sample, build):
    """The document and `ea lint` agree: each "Puuttuu" naming a rule is that rule's
    finding on that element."""
    found = {(d.code, d.element) for d in sample.report.diagnostics}
    for note in missing_notes(build(sample.model, today=TODAY)):
        if note.rule:
            assert (note.rule.split()[0], note.element) in found, note


def test_gap_rules_exist():
    for what, rule in GAPS.values():
        assert what.startswith("Puuttuu: ")
        if rule:
            code, name = rule.split()
            assert lookup(code) is not None and lookup(code).name == name, rule


@pytest.mark.parametrize("build", [asiakirjajulkisuuskuvaus, tiedonhallintamalli])
def test_nothing_secret(sample, build):
    document = build(sample.model, today=TODAY)
    texts = markdown(document) + html(document)
    secret = [e for e in sample.model if getattr(e, "publicity", None) is Publicity.SECRET
              and e.kind != "information-system"]
    assert len(secret) == 9
    for element in secret:
        assert element.name.fi not in texts, element.id
    # Security arrangements are never published, even of public systems.
    assert "Entra ID" not in texts  # sys-asianhallinta's security-measures
    assert "ESIDno" not in texts  # contract references
    assert "salassa pidettäviksi merkityt kohteet" in texts


def test_html_and_markdown_say_the_same(s28):
    page = html(s28)
    assert page.count("<strong class=\"missing\">Puuttuu: ") == len(missing_notes(s28))
    assert "<script" not in page and "http-equiv=\"Content-Security-Policy\"" in page
    assert '<html lang="fi">' in page
    assert "<h3 id=\"sys-rakvalv\">Rakennusvalvonnan rekisteri Rava</h3>" in page


def test_markup_in_the_model_stays_text(hostile):
    document = tiedonhallintamalli(hostile.model, today=TODAY)
    md, page = markdown(document), html(document)
    assert HOSTILE not in md and "\\<script\\>alert(1)\\</script\\>" in md
    assert "<img" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<script") == 0


def test_markdown_escaping_and_links():
    assert md_escape("a|b *c* <d> [e](f) & #g") == r"a\|b \*c\* \<d\> \[e\](f) \& \#g"
    document = Document("T", blocks=[
        Para([Link("ok", "https://example.fi/x"), " ", Link("bad", "javascript:alert(1)")]),
        Table(["h"], [[[Missing("Puuttuu: x", "EA999 rule")]]]),
    ])
    md, page = markdown(document), html(document)
    assert "[ok](<https://example.fi/x>) bad" in md
    assert "javascript" not in md and "javascript" not in page
    assert "| **Puuttuu: x** (`ea lint`: EA999 rule) |" in md
