"""One entry and one count per event everywhere, and the small faults of the generated pages:
corner label, punctuation, anchors, chips, grade filter."""

import html as htmllib
import json
import re

import icalendar
from support import ROOT, build_project, make_project, without_pictures

from briefbook.index.chronology import EntryKind
from briefbook.pipeline import load_dossier

# the same event in two briefs (a corroborated record), and a stance that changes
CORROBORATED = {
    "briefs/actors/france.md": "---\nname: France\nkind: state\n---\n",
    "briefs/actors/united-kingdom.md": "---\nname: United Kingdom\nkind: state\n---\n",
    "briefs/topics/force.md": "---\ntitle: Reassurance force\n---\n",
    "briefs/2025/a.md": """\
        ---
        title: Report A
        date: "2025-04-10"
        source: {publisher: Agency A, grade: B2}
        actors: [france]
        topics: [force]
        positions:
          - {actor: france, topic: force, stance: conditional, date: 2025-03, summary: Paris waits.}
        events:
          - {id: summit, date: 2025-04-10, title: Leaders meet in Paris, actors: [france]}
        ---
        France and the United Kingdom met. They agreed on little.
        """,
    "briefs/2025/b.md": """\
        ---
        title: Report B
        date: "2025-04-12"
        source: {publisher: Agency B, grade: C3}
        actors: [united-kingdom]
        topics: [force]
        positions:
          - {actor: france, topic: force, stance: supports, date: 2025-04-12, summary: Paris is in.}
        events:
          - {id: summit, date: 2025-04-10, title: Leaders meet in Paris,
             actors: [france, united-kingdom]}
          - {date: 2025-04-11, title: Ministers talk, actors: [united-kingdom]}
        ---
        The United Kingdom spoke.
        """,
}
PLUGINS = "  - briefbook\n  - briefbook/actors\n  - briefbook/timeline"


def _site(tmp_path):
    project = make_project(tmp_path, CORROBORATED, plugins=PLUGINS,
                           docs={"index.md": "# Home\n\n<!-- briefbook:overview -->\n"})
    return build_project(project, strict=True)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def test_a_corroborated_event_is_one_timeline_entry_listing_every_source(tmp_path):
    site = _site(tmp_path)
    timeline = without_pictures(site.html("timeline/"))  # the picture repeats the list's titles
    assert timeline.count("Leaders meet in Paris") == 1
    entry = re.search(r'<li class="bb-tl-event[^>]*>.*?Leaders meet in Paris.*?</li>', timeline,
                      re.S).group(0)
    text = _text(entry)
    assert "Source: Report A" in text and "Also reported by: Report B" in text
    # the entry carries the actors every report names, for the filter and the actor slices
    assert json.loads(htmllib.unescape(re.search(r"data-actors='([^']*)'", entry).group(1))) \
        == ["france", "united-kingdom"]
    data = json.loads((site.site / "timeline.json").read_text())
    assert [e["title"] for e in data["events"]].count("Leaders meet in Paris") == 1
    calendar = icalendar.Calendar.from_ical((site.site / "timeline.ics").read_bytes())
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert summaries.count("Leaders meet in Paris") == 1


def test_every_page_shows_the_same_counts(tmp_path):
    site = _site(tmp_path)
    home = _text(site.html(""))
    counts = dict((label, int(n)) for n, label in re.findall(
        r"(\d+) (Briefs|Actors|Topics|Positions|Events|Open questions)", home))
    assert counts["Events"] == 2 and counts["Briefs"] == 2 and counts["Actors"] == 2
    assert "2 events" in _text(site.html("timeline/"))
    assert json.loads((site.site / "timeline.json").read_text())["count"] == 2
    book = site.html("print/")
    events_part = book[book.index('id="timeline"'):book.index('id="briefs"')]
    assert events_part.count('<li class="bb-event') == 2
    assert _text(site.html("actors/")).count("2 actors") == 1
    assert "2 briefs" in _text(site.html("briefs/"))


def test_example_counts_agree_with_its_chronology():
    from briefbook.index.chronology import build_chronology
    from briefbook.views.counts import dossier_counts

    result = load_dossier(ROOT / "briefs", ROOT)
    dossier, index = result.dossier, result.index
    counts = dossier_counts(dossier, index)
    chronology = build_chronology(dossier, index)
    assert sum(e.kind is EntryKind.EVENT for e in chronology.entries) == counts.events
    assert counts.events < len(dossier.events)  # the example has a corroborated event
    records = {e.record for e in chronology.entries if e.record}
    assert all(len([x for x in chronology.entries if x.record == r]) == 1 for r in records)
    with_two = [e for e in chronology.entries if len(e.sources) > 1]
    assert with_two and all(len(set(e.sources)) == len(e.sources) for e in with_two)


def test_stance_change_and_matrix_corner_read_as_text(tmp_path):
    site = _site(tmp_path)
    positions = site.html("positions/")
    assert "Actor \\ Topic" not in positions
    corner = re.search(r'<th scope="col" class="bb-matrix__corner">(.*?)</th>', positions,
                       re.S).group(1)
    assert _text(corner) == "Topic → Actor ↓"
    changes = _text(positions[positions.index("bb-changes"):])
    assert re.search(r"CONDITIONAL → SUPPORTS \(", changes.upper()), changes[:200]


def test_matrix_cell_summary_is_reachable_without_a_pointer(tmp_path):
    positions = _site(tmp_path).html("positions/")
    cell = re.search(r'<td class="bb-cell[^"]*">(.*?)</td>', positions, re.S).group(1)
    summary = re.search(r'<details class="bb-cell__details"><summary>(.*?)</summary>(.*?)'
                        r"</details>", cell, re.S)
    assert "12 April 2025" in _text(summary.group(1))
    assert "Paris is in." in _text(summary.group(2))


def test_excerpts_do_not_end_in_a_full_stop_and_an_ellipsis(example_site):
    pages = [p.read_text() for p in example_site.site.rglob("actors/*/index.html")]
    excerpts = [m for page in pages for m in re.findall(
        r'<p class="bb-excerpt">(.*?)</p>', page, re.S)]
    assert excerpts
    assert not [e for e in excerpts if re.search(r"[.!?:;]…", _text(e))]


def test_book_anchors_are_unique(example_site):
    book = example_site.html("print/")
    ids = re.findall(r'\sid="([^"]+)"', book)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_chip_rows_with_a_name_are_groups(example_site):
    brief = example_site.html("briefs/us-involvement-through-nato/")
    assert '<span class="md-tags bb-chips" role="group" aria-label="Actors">' in brief
    assert not re.search(r'<span(?![^>]*\brole=)[^>]*\baria-label=', brief)


def test_no_grade_filter_where_no_claim_is_listed(tmp_path):
    project = make_project(tmp_path, CORROBORATED, plugins=PLUGINS.replace(
        "briefbook/actors", "briefbook/actors:\n      events_limit: 0"))
    site = build_project(project, strict=True)
    # the United Kingdom has events only, and the actor page lists none of them
    assert "data-bb-grade-filter" not in site.html("actors/united-kingdom/")
    assert "data-bb-grade-filter" in site.html("actors/france/")  # France has positions


def test_book_bodies_keep_their_anchors_apart():
    """Each brief's text is rendered on its own in the book: its heading and footnote anchors
    carry the brief's id, and its links to them follow, so no id repeats on the page."""
    from briefbook.render.markdown_body import BodyRenderer

    render = BodyRenderer(["toc", "footnotes"])
    first = render("## Source\n\nSee [below](#source).[^1]\n\n[^1]: A note.", id_prefix="brief-a--")
    second = render("## Source\n\nText.", id_prefix="brief-b--")
    assert 'id="brief-a--source"' in first and 'href="#brief-a--source"' in first
    assert 'id="brief-b--source"' in second
    ids = re.findall(r'\sid="([^"]*)"', first + second)
    assert len(ids) == len(set(ids))
    fragments = re.findall(r'href="#([^"]*)"', first)
    assert fragments and all(f in ids for f in fragments)
