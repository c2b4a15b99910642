"""The site works under a sub-path, as GitHub Pages serves a project site.

The example is built with ``site_url: https://example.org/dossier/`` and served below
``/dossier/`` of a local origin. Pages, styles, scripts, search, generated pages and the 404 page
must all load from there, with no request failing.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator

import pytest
from browsing import Tab, search
from playwright.sync_api import expect
from sitehttp import serve
from support import BuiltSite

pytestmark = pytest.mark.browser

PREFIX = "/dossier/"
#: Generated sections whose index page is checked when the site has it.
SECTIONS = ("briefs", "actors", "topics", "timeline", "questions")


@pytest.fixture(scope="module")
def subpath_origin(subpath_site: BuiltSite, tmp_path_factory) -> Iterator[str]:
    """A host whose ``/dossier/`` folder is the site, as ``<user>.github.io/<repo>/``."""
    host_root = tmp_path_factory.mktemp("host")
    shutil.copytree(subpath_site.site, host_root / "dossier")
    with serve(host_root, not_found_page=host_root / "dossier" / "404.html") as origin:
        yield origin


@pytest.fixture
def sub_tab(open_tab: Callable[[str], Tab], subpath_origin: str) -> Tab:
    return open_tab(subpath_origin)


def _assert_styled_and_scripted(tab: Tab) -> None:
    """Material's stylesheet and script and Briefbook's stylesheet took effect."""
    page = tab.page
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bno-js\b"))
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") \
        == "sticky"


def test_pages_styles_scripts_and_generated_pages_load_under_the_sub_path(
    sub_tab: Tab, subpath_site: BuiltSite
):
    tab = sub_tab
    tab.open(PREFIX)
    expect(tab.page.locator("article h1")).to_contain_text("Reassurance force for Ukraine")
    _assert_styled_and_scripted(tab)
    tab.shot("home")

    tab.page.locator("a.md-tabs__link", has_text="Briefs").click()
    tab.page.wait_for_url(re.compile(r"/dossier/briefs/$"))
    tab.page.locator("a.bb-brief-item__title").first.click()
    tab.page.wait_for_url(re.compile(r"/dossier/briefs/[^/]+/$"))
    header = tab.page.locator(".bb-brief-header")
    expect(header.locator("h1")).to_be_visible()
    # Briefbook's own stylesheet is applied on generated pages
    assert header.locator(".bb-meta").evaluate("e => getComputedStyle(e).display") == "flex"
    _assert_styled_and_scripted(tab)
    tab.shot("brief")

    present = [s for s in SECTIONS if (subpath_site.site / s / "index.html").is_file()]
    assert "briefs" in present
    for section in present:
        tab.open(f"{PREFIX}{section}/")
        expect(tab.page.locator("article h1")).to_be_visible()
        _assert_styled_and_scripted(tab)
        tab.shot(f"section-{section}")

    assert tab.failures == []
    assert tab.errors == []
    assert all(url.startswith(tab.origin + PREFIX) for url in tab.requests), tab.requests


def test_search_works_under_the_sub_path(sub_tab: Tab):
    tab = sub_tab
    tab.open(f"{PREFIX}briefs/")
    hrefs = search(tab, "OTAN")
    tab.shot("search")
    assert hrefs
    assert all(href.startswith(tab.origin + PREFIX) for href in hrefs), hrefs
    tab.page.locator(".md-search-result__link").first.click()
    tab.page.wait_for_url(re.compile(r"/dossier/.+"))
    expect(tab.page.locator("article h1")).to_be_visible()
    tab.shot("search-result")
    assert tab.failures == []
    assert tab.errors == []


def test_not_found_page_is_styled_under_the_sub_path(sub_tab: Tab):
    tab = sub_tab
    response = tab.open(f"{PREFIX}no-such-page/")
    assert response is not None and response.status == 404
    expect(tab.page.locator("article h1")).to_have_text("404 - Not found")
    _assert_styled_and_scripted(tab)
    tab.shot("not-found")
    assert tab.failures == [f"404 {tab.origin}{PREFIX}no-such-page/"]

