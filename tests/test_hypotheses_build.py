"""The fictional example's competing hypotheses and needs-review page, on the built site and in
``dossier.json``; and a statement with markup in it, escaped wherever it lands."""

import html as htmllib
import json
import re
import shutil

import jsonschema
import pytest
from support import ROOT, build_project, make_project

from briefbook.export import load_schema

EXERCISE = ROOT / "examples" / "exercise"
NOTICE = "Fictional exercise scenario"


@pytest.fixture(scope="module")
def exercise(tmp_path_factory):
    project = tmp_path_factory.mktemp("exercise")
    shutil.copytree(EXERCISE, project, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("site", ".cache"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    option = '      briefs_dir: briefs\n'
    config.write_text(text.replace(option, option + '      review_today: "2026-12-01"\n'),
                      encoding="utf-8")
    built = build_project(project, strict=True)
    assert built.warnings == []
    return built


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def _between(page: str, start: str, end: str) -> str:
    return page[page.index(start): page.index(end, page.index(start))]


def test_the_collision_question_ranks_the_least_contradicted_reading_first(exercise):
    page = exercise.html("questions/collision-responsibility/")
    assert NOTICE in page
    ranking = _between(page, 'class="bb-ach-ranking"', "</ol>")
    items = [_text(li) for li in re.findall(r"<li[^>]*>(.*?)</li>", ranking, re.S)]
    assert [i.split(" ")[0] for i in items] == ["H2", "H1", "H3"]
    assert "misjudged a manoeuvre" in items[0] and "inconsistency 12" in items[0]
    assert "inconsistency 22" in items[1] and "inconsistency 28" in items[2]
    matrix = _between(page, 'class="bb-ach"', "</table>")
    head = re.findall(r'<th scope="col">(.*?)</th>', matrix, re.S)
    assert [_text(h) for h in head] == ["Evidence", "H2", "H1", "H3"]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", _between(matrix, "<tbody>", "</tbody>"),
                      re.S)
    assert len(rows) == 4
    first = _text(rows[0])
    assert first.startswith("Merovan cutter and Calvonian survey ship collide on the Bank")
    assert "weight 16" in first
    # the Herald's ratings, in the columns' order H2, H1, H3
    cells = re.findall(r'<td class="bb-ach__cell[^"]*">(.*?)</td>', rows[0], re.S)
    assert [_text(c).split(" ")[0] for c in cells] == ["Neutral", "Consistent", "Inconsistent"]
    assert "The cutter closed on the Marisol, not the reverse." in _text(cells[2])
    assert "weight 6" in _text(rows[1])  # the Courier, C4
    foot = _text(_between(matrix, "<tfoot>", "</tfoot>"))
    assert foot == "Inconsistency 12 22 28"


def test_the_history_shows_each_change_of_leader(exercise):
    page = exercise.html("questions/collision-responsibility/")
    history = page[page.index('class="bb-ach-history"'):]
    steps = re.findall(r'<li><time datetime="([0-9-]+)">.*?<ol class="bb-ach-history__ranking">'
                       r'(.*?)</ol></li>', history, re.S)
    leaders = [(day, _text(ranked).split(" ")[0]) for day, ranked in steps]
    assert leaders == [("2025-06-15", "H1"), ("2025-06-16", "H2"), ("2025-06-18", "H1"),
                       ("2025-06-25", "H2")]
    assert history.count("new leading hypothesis") == 3


def test_the_pipeline_question_ends_with_the_trawl_reading_first(exercise):
    page = exercise.html("questions/pipeline-pressure-loss-cause/")
    ranking = _text(_between(page, 'class="bb-ach-ranking"', "</ol>"))
    order = [m.group(1) for m in re.finditer(r"(H\d) ", ranking)]
    assert order == ["H2", "H3", "H1"]  # trawl gear, dragged anchor, deliberate interference
    assert "Fishing gear" in ranking.split("H3")[0]


def test_the_register_links_each_question_to_its_hypotheses(exercise):
    register = exercise.html("questions/")
    assert 'href="collision-responsibility/">3 competing hypotheses: evidence matrix' in register
    assert 'href="pipeline-pressure-loss-cause/">3 competing hypotheses' in register
    back = exercise.html("questions/collision-responsibility/")
    assert 'href="../#collision-responsibility">Back to the question in the register' in back


def test_the_needs_review_page_lists_what_is_due_on_its_day(exercise):
    page = exercise.html("review/")
    assert NOTICE in page
    text = _text(page[page.index("<article"):page.index("</article>")])
    assert "17 items need review · as of 1 December 2026" in text
    questions = _text(_between(page, 'id="open-questions-past-their-review-date"', "</ul>"))
    assert "What caused the pressure loss on the Serrat pipeline in January 2026?" in questions
    assert "62 days past its review date" in questions
    actors = _text(_between(page, 'id="actors-with-no-recent-brief"', "</ul>"))
    assert "Actors with no recent brief ¶ Britt Hallgard" in actors
    assert "no brief for 218 days" in actors
    positions = _text(_between(page, 'id="positions-with-no-newer-source"', "</ul>"))
    assert positions.count("days ago") == 15
    assert "Calvonia Transit through the Veyra Strait supports" in positions
    # in the navigation of every page
    assert 'href="../review/"' in exercise.html("briefs/")


def test_dossier_json_carries_the_ranking_its_history_and_review_dates(exercise):
    data = json.loads((exercise.site / "dossier.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    questions = {q["id"]: q for q in data["questions"]}
    collision = questions["collision-responsibility"]
    assert [(h["id"], h["label"], h["inconsistency"]) for h in collision["hypotheses"]] == [
        ("botched-shadowing", "H2", 12), ("deliberate-signal", "H1", 22),
        ("provoked-incident", "H3", 28)]
    assert [(e["brief"], e["grade"], e["weight"]) for e in collision["evidence"]] == [
        ("serrat-collision-herald", "B2", 16), ("serrat-collision-courier", "C4", 6),
        ("collision-track-reconstruction", "B3", 12), ("collision-risk-assessment", "B2", 16)]
    assert [s["ranking"][0] for s in collision["ranking_history"]] == [
        "deliberate-signal", "botched-shadowing", "deliberate-signal", "botched-shadowing"]
    assert collision["hypotheses_url"] == "questions/collision-responsibility/"
    pipeline = questions["pipeline-pressure-loss-cause"]
    assert pipeline["review_by"] == {"value": "2026-09-30", "precision": "day",
                                     "approximate": False}
    assert pipeline["ranking_history"][0]["briefs"] == [
        "serrat-pipeline-pressure-loss", "straitwatcher-sabotage-claim"]
    without = [q for q in data["questions"]
               if q["id"] not in ("collision-responsibility", "pipeline-pressure-loss-cause")]
    assert without and all("hypotheses" not in q and q["review_by"] is None for q in without)


HOSTILE = {
    "briefs/2026/a.md": """\
        ---
        title: A
        date: "2026-01-10"
        source: {grade: B2}
        questions:
          - id: who
            text: "Who <b>did</b> it?"
            hypotheses:
              - {id: h, statement: "<script>alert(1)</script> & \\"quotes\\""}
            evidence:
              - {hypothesis: h, rating: inconsistent, note: "<img src=x onerror=alert(1)>"}
        ---
        Body.
        """,
}


def test_statements_and_notes_are_escaped_on_the_page_and_in_the_export(tmp_path):
    built = build_project(make_project(tmp_path, HOSTILE), strict=True)
    page = built.html("questions/who/")
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<title>Who &lt;b&gt;did&lt;/b&gt; it?" in page
    data = json.loads((built.site / "dossier.json").read_text(encoding="utf-8"))
    [question] = data["questions"]
    assert question["hypotheses"][0]["statement"] == '<script>alert(1)</script> & "quotes"'
