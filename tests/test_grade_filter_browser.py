"""The grade filter of the positions matrix and actor pages in a real browser (headless
Chromium driven by Playwright): state in the URL, fallback to earlier positions."""

import pytest
from provenance_support import ACTORS
from sitehttp import serve
from support import build_project, make_project

pytestmark = pytest.mark.browser

# Italy supports the force in a brief graded A1, then opposes it in one graded C3.
DOSSIER = {
    **ACTORS,
    "briefs/2025/early.md": """
        ---
        title: Early report
        date: "2025-02-12"
        source: {publisher: Agency A, grade: A1}
        positions:
          - {actor: italy, topic: force, stance: supports, summary: Rome backs the force.}
        ---
    """,
    "briefs/2025/later.md": """
        ---
        title: Later report
        date: "2025-03-20"
        source: {publisher: Rumour mill, grade: C3}
        positions:
          - {actor: italy, topic: force, stance: opposes, summary: Rome is said to object.}
        ---
    """,
}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("graded"), DOSSIER,
                           plugins="  - briefbook\n  - briefbook/actors")
    site = build_project(project, strict=True)
    with serve(site.site) as origin:
        yield origin


def shown_claims(page):
    return page.eval_on_selector_all(
        ".bb-matrix [data-bb-claims] .bb-claim:not([hidden]) .bb-stance",
        "els => els.map(e => e.textContent)",
    )


def test_matrix_falls_back_to_the_latest_position_that_meets_the_grade(served, page):
    page.goto(served + "/positions/")
    page.locator("[data-bb-grade-filter]").wait_for(state="visible")
    assert shown_claims(page) == ["opposes"]
    page.select_option('select[name="reliability"]', "B")
    assert shown_claims(page) == ["supports"]  # the C3 report is hidden, the A1 one shows
    # the matrix's copy for paper follows, and the hidden claim is counted once
    assert page.eval_on_selector_all(
        ".bb-matrix-print [data-bb-claims] .bb-claim:not([hidden]) .bb-stance",
        "els => els.map(e => e.textContent)") == ["supports"]
    assert page.locator("[data-bb-grade-status]").text_content() == "1 claim hidden."
    assert page.url.endswith("positions/?min_grade=B")
    page.select_option('select[name="credibility"]', "1")
    assert page.url.endswith("?min_grade=B1")
    assert shown_claims(page) == ["supports"]
    page.select_option('select[name="reliability"]', "")
    page.select_option('select[name="credibility"]', "")
    assert shown_claims(page) == ["opposes"]
    assert "min_grade" not in page.url


def test_a_filter_in_the_url_is_restored_on_load(served, page):
    page.goto(served + "/positions/?min_grade=A2")
    page.locator("[data-bb-grade-filter]").wait_for(state="visible")
    assert page.input_value('select[name="reliability"]') == "A"
    assert page.input_value('select[name="credibility"]') == "2"
    assert shown_claims(page) == ["supports"]


def test_actor_page_hides_positions_below_the_grade(served, page):
    page.goto(served + "/actors/italy/?min_grade=B2")
    page.locator("[data-bb-grade-filter]").wait_for(state="visible")
    visible = page.eval_on_selector_all(
        "li.bb-position:not([hidden]) .bb-position__summary", "els => els.map(e => e.textContent)"
    )
    assert visible == ["Rome backs the force."]
    assert page.locator("[data-bb-grade-status]").text_content() == "1 claim hidden."


def test_without_javascript_every_claim_shows_and_the_form_stays_hidden(served, page):
    context = page.context.browser.new_context(java_script_enabled=False)
    bare = context.new_page()
    bare.goto(served + "/actors/italy/?min_grade=A1")
    assert bare.locator("li.bb-position:visible").count() == 2
    assert not bare.locator("[data-bb-grade-filter]").is_visible()
    context.close()
