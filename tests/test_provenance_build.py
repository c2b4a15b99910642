"""Provenance on the built site: grades on briefs and on the claims that inherit them,
corroborated and disputed claims, the changes pages and their Atom feed, builds as of a day."""

import html as html_lib
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from linkcheck import check_site
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from provenance_support import DISAGREE, HISTORY
from support import build_project, make_project, without_pictures

from briefbook.mkdocs.core import BriefbookPlugin
from briefbook.validate.as_of import parse_as_of

ATOM = "{http://www.w3.org/2005/Atom}"
PLUGINS = "  - briefbook\n  - briefbook/actors"


def _text(html: str) -> str:
    """The visible text, as a reader (or a screen reader) gets it."""
    spaced = re.sub(r"</?(?:p|div|dt|dd|li|ul|ol|h\d|br|section|tr|td|th)\b[^>]*>", " ", html)
    return html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", spaced))).strip()


def _article(html: str) -> str:
    """The page's article, without the pictures that repeat its lists."""
    return without_pictures(html[html.index("<article"): html.index("</article>")])


def _item(html: str, marker: str, tag: str = "li") -> str:
    """The innermost ``<tag ...>`` element around the first occurrence of ``marker``."""
    at = html.index(marker)
    start = max(html.rfind(f"<{tag} ", 0, at), html.rfind(f"<{tag}>", 0, at))
    depth = 0
    for match in re.compile(rf"<(/?){tag}[\s>]").finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return html[start: html.index(">", match.start()) + 1]
    raise AssertionError(f"unclosed <{tag}> around {marker!r}")


# -- grades on the example dossier -----------------------------------------------------------
def test_brief_page_shows_its_grade_with_meaning_and_kind_of_source(example_site):
    html = _article(example_site.html("briefs/us-involvement-through-nato/"))
    grade = _item(html, 'class="bb-source-grade"', "dd")
    assert 'title="Grade B3 — source: usually reliable; information: possibly true"' in grade
    assert _text(grade) == "B3 source: usually reliable; information: possibly true"
    assert "Kind of source news report" in _text(_item(html, "bb-source-kind", "div"))


def test_positions_events_and_answers_inherit_the_grade_of_their_brief(example_site):
    actor = _article(example_site.html("actors/donald-trump/"))
    position = _item(actor, "Has refused direct US participation")
    assert 'data-bb-grade="B3"' in position
    assert '<span class="bb-grade__label">B3</span>' in position
    matrix = _article(example_site.html("positions/"))
    row = next(r for r in re.findall(r"<tr>.*?</tr>", matrix, re.S) if "Donald Trump" in r)
    assert '<span class="bb-grade__label">B3</span>' in row
    topic = _article(example_site.html("topics/us-backstop/"))
    assert '<span class="bb-grade__label">B3</span>' in _item(topic, "Has refused direct US")
    questions = _article(example_site.html("questions/"))
    answer = _item(questions, "Il s&#39;agit de Mark Rutte", "div")
    assert "B2" in _text(answer)  # the French reading note that answers it is graded B2
    assert "(Grade: source: usually reliable; information: probably true)" in _text(answer)
    brief = _article(example_site.html("briefs/iiss-assessment-force-size/"))
    event = _item(brief, "IISS publishes a paper")
    assert 'data-bb-grade="B2"' in event and "bb-grade__label" in event


def test_claims_reported_by_two_briefs_list_both_sources(example_site):
    brief = _article(example_site.html("briefs/nato-role-in-reassurance-force/"))
    backstop = _item(brief, "some form of backstop is important")
    also = _text(_item(backstop, "bb-corroboration", "p"))
    assert also.startswith("Also reported by: Keeping Washington in without asking it to join B3")
    note = _article(example_site.html("briefs/version-francaise-note-de-lecture/"))
    assert "Also reported by: NATO could anchor the European reassurance force for Ukraine B2" \
        in _text(_item(note, "Réunion des ministres"))
    # one row for the meeting on the coalition's page, its other report listed under it
    actor = _article(example_site.html("actors/coalition-of-the-willing/"))
    events = actor[actor.index('class="bb-list bb-events"'):]
    assert events.count("Coalition defence ministers meet at NATO headquarters") \
        + events.count("Réunion des ministres de la Défense") == 1
    assert "Also reported by" in events
    assert check_site(example_site.site, pages=["actors/coalition-of-the-willing/"]).broken == []
    # the grade filter judges a corroborated claim by its best source: this B3 report stays
    # visible at B2 because a B2 brief reports the same
    weaker = _item(actor, "Its leaders and ministers have repeatedly said")
    assert '<span class="bb-grade__label">B3</span>' in weaker
    assert 'data-bb-grade="B2"' in weaker


def test_grade_filter_is_on_the_matrix_and_actor_pages_and_hidden_without_js(example_site):
    for url in ("positions/", "actors/donald-trump/"):
        html = example_site.html(url)
        form = _item(_article(html), "data-bb-grade-filter", "form")
        assert " hidden>" in form.split("\n")[0]
        assert '<option value="B">B — usually reliable or better</option>' in form
        assert "grade-filter.js" in html
    assert "data-bb-grade-filter" not in example_site.html("briefs/")


def test_example_has_a_changes_page_in_the_nav_and_a_feed(example_site):
    home = example_site.html("")
    assert 'href="changes/"' in home
    html = _article(example_site.html("changes/"))
    assert 'id="week-2025-14"' in html
    assert check_site(example_site.site, pages=["changes/"]).broken == []
    feed = feedparser.parse((example_site.site / "changes.xml").read_bytes())
    assert not feed.bozo and feed.version == "atom10"
    assert len(feed.entries) == 1


# -- disagreement ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def disputed(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("disputed"), DISAGREE, plugins=PLUGINS)
    return build_project(project)


def test_disagreeing_sources_warn_with_both_locations(disputed):
    assert "briefs/2025/b.md:14:5: warning: event 'summit' is dated 2025-04-12 here but " \
        "2025-04-10 in briefs/2025/a.md:14:5; the pages show both dates until the sources " \
        "agree (or mark a known disagreement 'disputed: true')" in disputed.warnings
    assert any(w.startswith("briefs/2025/b.md:7:5: warning: position 'france-force' gives "
                            "'france' the stance 'opposes'") and "briefs/2025/a.md:8:5" in w
               for w in disputed.warnings)


def test_event_pages_show_both_dates_with_their_sources(disputed):
    for url in ("briefs/a/", "briefs/b/"):
        event = _item(_article(disputed.html(url)), "bb-event--disputed")
        block = _text(_item(event, 'class="bb-dispute"', "div"))
        assert block == ("⚠ Sources disagree on the date 10 April 2025 — Report A B2 (Grade: "
                         "source: usually reliable; information: probably true) 12 April 2025 — "
                         "Report B D4 (Grade: source: not usually reliable; information: "
                         "doubtful)")
    actor = _article(disputed.html("actors/france/"))
    events = actor[actor.index('class="bb-list bb-events"'):]
    assert events.count('<li class="bb-event') == 1  # one event, both dates
    assert "10 April 2025" in _text(events) and "12 April 2025" in _text(events)


def test_disputed_stance_shows_both_instead_of_picking_one(disputed):
    matrix = _article(disputed.html("positions/"))
    row = next(r for r in re.findall(r"<tr>.*?</tr>", matrix, re.S) if "France" in r)
    cell = re.search(r'<td class="bb-cell bb-cell--disputed">(.*?)</td>', row, re.S).group(1)
    # what shows before the fallbacks of the grade filter
    shown = _text(re.split(r'<(?:span|div) class="bb-claim bb-claim--fallback"', cell)[0])
    assert shown == ("⚠ disputed: supports (Report A B2 (Grade: source: usually reliable; "
                     "information: probably true)) · opposes (Report B D4 (Grade: source: not "
                     "usually reliable; information: doubtful))")
    assert "bb-changed" not in cell  # a disagreement is not a change of mind
    changes = _text(_article(disputed.html("changes/")))
    assert "Changed stances" not in changes


# -- what changed ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def history(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("history"), HISTORY, plugins=PLUGINS)
    return build_project(project, strict=True)


def test_changes_page_lists_weeks_newest_first_with_a_changed_stance(history):
    html = _article(history.html("changes/"))
    assert html.index('id="week-2025-12"') < html.index('id="week-2025-07"')
    march = html[html.index('id="week-2025-12"'): html.index('id="week-2025-07"')]
    change = _item(march, 'class="bb-stance-change"')
    assert _text(change).startswith(
        "Italy on Reassurance force: supports (Early report, 12 February 2025 B2"
    )
    assert "→ opposes (Later report, 20 March 2025 A1" in _text(change)
    assert 'href="../briefs/early/"' in change and 'href="../briefs/later/"' in change
    assert "answered Will Italy send troops? — No, Italy will not send troops." in _text(march)
    new_actors = _text(march[march.index("New actors"):])
    assert "NATO" in new_actors and "Italy" not in new_actors  # Italy is new in February
    february = _text(html[html.index('id="week-2025-07"'):])
    assert "opened Will Italy send troops?" in february
    assert "New actors Italy" in february
    assert check_site(history.site, pages=["changes/"]).broken == []


def test_changes_feed_is_atom_with_the_changed_stance(history):
    data = (history.site / "changes.xml").read_bytes()
    root = ET.fromstring(data)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}").text
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Test dossier"
    assert root.find(f"{ATOM}updated").text == "2025-03-20T00:00:00Z"  # from the data
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 2
    for entry in entries:
        for name in ("id", "title", "updated", "content"):
            assert entry.find(f"{ATOM}{name}").text
        assert entry.find(f"{ATOM}link").get("href").startswith("changes/#week-2025-")
    first = entries[0]
    assert first.find(f"{ATOM}title").text == "Week 12, 2025 (17 March 2025 – 23 March 2025)"
    assert first.find(f"{ATOM}id").text == "tag:briefbook,2025:test-dossier/changes/2025-W12"
    content = first.find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert 'href="briefs/early/"' in content.text and 'href="briefs/later/"' in content.text
    assert "supports" in content.text and "opposes" in content.text
    parsed = feedparser.parse(data)
    assert not parsed.bozo and parsed.version == "atom10"
    assert parsed.entries[1].title.startswith("Week 7, 2025")


def test_changes_feed_is_reproducible(tmp_path):
    builds = []
    for name in ("one", "two"):
        project = make_project(tmp_path / name, HISTORY)
        builds.append((build_project(project).site / "changes.xml").read_bytes())
    assert builds[0] == builds[1]


def test_changes_are_paged_and_feed_ids_are_urls_with_site_url(tmp_path):
    config = ("site_name: Test\nsite_url: https://example.org/dossier/\ntheme:\n  name: material"
              "\nplugins:\n  - briefbook:\n      changes_weeks_per_page: 1\n")
    project = make_project(tmp_path, HISTORY, mkdocs_yml=config)
    site = build_project(project, strict=True)
    assert 'id="week-2025-12"' in site.html("changes/")
    assert 'id="week-2025-07"' not in site.html("changes/")
    assert 'id="week-2025-07"' in site.html("changes/page/2/")
    root = ET.fromstring((site.site / "changes.xml").read_bytes())
    assert root.get("{http://www.w3.org/XML/1998/namespace}base") == "https://example.org/dossier/"
    assert root.find(f"{ATOM}id").text == "https://example.org/dossier/changes.xml"
    older = root.findall(f"{ATOM}entry")[1]
    assert older.find(f"{ATOM}id").text == "https://example.org/dossier/changes/#week-2025-07"
    assert older.find(f"{ATOM}link").get("href") == \
        "https://example.org/dossier/changes/page/2/#week-2025-07"


# -- as of a date ----------------------------------------------------------------------------
def as_of_project(tmp_path, as_of: str):
    config = ("site_name: Test\ntheme:\n  name: material\n  language: en\nplugins:\n"
              f"  - briefbook:\n      as_of: {as_of}\n  - briefbook/actors\n")
    return make_project(tmp_path, HISTORY, mkdocs_yml=config,
                        docs={"about.md": "# About\n\nAn authored page.\n"})


@pytest.mark.parametrize("as_of", ["2025-03-01", '"2025-03-01"'])
def test_as_of_build_leaves_out_later_briefs_and_shows_the_earlier_state(tmp_path, as_of):
    site = build_project(as_of_project(tmp_path, as_of), strict=True)
    assert not site.exists("briefs/later/")
    assert "Later report" not in site.html("briefs/")
    matrix = _article(site.html("positions/"))
    row = next(r for r in re.findall(r"<tr>.*?</tr>", matrix, re.S) if "Italy" in r)
    assert ">supports</a>" in row and "opposes" not in row
    questions = _article(site.html("questions/"))
    card = _item(questions, 'id="italy-troops"')
    assert 'class="bb-question-card bb-question-card--open"' in card
    assert "No, Italy will not send troops" not in questions
    assert 'id="week-2025-12"' not in site.html("changes/")
    assert "week-2025-07" in (site.site / "changes.xml").read_text()


def test_as_of_banner_is_on_every_page_authored_ones_included(tmp_path):
    site = build_project(as_of_project(tmp_path, "2025-03-01"))
    pages = ["", "about/", "briefs/", "briefs/early/", "positions/", "questions/", "changes/",
             "actors/", "actors/italy/", "topics/force/"]
    for url in pages:
        article = _article(site.html(url))
        banner = _item(article, "bb-as-of", "div")
        assert _text(banner).startswith("As of 1 March 2025 This dossier is shown as it stood "
                                        "on 1 March 2025"), url
        assert article.index("bb-as-of") < article.index("<h1")


def test_a_full_build_has_no_banner_and_the_later_state(history):
    assert "bb-as-of" not in history.html("")
    row = next(r for r in re.findall(r"<tr>.*?</tr>", _article(history.html("positions/")),
                                      re.S) if "Italy" in r)
    assert ">opposes</a>" in row and "was supports" in _text(row)


def test_as_of_must_be_a_day(tmp_path):
    with pytest.raises(ValueError, match="'as_of' is 'March': give a day as YYYY-MM-DD"):
        parse_as_of("March")
    plugin = BriefbookPlugin()
    plugin.load_config({"as_of": "2025-03"})
    with pytest.raises(PluginError, match="'as_of' is '2025-03': give a day"):
        plugin.on_config(load_config(config_file=str(make_project(tmp_path, HISTORY) /
                                                      "mkdocs.yml")))


def test_labels_and_meanings_in_french(tmp_path):
    config = ("site_name: Dossier\ntheme:\n  name: material\n  language: fr\nplugins:\n"
              "  - briefbook:\n      as_of: 2025-03-25\n  - briefbook/actors\n")
    site = build_project(make_project(tmp_path, HISTORY, mkdocs_yml=config), strict=True)
    changes = _text(_article(site.html("changes/")))
    assert changes.startswith("État au 25 mars 2025")
    assert "Semaine 12 de 2025" in changes
    assert "Positions qui ont changé" in changes and "Nouveaux acteurs" in changes
    brief = _text(_article(site.html("briefs/later/")))
    assert "Cotation A1 source : complètement fiable ; information : confirmée par d'autres " \
        "sources" in brief
    assert "Type de source déclaration ou document officiel" in brief
    actor = _article(site.html("actors/italy/"))
    assert "Masquer les informations sous une cotation" in actor
    assert "Semaine 12 de 2025" in (site.site / "changes.xml").read_text()


def test_timeline_shows_grades_and_both_dates_of_a_disputed_event(tmp_path):
    project = make_project(tmp_path, DISAGREE,
                           plugins="  - briefbook\n  - briefbook/timeline")
    site = build_project(project)
    timeline = _article(site.html("timeline/"))
    report_a = _item(timeline, "Leaders meet in Paris")
    assert '<span class="bb-grade__label">B2</span>' in report_a
    dispute = _text(_item(report_a, 'class="bb-dispute"', "div"))
    assert "10 April 2025 — Report A B2" in dispute and "12 April 2025 — Report B D4" in dispute
    # one entry for the event, the best-graded report's; the other report is in its dispute
    assert "Leaders&#39; summit" not in timeline


def test_example_timeline_lists_other_reports_of_an_event(example_site):
    timeline = _article(example_site.html("timeline/"))
    meeting = _item(timeline, "Coalition defence ministers meet at NATO headquarters")
    assert "Also reported by: Note de lecture" in _text(meeting)
    assert '<span class="bb-grade__label">B2</span>' in meeting
