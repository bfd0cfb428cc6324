"""The pages in a real browser: Playwright driving Debian's chromium over a loopback server."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES

import derek
from derek.ingest import ingest_paths
from derek.web.server import running

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
XSS_TEXT = ("Қазақстан 1995 жылы <script>alert(1)</script> келісімге қол қойды.\n"
            "Бұл мәтін <img src=x onerror=alert(1)> белгісі бар құжаттан алынды.\n")

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt-get install chromium)"),
    pytest.mark.skipif(not EXAMPLES.is_dir(), reason="sample corpus not present"),
]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    folder = tmp_path_factory.mktemp("webpages")
    (folder / "extra").mkdir()
    (folder / "extra" / "xss.txt").write_text(XSS_TEXT, encoding="utf-8")
    db = folder / "kb.db"
    with derek.open(db) as kb:
        ingest_paths(kb, [str(EXAMPLES), str(folder / "extra")])
    with running(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=30_000)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    p = context.new_page()
    p.set_default_timeout(15_000)
    p.dialogs = []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    yield p
    context.close()


def test_web_pages_ask_shows_answer_and_opens_quote(page, base):
    page.goto(base + "/")
    page.fill("#q", "Қазақстан БҰҰ-ға қашан мүше болды?")
    page.click("button[value=ask]")
    answer = page.locator("section.answer .value")
    assert answer.inner_text() == "1992 жылғы 2 наурыз"
    source = page.locator("blockquote.source").first
    assert "Біріккен Ұлттар Ұйымының" in source.inner_text()
    assert page.locator("blockquote.source .m-hit").first.inner_text() == "1992 жылғы 2 наурызда"
    source.locator("a.open").click()
    page.wait_for_url("**/doc/**#quote")
    quote = page.locator("#quote")
    assert quote.inner_text().startswith("1992 жылғы 2 наурызда")
    assert quote.is_visible()


def test_web_pages_ask_shows_the_other_side_of_a_disagreement(page, base):
    page.goto(base + "/?q=" + "Грузия ТМД-дан қашан шықты?")
    assert page.locator("section.answer .value").inner_text() == "2008 жыл"
    other = page.locator("section.disagree")
    assert other.is_visible() and "Дереккөздер келіспейді" in other.inner_text()
    assert other.locator(".other-value").inner_text() == "2009 жылғы 18 тамыз"
    assert "tmd.txt" in other.locator("blockquote cite").first.inner_text()


def test_web_pages_search_mode_lists_sentences(page, base):
    page.goto(base + "/")
    page.fill("#q", "ШЫҰ")
    page.click("button[value=search]")
    assert page.locator("section.hits blockquote").count() >= 2
    assert page.locator("section.hits .m-hit").first.inner_text().startswith("ШЫҰ")


def test_web_pages_entity_page(page, base):
    page.goto(base + "/entities?type=state")
    page.click("text=Қазақстан Республикасы")
    page.wait_for_url("**/entity/**")
    assert page.locator("h1.entity-name").inner_text() == "Қазақстан Республикасы"
    assert page.locator("a[href='https://www.wikidata.org/wiki/Q232']").count() == 1
    assert "Біріккен Ұлттар Ұйымы" in page.locator("table.facts").first.inner_text()


def test_web_pages_timeline_filters(page, base):
    page.goto(base + "/timeline")
    total = page.locator("svg.timeline g.ev").count()
    assert total > 10
    page.fill("#entity", "ТМД")
    page.fill("#start", "1990")
    page.fill("#end", "2010")
    page.click("form.filters button")
    page.wait_for_url("**/timeline?entity=*")
    rows = page.locator("svg.timeline g.ev")
    assert 0 < rows.count() < total
    years = [int(t) for t in page.locator("svg.timeline tspan.yr").all_text_contents()]
    assert years == sorted(years) and 1990 <= years[0] and years[-1] <= 2010


def test_web_pages_membership_and_legend_toggle(page, base):
    page.goto(base + "/membership")
    assert page.locator("td.role-member").count() > 3
    page.goto(base + "/doc/bul.txt")
    text = page.locator("#doctext")
    page.uncheck("#legend input[data-kind=ent]")
    assert "hide-ent" in text.get_attribute("class")


def test_web_pages_xss_document_renders_as_text(page, base):
    page.goto(base + "/doc")
    page.click("text=xss.txt")
    page.wait_for_url("**/doc/*")
    body = page.locator("#doctext").inner_text()
    assert "<script>alert(1)</script>" in body
    assert "<img src=x onerror=alert(1)>" in body
    assert page.locator("#doctext script, #doctext img").count() == 0
    page.goto(base + "/?q=alert&mode=search")
    assert "<script>alert(1)</script>" in page.locator("section.hits").inner_text()
    page.wait_for_timeout(300)
    assert page.dialogs == []
