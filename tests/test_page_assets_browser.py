"""Briefbook's stylesheet and scripts load only on the pages that use them, and still arrive
when Material's instant navigation brings the reader from a host page to a Briefbook page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sitehttp import serve
from support import build_project, copy_example

pytestmark = pytest.mark.browser

CSS = 'link[rel=stylesheet][href*="assets/briefbook/briefbook.css"]'


@pytest.fixture(scope="module")
def example_origin(tmp_path_factory) -> Iterator[str]:
    """The example dossier served with its site_url set to where it is served: Material's
    instant navigation only runs on a site that knows its address."""
    project = copy_example(tmp_path_factory.mktemp("assets"))
    (project / "site").mkdir()
    with serve(project / "site") as origin:
        build_project(project, strict=True, site_url=origin + "/")
        yield origin


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


def _scripts(page) -> list[str]:
    return page.eval_on_selector_all(
        'script[src*="assets/briefbook/"]',
        "els => els.map(e => e.getAttribute('src').split('/').pop()).sort()")


def test_a_host_page_loads_nothing_of_briefbook(page, example_origin):
    page.goto(example_origin + "/format/")
    assert page.locator(CSS).count() == 0
    assert _scripts(page) == []
    page.goto(example_origin + "/timeline/")
    assert page.locator(CSS).count() == 1
    assert _scripts(page) == ["pictures.js", "timeline.js"]  # its picture zooms and filters


def test_instant_navigation_from_a_host_page_brings_the_css_and_the_filter(page,
                                                                           example_origin):
    page.goto(example_origin + "/format/")
    page.evaluate("window.__samePage = true")  # gone if the browser loads a new document
    page.click('.md-tabs a[href$="timeline/"]')
    page.wait_for_url("**/timeline/")
    assert page.evaluate("window.__samePage") is True  # Material swapped the page in place
    page.wait_for_function(f"document.querySelector('{CSS}') !== null")
    page.wait_for_function("getComputedStyle(document.querySelector('.bb-tl-filter'))"
                           ".display !== 'inline'")
    total = page.locator("li.bb-tl-event").count()
    page.select_option("form.bb-tl-filter select[name=actor]", "iiss")
    page.wait_for_function("document.querySelectorAll('li.bb-tl-event:not([hidden])')"
                           f".length < {total}")
    assert page.url.endswith("/timeline/?actor=iiss")
    # back to a host page: the stylesheet is removed again; then on to the actors page, whose
    # filter works too (its script runs though the page came by instant navigation)
    page.locator(".md-tabs__link", has_text="Guide").click()  # the guide: host pages
    page.wait_for_url(lambda url: "/timeline/" not in url, wait_until="commit")
    assert page.evaluate("window.__samePage") is True
    page.wait_for_function(f"document.querySelector('{CSS}') === null")
    page.click('.md-tabs a[href$="actors/"]')
    page.wait_for_url("**/actors/")
    assert page.evaluate("window.__samePage") is True
    page.fill("[data-bb-filter] input", "rutte")
    page.wait_for_function("document.querySelectorAll('[data-bb-names]:not([hidden])')"
                           ".length === 1")
