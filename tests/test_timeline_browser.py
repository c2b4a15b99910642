"""The timeline filter in a real browser (headless Chromium via Playwright)."""

import re

import pytest
from sitehttp import serve
from support import ROOT, build_project, copy_example, make_project
from timeline_support import DOSSIER

from briefbook.pipeline import load_dossier

pytestmark = pytest.mark.browser

EVENT = "li.bb-tl-event"


def _nato_titles() -> list[str]:
    """NATO's events as the timeline lists them: an event several briefs report (one ``id``)
    once, under its best-graded report's title."""
    dossier = load_dossier(ROOT / "briefs", ROOT).dossier
    titles = {}
    for event in (e for e in dossier.events if "nato" in e.actors):
        record = dossier.event_records.get(event.id) if event.id else None
        best = record.events[0] if record else event
        titles[id(best)] = best.title
    return sorted(titles.values())


def _visible_titles(page) -> list[str]:
    return sorted(page.locator(f"{EVENT}:visible .bb-event__title").all_inner_texts())


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # tabs show
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


def test_filter_narrows_to_one_actor_and_back(page, example_origin):
    page.goto(example_origin + "/timeline/")
    total = page.locator(EVENT).count()
    assert total >= 6
    assert page.locator(f"{EVENT}:visible").count() == total
    form = page.locator("form.bb-tl-filter")
    assert form.is_visible()

    page.select_option("form.bb-tl-filter select[name=actor]", "nato")
    nato = _nato_titles()
    assert 0 < len(nato) < total
    assert _visible_titles(page) == nato
    assert page.url.endswith("/timeline/?actor=nato")
    assert page.locator(".bb-tl-filter__status").inner_text() == \
        f"Showing {len(nato)} of {total} events"

    page.select_option("form.bb-tl-filter select[name=actor]", "iiss")
    assert _visible_titles(page) == [
        "IISS publishes a paper on the size of a European force for Ukraine"]
    # the empty month and its table-of-contents entry are hidden
    assert page.locator("[data-bb-group='2025-03']").is_hidden()
    assert page.locator('.md-nav--secondary a[href="#2025-03"]').is_hidden()
    assert page.locator("[data-bb-group='2025-04']").is_visible()

    page.click("form.bb-tl-filter button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('{EVENT}:not([hidden])').length === {total}")
    assert page.url.endswith("/timeline/")
    assert page.locator("[data-bb-group='2025-03']").is_visible()


def test_filter_is_read_from_the_url_and_combines_facets(page, example_origin):
    page.goto(example_origin + "/timeline/?actor=france&topic=reassurance-force")
    assert page.locator("select[name=actor]").input_value() == "france"
    assert page.locator("select[name=topic]").input_value() == "reassurance-force"
    titles = _visible_titles(page)
    assert titles and all(t for t in titles)
    assert page.locator(f"{EVENT}:visible").count() == 2
    page.fill("form.bb-tl-filter input[name=q]", "ministers")
    assert _visible_titles(page) == ["Coalition defence ministers meet at NATO headquarters"]
    assert re.search(r"\?actor=france&topic=reassurance-force&q=ministers$", page.url)


def test_unknown_value_in_the_url_shows_the_empty_message(page, example_origin):
    page.goto(example_origin + "/timeline/?actor=nobody")
    assert page.locator(f"{EVENT}:visible").count() == 0
    assert page.locator(".bb-tl-empty").is_visible()


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory):
    """The example built with its served address as site_url, which Material's instant
    navigation needs (it reads the sitemap, and matches the port too)."""
    project = copy_example(tmp_path_factory.mktemp("instant"))
    (project / "site").mkdir()
    with serve(project / "site") as origin:
        build_project(project, strict=True, site_url=origin + "/")
        yield origin


def test_filter_works_after_instant_navigation(page, instant_site):
    page.goto(instant_site + "/", wait_until="networkidle")  # instant navigation loads the sitemap
    page.evaluate("window.bbSamePage = true")
    page.click("a.md-tabs__link:has-text('Timeline')")
    page.wait_for_url("**/timeline/")
    page.wait_for_selector("form.bb-tl-filter:not([hidden])")
    assert page.evaluate("window.bbSamePage") is True  # no reload: instant navigation swapped it
    page.select_option("form.bb-tl-filter select[name=actor]", "nato")
    assert _visible_titles(page) == _nato_titles()
    assert page.url.endswith("?actor=nato")


def test_without_javascript_every_event_is_listed(browser, example_origin):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(example_origin + "/timeline/?actor=nato")
        total = tab.locator(EVENT).count()
        assert total >= 6
        assert tab.locator(f"{EVENT}:visible").count() == total
        assert tab.locator("form.bb-tl-filter").is_hidden()
    finally:
        context.close()


def test_split_timeline_links_carry_the_filter_from_year_to_year(browser, tmp_path):
    project = make_project(tmp_path, DOSSIER, plugins=(
        "  - briefbook\n  - briefbook/timeline:\n      split_after: 3"))
    site = build_project(project, strict=True)
    context = browser.new_context()
    try:
        tab = context.new_page()
        with serve(site.site) as origin:
            tab.goto(origin + "/timeline/2025/?actor=nato")
            assert _visible_titles(tab) == ["Range event"]
            next_link = tab.get_attribute("a[rel=next]", "href")
            assert next_link.endswith("/timeline/2025/page/2/?actor=nato")
            tab.click("a[rel=next]")
            tab.wait_for_url("**/timeline/2025/page/2/?actor=nato")
            assert _visible_titles(tab) == ["Day event A", "Month event"]
            tab.select_option("select[name=actor]", "")
            assert tab.get_attribute("a[rel=next]", "href").endswith("/timeline/2025/page/3/")
            tab.goto(origin + "/timeline/?tag=summit")
            assert tab.get_attribute("a.bb-tl-years__year >> nth=1", "href").endswith(
                "/timeline/2025/?tag=summit")
    finally:
        context.close()
