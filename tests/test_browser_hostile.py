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


# -- second round: briefs that leak into each other, bodies that swallow the page --------------

SWALLOWING_TAGS = ("textarea", "template", "style", "script", "title", "xmp", "noscript",
                   "iframe")
ROUND_TWO = {
    "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n",
    "briefs/topics/force.md": "---\ntitle: Force\n---\n",
    # a sanitized brief (pasted from the web) defines a reference to a script...
    "briefs/pasted.md": "---\ntitle: Pasted\ndate: '2025-04-02'\nsanitize: true\n---\n"
                        "Pasted text.\n\n[x]: javascript:window.__xss='ref'\n"
                        "[y]: javascript&#58;window.__xss='ref2'\n",
    # ...which an analyst's own brief, printed next to it in the book, happens to use
    "briefs/own.md": "---\ntitle: Own\ndate: '2025-04-01'\n---\n"
                     "See [the script][x] and [this][y] and [x].\n",
    **{
        f"briefs/open-{tag}.md": (
            f"---\ntitle: Open {tag}\ndate: '2025-03-0{i + 1}'\npositions:\n  - actor: nato\n"
            f"    topic: force\n    stance: supports\n    summary: STANCE-AFTER-{tag.upper()}\n"
            f"---\nBefore.\n\n<{tag}>\n\nSWALLOWED-{tag.upper()} text after.\n"
        )
        for i, tag in enumerate(SWALLOWING_TAGS)
    },
    "briefs/open-hidden.md": (
        "---\ntitle: Open hidden\ndate: '2025-02-01'\npositions:\n  - actor: nato\n"
        "    topic: force\n    stance: opposes\n    summary: STANCE-AFTER-HIDDEN\n---\n"
        "Before.\n\n<div hidden>\n\nHidden text.\n"
    ),
    "briefs/open-comment.md": (
        "---\ntitle: Open comment\ndate: '2025-02-02'\npositions:\n  - actor: nato\n"
        "    topic: force\n    stance: opposes\n    summary: STANCE-AFTER-COMMENT\n---\n"
        "Before.\n\n<!-- a note never closed\n\nText.\n"
    ),
}


@pytest.fixture(scope="module")
def round_two(tmp_path_factory):
    from support import build_project, make_project

    project = make_project(tmp_path_factory.mktemp("round-two"), ROUND_TWO)
    site = build_project(project)
    with serve(site.site) as origin:
        yield site, origin


def test_a_reference_defined_in_a_sanitized_brief_never_runs_in_the_book(round_two, page):
    _site, origin = round_two
    page.goto(origin + "/print/", wait_until="load")
    assert page.locator("a[href^='javascript' i]").count() == 0
    text = page.inner_text("article")
    assert "See [the script][x]" in text  # the reference is undefined in its own brief
    for link in page.locator("article a").all():
        href = link.get_attribute("href") or ""
        assert not href.lower().lstrip().startswith(("javascript", "data", "vbscript")), href
    page.goto(origin + "/briefs/own/", wait_until="load")
    assert "See [the script][x]" in page.inner_text("article")
    assert_no_script_ran(page)


@pytest.mark.parametrize("tag", [*SWALLOWING_TAGS, "hidden", "comment"])
def test_an_element_left_open_does_not_swallow_the_page(round_two, page, tag):
    _site, origin = round_two
    page.goto(f"{origin}/briefs/open-{tag}/", wait_until="load")
    assert f"STANCE-AFTER-{tag.upper()}" in page.inner_text("article")
    assert page.locator(".bb-positions").is_visible()
    page.goto(origin + "/print/", wait_until="load")
    assert f"STANCE-AFTER-{tag.upper()}" in page.inner_text("article")
    assert_no_script_ran(page)


def test_an_element_left_open_is_reported_at_its_line(round_two):
    site, _ = round_two
    for tag in SWALLOWING_TAGS:
        assert (f"briefs/open-{tag}.md:12:1: warning: '<{tag}>' is never closed, so a browser "
                "would hide everything after it (the rest of the text and the panels below it);"
                f" add '</{tag}>' where it should end (the page closes it at the end of the text"
                " meanwhile)") in site.warnings
