"""Questions register, positions matrix, topic pages, overview and the printable book, asserted
on the built HTML of the example dossier and of small dossiers made for one behaviour each."""

import html as html_lib
import re

import pytest
from linkcheck import check_site
from support import ROOT, build_project, load_tree, make_project

from briefbook.views.stances import stance_records

TOPIC_IDS = sorted(p.stem for p in (ROOT / "briefs/topics").glob("*.md"))
GENERATED = ["", "questions/", "positions/", "topics/", "print/"]
GENERATED += [f"topics/{t}/" for t in TOPIC_IDS]


def _text(html: str) -> str:
    return html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def _article(html: str) -> str:
    return html[html.index("<article"): html.index("</article>")]


@pytest.mark.parametrize("url", GENERATED)
def test_every_link_of_the_new_pages_resolves(example_site, url):
    assert example_site.exists(url)
    assert check_site(example_site.site, pages=[url]).broken == []


def test_brief_pages_link_to_existing_question_anchors(example_site):
    html = example_site.html("briefs/nato-role-in-reassurance-force/")
    assert 'href="../../questions/#nato-c2-for-force"' in html
    assert check_site(example_site.site, pages=["briefs/nato-role-in-reassurance-force/"]).broken \
        == []


# -- questions -------------------------------------------------------------------------------
def test_questions_register_groups_by_status_open_first(example_site):
    html = _article(example_site.html("questions/"))
    assert '<h2 id="open-questions">Open questions' in html
    assert '<h2 id="answered-questions">Answered questions' in html
    assert html.index('id="open-questions"') < html.index('id="answered-questions"')
    open_part = html[: html.index('id="answered-questions"')]
    answered_part = html[html.index('id="answered-questions"'):]
    assert open_part.count('class="bb-question-card bb-question-card--open"') == 9
    assert answered_part.count('class="bb-question-card bb-question-card--answered"') == 2
    assert "11 questions · 9 open · 2 answered · 0 moot" in _text(html)
    for question_id in ("nato-c2-for-force", "us-isr-support", "mark-latte-identity"):
        assert f'id="{question_id}"' in html


def test_question_raised_in_one_brief_and_answered_in_another_shows_both(example_site):
    html = _article(example_site.html("questions/"))
    start = html.index('id="mark-latte-identity"')
    after = html.find('class="bb-question-card', start)
    card = html[start: after if after > 0 else len(html)]
    text = _text(card)
    assert "Who is the 'Mark Latte' named as NATO Secretary General" in text
    assert "Raised in NATO could anchor the European reassurance force for Ukraine" in text
    assert 'class="admonition success bb-answer"' in card
    assert "Il s'agit de Mark Rutte" in text
    assert 'href="../briefs/version-francaise-note-de-lecture/"' in card
    assert "(Financial Times)" in text
    # the trail lists both briefs, the raising one first
    trail = card[card.index('class="bb-trail"'):]
    assert trail.index("nato-role-in-reassurance-force") < trail.index(
        "version-francaise-note-de-lecture")
    # actors and topics of the question as chips
    assert ">Mark Rutte</span>" in card or ">Mark Rutte</a>" in card
    assert 'href="../topics/nato-command-and-control/"' in card


def test_question_trail_is_in_date_order_with_what_each_brief_says(tmp_path):
    project = make_project(tmp_path, {
        **BASE,
        "briefs/late.md": """
            ---
            title: Late
            date: "2025-03-01"
            questions:
              - {id: q-one, status: answered, answer: "Yes, on 1 March."}
            ---
        """,
        "briefs/early.md": """
            ---
            title: Early
            date: "2025-01-01"
            questions:
              - {id: q-one, text: "Will it happen?"}
            ---
        """,
        "briefs/middle.md": """
            ---
            title: Middle
            date: "2025-02-01"
            questions:
              - {id: q-one, text: "Will it happen before March?"}
            ---
        """,
    })
    html = _article(build_project(project).html("questions/"))
    trail = html[html.index('class="bb-trail"'):]
    assert [m for m in re.findall(r'href="\.\./briefs/([a-z]+)/"', trail)] == [
        "early", "middle", "late"]
    assert "<q>Will it happen before March?</q>" in trail
    assert "Yes, on 1 March." in trail
    assert "Answered questions" in html and "Open questions" not in html


def test_questions_register_is_paginated_and_links_follow(tmp_path):
    briefs = {
        f"briefs/b{i}.md": f"---\ntitle: B{i}\ndate: '2025-01-0{i + 1}'\nquestions:\n"
                           f"  - {{id: q{i}, text: 'Question {i}?'}}\n---\n"
        for i in range(5)
    }
    project = make_project(tmp_path, {**BASE, **briefs},
                           plugins="  - briefbook:\n      questions_page_size: 2")
    site = build_project(project)
    # most recently discussed first: q4, q3 | q2, q1 | q0
    assert re.findall(r'class="bb-question-card[^"]*" id="(q\d)"', site.html("questions/")) == [
        "q4", "q3"]
    assert re.findall(r'id="(q\d)"', _article(site.html("questions/page/3/"))) == ["q0"]
    assert 'href="../../questions/page/2/#q1"' in site.html("briefs/b1/")
    pages = ["questions/", "questions/page/2/", "questions/page/3/", "briefs/b1/"]
    assert check_site(site.site, pages=pages).broken == []


# -- positions ------------------------------------------------------------------------------
def test_positions_matrix_has_only_actors_with_positions(example_site):
    html = _article(example_site.html("positions/"))
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>', html)
    names = [_text(r).strip() for r in rows]
    assert names == sorted(names, key=str.casefold)
    assert "Italy" in names and "Donald Trump" in names
    assert "NATO" not in names and "Russia" not in names  # no positions of theirs
    header = html[html.index("<thead>"): html.index("</thead>")]
    assert header.count('<th scope="col"') == 1 + 5


def test_matrix_cell_shows_stance_as_text_and_colour_linking_its_brief(example_site):
    html = _article(example_site.html("positions/"))
    row = next(r for r in re.findall(r"<tr>.*?</tr>", html, re.S) if "Donald Trump" in r)
    cell = re.search(r'<td class="bb-cell bb-cell--opposes">(.*?)</td>', row).group(1)
    assert 'class="bb-stance bb-stance--opposes"' in cell
    assert ">opposes</a>" in cell
    assert 'href="../briefs/us-involvement-through-nato/"' in cell
    assert 'class="bb-matrix-wrap"' in html
    css = (ROOT / "src/briefbook/assets/briefbook.css").read_text()
    assert "position: sticky" in css
    assert '[data-md-color-scheme="slate"]' in css


def test_changed_stance_is_marked_with_the_earlier_stance(tmp_path):
    project = make_project(tmp_path, {**BASE, **STANCE_CHANGE})
    site = build_project(project)
    html = _article(site.html("positions/"))
    cell = re.search(r'<td class="bb-cell bb-cell--supports">(.*?)</td>', html).group(1)
    assert ">supports</a>" in cell
    assert 'href="../briefs/later/"' in cell
    assert 'title="stance changed: opposes → conditional → supports"' in cell
    assert "was conditional" in _text(cell)
    assert '<h2 id="changed-stances">Changed stances' in html
    topic = _article(site.html("topics/force/"))
    assert "Earlier positions" in topic
    assert _text(topic).index("Still unsure") < _text(topic).index("Against it")
    assert check_site(site.site, pages=["positions/", "topics/force/"]).broken == []


def test_stance_history_orders_same_date_positions_like_their_briefs(tmp_path):
    result = load_tree(tmp_path, {**BASE, **STANCE_CHANGE, "briefs/same-day.md": """
        ---
        title: Same day as later
        date: "2025-03-01"
        positions:
          - {actor: nato, topic: force, stance: neutral, summary: "Same day, earlier brief."}
        ---
    """})
    # the dossier lists same-date briefs by id, descending, as newest first: "same-day" is newer
    assert list(result.dossier.briefs)[:2] == ["same-day", "later"]
    record = stance_records(result.index)[("nato", "force")]
    assert [p.brief for p in record.history] == ["earlier", "middle", "later", "same-day"]
    assert record.stance.value == "neutral"
    assert [s.value for s in record.stance_path] == [
        "opposes", "conditional", "supports", "neutral"]
    assert record.previous.brief == "later"


# -- topics ---------------------------------------------------------------------------------
def test_topics_index_lists_every_topic(example_site):
    html = _article(example_site.html("topics/"))
    links = re.findall(r'class="bb-topic-item__title" href="([^"]+)"', html)
    assert sorted(link.strip("/") for link in links) == TOPIC_IDS
    assert "3 briefs · 3 actors with positions · 3 open questions" in _text(html)


def test_topic_page_has_text_positions_by_stance_questions_and_briefs(example_site):
    html = _article(example_site.html("topics/us-backstop/"))
    text = _text(html)
    assert "<h1>US backstop and ISR support</h1>" in html
    assert "Supporters of a NATO role therefore see the alliance" in text  # the topic's body
    for section in ("positions", "questions", "briefs"):
        assert f'<h2 id="{section}">' in html
    groups = re.findall(r'bb-stance-group--(\w+)', html)
    assert groups == ["supports", "opposes"]
    supports = html[html.index("bb-stance-group--supports"): html.index("bb-stance-group--opposes")]
    assert "Coalition of the willing" in supports and "Ben Barry" in supports
    assert "Donald Trump" in html[html.index("bb-stance-group--opposes"):]
    assert 'href="../../questions/#us-isr-support"' in html
    briefs = re.findall(r'class="bb-brief-item__title" href="([^"]+)"', html)
    assert len(briefs) == 3
    assert "../../briefs/us-involvement-through-nato/" in briefs


def test_topic_pages_are_of_kind_topic_for_the_timeline(tmp_path):
    from briefbook.render.environment import Renderer
    from briefbook.views.context import ViewContext
    from briefbook.views.registry import PageKind
    from briefbook.views.topic import topic_pages
    from briefbook.views.urls import SiteUrls

    result = load_tree(tmp_path, {**BASE, **STANCE_CHANGE})
    ctx = ViewContext(result.dossier, result.index, SiteUrls(sections={"briefs", "topics"}),
                      Renderer())
    pages = topic_pages(ctx)
    assert [(p.kind, p.subject, p.src_uri) for p in pages] == [
        (PageKind.TOPICS_INDEX, None, "topics/index.md"),
        (PageKind.TOPIC, "force", "topics/force.md")]
    assert pages[1].produce().src_uri == "topics/force.md"


# -- overview -------------------------------------------------------------------------------
def test_overview_replaces_the_marker_on_the_home_page(example_site):
    html = example_site.html("")
    assert "briefbook:overview" not in html
    assert "<!--bb:" not in html
    article = _article(html)
    assert article.index("A dossier on the European reassurance force") < article.index(
        'class="bb-overview"') < article.index("Start with the")
    counts = dict((label, int(value)) for value, label in re.findall(
        r'bb-count-card__value">(\d+)</span> <span class="bb-count-card__label">([^<]+)<', article))
    assert counts == {"Briefs": 5, "Actors": 17, "Topics": 5, "Positions": 9, "Events": 6,
                      "Open questions": 9}
    assert 'class="grid cards"' in article
    for title in ("Latest briefs", "Open questions", "Most active actors", "Latest events"):
        assert f'<p class="bb-card__title">{title}</p>' in article
    assert 'href="questions/#' in article
    assert 'href="dossier.json"' in article and 'href="print/"' in article


def test_overview_can_be_turned_off(tmp_path):
    project = make_project(tmp_path, {**BASE, **STANCE_CHANGE},
                           plugins="  - briefbook:\n      overview: false",
                           docs={"index.md": "# Home\n\n<!-- briefbook:overview -->\n"})
    html = build_project(project).html("")
    assert "bb-overview" not in html


# -- print ----------------------------------------------------------------------------------
def test_print_book_holds_every_part_and_every_brief(example_site):
    html = example_site.html("print/")
    article = _article(html)
    headings = re.findall(r'<h2 id="[^"]+">([^<]+)', article)
    parts = ["Overview", "Open questions", "Positions", "Actors", "Timeline", "Briefs"]
    assert [h for h in headings if h in parts] == parts
    brief_ids = [p.stem for p in (ROOT / "briefs/2025").glob("*.md")]
    for brief_id in brief_ids:
        assert f'id="brief-{brief_id}"' in article
    # the timeline lists events in date order and points at the briefs inside the book
    timeline = article[article.index('id="timeline"'): article.index('id="briefs"')]
    assert timeline.index("c. March 2025") < timeline.index("c. April 2025")
    assert 'href="#brief-nato-role-in-reassurance-force"' in timeline
    # navigation and table of contents hidden; print rules in the stylesheet
    assert re.search(r'<div class="md-sidebar md-sidebar--primary"[^>]*hidden', html)
    css = (ROOT / "src/briefbook/assets/briefbook.css").read_text()
    assert "@media print" in css and "break-before: page" in css
    # kept out of search, where every brief would otherwise be found twice
    index = (example_site.site / "search/search_index.json").read_text(encoding="utf-8")
    assert '"location":"print/' not in index.replace(" ", "")
    assert '"location":"questions/' in index.replace(" ", "")


def test_print_book_can_be_limited(tmp_path):
    project = make_project(tmp_path, {**BASE, **STANCE_CHANGE},
                           plugins="  - briefbook:\n      print_max_briefs: 1")
    html = _article(build_project(project).html("print/"))
    assert html.count('class="bb-brief-header"') == 1
    assert "This book holds the 1 latest of 3 briefs." in html


def test_a_limited_book_shows_only_the_stances_its_briefs_state(tmp_path):
    """A book of the latest briefs stays in proportion: an actor's stance on a topic that only
    a brief left out of the book states is not a cell of the book's matrix."""
    project = make_project(tmp_path, {**BASE, **STANCE_CHANGE,
                                      "briefs/actors/eu.md":
                                          "---\nname: EU\nkind: organisation\n---\n",
                                      "briefs/topics/other.md": "---\ntitle: Other\n---\n",
                                      "briefs/old.md": """
        ---
        title: Old
        date: "2024-01-01"
        positions:
          - {actor: nato, topic: other, stance: opposes, summary: "Against the other."}
        ---
    """, "briefs/latest.md": """
        ---
        title: Latest
        date: "2025-04-01"
        positions:
          - {actor: nato, topic: force, stance: supports, summary: "For it now."}
          - {actor: eu, topic: other, stance: supports, summary: "For the other."}
        ---
    """}, plugins="  - briefbook:\n      print_max_briefs: 1")
    site = build_project(project)
    book = _article(site.html("print/"))
    matrix = book[book.index('id="positions"'):book.index('id="actors"')]
    assert "For it now." in matrix and "For the other." in matrix  # both rows, both columns
    assert "Against the other." not in matrix
    assert "Against the other." in site.html("positions/")  # the site's matrix has it


# -- options, language, escaping ------------------------------------------------------------
def test_sections_can_be_turned_off(tmp_path):
    plugins = ("  - briefbook:\n      questions: false\n      positions: false\n"
               "      topics: false\n      print_book: false\n      export: false")
    project = make_project(tmp_path, {**BASE, **STANCE_CHANGE, "briefs/q.md": """
        ---
        title: Q
        date: "2025"
        questions: [{id: q-one, text: "Why?"}]
        ---
    """}, plugins=plugins)
    site = build_project(project)
    for url in ("questions/", "positions/", "topics/", "print/", "dossier.json"):
        assert not site.exists(url)
    assert "questions/" not in site.html("briefs/q/")
    assert site.exists("briefs/q/")


def test_labels_follow_the_site_language(tmp_path):
    project = make_project(tmp_path, {**BASE, **STANCE_CHANGE}, language="fr",
                           docs={"index.md": "# Accueil\n\n<!-- briefbook:overview -->\n"})
    site = build_project(project)
    assert "Positions qui ont changé" in site.html("positions/")
    assert "auparavant : sous conditions" in site.html("positions/")
    assert "Dernières fiches" in site.html("")
    assert "Dossier imprimable" in site.html("print/")
    assert "1 acteur ayant une position" in site.html("topics/")


def test_user_values_are_escaped_on_the_new_pages(tmp_path):
    project = make_project(tmp_path, {
        "briefs/actors/nato.md": "---\nname: \"<b>NATO</b>\"\nkind: organisation\n---\n",
        "briefs/topics/force.md": "---\ntitle: \"<script>x()</script>\"\n---\n",
        "briefs/x.md": """
            ---
            title: "<img src=x onerror=y()>"
            date: "2025"
            positions: [{actor: nato, topic: force, stance: supports, summary: "<i>s</i>"}]
            questions: [{id: q-one, text: "<svg onload=z()>?"}]
            ---
        """,
    }, docs={"index.md": "<!-- briefbook:overview -->\n"})
    site = build_project(project)
    for url in ("", "questions/", "positions/", "topics/", "topics/force/", "print/"):
        html = site.html(url)
        for raw in ("<script>x()", "<img src=x", "<svg onload", "<b>NATO</b>", "<i>s</i>"):
            assert raw not in html, (url, raw)


BASE = {
    "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n",
    "briefs/topics/force.md": "---\ntitle: Force\nsummary: The force.\n---\nAbout the force.\n",
}

STANCE_CHANGE = {
    "briefs/earlier.md": """
        ---
        title: Earlier
        date: "2025-01-01"
        positions:
          - {actor: nato, topic: force, stance: opposes, summary: "Against it."}
        ---
    """,
    "briefs/middle.md": """
        ---
        title: Middle
        date: "2025-02-01"
        positions:
          - {actor: nato, topic: force, stance: conditional, summary: "Still unsure."}
        ---
    """,
    "briefs/later.md": """
        ---
        title: Later
        date: "2025-03-01"
        positions:
          - {actor: nato, topic: force, stance: supports, summary: "For it now."}
        ---
    """,
}


def test_matrix_pages_are_cut_by_positions_as_well_as_actors():
    from briefbook.views.paging import chunked_by_weight

    weights = {"a": 5, "b": 1, "c": 1, "d": 9, "e": 1}
    pages = chunked_by_weight(list(weights), 3, weights.get, 6)
    assert pages == [["a", "b"], ["c"], ["d"], ["e"]]
    assert chunked_by_weight([], 3, weights.get, 6) == [[]]
    assert chunked_by_weight(list("abcde"), 2, lambda _: 1, 100) == [["a", "b"], ["c", "d"], ["e"]]


def test_changed_stances_list_is_capped_with_a_link_to_all_changes(tmp_path):
    from support import build_project, make_project

    from briefbook.views import positions

    files = {
        "briefs/actors/a.md": "---\nname: A\nkind: group\n---\n",
        "briefs/actors/b.md": "---\nname: B\nkind: group\n---\n",
        "briefs/topics/t.md": "---\ntitle: T\n---\n",
        "briefs/c1.md": "---\ntitle: C1\ndate: '2024-01-01'\npositions:\n"
                        "  - {actor: b, topic: t, stance: supports, summary: x}\n---\n",
        "briefs/c2.md": "---\ntitle: C2\ndate: '2024-02-01'\npositions:\n"
                        "  - {actor: b, topic: t, stance: opposes, summary: y}\n---\n",
    }
    stances = ["supports", "opposes", "neutral", "conditional", "undecided", "supports",
               "opposes", "neutral"]
    for i, stance in enumerate(stances):
        files[f"briefs/b{i}.md"] = (
            f"---\ntitle: B{i}\ndate: '2025-01-{i + 1:02d}'\npositions:\n"
            f"  - {{actor: a, topic: t, stance: {stance}, summary: s{i}}}\n---\n"
        )
    site = build_project(make_project(tmp_path, files))
    html = site.html("positions/")
    assert html.count("… → ") == 1  # eight stances, the last six shown
    assert positions.PATH_SHOWN == 6
    assert "earlier change" not in html  # two pairs changed, both listed
    old = positions.CHANGES_SHOWN
    positions.CHANGES_SHOWN = 1
    try:
        html = build_project(make_project(tmp_path / "capped", files)).html("positions/")
    finally:
        positions.CHANGES_SHOWN = old
    assert "1 earlier change of stance is not listed here." in html
    assert 'href="../changes/"' in html


def test_an_undated_article_and_its_credits_show_on_its_page(tmp_path):
    """A brief whose source gave no date says so next to the day it was read, and the credits
    ingest moved out of the text are shown (a newcomer found both missing from the site)."""
    project = make_project(tmp_path, {
        **BASE,
        "briefs/undated.md": """
            ---
            title: Undated
            date: "2026-12-01"
            date_unknown: true
            source:
              publisher: Gulf Shipping Review
              url: "https://example.org/a"
              retrieved: "2026-12-01"
              credits: ["Additional reporting by Tomás Ferreira"]
            ---
            Text.
        """,
    })
    page = build_project(project, strict=True).html("briefs/undated/")
    assert "publication date unknown: the day it was read" in page
    assert "Additional reporting by Tomás Ferreira" in html_lib.unescape(page)


def test_a_brief_lists_the_nearest_follow_ups_of_a_long_question_and_counts_the_rest(tmp_path):
    """A question followed for years: every brief would otherwise link to all the others."""
    files = {f"briefs/2025/f{i:02d}.md": (
        f"---\ntitle: Follow-up {i:02d}\ndate: '2025-01-{i + 1:02d}'\n"
        f"questions:\n  - id: long\n{'    text: Will it end?' if i == 0 else ''}\n---\n")
        for i in range(20)}
    site = build_project(make_project(tmp_path, {**BASE, **files}))
    page = _article(site.html("briefs/f10/"))
    cited = page[page.index("Followed up in"):]
    cited = cited[:cited.index("</p>")]
    linked = re.findall(r"Follow-up (\d\d)", cited)
    assert linked == ["06", "07", "08", "09", "11", "12", "13", "14"]  # the nearest in date
    assert '<a href="../../questions/#long">and 11 more</a>' in cited
    first = _article(site.html("briefs/f00/"))
    assert re.findall(r"Follow-up (\d\d)", first[first.index("Followed up in"):].split(
        "</p>")[0]) == [f"{i:02d}" for i in range(1, 9)]
