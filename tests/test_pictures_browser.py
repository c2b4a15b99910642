"""The pictures in a real browser (headless Chromium), on every example of the repository (the
reassurance force at the top, Exercise SERRAT BANK under ``examples/``): each view at 1280 and
390 px wide, in Material's light and dark (``slate``) schemes and in print, with its text
alternative checked against the marks it stands for, keyboard access, links that lead to the
right event or brief, the address and form filters, zoom, previews on hover and focus, and the
tags index.

Each example is the session's ``checked_site`` build (one per example, shared with the layout
and checker tests); one browser context per width and scheme visits every view and makes many
checks per page load. Screenshots and PDFs go to ``test-artifacts/pictures/<example>/`` (kept
out of git) for a person to look at; the assertions are what the tests decide on.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page
from sitehttp import serve
from support import ROOT

from briefbook.model.dossier import Dossier
from briefbook.pipeline import load_dossier

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Places:
    """The pages and names of one example that the tests visit and expect."""

    actor: str  # an actor with all three pictures on its page
    topic: str
    filter_actor: str  # an actor in some events of the timeline, not all
    other_actor: str
    brief: str  # a brief whose text mentions actors and whose chips include ``actor``
    latest_stance: str  # the actor's latest stance, as its preview card says it


PLACES = {
    "example": Places("coalition-of-the-willing", "reassurance-force", "iiss", "nato",
                      "nato-role-in-reassurance-force", "supports"),
    "examples/exercise": Places("harlund", "nmc-patrol-mission", "harlund", "calvonia",
                                "harlund-backs-patrols", "opposes"),
}


@dataclass(frozen=True)
class PictureSite:
    name: str
    origin: str
    dossier: Dossier
    places: Places

    @property
    def artifacts(self) -> Path:
        return ROOT / "test-artifacts" / "pictures" / self.name.replace("/", "-")

    def views(self) -> dict[str, tuple[str, str]]:
        """Each view: its page and the selector of its figure."""
        p = self.places
        return {
            "timeline": ("timeline/", "figure.bb-pic--timeline"),
            "actor-timeline": (f"actors/{p.actor}/", "figure.bb-pic--timeline"),
            "topic-timeline": (f"topics/{p.topic}/", "figure.bb-pic--timeline"),
            "network": ("network/", "figure.bb-pic--network"),
            "local-network": (f"actors/{p.actor}/", "figure.bb-pic--local-network"),
            "actor-stances": (f"actors/{p.actor}/", "figure.bb-pic--stances"),
            "topic-stances": (f"topics/{p.topic}/", "figure.bb-pic--stances"),
        }


def site_audience(project: Path) -> dict[str, Any]:
    """The audiences the project's ``mkdocs.yml`` declares and the one its site is built for,
    as ``load_dossier`` takes them: the pictures show that edition of the dossier."""
    from mkdocs.config import load_config

    from briefbook.validate.audiences import chosen_audience, parse_audiences

    options = load_config(config_file=str(project / "mkdocs.yml")).plugins["briefbook"].config
    audiences = parse_audiences(options.audiences)
    return {"audiences": audiences, "audience": chosen_audience(audiences, options.audience)}


@pytest.fixture(scope="module")
def pictures(checked_site) -> Iterator[PictureSite]:
    """The example, served; its dossier loaded as the build read it."""
    if checked_site.name not in PLACES:
        pytest.fail(f"{checked_site.name} is a new example: add the pages its pictures are "
                    "tested on to PLACES in tests/test_pictures_browser.py")
    project = checked_site.built.root
    result = load_dossier(project / "briefs", project, **site_audience(project))
    assert not result.diagnostics.errors
    with serve(checked_site.site) as origin:
        yield PictureSite(checked_site.name, origin, result.dossier, PLACES[checked_site.name])


@pytest.fixture
def open_page(browser: Browser):
    """A page in a fresh context of a given width and colour scheme; fails on a script error."""
    contexts, errors = [], []

    def make(width: int = 1280, scheme: str = "light") -> Page:
        context = browser.new_context(viewport={"width": width, "height": 900},
                                      color_scheme=scheme, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()
    assert errors == []


# -- what the browser is asked -----------------------------------------------------------------
# The contrast of each visible text of a picture with the background behind it (WCAG formula),
# its colour blended over that background when it is translucent.
TEXT_CONTRAST = """(figure) => {
  const parse = s => {
    const m = s && s.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const lum = c => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const out = [];
  for (const text of figure.querySelectorAll("svg text")) {
    if (!text.getClientRects().length || !text.textContent.trim()) continue;
    let bg = null;
    for (let e = text; e && !bg; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0.99) bg = c;
    }
    bg = bg || [255, 255, 255, 1];
    const style = getComputedStyle(text);
    const fg = parse(style.fill);
    if (!fg) continue;
    const a = fg[3] * Number(style.fillOpacity || 1);
    const seen = [0, 1, 2].map(i => fg[i] * a + bg[i] * (1 - a));
    const [hi, lo] = [lum(seen), lum(bg)].sort((x, y) => y - x);
    out.push([text.textContent.trim(), Math.round((hi + 0.05) / (lo + 0.05) * 100) / 100]);
  }
  return out;
}"""

# Pairs of visible names of a picture whose boxes overlap by more than a fifth of the smaller.
OVERLAPPING_NAMES = """(figure) => {
  const boxes = [...figure.querySelectorAll("svg text")]
    .filter(t => t.getClientRects().length && t.textContent.trim())
    .map(t => [t.textContent.trim(), t.getBoundingClientRect()]);
  const out = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, b] = [boxes[i][1], boxes[j][1]];
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    const smaller = Math.min(a.width * a.height, b.width * b.height);
    if (w > 0 && h > 0 && w * h > smaller / 5) out.push(`${boxes[i][0]} / ${boxes[j][0]}`);
  }
  return [boxes.length, out];
}"""

# Visible texts of a picture that run past its edges, where the SVG clips them.
CLIPPED_NAMES = """(figure) => {
  const svg = figure.querySelector("svg.bb-pic-svg").getBoundingClientRect();
  return [...figure.querySelectorAll("svg text")]
    .filter(t => t.getClientRects().length && t.textContent.trim())
    .filter(t => { const b = t.getBoundingClientRect();
                   return b.left < svg.left - 1 || b.right > svg.right + 1
                       || b.top < svg.top - 1 || b.bottom > svg.bottom + 1; })
    .map(t => t.textContent.trim());
}"""

SHOWN = "(es => es.filter(e => getComputedStyle(e).display !== 'none'))"


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _meets(grade: str, least: str) -> bool:
    """``grade`` (``B2``) is at least as good as ``least`` on both scales, as the filter asks."""
    return grade[0] <= least[0] and grade[1] <= least[1]


def check_alternative(page: Page, name: str, figure) -> None:
    """The picture's name, description and text alternative say what its marks show."""
    svg = figure.locator("svg.bb-pic-svg")
    title = page.locator(f"[id='{svg.get_attribute('aria-labelledby')}']").text_content() or ""
    desc = page.locator(f"[id='{svg.get_attribute('aria-describedby')}']").text_content() or ""
    assert title.strip() and len(desc) > 40, name
    region = figure.locator(".bb-pic-scroll")
    assert region.get_attribute("role") == "region" and region.get_attribute("aria-label") == title
    if name == "timeline":  # the timeline page's own list is its alternative
        listed = page.locator("li.bb-tl-event").evaluate_all(
            "ls => ls.map(l => [l.id.slice(3), l.querySelector('.bb-event__title').innerText])")
        marks = dict(figure.locator("a[data-bb-mark]").evaluate_all(
            "ms => ms.map(m => [m.getAttribute('data-bb-mark'), m.getAttribute('aria-label')])"))
        assert listed and set(marks) == {entry for entry, _ in listed}
        for entry, event_title in listed:
            assert _normal(event_title) in _normal(marks[entry]), entry
        return
    rows = figure.locator("details.bb-pic-alt tbody tr")
    assert rows.count() > 0, name
    figure.locator("details.bb-pic-alt summary").click()
    assert rows.first.is_visible()
    if name.endswith("timeline"):
        table = dict(rows.evaluate_all(
            "rs => rs.map(r => [r.dataset.bbRow, r.cells[1].innerText])"))
        marks = figure.locator("a[data-bb-mark]").evaluate_all(
            "ms => ms.map(m => [m.getAttribute('data-bb-mark'), m.getAttribute('aria-label')])")
        assert {entry for entry, _ in marks} == set(table), name
        for entry, label in marks:
            assert _normal(table[entry]) in _normal(label), entry
    elif name.endswith("network"):
        pairs = rows.evaluate_all("rs => rs.map(r => [r.dataset.a, r.dataset.b].join(' '))")
        lines = figure.locator("line.bb-net-edge").evaluate_all(
            "ls => ls.map(l => [l.dataset.a, l.dataset.b].join(' '))")
        assert Counter(pairs) == Counter(lines), name
        why = rows.evaluate_all("rs => rs.map(r => r.cells[2].innerText)")
        titles = figure.locator("line.bb-net-edge > title").all_text_contents()
        assert sorted(map(_normal, why)) == sorted(map(_normal, titles))
    else:  # stances: one row per point, the same brief and grade
        table = rows.evaluate_all(
            "rs => rs.map(r => [r.dataset.bbGrade, r.cells[3].innerText])")
        points = figure.locator("a.bb-strip-point").evaluate_all(
            "ps => ps.map(p => [p.dataset.bbGrade, p.getAttribute('aria-label')])")
        assert len(points) == len(table), name
        assert Counter(g for g, _ in points) == Counter(g for g, _ in table)
        labels = Counter(_normal(label) for _, label in points)
        for grade, brief in table:
            assert any(_normal(brief) in label and f"Grade {grade}" in label
                       for label in labels), brief


def check_drawn(page: Page, name: str, figure, width: int, scheme: str) -> None:
    """Visible, not widening the page, legible names, readable text in this scheme."""
    svg = figure.locator("svg.bb-pic-svg")
    assert svg.is_visible(), name
    box = svg.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 60, name
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    figure_box = figure.bounding_box()
    assert figure_box and figure_box["x"] >= 0 and figure_box["x"] + figure_box["width"] <= width
    names, overlapping = figure.evaluate(OVERLAPPING_NAMES)
    assert names > 0 and overlapping == [], name
    assert figure.evaluate(CLIPPED_NAMES) == [], name
    low = [(text, ratio) for text, ratio in figure.evaluate(TEXT_CONTRAST) if ratio < 4.5]
    assert low == [], f"{name} ({scheme}): text below 4.5:1"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_each_view_is_drawn_with_its_text_alternative(open_page, pictures, width, scheme):
    pictures.artifacts.mkdir(parents=True, exist_ok=True)
    page = open_page(width, scheme)
    loaded = ""
    for name, (path, selector) in pictures.views().items():
        if path != loaded:
            page.goto(f"{pictures.origin}/{path}", wait_until="load")
            loaded = path
            expected = "slate" if scheme == "dark" else "default"
            assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        figure = page.locator(selector)
        assert figure.count() == 1, name
        check_drawn(page, name, figure, width, scheme)
        check_alternative(page, name, figure)
        figure.scroll_into_view_if_needed()
        figure.screenshot(path=str(pictures.artifacts / f"{name}-{width}-{scheme}.png"))


def test_each_view_prints(open_page, pictures, tmp_path):
    """On paper the picture fits the sheet, without its tools, and its names are in the PDF."""
    pictures.artifacts.mkdir(parents=True, exist_ok=True)
    page = open_page()
    p = pictures.places
    for name, path in (("timeline", "timeline/"), ("network", "network/"),
                       ("actor", f"actors/{p.actor}/"), ("topic", f"topics/{p.topic}/")):
        page.goto(f"{pictures.origin}/{path}", wait_until="load")
        page.emulate_media(media="print")
        content = page.locator(".md-content").bounding_box()
        figures = page.locator("figure.bb-pic")
        drawn: list[str] = []
        for number in range(figures.count()):
            figure = figures.nth(number)
            svg_box = figure.locator("svg").bounding_box()
            assert svg_box and content and svg_box["width"] <= content["width"] + 1, name
            assert figure.locator(".bb-pic-tools").is_hidden()
            drawn += figure.locator("svg text").evaluate_all(
                "ts => ts.filter(t => t.getClientRects().length)"
                ".map(t => t.textContent.trim()).filter(Boolean)")
        assert page.locator("form[data-bb-network-filter]").is_hidden()
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(page.pdf(format="A4", print_background=True))
        shutil.copy(pdf, pictures.artifacts / f"{name}.pdf")
        page.emulate_media(media="screen")
        if shutil.which("pdftotext") is None:
            pytest.fail("pdftotext (Debian poppler-utils) is missing: run 'bash scripts/test.sh'")
        # the names drawn are text in the PDF (Chromium writes a name with a halo twice, so
        # pdftotext may interleave its words: each word is looked for); the timeline's and the
        # network's picture sits under the page's title, on the first sheet
        sheets = ["-l", "1"] if name in ("timeline", "network") else []
        text = subprocess.run(["pdftotext", *sheets, str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        words = set(re.findall(r"\w+", text))
        missing = [t for t in set(drawn) if not set(re.findall(r"\w+", t.rstrip("…"))) <= words]
        assert drawn and missing == [], f"{name}: not in the PDF: {missing[:5]}"


def _tab_to(page: Page, predicate: str, limit: int = 80) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return {predicate}; }})()"):
            return True
    return False


def test_timeline_mark_is_reached_by_keyboard_and_leads_to_its_event(open_page, pictures):
    page = open_page()
    page.goto(pictures.origin + "/timeline/")
    page.locator("figure.bb-pic--timeline .bb-pic-scroll").focus()
    assert _tab_to(page, "e && e.hasAttribute('data-bb-mark')")
    focused = page.evaluate("document.activeElement.getAttribute('data-bb-mark')")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    # the visible focus: the shape gets the accent outline
    stroke = page.evaluate(
        "getComputedStyle(document.activeElement.querySelector('.bb-pic-shape')).strokeWidth")
    assert stroke == "3px"
    event = page.locator(f"li#ev-{focused}")
    assert _normal(event.locator(".bb-event__title").inner_text()) in _normal(label)
    assert event.locator(".bb-cite a").first.inner_text() in label  # the mark names its source
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === '#ev-{focused}'")


def test_marks_lead_to_the_timeline_and_points_to_their_brief(open_page, pictures):
    page = open_page()
    for path in (f"actors/{pictures.places.actor}/", f"topics/{pictures.places.topic}/"):
        page.goto(f"{pictures.origin}/{path}")
        marks = page.locator("figure.bb-pic--timeline a[data-bb-mark]")
        hrefs = marks.evaluate_all(
            "ms => ms.map(m => [m.dataset.bbMark, m.getAttribute('xlink:href')])")
        assert hrefs and all(href.endswith(f"timeline/#ev-{entry}") for entry, href in hrefs)
        entry = hrefs[0][0]
        marks.first.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/timeline/#ev-{entry}")
        assert page.locator(f"li#ev-{entry}").is_visible()
        page.goto(f"{pictures.origin}/{path}")
        points = page.locator("figure.bb-pic--stances a.bb-strip-point")
        # each point shows its grade, or, crowded beside one that does, says it when named
        drawn = points.evaluate_all(
            "ps => ps.map(p => [p.dataset.bbGrade, p.getAttribute('aria-label'),"
            " (p.querySelector('text.bb-strip-grade') || {}).textContent || ''])")
        assert drawn[0][2] == drawn[0][0]
        for grade, label, text in drawn:
            assert f"Grade {grade}" in label and text in ("", grade)
        point = points.last
        label = point.get_attribute("aria-label") or ""
        href = point.get_attribute("xlink:href") or ""
        brief = href.rstrip("/").rsplit("/", 1)[-1]
        assert "briefs/" in href and pictures.dossier.briefs[brief].title in label
        point.locator("circle.bb-strip-dot").click()
        page.wait_for_url(f"**/briefs/{brief}/")
        assert page.locator("h1").inner_text() in label


def test_address_filter_applies_to_the_picture(open_page, pictures):
    page = open_page()
    chosen, other = pictures.places.filter_actor, pictures.places.other_actor
    page.goto(f"{pictures.origin}/timeline/?actor={chosen}")
    marks = page.locator("figure.bb-pic--timeline a[data-bb-mark]")
    page.wait_for_function(
        "document.querySelectorAll('figure.bb-pic--timeline .bb-pic-off').length > 0")
    visible = marks.evaluate_all(
        f"ms => {SHOWN}(ms).map(m => JSON.parse(m.getAttribute('data-actors')))")
    assert visible and all(chosen in actors for actors in visible)
    assert len(visible) < marks.count()
    # the list below agrees: the same events are left
    shown_marks = set(marks.evaluate_all(f"ms => {SHOWN}(ms).map(m => m.dataset.bbMark)"))
    shown_items = set(page.locator("li.bb-tl-event").evaluate_all(
        "ls => ls.filter(l => l.checkVisibility()).map(l => l.id.slice(3))"))
    assert shown_marks == shown_items
    # the form narrows the picture too, and clearing it brings every mark back
    page.select_option("form.bb-tl-filter select[name=actor]", other)
    page.wait_for_function(
        f"{SHOWN}([...document.querySelectorAll('figure.bb-pic--timeline a[data-bb-mark]')])"
        f".every(m => JSON.parse(m.getAttribute('data-actors')).includes('{other}'))")
    page.click("form.bb-tl-filter button[type=reset]")
    page.wait_for_function(
        "document.querySelectorAll('figure.bb-pic--timeline .bb-pic-off').length === 0")
    # on a topic page, the address filters its picture and its table alike
    page.goto(f"{pictures.origin}/topics/{pictures.places.topic}/?actor={chosen}")
    page.wait_for_function(
        "document.querySelectorAll('figure.bb-pic--timeline .bb-pic-off').length > 0")
    figure = page.locator("figure.bb-pic--timeline")
    rows = figure.locator("tr[data-bb-row]")
    left = set(rows.evaluate_all("rs => rs.filter(r => !r.hidden).map(r => r.dataset.bbRow)"))
    assert 0 < len(left) < rows.count()
    assert set(figure.locator("a[data-bb-mark]").evaluate_all(
        f"ms => {SHOWN}(ms).map(m => m.dataset.bbMark)")) == left


def test_timeline_zooms_and_scrolls_on_a_phone(open_page, pictures):
    page = open_page(390)
    page.goto(pictures.origin + "/timeline/")
    figure = page.locator("figure.bb-pic--timeline")
    tools = figure.locator(".bb-pic-tools")
    assert tools.is_visible()
    scroll = figure.locator(".bb-pic-scroll")
    before = figure.locator("svg").bounding_box()["width"]
    figure.get_by_role("button", name="Zoom in").click()
    after = figure.locator("svg").bounding_box()["width"]
    assert after > before * 1.4
    assert scroll.evaluate("s => s.scrollWidth > s.clientWidth")
    scroll.evaluate("s => { s.scrollLeft = s.scrollWidth; }")
    assert scroll.evaluate("s => s.scrollLeft") > 0  # the box scrolls, not the page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    figure.get_by_role("button", name="Fit").click()
    fitted = figure.locator("svg").bounding_box()["width"]
    assert fitted <= scroll.evaluate("s => s.clientWidth") + 1


def test_grade_filter_applies_to_stance_strips(open_page, pictures):
    page = open_page()
    for path in (f"actors/{pictures.places.actor}/", f"topics/{pictures.places.topic}/"):
        page.goto(f"{pictures.origin}/{path}")
        points = page.locator("figure.bb-pic--stances a.bb-strip-point")
        grades = points.evaluate_all("ps => ps.map(p => p.dataset.bbGrade)")
        assert grades and points.first.is_visible()
        # the best grade on the strip, so that some points stay and (if any is worse) some go
        least = min(grades)
        page.goto(f"{pictures.origin}/{path}?min_grade={least}")
        page.wait_for_function(
            "document.querySelector('figure.bb-pic--stances a.bb-strip-point')"
            f" && {SHOWN}([...document.querySelectorAll('figure.bb-pic--stances"
            f" a.bb-strip-point')]).length === {sum(_meets(g, least) for g in grades)}")
        shown = points.evaluate_all(f"ps => {SHOWN}(ps).map(p => p.dataset.bbGrade)")
        assert shown and all(_meets(g, least) for g in shown)
        rows = page.locator("figure.bb-pic--stances tbody tr[data-bb-grade]")
        left = rows.evaluate_all("rs => rs.filter(r => !r.hidden).map(r => r.dataset.bbGrade)")
        assert Counter(left) == Counter(shown), path
        page.goto(f"{pictures.origin}/{path}?min_grade=A1")
        page.wait_for_function(
            f"{SHOWN}([...document.querySelectorAll('figure.bb-pic--stances a.bb-strip-point')])"
            f".length === {grades.count('A1')}")


def test_network_filters_and_keyboard(open_page, pictures):
    page = open_page()
    page.goto(pictures.origin + "/network/")
    form = page.locator("form[data-bb-network-filter]")
    assert form.is_visible()
    nodes = page.locator("figure.bb-pic--network [data-bb-node]")
    # every actor is a point, named for screen readers by its name and kind
    named = nodes.evaluate_all("ns => ns.map(n => n.querySelector('title').textContent)")
    assert sorted(named) == sorted(f"{a.name} ({a.kind.value})"
                                   for a in pictures.dossier.actors.values())
    edges = page.locator("figure.bb-pic--network line.bb-net-edge")
    # a kind: the actors of that kind and the links among them; an actor with none goes too
    kinds = Counter(a.kind.value for a in pictures.dossier.actors.values())
    kind = max(kinds, key=lambda k: (kinds[k], k))
    page.select_option("form[data-bb-network-filter] select[name=kind]", kind)
    shown = nodes.evaluate_all(f"ns => {SHOWN}(ns).map(n => n.dataset.bbNode)")
    ends = edges.evaluate_all(f"es => {SHOWN}(es).map(e => [e.dataset.a, e.dataset.b])")
    assert ends and set(shown) == {actor for pair in ends for actor in pair}
    assert {pictures.dossier.actors[a].kind.value for a in shown} == {kind}
    assert len(shown) < nodes.count()
    page.select_option("form[data-bb-network-filter] select[name=kind]", "")
    # a least weight: the links that weigh as much, the table agreeing
    weights = edges.evaluate_all("es => es.map(e => Number(e.dataset.weight))")
    least = sorted(weights)[len(weights) // 2] + 1
    page.fill("form[data-bb-network-filter] input[name=weight]", str(least))
    kept = edges.evaluate_all(f"es => {SHOWN}(es).map(e => Number(e.dataset.weight))")
    assert kept and min(kept) >= least and len(kept) == sum(w >= least for w in weights)
    rows = page.locator("figure.bb-pic--network tbody tr[data-a]")
    assert rows.evaluate_all("rs => rs.filter(r => !r.hidden).length") == len(kept)
    assert f"Showing {len(kept)} of" in form.locator("output").inner_text()
    page.fill("form[data-bb-network-filter] input[name=weight]", "1")
    # a topic: the actors with a position on it, linked by briefs, affiliation or the topic
    topic = pictures.dossier.topics[pictures.places.topic]
    page.select_option("form[data-bb-network-filter] select[name=topic]", label=topic.title)
    on_topic = {p.actor for p in pictures.dossier.positions if p.topic == topic.id}
    left = set(nodes.evaluate_all(f"ns => {SHOWN}(ns).map(n => n.dataset.bbNode)"))
    ends = edges.evaluate_all(f"es => {SHOWN}(es).map(e => [e.dataset.a, e.dataset.b])")
    assert len(left) > 1 and left <= on_topic
    assert left == {actor for pair in ends for actor in pair}
    page.select_option("form[data-bb-network-filter] select[name=topic]", "")
    # keyboard: a point is a stop, shows its focus, and leads to the actor's page
    page.locator("figure.bb-pic--network .bb-pic-scroll").focus()
    assert _tab_to(page, "e && e.hasAttribute('data-bb-node')")
    actor = page.evaluate("document.activeElement.getAttribute('data-bb-node')")
    assert page.evaluate(
        "getComputedStyle(document.activeElement.querySelector('.bb-net-dot')).strokeWidth"
    ) == "4px"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/actors/{actor}/")
    # the local graph on that page is reached the same way
    local = page.locator("figure.bb-pic--local-network")
    if local.count():
        local.locator(".bb-pic-scroll").focus()
        assert _tab_to(page, "e && e.hasAttribute('data-bb-node')", limit=20)
        neighbour = page.evaluate("document.activeElement.getAttribute('data-bb-node')")
        assert neighbour != actor
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/actors/{neighbour}/")


CARD_CONTRAST = """(card) => {
  const parse = s => s.match(/[\\d.]+/g).map(Number);
  const lum = c => c.slice(0, 3).map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const s = getComputedStyle(card);
  const [hi, lo] = [lum(parse(s.color)), lum(parse(s.backgroundColor))].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_previews_on_hover_and_focus(open_page, pictures, width, scheme):
    page = open_page(width, scheme)
    places, dossier = pictures.places, pictures.dossier
    actor = dossier.actors[places.actor]
    page.goto(f"{pictures.origin}/briefs/{places.brief}/")
    chip = page.locator(f".md-content a.bb-chip--actor[href$='actors/{places.actor}/']").first
    chip.hover()
    card = page.locator("#bb-preview")
    card.wait_for(state="visible")
    text = card.inner_text()
    assert text.startswith(actor.name)
    assert actor.kind.value in text.lower()
    assert f"Latest stance: {places.latest_stance}" in text
    assert re.search(r"Grade [A-F][1-6]", text)
    assert chip.get_attribute("aria-describedby") == "bb-preview"
    assert card.evaluate(CARD_CONTRAST) >= 7
    card_box = card.bounding_box()
    assert card_box and card_box["x"] >= 0 and card_box["x"] + card_box["width"] <= width
    page.mouse.move(0, 0)
    card.wait_for(state="hidden")
    # a mention in the brief's text
    mention = page.locator(".md-content a.bb-mention").first
    mention.hover()
    card.wait_for(state="visible")
    assert card.inner_text().startswith(mention.get_attribute("title") or mention.inner_text())
    page.mouse.move(0, 0)
    # a link to a brief (on its actor's page), reached by keyboard focus: its title, date,
    # source and grade
    page.goto(f"{pictures.origin}/actors/{places.actor}/")
    link = page.locator(f".md-content .bb-cite a[href$='briefs/{places.brief}/']").first
    link.focus()
    card.wait_for(state="visible")
    text = _normal(card.inner_text())
    brief = dossier.briefs[places.brief]
    assert text.startswith(_normal(brief.title))
    assert str(brief.date.first_day().year) in text
    assert brief.source.publisher in text
    assert brief.grade is not None and f"Grade {brief.grade.label}" in text
    page.keyboard.press("Escape")
    card.wait_for(state="hidden")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_tag_chips_lead_to_the_tags_index(open_page, pictures, width, scheme):
    page = open_page(width, scheme)
    brief = pictures.dossier.briefs[pictures.places.brief]
    assert brief.tags
    page.goto(f"{pictures.origin}/briefs/{brief.id}/")
    chips = page.locator(".md-content a.bb-chip--tag")
    assert sorted(chips.all_inner_texts()) == sorted(brief.tags)
    chips.first.click()
    page.wait_for_url("**/tags/#tag-*")
    anchor = page.evaluate("location.hash.slice(1)")
    section = page.locator(f"section[id='{anchor}']")
    assert section.is_visible()
    tag = anchor.removeprefix("tag-")
    carried = sum(tag in b.tags for b in pictures.dossier.briefs.values())
    listed = section.locator("li.bb-brief-item")
    assert listed.count() == min(carried, 25)  # the latest 25, then "and N more briefs"
    if carried <= 25:
        assert section.locator(f"a[href$='briefs/{brief.id}/']").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # the index names every tag of the dossier, with the number of briefs that carry it
    tags = Counter(tag for b in pictures.dossier.briefs.values() for tag in b.tags)
    headings = page.locator(".bb-tags-index h2").all_inner_texts()
    assert len(headings) == len(tags)
    for tag, count in tags.items():
        assert any(h.startswith(tag) and str(count) in h for h in headings), tag
    # on paper: every tag and its briefs, nothing wider than the sheet
    page.emulate_media(media="print")
    assert section.is_visible() and listed.first.is_visible()
    assert page.locator(".md-header").first.is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.emulate_media(media="screen")
