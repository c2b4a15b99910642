"""The timeline view without a build: order, date display, grouping, pages and slices."""

import re
from dataclasses import dataclass

import pytest
from timeline_support import EXPECTED, view_context

from briefbook.index.chronology import EntryKind
from briefbook.views.page import Listing, PageDoc
from briefbook.views.registry import GeneratedPage, PageKind, PageRegistry
from briefbook.views.timeline import (
    group_entries,
    paginate,
    slice_sections,
    timeline_pages,
    timeline_slice,
    year_page_src,
)


@dataclass
class View:
    pages: list[GeneratedPage]
    docs: list[PageDoc]


def timeline_view(ctx, chronology, split_after: int = 500, exports: bool = True) -> View:
    """The timeline pages, each produced as the build does when it renders it."""
    pages = timeline_pages(ctx, chronology, split_after, exports)
    return View(pages, [page.produce() for page in pages])


def _titles(html: str) -> list[str]:
    return re.findall(r'class="bb-event__title">([^<]*)<', html)


def _dates(html: str) -> list[str]:
    return re.findall(r'<time class="bb-event__date"[^>]*>([^<]*)</time>', html)


def test_chronology_order_is_chronological_with_months_before_days_and_ties_by_title(tmp_path):
    _, chronology = view_context(tmp_path)
    assert [e.title for e in chronology.entries] == [title for title, _, _ in EXPECTED]


@pytest.mark.parametrize(("language", "column"), [("en", 1), ("fr", 2)])
def test_dates_display_with_their_precision_in_the_site_language(tmp_path, language, column):
    ctx, chronology = view_context(tmp_path, language=language)
    html = timeline_view(ctx, chronology).docs[0].blocks[0]
    assert _titles(html) == [row[0] for row in EXPECTED]
    assert _dates(html) == [row[column] for row in EXPECTED]


def test_each_event_carries_its_precision_and_machine_date(tmp_path):
    ctx, chronology = view_context(tmp_path)
    html = timeline_view(ctx, chronology).docs[0].blocks[0]
    assert 'class="bb-tl-event bb-tl-event--year bb-tl-event--approximate"' in html
    assert 'class="bb-tl-event bb-tl-event--month"' in html
    assert '<time class="bb-event__date" datetime="2025-04" title="approximate date">' \
           'c. April 2025</time>' in html
    assert '<time class="bb-event__date" datetime="2025-03-30">30 March 2025 – 2 April 2025' in html


def test_groups_by_year_with_year_only_events_before_the_months(tmp_path):
    ctx, chronology = view_context(tmp_path)
    groups = group_entries(ctx, chronology.entries)
    assert [g.key for g in groups] == ["2024", "2025"]
    assert [e.title for e in groups[1].entries] == ["Year event", "Circa year"]
    assert [(m.key, m.label, len(m.entries)) for m in groups[1].months] == [
        ("2025-03", "March 2025", 1), ("2025-04", "April 2025", 4)]
    html = timeline_view(ctx, chronology).docs[0].blocks[0]
    assert html.index('<h2 id="2025">') < html.index(">Year event<") < html.index(
        '<h3 id="2025-03">') < html.index(">Range event<") < html.index('<h3 id="2025-04">')


def test_single_page_has_a_toc_of_years_and_months(tmp_path):
    ctx, chronology = view_context(tmp_path)
    view = timeline_view(ctx, chronology)
    assert [d.src_uri for d in view.docs] == ["timeline/index.md"]
    assert view.pages[0].in_nav
    toc = view.docs[0].toc
    assert [(t["id"], [c["id"] for c in t["children"]]) for t in toc] == [
        ("2024", ["2024-12"]), ("2025", ["2025-03", "2025-04"])]


def test_events_carry_filter_data_and_the_filter_lists_values_with_counts(tmp_path):
    ctx, chronology = view_context(tmp_path)
    html = timeline_view(ctx, chronology).docs[0].blocks[0]
    assert re.search(r'data-actors=\'\["nato", "france"\]\' data-topics=\'\["force"\]\' '
                     r'data-tags=\'\["summit"\]\'>\s*<time[^>]*>3 April 2025', html)
    assert '<option value="france">France (3)</option>' in html
    assert '<option value="nato">NATO (3)</option>' in html
    assert '<option value="archive">archive (1)</option>' in html
    # without JavaScript the form stays hidden and every event is listed
    assert re.search(r'<form class="bb-tl-filter"[^>]* hidden', html)
    assert "hidden" not in re.search(r"<li class=\"bb-tl-event[^>]*>", html).group(0)


def test_event_links_to_its_brief_and_actor_pages(tmp_path):
    ctx, chronology = view_context(tmp_path)
    html = timeline_view(ctx, chronology).docs[0].blocks[0]
    assert 'Source: <a href="../briefs/dated/">Dated brief</a>' in html
    assert '<a class="md-tag bb-chip bb-chip--actor" href="../actors/nato/">NATO</a>' in html
    assert '<span class="bb-muted bb-event__place">· Paris, France; HQ</span>' in html


def test_actor_chips_are_plain_labels_when_actor_pages_are_not_built(tmp_path):
    ctx, chronology = view_context(tmp_path, sections=("briefs", "timeline"))
    html = timeline_view(ctx, chronology).docs[0].blocks[0]
    assert '<span class="md-tag bb-chip bb-chip--actor">NATO</span>' in html
    assert "actors/nato" not in html


def test_include_briefs_adds_each_publication(tmp_path):
    ctx, chronology = view_context(tmp_path, include_briefs=True)
    publications = [e for e in chronology.entries if e.kind is EntryKind.PUBLICATION]
    assert [(e.title, str(e.date)) for e in publications] == [
        ("Old brief", "2024-12-31"), ("Dated brief", "2025-04-10")]
    # an event and a publication on the same day: the event first
    assert [e.title for e in chronology.entries][:2] == ["Last year", "Old brief"]
    html = timeline_view(ctx, chronology).docs[0].blocks[0]
    assert '<span class="bb-tl-badge">Brief</span> <span class="bb-event__title">' \
           '<a href="../briefs/old/">Old brief</a>' in html


def test_entry_ids_are_stable_and_unique(tmp_path):
    _, first = view_context(tmp_path / "a")
    _, second = view_context(tmp_path / "b")
    assert [e.id for e in first.entries] == [e.id for e in second.entries]
    assert len({e.id for e in first.entries}) == len(first.entries)
    assert all(e.id.startswith(("dated--", "old--")) for e in first.entries)


def test_duplicate_events_get_distinct_ids(tmp_path):
    brief = "---\ntitle: B\ndate: '2025'\nevents:\n" + "  - {date: '2025', title: Same}\n" * 2
    _, chronology = view_context(tmp_path, {"briefs/b.md": brief + "---\n"})
    ids = [e.id for e in chronology.entries]
    assert len(ids) == 2 and ids[1] == ids[0] + "-2"


def test_empty_dossier_says_where_events_come_from(tmp_path):
    ctx, chronology = view_context(tmp_path, {"briefs/b.md": "---\ntitle: B\ndate: '2025'\n---\n"})
    html = timeline_view(ctx, chronology).docs[0].blocks[0]
    assert "No dated events yet" in html
    assert "<form" not in html


# -- splitting ----------------------------------------------------------------------------------
def test_paginate_cuts_between_months_and_only_cuts_a_month_bigger_than_a_page(tmp_path):
    _, chronology = view_context(tmp_path)
    year_2025 = [e for e in chronology.entries if e.date.year == 2025]
    pages = paginate(year_2025, 3)
    assert [[e.title for e in page] for page in pages] == [
        ["Year event", "Circa year", "Range event"],
        ["Month event", "Circa month", "Day event A"],
        ["Day event B"],
    ]
    assert [[e.title for e in page] for page in paginate(year_2025, 4)] == [
        ["Year event", "Circa year", "Range event"],
        ["Month event", "Circa month", "Day event A", "Day event B"],
    ]
    assert paginate(year_2025, 100) == [year_2025]
    for size in range(1, 9):
        pages = paginate(year_2025, size)
        assert all(1 <= len(page) <= size for page in pages)
        assert [e for page in pages for e in page] == year_2025


def test_split_timeline_has_an_overview_and_year_pages(tmp_path):
    ctx, chronology = view_context(tmp_path)
    view = timeline_view(ctx, chronology, split_after=3)
    assert [d.src_uri for d in view.docs] == [
        "timeline/index.md", "timeline/2024/index.md", "timeline/2025/index.md",
        "timeline/2025/page/2.md", "timeline/2025/page/3.md"]
    assert [p.in_nav for p in view.pages] == [True, False, False, False, False]
    assert {p.kind for p in view.pages} == {PageKind.TIMELINE}
    overview = view.docs[0].blocks[0]
    assert re.findall(r'class="bb-tl-years__year" href="([^"]+)"', overview) == [
        "2024/", "2025/"]
    assert "8 events · one page per year" in overview
    assert '<a href="2025/#2025-03" data-bb-keep-query>March 2025</a>' in overview
    assert '<a href="2025/page/2/#2025-04" data-bb-keep-query>April 2025</a>&nbsp;' \
           '<span class="bb-muted">(4)</span>' in overview
    titles = [d.title for d in view.docs]
    assert titles[1:] == ["Timeline: 2024", "Timeline: 2025 (1 of 3)",
                          "Timeline: 2025 (2 of 3)", "Timeline: 2025 (3 of 3)"]
    last = view.docs[-1].blocks[0]
    assert _titles(last) == ["Day event B"]
    assert '<h3 id="2025-04">April 2025 <small class="bb-muted">(continued)</small>' in last
    assert 'href="../2/" rel="prev" data-bb-keep-query>← 2025 (2)</a>' in last
    assert '<a href="../../../" data-bb-keep-query>All years</a>' in last
    assert 'href="../../../../timeline.ics" download' in last
    assert view.docs[-1].src_uri == "timeline/2025/page/3.md"
    assert view.docs[-1].toc[0]["children"][0]["id"] == "2025-04"
    assert view.docs[0].toc is None  # the overview's headings are its own
    assert year_page_src(2025, 3) == "timeline/2025/page/3.md"


def test_split_happens_only_past_split_after(tmp_path):
    ctx, chronology = view_context(tmp_path)
    assert len(timeline_view(ctx, chronology, split_after=8).docs) == 1
    assert len(timeline_view(ctx, chronology, split_after=7).docs) > 1


# -- slices on actor and topic pages ------------------------------------------------------------
def test_actor_slice_lists_its_events_and_links_to_the_filtered_timeline(tmp_path):
    ctx, chronology = view_context(tmp_path)
    html = timeline_slice(ctx, chronology.by_actor["nato"], "actors/nato.md", 50, "actor", "nato")
    assert _titles(html) == ["Range event", "Month event", "Day event A"]
    assert 'class="bb-tl-more" href="../../timeline/?actor=nato">3 events in the timeline' in html
    assert "The latest" not in html


def test_slice_keeps_the_latest_events_when_there_are_many(tmp_path):
    ctx, chronology = view_context(tmp_path)
    html = timeline_slice(ctx, chronology.by_topic["force"], "topics/force.md", 2, "topic", "force")
    assert _titles(html) == ["Day event A", "Day event B"]
    assert "The latest 2 of 7 events." in html
    assert 'href="../../timeline/?topic=force">7 events in the timeline' in html
    assert timeline_slice(ctx, [], "topics/force.md") == ""


def _page(src: str, kind: PageKind, subject: str, title: str, doc: PageDoc | None = None):
    return GeneratedPage(src, kind, lambda: doc or PageDoc(src, title), subject=subject)


def test_slices_are_appended_to_generated_actor_and_topic_pages(tmp_path):
    ctx, chronology = view_context(tmp_path, include_briefs=True)
    registry = PageRegistry()
    for page in (
        _page("actors/nato.md", PageKind.ACTOR, "nato", "NATO"),
        _page("actors/france.md", PageKind.ACTOR_BRIEFS, "france", "France"),
        _page("topics/other.md", PageKind.TOPIC, "other", "Other"),
        _page("topics/force.md", PageKind.TOPIC, "force", "Reassurance force"),
        _page("briefs/dated.md", PageKind.BRIEF, "dated", "Dated brief"),
    ):
        registry.add_page("test", page)
    for section in slice_sections(ctx, chronology, 5):
        registry.add_section("briefbook/timeline", section)
    nato = registry.produce("actors/nato.md")
    assert nato.markdown_parts[0] == "## Timeline"
    assert _titles(nato.blocks[0]) == ["Range event", "Month event", "Day event A"]
    topic = registry.produce("topics/force.md")
    assert "The latest 5 of 7 events." in topic.blocks[0]
    assert "Dated brief" not in _titles(topic.blocks[0])  # publications stay off slices
    assert registry.produce("actors/france.md").blocks == []  # not an actor page
    assert registry.produce("briefs/dated.md").blocks == []
    assert registry.produce("topics/other.md").blocks == []  # not a topic of the dossier


def test_a_page_that_lists_its_events_already_gets_no_second_copy(tmp_path):
    ctx, chronology = view_context(tmp_path)
    # the heading's text does not matter (it is translated): the page says what it lists
    nato = PageDoc("actors/nato.md", "NATO").heading("Évènements").html("<ol></ol>")
    nato.listings.add(Listing.EVENTS)
    registry = PageRegistry()
    registry.add_page("test", _page("actors/nato.md", PageKind.ACTOR, "nato", "NATO", nato))
    for section in slice_sections(ctx, chronology):
        registry.add_section("briefbook/timeline", section)
    produced = registry.produce("actors/nato.md")
    assert produced.markdown_parts[-1] != "## Timeline"
    assert len(produced.blocks) == 1


def test_slices_open_with_their_picture_and_a_listing_page_gets_the_picture_only(tmp_path):
    ctx, chronology = view_context(tmp_path)
    listed = PageDoc("actors/nato.md", "NATO").heading("Events").html("<ol></ol>")
    listed.listings.add(Listing.EVENTS)
    registry = PageRegistry()
    registry.add_page("test", _page("actors/nato.md", PageKind.ACTOR, "nato", "NATO", listed))
    registry.add_page("test", _page("topics/force.md", PageKind.TOPIC, "force", "Force"))
    for section in slice_sections(ctx, chronology, 5, picture_limit=200):
        registry.add_section("briefbook/timeline", section)
    nato = registry.produce("actors/nato.md")
    assert len(nato.blocks) == 2 and 'class="bb-pic bb-pic--timeline"' in nato.blocks[1]
    assert "bb-tl-slice" not in nato.blocks[1]  # the picture, not a second list
    topic = registry.produce("topics/force.md")
    assert 'class="bb-pic bb-pic--timeline"' in topic.blocks[0]
    assert "bb-tl-slice" in topic.blocks[1]
