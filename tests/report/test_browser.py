"""The council report in a real browser: the system Chromium (Debian package `chromium`),
headless, with no network. The page is opened from a file URL in a folder holding nothing
but the report; every request that is not file: or data: is blocked and recorded.

Leaves exports/report-screenshot.png for a person to look at; with EA_UPDATE_SNAPSHOTS=1
it also refreshes docs/report/report-first-screen.png (the README's picture).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, run_ea

from .conftest import HOSTILE, SAMPLE, TODAY, sample_files, write_hostile

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"no Chromium at {CHROMIUM}: install the Debian package `chromium` "
                "(apt-get install -y chromium) to run the browser tests",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="the playwright Python package (test extra) is needed")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps"]
VIEWPORT = {"width": 1440, "height": 900}
SCREENSHOT = REPO / "exports" / "report-screenshot.png"
README_PICTURE = REPO / "docs" / "report" / "report-first-screen.png"


def _report(tmp: Path, model: Path, cache: Path) -> Path:
    """The report made by the real `ea report`, alone in a fresh folder."""
    made = tmp / "made" / "report.html"
    result = run_ea("report", model, "-o", made, "--today", TODAY.isoformat(),
                    env={"EA_CACHE_DIR": str(cache)})
    assert result.code == 0, result.err
    alone = tmp / "alone"
    alone.mkdir()
    shutil.copy(made, alone / "report.html")
    assert [p.name for p in alone.iterdir()] == ["report.html"]
    return alone / "report.html"


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    cache = tmp_path_factory.mktemp("cache")
    hostile_model = tmp_path_factory.mktemp("hostile-model")
    for name, text in sample_files().items():
        (hostile_model / name).write_text(text, encoding="utf-8")
    write_hostile(hostile_model)
    return {
        "sample": _report(tmp_path_factory.mktemp("sample"), SAMPLE, cache),
        "hostile": _report(tmp_path_factory.mktemp("hostile"), hostile_model, cache),
    }


class Browser:
    """One headless Chromium with a fresh profile; records what pages try to do."""

    def __init__(self, playwright, profile: Path, javascript: bool = True) -> None:
        self.context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport=VIEWPORT, java_script_enabled=javascript,
        )
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def open(self, path: Path):
        page = self.context.new_page()
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        return page

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def playwright():
    with sync_api.sync_playwright() as running:
        yield running


@pytest.fixture(scope="module")
def browser(playwright, tmp_path_factory):
    chromium = Browser(playwright, tmp_path_factory.mktemp("profile"))
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def page(browser, reports):
    return browser.open(reports["sample"])


def test_opens_alone_from_a_file_url_and_asks_for_nothing(browser, page):
    assert page.url.startswith("file://")
    assert page.title().startswith("Kokonaisarkkitehtuurin tilannekatsaus")
    assert browser.blocked == []
    # The page's Content-Security-Policy stops a load before it reaches the network (and
    # the route above); Chromium reports that as a console error, so none may appear.
    assert browser.errors == []


def test_sections_and_diagrams(page):
    for section in ("Summary", "Principles", "Diagrams", "Projects", "Findings", "Exceptions",
                    "View-systems"):
        assert page.locator(f"section#{section}").count() == 1, section
    assert page.locator("section#Summary svg.chart rect").count() == 16
    diagrams = page.locator("section#Diagrams svg.diagram")
    note = page.locator("section#Diagrams .note")
    assert diagrams.count() >= 5 or note.count() == 1
    if diagrams.count():
        box = diagrams.first.bounding_box()
        assert box["width"] > 200 and box["height"] > 100


def test_first_screen_shows_the_summary(page):
    page.evaluate("window.scrollTo(0, 0)")
    for locator in ("section#Summary .tiles", "section#Summary .card.systems",
                    "section#Summary svg.chart", "section#Summary .card.compliance"):
        box = page.locator(locator).bounding_box()
        assert box["y"] + box["height"] <= VIEWPORT["height"], f"{locator} below the fold"
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 20_000
    if os.environ.get("EA_UPDATE_SNAPSHOTS") == "1":
        README_PICTURE.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SCREENSHOT, README_PICTURE)


def test_link_to_an_element_anchor(page):
    link = page.locator("section#Principles a[href='#sys-tilavaraus']")
    link.click()
    assert page.url.endswith("#sys-tilavaraus")
    target = page.locator("article#sys-tilavaraus")
    assert target.evaluate("el => el.matches(':target')")
    assert target.is_visible() and "Tilavarausjärjestelmä" in target.locator("h4").inner_text()
    top = target.bounding_box()["y"]
    assert -2 <= top < VIEWPORT["height"] / 2  # scrolled to it
    relations = target.locator("dl.relations").inner_text()
    assert "toimii alustalla" in relations  # runs-on, and the reverse names:
    assert "tietovirran lähteenä" in relations


def test_sorting_a_table(page):
    table = page.locator("section#View-systems table.elements")
    header = table.locator("th", has_text="Vuosikustannus")

    def costs() -> list[float]:
        cells = table.locator("tbody td.num[data-sort]").evaluate_all(
            "cells => cells.map(c => c.dataset.sort)")
        return [float(c) for c in cells if c]

    before = costs()
    assert before != sorted(before)  # ordered by kind and name, not by cost
    header.locator("button").click()
    assert costs() == sorted(before)
    assert header.get_attribute("aria-sort") == "ascending"
    header.locator("button").click()
    assert costs() == sorted(before, reverse=True)


def test_hostile_name_renders_as_text(browser, reports):
    page = browser.open(reports["hostile"])
    article = page.locator("article#sys-hostile")
    assert article.locator("h4").inner_text().startswith(HOSTILE)
    assert article.locator("img, script, b, i, svg").count() == 0
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # the report's own
    page.locator("section#Exceptions a[href='#sys-hostile']").click()
    assert article.is_visible()
    assert browser.dialogs == []
    assert browser.blocked == []


def test_readable_without_javascript(playwright, tmp_path, reports):
    chromium = Browser(playwright, tmp_path / "profile", javascript=False)
    try:
        page = chromium.open(reports["sample"])
        assert page.locator("section#Summary").is_visible()
        assert page.locator("table.sortable button").count() == 0  # only JS adds them
        assert page.locator("section#View-systems table.elements tbody tr").count() > 20
        page.locator("section#Principles a[href='#sys-tilavaraus']").click()
        assert page.url.endswith("#sys-tilavaraus")
        assert chromium.blocked == []
    finally:
        chromium.close()


def test_diagram_nodes_link_to_their_elements(page):
    nodes = page.locator("section#Diagrams svg.diagram a[href='#sys-crm']")
    if nodes.count() == 0:
        pytest.skip("no diagrams drawn: " + page.locator("section#Diagrams").inner_text()[:200])
    nodes.first.scroll_into_view_if_needed()
    nodes.first.click()
    assert page.url.endswith("#sys-crm")
    assert page.locator("article#sys-crm").evaluate("el => el.matches(':target')")
