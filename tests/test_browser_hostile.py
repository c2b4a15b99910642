"""In a real browser, a dossier full of script payloads runs no script and shows them as text.

Debian's chromium, driven by Playwright, opens every page of the payload site served over HTTP,
follows a link with Material's instant navigation and searches for the payloads. Every payload
either sets ``window.__xss`` or opens a dialog if it runs.
"""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from payloads import SHOWN_ON_BRIEF_PAGES, build_payload_site, payload

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("BRIEFBOOK_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TRAP = "window.__xss = null;"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site = build_payload_site(tmp_path_factory.mktemp("browser-payloads"))
    handler = functools.partial(_Quiet, directory=str(site.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no chromium at {CHROMIUM} (run scripts/test.sh, which installs it)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


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
    site, base = served
    urls = sorted(p.relative_to(site.site).as_posix() for p in site.site.rglob("*.html"))
    assert "briefs/evil-brief/index.html" in urls
    for url in urls:
        page.goto(base + url, wait_until="load")
        page.wait_for_timeout(50)
        assert_no_script_ran(page)


def test_payloads_show_as_text(served, page):
    _site, base = served
    page.goto(base + "briefs/evil-brief/", wait_until="load")
    text = page.inner_text("article")
    assert [f for f in SHOWN_ON_BRIEF_PAGES if payload(f) not in text] == []
    assert payload("title") in page.title()
    assert_no_script_ran(page)


def test_instant_navigation_and_search_run_no_payload(served, page):
    _site, base = served
    page.goto(base + "briefs/", wait_until="load")
    page.click("a.bb-brief-item__title >> nth=0")
    page.wait_for_url("**/briefs/**/")
    page.wait_for_selector("article h1")
    assert_no_script_ran(page)
    page.goto(base, wait_until="load")
    page.click("input.md-search__input")
    page.keyboard.type("onerror", delay=30)  # Material searches as keys are typed
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    page.wait_for_timeout(300)
    assert payload("title") in page.inner_text(".md-search-result")
    assert_no_script_ran(page)
