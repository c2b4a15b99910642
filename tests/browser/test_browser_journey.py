"""A reader's journey through the example dossier in headless Chromium, step by step.

Each step asserts on what the page shows and leaves a screenshot in ``test-artifacts/``. Steps
that need the actor pages or the timeline are skipped while the example site has none.
"""

from __future__ import annotations

import re

import pytest
from browsing import Tab, search, site_has
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BRIEF_WITH_ACTORS = "nato-role-in-reassurance-force"
FRENCH_BRIEF = "version-francaise-note-de-lecture"
#: An event on the timeline page (brief pages list theirs as ``.bb-event``).
TIMELINE_EVENT = "article :is(.bb-event, .bb-tl-event)"


def _settled(tab: Tab) -> None:
    """No request of the journey failed and no script raised."""
    assert tab.failures == []
    assert tab.errors == []


def test_home_nav_to_briefs_and_open_a_brief(tab: Tab):
    tab.open("/")
    expect(tab.page.locator("article h1")).to_contain_text("Reassurance force for Ukraine")
    tab.shot("home")

    tab.page.locator("a.md-tabs__link", has_text="Briefs").click()
    tab.page.wait_for_url(re.compile(r"/briefs/$"))
    expect(tab.page.locator("article h1")).to_have_text("Briefs")
    titles = tab.page.locator("a.bb-brief-item__title")
    expect(titles).to_have_count(5)
    tab.shot("briefs-index")

    first = titles.first
    title = first.inner_text().strip()
    first.click()
    tab.page.wait_for_url(re.compile(r"/briefs/[^/]+/$"))
    expect(tab.page.locator(".bb-brief-header h1")).to_have_text(title)
    expect(tab.page.locator(".bb-brief-header .bb-meta time")).to_be_visible()
    tab.shot("brief")
    _settled(tab)


def test_brief_shows_its_actors_and_sections(tab: Tab):
    tab.open(f"/briefs/{BRIEF_WITH_ACTORS}/")
    header = tab.page.locator(".bb-brief-header")
    expect(header.locator("h1")).to_have_text(
        "NATO could anchor the European reassurance force for Ukraine"
    )
    expect(header.locator(".bb-chip--actor").first).to_be_visible()
    for section in ("Positions", "Events", "Questions"):
        expect(tab.page.locator("article h2", has_text=section)).to_be_visible()
    expect(tab.page.locator(".bb-position")).to_have_count(4)
    tab.shot("brief")
    _settled(tab)


def test_actor_chip_leads_to_actor_page_and_back(tab: Tab, example_site):
    if not site_has(example_site, "actors"):
        pytest.skip("the example site has no actors/ pages yet (briefbook/actors plugin)")
    brief_path = f"/briefs/{BRIEF_WITH_ACTORS}/"
    tab.open(brief_path)
    chip = tab.page.locator("a.bb-chip--actor").first
    name = chip.inner_text().strip()
    tab.shot("brief")

    chip.click()
    tab.page.wait_for_url(re.compile(r"/actors/[^/]+/$"))
    expect(tab.page.locator("article h1")).to_contain_text(name)
    tab.shot("actor")

    backlink = tab.page.locator(f'article a[href$="briefs/{BRIEF_WITH_ACTORS}/"]').first
    expect(backlink).to_be_visible()
    backlink.click()
    tab.page.wait_for_url(re.compile(re.escape(brief_path) + "$"))
    expect(tab.page.locator(".bb-brief-header h1")).to_have_text(
        "NATO could anchor the European reassurance force for Ukraine"
    )
    tab.shot("back-to-brief")
    _settled(tab)


def test_search_finds_an_actor_by_its_french_alias(tab: Tab, example_site):
    tab.open("/")
    hrefs = search(tab, "OTAN")
    tab.shot("search-otan")
    assert any(f"briefs/{FRENCH_BRIEF}/" in href for href in hrefs), hrefs
    if site_has(example_site, "actors"):
        assert any("actors/nato/" in href for href in hrefs), hrefs

    result = tab.page.locator(f'.md-search-result__link[href*="{FRENCH_BRIEF}"]').first
    result.click()
    tab.page.wait_for_url(re.compile(FRENCH_BRIEF))
    expect(tab.page.locator(".bb-brief-header h1")).to_contain_text("OTAN")
    tab.shot("search-result")
    _settled(tab)


def test_timeline_filter_by_actor(tab: Tab, example_site):
    if not site_has(example_site, "timeline"):
        pytest.skip("the example site has no timeline/ page yet (briefbook/timeline plugin)")
    tab.open("/timeline/")
    events = tab.page.locator(f"{TIMELINE_EVENT}:visible")
    events.first.wait_for(state="visible")
    everything = events.count()
    tab.shot("timeline")

    tab.open("/timeline/?actor=nato")
    expect(tab.page.locator("[name=actor]")).to_have_value("nato")  # the filter shows it
    tab.page.wait_for_function(
        "([selector, everything]) => [...document.querySelectorAll(selector)]"
        ".filter(e => e.checkVisibility()).length < everything",
        arg=[TIMELINE_EVENT, everything],
    )
    filtered = events.count()
    assert 0 < filtered < everything
    for event in events.all():
        involved = (event.get_attribute("data-actors") or "") + event.inner_text()
        assert "nato" in involved or "NATO" in involved, event.inner_text()
    tab.shot("timeline-nato")
    _settled(tab)


def test_dark_mode_toggle_switches_to_slate_and_stays(tab: Tab):
    tab.open(f"/briefs/{BRIEF_WITH_ACTORS}/")
    body = tab.page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    light = _background_lightness(tab)
    tab.shot("light")

    tab.page.locator("label.md-header__button[for^='__palette']:visible").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    dark = _background_lightness(tab, below=0.3)
    assert dark < 0.3 < light, (light, dark)
    tab.shot("dark")

    tab.page.locator("a.md-tabs__link", has_text="Briefs").click()
    tab.page.wait_for_url(re.compile(r"/briefs/$"))
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    tab.shot("dark-briefs-index")
    _settled(tab)


LIGHTNESS = """() => {
    for (const element of [document.querySelector('.md-main'), document.body]) {
        const channels = getComputedStyle(element).backgroundColor.match(/[\\d.]+/g).map(Number);
        if (channels.length === 3 || channels[3] > 0)
            return (channels[0] + channels[1] + channels[2]) / (3 * 255);
    }
    return null;
}"""


def _background_lightness(tab: Tab, below: float | None = None) -> float:
    """The lightness (0 black … 1 white) of the page's background as the browser paints it.

    With ``below``, first wait until it is below that (Material fades colours in).
    """
    if below is not None:
        tab.page.wait_for_function(f"() => ({LIGHTNESS})() < {below}")
    lightness = tab.page.evaluate(LIGHTNESS)
    assert lightness is not None, "no painted background"
    return lightness
