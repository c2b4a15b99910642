"""The timeline in built sites: the example dossier, a split timeline, configuration errors."""

import html as htmllib
import re

import pytest
from mkdocs.exceptions import Abort
from support import ROOT, build_project, make_project, without_pictures
from timeline_support import DOSSIER, EXPECTED

from briefbook.i18n.dates import format_range
from briefbook.index.lookups import event_sort_key
from briefbook.pipeline import load_dossier


def _events(page: str) -> list[tuple[str, str, str]]:
    """(machine date, displayed date, title) of every event on a built timeline page."""
    found = re.findall(
        r'<time class="bb-event__date" datetime="([^"]+)"[^>]*>([^<]*)</time>\s*'
        r'<span class="bb-event__title">([^<]*)<', page)
    return [(d, htmllib.unescape(label), htmllib.unescape(title)) for d, label, title in found]


def one_per_event(dossier, events):
    """The events as the timeline lists them: a corroborated event (one ``id`` in several
    briefs) once, as its best-graded report tells it; in timeline order."""
    kept = {}
    for event in events:
        record = dossier.event_records.get(event.id) if event.id else None
        best = record.events[0] if record else event
        kept[id(best)] = best
    return sorted(kept.values(), key=event_sort_key)


def test_example_timeline_lists_every_event_in_order_with_its_precision(example_site):
    dossier = load_dossier(ROOT / "briefs", ROOT).dossier
    events = one_per_event(dossier, dossier.events)
    assert len(events) < len(dossier.events)  # the example has a corroborated event
    assert len(events) >= 6
    expected = [(e.date.isoformat().lstrip("~"), format_range(e.date, e.end, "en"), e.title)
                for e in events]
    page = example_site.html("timeline/")
    assert _events(page) == expected
    # the example's ranges and circa months, as an analyst reads them
    assert expected[0][1] == "c. March 2025 – c. April 2025"
    assert expected[-1][1] == "c. April 2025"
    april = [title for date, _, title in expected if date == "2025-04"]
    assert april == sorted(april, key=str.casefold)


def test_example_timeline_groups_by_month_with_anchors_and_toc(example_site):
    page = without_pictures(example_site.html("timeline/"))
    for anchor, label in (("2025", "2025"), ("2025-03", "March 2025"), ("2025-04", "April 2025")):
        assert re.search(rf'<h[23] id="{anchor}">{label}<a class="headerlink" href="#{anchor}"',
                         page)
        assert f'<a href="#{anchor}" class="md-nav__link">' in page
    assert page.index('id="2025-03"') < page.index("Mark Rutte attends") < page.index(
        'id="2025-04"') < page.index("Coalition defence ministers meet")
    assert "<!--bb:" not in page


def test_example_timeline_is_in_the_nav_with_its_script_and_exports(example_site):
    page = example_site.html("timeline/")
    assert '<script src="../assets/briefbook/timeline.js"></script>' in page
    assert example_site.exists("assets/briefbook/timeline.js")
    home = example_site.html("")
    assert re.search(r'<a href="timeline/" class="md-(?:tabs|nav)__link', home)
    assert example_site.exists("timeline.json") and example_site.exists("timeline.ics")
    assert example_site.warnings == []


def test_actor_chips_link_to_actor_pages_only_when_they_are_built(example_site):
    page = example_site.html("timeline/")
    # the example builds no actor pages on this branch: chips are plain labels
    has_actor_pages = example_site.exists("actors/nato/")
    assert ('href="../actors/nato/"' in page) == has_actor_pages


def test_split_timeline_builds_an_overview_and_year_pages(tmp_path):
    project = make_project(tmp_path, DOSSIER, plugins=(
        "  - briefbook\n  - briefbook/timeline:\n      split_after: 3"))
    site = build_project(project, strict=True)
    assert site.warnings == []
    overview = site.html("timeline/")
    assert "<h1>Timeline</h1>" in overview
    assert 'class="bb-tl-years__year" href="2025/"' in overview
    pages = ["timeline/2024/", "timeline/2025/", "timeline/2025/page/2/", "timeline/2025/page/3/"]
    listed = [title for url in pages for _, _, title in _events(site.html(url))]
    assert listed == [title for title, _, _ in EXPECTED]
    first_2025 = site.html("timeline/2025/")
    assert "<title>Timeline: 2025 (1 of 3) - Test dossier</title>" in first_2025
    assert '<a href="#2025-03" class="md-nav__link">' in first_2025
    # year pages stay out of the global navigation
    assert 'href="2024/" class="md-nav__link' not in overview


def test_french_site_shows_the_timeline_in_french(tmp_path):
    project = make_project(tmp_path, DOSSIER, language="fr",
                           plugins="  - briefbook\n  - briefbook/timeline")
    page = build_project(project, strict=True).html("timeline/")
    assert "<h1>Chronologie</h1>" in page
    assert [label for _, label, _ in _events(page)] == [row[2] for row in EXPECTED]
    assert '<h3 id="2025-04">Avril 2025' in page
    assert '<a href="#2025-04" class="md-nav__link">' in page


def test_include_briefs_puts_publications_on_the_timeline(tmp_path):
    project = make_project(tmp_path, DOSSIER, plugins=(
        "  - briefbook\n  - briefbook/timeline:\n      include_briefs: true"))
    page = build_project(project, strict=True).html("timeline/")
    assert '<span class="bb-tl-badge">Brief</span>' in page
    assert page.count('class="bb-tl-event') == len(EXPECTED) + 2


@pytest.mark.parametrize("option", ["split_after: 0", "slice_limit: 0"])
def test_bad_numbers_stop_the_build_with_a_message(tmp_path, caplog, option):
    project = make_project(tmp_path, DOSSIER, plugins=(
        f"  - briefbook\n  - briefbook/timeline:\n      {option}"))
    with pytest.raises(Abort):
        build_project(project)
    assert f"briefbook/timeline: '{option.split(':')[0]}' must be 1 or more" in caplog.text


def test_timeline_without_the_core_plugin_says_what_to_add(tmp_path, caplog):
    project = make_project(tmp_path, DOSSIER, plugins="  - briefbook/timeline")
    with pytest.raises(Abort):
        build_project(project)
    assert "add the 'briefbook' plugin before 'briefbook/timeline'" in caplog.text


def test_an_authored_export_file_is_kept(tmp_path):
    project = make_project(tmp_path, DOSSIER, plugins="  - briefbook\n  - briefbook/timeline",
                           docs={"timeline.json": "{\"mine\": true}\n"})
    site = build_project(project)
    assert (site.site / "timeline.json").read_text() == "{\"mine\": true}\n"
    assert any("docs/timeline.json exists" in w for w in site.warnings)


def test_topic_pages_show_their_slice_and_actor_pages_no_second_copy(example_site):
    dossier = load_dossier(ROOT / "briefs", ROOT).dossier
    topic = example_site.html("topics/reassurance-force/")
    assert '<h2 id="timeline">Timeline' in topic
    titles = [title for _, _, title in _events(topic)]
    expected = one_per_event(dossier, [e for b in dossier.briefs.values()
                                       if "reassurance-force" in b.topics for e in b.events])
    assert titles == [e.title for e in expected]
    assert 'href="../../timeline/?topic=reassurance-force"' in topic
    # the actors plugin lists an actor's events itself: the timeline adds its picture only,
    # no second list
    actor = example_site.html("actors/nato/")
    assert '<h2 id="events">' in actor
    timeline = actor[actor.index('<h2 id="timeline">'):]
    assert 'bb-pic--timeline' in timeline and "bb-tl-slice" not in actor
    assert 'href="../actors/nato/"' in example_site.html("timeline/")
