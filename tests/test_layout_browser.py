"""Every page kind of every example fits a phone, a laptop, a wide screen and a sheet of paper.

In a real browser at 390, 1280 and 1920 px wide and in print: the page never scrolls sideways,
and a table wider than its box is only allowed in a box that scrolls (never on paper, where
nothing scrolls). The positions matrix on screen and in Chromium's PDF hold the same cells.
"""

import re
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from checkers_support import record_figures
from sitehttp import serve

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280, 1920)
A4_WIDTH = 794  # CSS pixels of an A4 sheet, Chromium's default paper for page.pdf

# Tables whose content is wider than the nearest box that clips them, unless that box scrolls.
CLIPPED_TABLES = """(mayScroll) => {
  const clipped = [];
  for (const table of document.querySelectorAll("table")) {
    if (!table.getClientRects().length) continue;
    let box = table.parentElement;
    while (box && box !== document.body && getComputedStyle(box).overflowX === "visible") {
      box = box.parentElement;
    }
    const width = table.getBoundingClientRect().width;
    const room = box && box !== document.body ? box.clientWidth : window.innerWidth;
    const scrolls = box && box !== document.body
      && ["auto", "scroll"].includes(getComputedStyle(box).overflowX);
    if (width > room + 1 && !(mayScroll && scrolls)) {
      clipped.push(`${table.className || "table"}: ${Math.round(width)} px in ${room} px`);
    }
  }
  return clipped;
}"""

# The text a reader sees in each cell of the matrix: visible text nodes, without the texts for
# screen readers and the closed parts of disclosures.
MATRIX_CELLS = """() => {
  const seen = node => {
    const el = node.parentElement;
    return el && !el.closest(".bb-sr-only") && el.checkVisibility();
  };
  const pieces = cell => {
    const out = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.replace(/\\s+/g, " ").trim();
      if (text && seen(n)) {
        const transform = getComputedStyle(n.parentElement).textTransform;
        out.push(transform === "uppercase" ? text.toUpperCase() : text);
      }
    }
    return out;
  };
  const table = document.querySelector(".bb-matrix");
  if (!table) return null;
  const topics = [...table.querySelectorAll("thead th:not(.bb-matrix__corner)")]
    .map(th => pieces(th).join(" "));
  const cells = [];
  for (const row of table.querySelectorAll("tbody tr")) {
    const actor = pieces(row.querySelector("th")).join(" ");
    row.querySelectorAll("td").forEach((td, i) => {
      const text = pieces(td);
      if (text.length) cells.push({actor, topic: topics[i], pieces: text});
    });
  }
  return {topics, cells};
}"""


# Chips taller than the shortest one on the page: their name broke onto a second line.
BROKEN_CHIPS = """() => {
  const chips = [...document.querySelectorAll(".bb-chip")].filter(c => c.getClientRects().length);
  const lowest = Math.min(...chips.map(c => c.getBoundingClientRect().height));
  return chips.filter(c => c.getClientRects().length > 1
                        || c.getBoundingClientRect().height > lowest * 1.5)
              .map(c => c.textContent.trim());
}"""

# The overview's count tiles per row: every row as full as the first (no orphan on the last).
TILE_ROWS = """() => {
  const rows = new Map();
  for (const tile of document.querySelectorAll(".bb-count-card")) {
    const top = Math.round(tile.getBoundingClientRect().top);
    rows.set(top, (rows.get(top) || 0) + 1);
  }
  return [...rows.values()];
}"""


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.fixture(scope="module")
def checked_origin(checked_site) -> Iterator[str]:
    with serve(checked_site.site) as origin:
        yield origin


def test_no_page_kind_scrolls_sideways_or_clips_a_table(checked_site, checked_origin, browser):
    failures, checked = [], 0
    for width in WIDTHS:
        page = browser.new_page(viewport={"width": width, "height": 900})
        for kind, url in checked_site.kinds.items():
            page.goto(f"{checked_origin}/{url}", wait_until="load")
            checked += 1
            scroll = page.evaluate("document.documentElement.scrollWidth")
            inner = page.evaluate("window.innerWidth")
            if scroll > inner:
                failures.append(f"{width} px, {kind} ({url or '/'}): the page is {scroll} px wide")
            failures += [f"{width} px, {kind} ({url or '/'}): clipped {t}"
                         for t in page.evaluate(CLIPPED_TABLES, True)]
            failures += [f"{width} px, {kind} ({url or '/'}): chip {name!r} breaks inside"
                         for name in page.evaluate(BROKEN_CHIPS)]
            rows = page.evaluate(TILE_ROWS)
            if len(set(rows)) > 1:
                failures.append(f"{width} px, {kind} ({url or '/'}): count tiles by row {rows}")
        page.close()
    record_figures(checked_site.name, "layout-screen", {
        "widths": list(WIDTHS), "pages_per_width": len(checked_site.kinds),
        "page_views_checked": checked, "failures": len(failures),
    })
    assert not failures, "\n".join(failures)


def test_no_page_kind_loses_width_on_paper(checked_site, checked_origin, browser):
    page = browser.new_page(viewport={"width": A4_WIDTH, "height": 1123})
    page.emulate_media(media="print")
    failures = []
    for kind, url in checked_site.kinds.items():
        page.goto(f"{checked_origin}/{url}", wait_until="load")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > A4_WIDTH:
            failures.append(f"print, {kind} ({url or '/'}): the page is {scroll} px wide")
        failures += [f"print, {kind} ({url or '/'}): clipped {t}"
                     for t in page.evaluate(CLIPPED_TABLES, False)]
        failures += [f"print, {kind} ({url or '/'}): chip {name!r} breaks inside"
                     for name in page.evaluate(BROKEN_CHIPS)]
    page.close()
    assert not failures, "\n".join(failures)


def test_every_matrix_cell_on_screen_is_in_the_pdf(checked_site, checked_origin, browser,
                                                   tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: run 'bash scripts/test.sh' (it installs poppler-utils)")
    screen = browser.new_page(viewport={"width": 1280, "height": 900})
    paper = browser.new_page()
    failures, cells_checked, pages_checked = [], 0, 0
    for kind, url in checked_site.kinds.items():
        screen.goto(f"{checked_origin}/{url}", wait_until="load")
        matrix = screen.evaluate(MATRIX_CELLS)
        if not matrix:
            continue
        pages_checked += 1
        paper.goto(f"{checked_origin}/{url}", wait_until="load")
        pdf = tmp_path / f"{kind.replace('/', '-')}.pdf"
        pdf.write_bytes(paper.pdf(format="A4", print_background=True))
        out = pdf.with_suffix(".txt")
        subprocess.run(["pdftotext", str(pdf), str(out)], check=True)
        text = _normal(out.read_text(encoding="utf-8"))
        failures += [f"{kind}: topic {topic!r} is not in the PDF"
                     for topic in matrix["topics"] if _normal(topic) not in text]
        for cell in matrix["cells"]:
            cells_checked += 1
            if not _cell_in(text, cell):
                failures.append(f"{kind}: {cell['actor']} on {cell['topic']} "
                                f"({' '.join(cell['pieces'])}) is not in the PDF")
    screen.close()
    paper.close()
    assert pages_checked, f"no page with a positions matrix among {sorted(checked_site.kinds)}"
    record_figures(checked_site.name, "matrix-pdf", {
        "pages_with_matrix": pages_checked, "cells_checked": cells_checked,
        "cells_missing": len(failures),
    })
    assert not failures, "\n".join(failures)


def _cell_in(text: str, cell: dict) -> bool:
    """Whether the PDF's text names the cell's actor and, close after it, every piece of text
    the cell shows on screen (in any order: pdftotext may read a badge at a line's end after
    the next words)."""
    actor = _normal(cell["actor"])
    pieces = [_normal(p) for p in cell["pieces"]]
    for match in re.finditer(re.escape(actor), text):
        window = text[match.end(): match.end() + 600]
        if all(piece in window for piece in pieces):
            return True
    return False
