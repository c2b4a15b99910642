"""The actors index filter in a real browser (headless Chromium driven by Playwright)."""

import pytest

pytestmark = pytest.mark.browser


def visible_names(page):
    return page.eval_on_selector_all(
        ".bb-actor-item:not([hidden]) .bb-actor-item__name", "els => els.map(e => e.textContent)"
    )


def test_filter_by_name_or_alias_hides_others_and_empty_groups(example_origin, page):
    page.goto(example_origin + "/actors/")
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
