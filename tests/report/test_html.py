"""The council report page: escaping, self-containment, sections, anchors and links,
languages, and the diagrams made safe to inline."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from eaframework.report import report_html
from eaframework.report.diagrams import inline_svg
from eaframework.report.texts import EN, FI

from .conftest import HOSTILE, TODAY


class Page(HTMLParser):
    """What a test needs from a page: tags with their attributes, script bodies, text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        else:
            self.text.append(data)

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if a.get("id")]

    def all_text(self) -> str:
        return "".join(self.text)


@pytest.fixture(scope="module")
def sample_html(sample) -> str:
    return report_html(sample.model, sample.report, lang="fi", today=TODAY)


@pytest.fixture(scope="module")
def sample_page(sample_html) -> Page:
    return Page(sample_html)


@pytest.fixture(scope="module")
def hostile_html(hostile) -> str:
    return report_html(hostile.model, hostile.report, lang="fi", today=TODAY, diagrams=False)


# -- escaping ----------------------------------------------------------------------------------
def test_markup_from_the_model_is_text(hostile_html):
    page = Page(hostile_html)
    # Only the report's own sorting script: none from the model.
    assert [tag for tag, _ in page.tags].count("script") == 1
    assert hostile_html.count("<script") == 1
    assert "<img" not in hostile_html and "<b onmouseover" not in hostile_html
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert "<svg onload" not in hostile_html and "<x>" not in hostile_html
    # ... and the text shows exactly what the architect wrote.
    text = page.all_text()
    assert HOSTILE in text
    assert "Kuvaus </p><script>alert(3)</script>" in text
    assert "Vendor & <i>Co</i>" in text
    assert "Tietohallintojohtaja <img src=y onerror=alert(7)>" in text  # exceptions register
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_html


def test_hostile_name_escaped_in_attributes_and_chart(hostile_html):
    # Tooltips (title="...") hold names too.
    for match in re.finditer(r'title="([^"]*)"', hostile_html):
        assert "<" not in match.group(1)
    chart = re.search(r'<svg class="chart".*?</svg>', hostile_html, re.S).group(0)
    assert "<script" not in chart


# -- self-contained ----------------------------------------------------------------------------
def test_loads_nothing_from_anywhere(sample_page, sample_html):
    for tag, attrs in sample_page.tags:
        for name in ("src", "srcset", "data", "action", "formaction", "poster"):
            assert name not in attrs, (tag, attrs)
        if tag == "link":  # an empty icon, so the browser asks for no favicon.ico
            assert attrs == {"rel": "icon", "href": "data:,"}
            continue
        for name in ("href", "xlink:href"):
            value = attrs.get(name)
            if value is not None and not value.startswith("#"):
                # Only plain links a person may follow, never something loaded.
                assert tag == "a" and value.startswith(("https://", "http://")), (tag, attrs)
    assert "@import" not in sample_html and "@font-face" not in sample_html
    assert not re.search(r"url\((?!#)", sample_html)


def test_content_security_policy_allows_only_the_sort_script(sample_page):
    csp = next(a["content"] for t, a in sample_page.tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    script = sample_page.scripts[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


# -- structure ---------------------------------------------------------------------------------
def test_sections(sample_page):
    ids = set(sample_page.ids())
    assert {"Summary", "Principles", "Diagrams", "Projects", "Findings", "Exceptions"} <= ids
    assert {f"View-{v}" for v in ("operations", "information", "systems", "technology",
                                  "cross")} <= ids
    text = sample_page.all_text()
    for heading in ("Yhteenveto", "Periaatteiden noudattaminen", "Kehittämishankkeet",
                    "Hyväksytyt poikkeukset", "Tietojärjestelmäarkkitehtuuri"):
        assert heading in text


def test_every_element_has_an_anchor_and_every_link_lands(sample, sample_page):
    ids = sample_page.ids()
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert set(sample.model.elements) <= set(ids)
    targets = [a.get("href") or a.get("xlink:href") for _, a in sample_page.tags]
    internal = [t[1:] for t in targets if t and t.startswith("#")]
    assert internal
    assert not set(internal) - set(ids), "links to missing anchors"


def test_summary_numbers(sample_page):
    text = sample_page.all_text()
    assert "1\u202f104\u202f000\u00a0€" in text  # total annual cost
    assert "94\u00a0%" in text and "16/17" in text  # named owner
    assert "Kohdistamatta" in text  # the unallocated bar


def test_cost_chart_links_bars_to_units(sample_html):
    chart = re.search(r'<svg class="chart".*?</svg>', sample_html, re.S).group(0)
    assert chart.count("<rect") == 16  # 15 units and the unallocated part
    assert '<a href="#ou-sivistys">' in chart
    assert "192\u202f350\u00a0€" in chart


def test_element_page_shows_relations_owner_costs_and_findings(sample_html):
    article = re.search(r'<article class="element" id="sys-crm">.*?</article>',
                        sample_html, re.S).group(0)
    text = Page(article).all_text()
    for expected in ("Asiakaspalvelukeskus Aspa", "tietovirran kohteena", "tallentaa",
                     "74\u202f000\u00a0€", "60\u00a0%", "EA305", "cost-fully-allocated"):
        assert expected in text, expected


def test_exceptions_register(hostile_html):
    section = re.search(r'<section class="part" id="Exceptions">.*?</section>',
                        hostile_html, re.S).group(0)
    text = Page(section).all_text()
    assert "EA311" in text and "Riskiarvio tehdään uuden sopimuksen yhteydessä" in text
    assert "31.12.2026" in text


def test_sortable_tables_still_ordered_without_javascript(sample_page, sample_html):
    assert sample_html.count('class="data sortable') >= 8
    findings = re.search(r'<table class="data sortable findings">.*?</table>', sample_html,
                         re.S).group(0)
    ranks = [int(r) for r in re.findall(r'<td data-sort="(\d)">', findings)]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] == 3


def test_english(sample):
    html = report_html(sample.model, sample.report, lang="en", today=TODAY, diagrams=False)
    text = Page(html).all_text()
    assert '<html lang="en">' in html
    assert "Enterprise architecture status report" in text
    assert "Customer service CRM" in text
    assert "€1,104,000" in text
    assert "Yhteenveto" not in text and "Kehittämishankkeet" not in text


def test_both_languages_have_every_text():
    assert set(FI) >= set(EN) - {k for k in EN if k.startswith("value.")}
    missing = {k for k in FI if not k.startswith(("rel.", "field.", "value.")) and k not in EN}
    assert not missing


def test_without_diagrams_the_section_says_so(hostile_html):
    section = re.search(r'<section class="part" id="Diagrams">.*?</section>', hostile_html,
                        re.S).group(0)
    assert "Kaaviot jätettiin pois" in section


def test_missing_graphviz_is_a_visible_note(sample, tmp_path, monkeypatch):
    monkeypatch.setenv("EA_DOT", str(tmp_path / "no-such-dot"))
    html = report_html(sample.model, sample.report, today=TODAY)
    section = re.search(r'<section class="part" id="Diagrams">.*?</section>', html,
                        re.S).group(0)
    assert "Kaaviot eivät ole saatavilla" in section and "no-such-dot" in section
    assert "<svg" not in section


# -- diagrams ----------------------------------------------------------------------------------
def test_diagrams_are_inline_svg_linked_to_elements(sample_html):
    section = re.search(r'<section class="part" id="Diagrams">.*?</section>', sample_html,
                        re.S).group(0)
    if "Kaaviot eivät ole saatavilla" in section:
        pytest.skip("the diagrams package cannot draw here: " + section[:300])
    assert len(re.findall(r'<svg[^>]*class="diagram"', section)) >= 5
    assert 'href="#sys-crm"' in section
    assert "<?xml" not in section and "<!DOCTYPE" not in section


def test_inline_svg_keeps_nothing_dangerous():
    svg = b"""<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10pt">
<!-- generated -->
<script>alert(1)</script>
<defs><linearGradient id="g"/></defs>
<g id="node1" class="node" onclick="alert(2)"><title>sys-a</title>
<g id="a_node1"><a xlink:title="tip"><polygon fill="url(#g)" points="0,0"/></a></g></g>
<g id="node2" class="node"><title>not-an-element</title><text>x</text></g>
<a xlink:href="https://evil.example/"><text>out</text></a>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
<image href="http://evil.example/x.png"/>
</svg>"""
    out = str(inline_svg(svg, "Svg1", {"sys-a"}))
    assert "<script" not in out and "onclick" not in out and "foreignObject" not in out
    assert "<image" not in out and "evil.example" not in out and "<!--" not in out
    assert 'id="Svg1-node1"' in out and 'fill="url(#Svg1-g)"' in out
    assert 'href="#sys-a"' in out  # the node links to its element
    assert out.count("href=") == 1


def test_diagrams_keep_markup_as_text(hostile):
    html = report_html(hostile.model, hostile.report, lang="fi", today=TODAY)
    section = re.search(r'<section class="part" id="Diagrams">.*?</section>', html,
                        re.S).group(0)
    if "Kaaviot eivät ole saatavilla" in section:
        pytest.skip("the diagrams package cannot draw here")
    assert 'href="#sys-hostile"' in section  # the hostile system is drawn ...
    assert "<script" not in section and "<img" not in section  # ... as text
    assert "&lt;script&gt;alert(1)" in section
