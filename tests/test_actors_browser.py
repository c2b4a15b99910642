"""The actors index filter in a real browser (Debian's chromium driven by Playwright)."""

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("BRIEFBOOK_CHROMIUM") or "/usr/bin/chromium"  # see scripts/test.sh


@pytest.fixture(scope="module")
def page():
    if not shutil.which(CHROMIUM):
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser.new_page()
        browser.close()


@pytest.fixture(scope="module")
def served(example_site):
    """The example site over HTTP, as a reader gets it (Material's scripts need http)."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(example_site.site))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def visible_names(page):
    return page.eval_on_selector_all(
        ".bb-actor-item:not([hidden]) .bb-actor-item__name", "els => els.map(e => e.textContent)"
    )


def test_filter_by_name_or_alias_hides_others_and_empty_groups(served, page):
    page.goto(served + "actors/")
    field = page.locator(".bb-filter__input")
    field.wait_for(state="visible")
    everyone = visible_names(page)
    assert len(everyone) == 17
    field.fill("otan")  # an alias, in any case
    assert visible_names(page) == ["NATO"]
    assert page.locator("[data-bb-group]:not([hidden])").count() == 1
    field.fill("etats-unis")  # accents are ignored
    assert visible_names(page) == ["United States"]
    field.fill("zzz")
    assert visible_names(page) == []
    assert page.locator(".bb-filter__empty").is_visible()
    field.fill("")
    assert visible_names(page) == everyone


def test_filter_works_from_a_file_url_too(example_site, page):
    page.goto((example_site.site / "actors" / "index.html").as_uri())
    field = page.locator(".bb-filter__input")
    field.wait_for(state="visible")
    field.fill("Rutte")
    assert visible_names(page) == ["Mark Rutte"]
