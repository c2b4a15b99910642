"""In a real browser, a dossier full of script payloads runs no script and shows them as text.

Headless Chromium, driven by Playwright, opens every page of the payload site served over HTTP,
follows a link with Material's instant navigation and searches for the payloads. Every payload
either sets ``window.__xss`` or opens a dialog if it runs.
"""

from __future__ import annotations

import pytest
from payloads import SHOWN_ON_BRIEF_PAGES, build_payload_site, payload
from sitehttp import serve

pytestmark = pytest.mark.browser

TRAP = "window.__xss = null;"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The payload site and its origin (``http://127.0.0.1:<port>``)."""
    site = build_payload_site(tmp_path_factory.mktemp("browser-payloads"))
    with serve(site.site) as origin:
        yield site, origin


@pytest.fixture
def page(browser):
    context = browser.new_context()
    context.add_init_script(TRAP)
    page = context.new_page()
    page.dialogs = []

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


def assert_no_script_ran(page) -> None:
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []


def test_no_page_runs_a_payload(served, page):
    site, origin = served
    urls = sorted(p.relative_to(site.site).as_posix() for p in site.site.rglob("*.html"))
    assert "briefs/evil-brief/index.html" in urls
    for url in urls:
        page.goto(f"{origin}/{url}", wait_until="load")
        page.wait_for_timeout(50)
        assert_no_script_ran(page)


def test_payloads_show_as_text(served, page):
    _site, origin = served
    page.goto(origin + "/briefs/evil-brief/", wait_until="load")
    text = page.inner_text("article")
    assert [f for f in SHOWN_ON_BRIEF_PAGES if payload(f) not in text] == []
    assert payload("title") in page.title()
    assert_no_script_ran(page)


def test_instant_navigation_and_search_run_no_payload(served, page):
    _site, origin = served
    page.goto(origin + "/briefs/", wait_until="load")
    page.click("a.bb-brief-item__title >> nth=0")
    page.wait_for_url("**/briefs/**/")
    page.wait_for_selector("article h1")
    assert_no_script_ran(page)
    page.goto(origin + "/", wait_until="load")
    page.click("input.md-search__input")
    page.keyboard.type("onerror", delay=30)  # Material searches as keys are typed
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    page.wait_for_timeout(300)
    assert payload("title") in page.inner_text(".md-search-result")
    assert_no_script_ran(page)
