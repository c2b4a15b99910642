"""The printable briefing book of the example dossier, saved as PDF by headless Chromium."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

BRIEF_TITLE = "Keeping Washington in without asking it to join"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def book_pdf(example_origin, page, tmp_path_factory) -> Path:
    page.goto(example_origin + "/print/", wait_until="load")
    page.emulate_media(media="print")
    path = tmp_path_factory.mktemp("pdf") / "book.pdf"
    path.write_bytes(page.pdf(format="A4", print_background=True))
    return path


def test_chromium_saves_the_book_as_a_multi_page_pdf(book_pdf):
    data = book_pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 20_000
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    assert pages >= 6  # overview, questions, positions, actors, timeline, then one per brief


def test_pdf_text_holds_a_brief_title(book_pdf, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian poppler-utils) is not installed")
    out = tmp_path / "book.txt"
    subprocess.run(["pdftotext", str(book_pdf), str(out)], check=True)
    text = re.sub(r"\s+", " ", out.read_text(encoding="utf-8"))
    assert BRIEF_TITLE in text


def test_print_layout_hides_site_chrome_and_breaks_pages(example_origin, page):
    page.goto(example_origin + "/print/", wait_until="load")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-footer", ".md-sidebar--primary", ".md-tabs"):
        assert page.locator(selector).first.is_hidden(), selector
    assert page.get_by_role("heading", name=BRIEF_TITLE).is_visible()
    breaks = page.eval_on_selector_all(
        ".bb-book-break", "els => els.map(e => getComputedStyle(e).breakBefore)")
    assert len(breaks) >= 6 and set(breaks) == {"page"}
    # on screen the header stays, so a reader can go back to the site
    page.emulate_media(media="screen")
    assert page.locator(".md-header").first.is_visible()
