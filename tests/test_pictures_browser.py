"""The pictures in a real browser (headless Chromium): each view at 1280 and 390 px wide, in
light and dark schemes and in print, with its text alternative, keyboard access, links that
lead to the right event or brief, previews on hover and focus, and the address filters.

Screenshots and PDFs go to ``test-artifacts/pictures/`` (kept out of git) for a person to look
at; the assertions below are what the tests decide on.
"""

from __future__ import annotations

import pytest
from support import ROOT

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "pictures"
VIEWS = {
    "timeline": ("timeline/", "figure.bb-pic--timeline"),
    "network": ("network/", "figure.bb-pic--network"),
    "actor": ("actors/coalition-of-the-willing/", "figure.bb-pic--local-network"),
    "actor-timeline": ("actors/coalition-of-the-willing/", "figure.bb-pic--timeline"),
    "actor-stances": ("actors/coalition-of-the-willing/", "figure.bb-pic--stances"),
    "topic-stances": ("topics/reassurance-force/", "figure.bb-pic--stances"),
    "topic-timeline": ("topics/reassurance-force/", "figure.bb-pic--timeline"),
}


@pytest.fixture
def open_page(browser):
    """A fresh page of a given width and colour scheme; fails on any script error."""
    contexts, errors = [], []

    def make(width: int = 1280, scheme: str = "light"):
        context = browser.new_context(viewport={"width": width, "height": 900},
                                      color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()
    assert errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_each_view_renders_with_its_text_alternative(open_page, example_origin, width, scheme):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = open_page(width, scheme)
    for name, (path, selector) in VIEWS.items():
        page.goto(example_origin + "/" + path)
        figure = page.locator(selector)
        assert figure.count() == 1, name
        svg = figure.locator("svg.bb-pic-svg")
        assert svg.is_visible()
        box = svg.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 80
        # named and described, and a table that says the same
        title_id = svg.get_attribute("aria-labelledby")
        assert page.locator(f"[id='{title_id}']").text_content()
        assert page.locator(f"[id='{svg.get_attribute('aria-describedby')}']").text_content()
        if name != "timeline":  # the timeline page's own list is its alternative
            rows = figure.locator("details.bb-pic-alt tbody tr")
            assert rows.count() > 0
            figure.locator("details.bb-pic-alt summary").click()
            assert rows.first.is_visible()
        else:
            assert page.locator("li.bb-tl-event").count() > 0
        # the picture scrolls inside its box rather than widening the page
        page_width = page.evaluate("document.documentElement.scrollWidth")
        assert page_width <= width + 1, name
        if scheme == "dark":
            fill = page.evaluate(
                "e => getComputedStyle(e).fill", figure.locator("circle, rect.bb-pic-shape").last
                .element_handle())
            assert fill != "rgb(0, 0, 0)"
        figure.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-{scheme}.png"))


def test_views_print(open_page, example_origin):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = open_page()
    for name, path in (("timeline", "timeline/"), ("network", "network/"),
                       ("actor", "actors/coalition-of-the-willing/"),
                       ("topic", "topics/reassurance-force/")):
        page.goto(example_origin + "/" + path)
        page.emulate_media(media="print")
        # in print the picture fits the sheet and the zoom buttons are gone
        figure = page.locator("figure.bb-pic").first
        svg_box = figure.locator("svg").bounding_box()
        content = page.locator(".md-content").bounding_box()
        assert svg_box and content and svg_box["width"] <= content["width"] + 1
        assert figure.locator(".bb-pic-tools").is_hidden()
        pdf = page.pdf(format="A4", print_background=True)
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
        (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)
        page.emulate_media(media="screen")


def _tab_to(page, predicate: str, limit: int = 60) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return {predicate}; }})()"):
            return True
    return False


def test_timeline_mark_is_reached_by_keyboard_and_leads_to_its_event(open_page, example_origin):
    page = open_page()
    page.goto(example_origin + "/timeline/")
    page.locator("figure.bb-pic--timeline .bb-pic-scroll").focus()
    assert _tab_to(page, "e && e.hasAttribute('data-bb-mark')")
    focused = page.evaluate("document.activeElement.getAttribute('data-bb-mark')")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    # the visible focus: the shape gets the accent outline
    stroke = page.evaluate(
        "getComputedStyle(document.activeElement.querySelector('.bb-pic-shape')).strokeWidth")
    assert stroke == "3px"
    event = page.locator(f"li#ev-{focused}")
    title = event.locator(".bb-event__title").inner_text()
    assert title in label
    source = event.locator(".bb-cite a").inner_text()
    assert source in label  # the mark names its source
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === '#ev-{focused}'")


def test_actor_page_marks_lead_to_the_timeline_and_points_to_briefs(open_page, example_origin):
    page = open_page()
    page.goto(example_origin + "/actors/coalition-of-the-willing/")
    mark = page.locator("figure.bb-pic--timeline a[data-bb-mark]").first
    entry = mark.get_attribute("data-bb-mark")
    href = mark.get_attribute("xlink:href")
    assert href.endswith(f"timeline/#ev-{entry}")
    point = page.locator("figure.bb-pic--stances a.bb-strip-point").first
    brief_href = point.get_attribute("xlink:href")
    assert "briefs/" in brief_href
    label = point.get_attribute("aria-label")
    mark.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/timeline/#ev-{entry}")
    assert page.locator(f"li#ev-{entry}").is_visible()
    page.goto(example_origin + "/actors/coalition-of-the-willing/")
    page.locator("figure.bb-pic--stances a.bb-strip-point circle.bb-strip-dot").first.click()
    page.wait_for_url("**/briefs/**")
    assert page.locator("h1").inner_text() in label


def test_address_filter_applies_to_the_picture(open_page, example_origin):
    page = open_page()
    page.goto(example_origin + "/timeline/?actor=iiss")
    marks = page.locator("figure.bb-pic--timeline a[data-bb-mark]")
    page.wait_for_function(
        "document.querySelectorAll('figure.bb-pic--timeline .bb-pic-off').length > 0")
    visible = marks.evaluate_all(
        "ms => ms.filter(m => getComputedStyle(m).display !== 'none')"
        ".map(m => JSON.parse(m.getAttribute('data-actors')))")
    assert visible and all("iiss" in actors for actors in visible)
    assert len(visible) < marks.count()
    # the form narrows the picture too, and clearing it brings every mark back
    page.select_option("form.bb-tl-filter select[name=actor]", "nato")
    page.wait_for_function(
        "[...document.querySelectorAll('figure.bb-pic--timeline a[data-bb-mark]')]"
        ".filter(m => getComputedStyle(m).display !== 'none')"
        ".every(m => JSON.parse(m.getAttribute('data-actors')).includes('nato'))")
    page.click("form.bb-tl-filter button[type=reset]")
    page.wait_for_function(
        "document.querySelectorAll('figure.bb-pic--timeline .bb-pic-off').length === 0")
    # on a topic page, the address filters its picture and its table
    page.goto(example_origin + "/topics/reassurance-force/?actor=iiss")
    page.wait_for_function(
        "document.querySelectorAll('figure.bb-pic--timeline .bb-pic-off').length > 0")
    rows = page.locator("figure.bb-pic--timeline tr[data-bb-row]")
    assert rows.evaluate_all("rs => rs.filter(r => !r.hidden).length") < rows.count()


def test_grade_filter_applies_to_stance_strips(open_page, example_origin):
    page = open_page()
    page.goto(example_origin + "/actors/coalition-of-the-willing/")
    points = page.locator("figure.bb-pic--stances a.bb-strip-point")
    assert points.count() > 0 and points.first.is_visible()
    page.goto(example_origin + "/actors/coalition-of-the-willing/?min_grade=A1")
    page.wait_for_function(
        "[...document.querySelectorAll('figure.bb-pic--stances a.bb-strip-point')]"
        ".every(p => getComputedStyle(p).display === 'none')")


def test_network_filter_by_kind_and_weight(open_page, example_origin):
    page = open_page()
    page.goto(example_origin + "/network/")
    form = page.locator("form[data-bb-network-filter]")
    assert form.is_visible()
    nodes = page.locator("figure.bb-pic--network [data-bb-node]")
    total = nodes.count()
    assert total == len(list((ROOT / "briefs" / "actors").glob("*.md")))
    page.select_option("form[data-bb-network-filter] select[name=kind]", "person")
    shown = nodes.evaluate_all(
        "ns => ns.filter(n => getComputedStyle(n).display !== 'none')"
        ".map(n => n.getAttribute('data-kind'))")
    assert shown and set(shown) == {"person"}
    edges = page.locator("figure.bb-pic--network line.bb-net-edge")
    page.select_option("form[data-bb-network-filter] select[name=kind]", "")
    page.fill("form[data-bb-network-filter] input[name=weight]", "4")
    weights = edges.evaluate_all(
        "es => es.filter(e => getComputedStyle(e).display !== 'none')"
        ".map(e => Number(e.getAttribute('data-weight')))")
    assert weights and min(weights) >= 4 and len(weights) < edges.count()
    assert "Showing" in form.locator("output").inner_text()


def test_previews_on_hover_and_focus(open_page, example_origin):
    page = open_page()
    page.goto(example_origin + "/briefs/nato-role-in-reassurance-force/")
    chip = page.locator(
        ".md-content a.bb-chip--actor[href*='actors/coalition-of-the-willing/']").first
    chip.hover()
    card = page.locator("#bb-preview")
    card.wait_for(state="visible")
    text = card.inner_text()
    assert text.startswith("Coalition of the willing")
    assert "group" in text.lower() and "Latest stance: supports" in text
    assert chip.get_attribute("aria-describedby") == "bb-preview"
    page.mouse.move(0, 0)
    card.wait_for(state="hidden")
    # a link to a brief, reached by keyboard focus: its date, source and summary
    page.goto(example_origin + "/briefs/")
    link = page.locator(".md-content a[href*='iiss-assessment-force-size']").first
    link.focus()
    card.wait_for(state="visible")
    text = card.inner_text()
    assert "IISS" in text and "2025" in text
    page.keyboard.press("Escape")
    card.wait_for(state="hidden")
    # a mention in a brief's text
    page.goto(example_origin + "/briefs/nato-role-in-reassurance-force/")
    mention = page.locator(".md-content a.bb-mention").first
    mention.hover()
    card.wait_for(state="visible")
    assert card.inner_text().startswith(mention.get_attribute("title") or mention.inner_text())
