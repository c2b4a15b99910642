"""Reading the dossier makes no request to any other host: no web fonts, scripts or images.

Every request of the browser context is recorded (pages, their scripts' fetches, the search
worker's); a request to another host is also blocked, so that a failing run leaks nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from browsing import Tab, search
from playwright.sync_api import Route, expect
from sitehttp import serve
from support import build_project, make_project

pytestmark = pytest.mark.browser


def _block_other_hosts(tab: Tab) -> list[str]:
    """Abort every request to another host than the site's; the list of those requests."""
    own_host = urlsplit(tab.origin).netloc
    blocked: list[str] = []

    def guard(route: Route) -> None:
        if urlsplit(route.request.url).netloc == own_host:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("blockedbyclient")

    tab.page.context.route("**/*", guard)
    return blocked


def test_browsing_and_searching_stay_on_the_sites_own_host(tab: Tab):
    blocked = _block_other_hosts(tab)
    tab.open("/")
    expect(tab.page.locator("article h1")).to_be_visible()
    tab.page.locator("a.md-tabs__link", has_text="Briefs").click()
    tab.page.wait_for_url("**/briefs/")
    tab.page.locator("a.bb-brief-item__title").first.click()
    expect(tab.page.locator(".bb-brief-header h1")).to_be_visible()
    search(tab, "NATO")
    tab.open("/format/")
    expect(tab.page.locator("article h1")).to_be_visible()
    tab.page.wait_for_load_state("networkidle")
    tab.shot("format")

    own_host = urlsplit(tab.origin).netloc
    hosts = {urlsplit(url).netloc for url in tab.requests if urlsplit(url).scheme != "data"}
    assert hosts == {own_host}, sorted(set(tab.requests))
    assert blocked == []
    # the recording sees what scripts fetch too: Material's search index
    assert any(url.endswith("/search/search_index.json") for url in tab.requests)


def test_the_recording_catches_web_fonts_when_a_site_turns_them_on(
    tmp_path, open_tab: Callable[[str], Tab]
):
    """Without ``theme.font: false`` Material loads Google Fonts: the guard must see it."""
    project = make_project(tmp_path, {}, mkdocs_yml="site_name: Fonts on\ntheme: material\n")
    site = build_project(project, strict=True)
    with serve(site.site) as origin:
        tab = open_tab(origin)
        blocked = _block_other_hosts(tab)
        tab.open("/")
        tab.page.wait_for_load_state("networkidle")
    assert any(urlsplit(url).netloc == "fonts.googleapis.com" for url in blocked), blocked
    assert any(urlsplit(url).netloc == "fonts.googleapis.com" for url in tab.requests)
