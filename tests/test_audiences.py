"""Audiences: the declared list, the checks of every mark, and the dossier one audience reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import build_project, make_project, write_files

from briefbook.model.audience import Audiences
from briefbook.model.diagnostics import Diagnostic
from briefbook.pipeline import LoadResult, load_dossier
from briefbook.validate.audiences import (
    check_audiences,
    chosen_audience,
    parse_audiences,
    restrict,
)

LEVELS = Audiences(("public", "partners", "internal"))

ACTORS = {
    "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n",
    "briefs/actors/italy.md": "---\nname: Italy\nkind: state\naffiliations: [nato]\n---\n",
    "briefs/actors/mole.md": (
        "---\nname: Source Mole\nkind: person\naudience: internal\n---\n"
        "Reports on [the summit](../briefs/inside.md).\n"
    ),
    "briefs/topics/troops.md": "---\ntitle: Troops\n---\n",
    "briefs/topics/hidden-topic.md": "---\ntitle: Hidden topic\naudience: partners\n---\n",
}

DOSSIER = {
    **ACTORS,
    "briefs/2025/open.md": """\
        ---
        title: Open brief
        date: 2025-03-01
        actors: [italy]
        topics: [troops]
        positions:
          - actor: italy
            topic: troops
            stance: supports
            summary: Italy says yes in public
          - actor: italy
            topic: troops
            stance: conditional
            summary: Italy tells partners maybe
            audience: partners
        events:
          - id: summit
            date: 2025-02-27
            title: The summit everyone knows about
          - date: 2025-02-28
            title: The dinner only insiders know about
            audience: internal
        questions:
          - id: troops-sent
            text: Will Italy send troops?
          - id: inner-question
            text: Is the mole still reporting?
            audience: internal
        ---
        Public text.
    """,
    "briefs/2025/inside.md": """\
        ---
        title: Inside brief
        date: 2025-04-01
        audience: internal
        source:
          grade: A1
        actors: [italy, mole]
        topics: [troops]
        events:
          - id: summit
            date: 2025-02-27
            title: The summit everyone knows about
        questions:
          - id: troops-sent
            status: answered
            answer: Yes, two brigades, says the mole
        ---
        Internal text.
    """,
}


def _load(tmp_path: Path, files: dict[str, str], audience: str = "",
          audiences: Audiences = LEVELS) -> LoadResult:
    write_files(tmp_path, files)
    return load_dossier(tmp_path / "briefs", tmp_path, audiences=audiences, audience=audience)


def _errors(result: LoadResult) -> list[Diagnostic]:
    return [d for d in result.diagnostics.sorted() if d.is_error]


# -- the declared list ---------------------------------------------------------------------------
def test_the_declared_list_is_ordered_most_open_first():
    assert parse_audiences(None) == Audiences()
    assert parse_audiences(["public", "internal"]).names == ("public", "internal")
    assert LEVELS.rank("public") == 0 and LEVELS.rank("internal") == 2
    assert LEVELS.rank("") == 0  # unmarked: the most open audience
    assert LEVELS.rank("secret") == 3  # unknown (an error): above every audience
    for bad, says in (([], "list"), (["public", "public"], "twice"), (["Top Secret"], "letters"),
                      ({"a": 1}, "list"), ("public", "list")):  # a lone name: MkDocs refuses it
        with pytest.raises(ValueError, match=says):
            parse_audiences(bad)


def test_the_audience_of_a_build_is_declared_or_the_most_open():
    assert chosen_audience(LEVELS, None) == "public"
    assert chosen_audience(LEVELS, " partners ") == "partners"
    with pytest.raises(ValueError, match=r"'intrenal' \(did you mean 'internal'\?\)"):
        chosen_audience(LEVELS, "intrenal")
    with pytest.raises(ValueError, match="declares no audiences"):
        chosen_audience(Audiences(), "public")
    assert chosen_audience(Audiences(), None) == ""


# -- checks --------------------------------------------------------------------------------------
def test_a_clean_dossier_has_no_audience_error(tmp_path):
    assert _errors(_load(tmp_path, DOSSIER)) == []


def test_every_mistake_of_the_marks_is_reported_in_one_run_at_its_place(tmp_path):
    files = {
        **ACTORS,
        "briefs/2025/wrong.md": """\
            ---
            title: Wrong
            date: 2025-03-01
            audience: partnres
            actors: [mole]
            topics: [troops]
            positions:
              - actor: italy
                topic: troops
                stance: supports
                summary: More open than its brief
                audience: public
              - actor: italy
                topic: hidden-topic
                stance: supports
                summary: Names a topic for partners
            ---
        """,
        "briefs/2025/open-lists-mole.md": """\
            ---
            title: Open brief naming the mole
            date: 2025-03-02
            actors: [mole]
            events:
              - date: 2025-03-02
                title: Meeting
                actors: [mole]
            questions:
              - id: q
                text: Who?
                audience: publik
            ---
        """,
        "briefs/actors/proxy.md": "---\nname: Proxy\nkind: group\naffiliations: [mole]\n---\n",
    }
    found = [(d.location.path.split("/")[-1], d.location.line, d.location.col, d.code, d.message)
             for d in _errors(_load(tmp_path, files))]
    codes = [f[:4] for f in found]
    assert ("wrong.md", 4, 11, "unknown-audience") in codes
    message = next(f[4] for f in found if f[:2] == ("wrong.md", 4))
    assert "did you mean 'partners'?" in message and "public, partners, internal" in message
    assert ("open-lists-mole.md", 12, 15, "unknown-audience") in codes
    assert ("wrong.md", 12, 15, "audience-wider-than-brief") in codes
    leaks = {(f[0], f[1]) for f in found if f[3] == "audience-leak"}
    # an unknown brief audience ranks above all: the unknown mark is the error there, and
    # the brief leaks nothing; the open brief naming the mole, its event, the proxy do
    assert ("open-lists-mole.md", 1) in leaks
    assert ("open-lists-mole.md", 6) in leaks
    assert ("proxy.md", 1) in leaks
    # the mole's own text links to an internal brief that does not exist here: no leak there
    assert not any(f[0] == "mole.md" for f in found)


def test_a_link_to_a_page_of_a_higher_audience_is_an_error(tmp_path):
    files = {**DOSSIER, "briefs/actors/italy.md": (
        "---\nname: Italy\nkind: state\naffiliations: [nato]\n---\n"
        "See [the inside story](../briefs/inside.md) and [the summit](../briefs/open.md).\n")}
    errors = _errors(_load(tmp_path, files))
    assert [(d.location.path.split("/")[-1], d.location.line, d.location.col, d.code)
            for d in errors] == [("italy.md", 6, 24, "audience-leak")]
    assert "'briefs/inside.md', which is for 'internal' only" in errors[0].message


def test_each_audience_needs_the_text_of_a_question_where_it_first_sees_it(tmp_path):
    files = {**ACTORS,
             "briefs/2025/first.md": "---\ntitle: First\ndate: 2025-01-01\naudience: internal\n"
                                     "questions:\n  - id: q\n    text: Secret wording?\n---\n",
             "briefs/2025/later.md": "---\ntitle: Later\ndate: 2025-02-01\nquestions:\n"
                                     "  - id: q\n---\n"}
    errors = _errors(_load(tmp_path, files))
    assert [(d.location.path.split("/")[-1], d.code) for d in errors] == [
        ("later.md", "missing-field")]
    assert "first raised here for 'public'" in errors[0].message


def test_marks_without_a_declared_list_are_errors_and_unmarked_dossiers_are_untouched(tmp_path):
    result = _load(tmp_path, DOSSIER, audiences=Audiences())
    errors = _errors(result)
    assert errors and {d.code for d in errors} == {"undeclared-audience"}
    assert len(errors) == 6  # mole, hidden-topic, inside, and three entries of open.md
    assert "audiences: [public, internal]" in errors[0].message


# -- restriction ---------------------------------------------------------------------------------
def test_the_public_dossier_holds_nothing_above_public(tmp_path):
    full = _load(tmp_path, DOSSIER)
    public = restrict(full.dossier, LEVELS, "public")
    assert list(public.briefs) == ["open"]
    brief = public.briefs["open"]
    assert [p.summary for p in brief.positions] == ["Italy says yes in public"]
    assert [e.title for e in brief.events] == ["The summit everyone knows about"]
    assert [q.question for q in brief.questions] == ["troops-sent"]
    assert set(public.actors) == {"nato", "italy"} and set(public.topics) == {"troops"}
    question = public.questions["troops-sent"]
    assert question.status.value == "open" and question.answer is None
    assert "inner-question" not in public.questions
    assert [e.brief for e in public.event_records["summit"].events] == ["open"]
    # the full dossier is not changed
    assert len(full.dossier.briefs) == 2 and len(full.dossier.briefs["open"].positions) == 2
    assert full.dossier.questions["troops-sent"].status.value == "answered"
    assert [e.brief for e in full.dossier.event_records["summit"].events] == ["inside", "open"]


def test_partners_read_what_is_for_them_and_the_most_restricted_reads_everything(tmp_path):
    full = _load(tmp_path, DOSSIER)
    partners = restrict(full.dossier, LEVELS, "partners")
    assert [p.summary for p in partners.briefs["open"].positions] == [
        "Italy says yes in public", "Italy tells partners maybe"]
    assert "hidden-topic" in partners.topics and "mole" not in partners.actors
    assert restrict(full.dossier, LEVELS, "internal") == full.dossier
    assert restrict(full.dossier, Audiences(), "") is full.dossier
    with pytest.raises(ValueError, match="not one of the audiences"):
        restrict(full.dossier, LEVELS, "intern")  # unknown ranks above all: would keep all


def test_the_index_of_an_audience_build_is_computed_from_its_dossier(tmp_path):
    public = _load(tmp_path, DOSSIER, audience="public")
    assert [p.summary for p in public.index.positions_by_actor["italy"]] == [
        "Italy says yes in public"]
    assert "mole" not in public.index.briefs_by_actor
    assert [b.id for b in public.index.briefs_by_actor["italy"]] == ["open"]
    internal = _load(tmp_path / "again", DOSSIER, audience="internal")
    assert len(internal.index.positions_by_actor["italy"]) == 2


def test_references_to_what_is_left_out_are_dropped_after_the_error(tmp_path):
    """In ``serve`` a build goes on despite errors: nothing then points at a missing page."""
    files = {**ACTORS, "briefs/2025/b.md": """\
        ---
        title: B
        date: 2025-03-01
        actors: [italy, mole]
        positions:
          - actor: mole
            topic: troops
            stance: supports
            summary: The mole's stance
        events:
          - date: 2025-03-01
            title: Meeting
            actors: [italy, mole]
        ---
    """}
    full = _load(tmp_path, files)
    assert {d.code for d in _errors(full)} == {"audience-leak"}
    public = restrict(full.dossier, LEVELS, "public")
    brief = public.briefs["b"]
    assert brief.actors == ("italy",) and brief.positions == ()
    assert brief.events[0].actors == ("italy",)


# -- check and build -----------------------------------------------------------------------------
MKDOCS = """\
site_name: Test
theme:
  name: material
  font: false
plugins:
  - briefbook:
      audiences: [public, partners, internal]
      audience: {audience}
"""


def test_check_reads_the_audiences_of_mkdocs_yml_and_reports_for_one(tmp_path, monkeypatch,
                                                                     capsys):
    from briefbook import cli

    write_files(tmp_path, DOSSIER)
    (tmp_path / "mkdocs.yml").write_text(MKDOCS.format(audience="public"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "--format", "json", "--audience", "partners"]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert (summary["audience"], summary["briefs_for_audience"]) == ("partners", 1)
    assert cli.main(["check", "briefs"]) == 0  # the dossier folder: mkdocs.yml beside it
    assert "in 7 files" in capsys.readouterr().out
    assert cli.main(["check", "--audience", "internal"]) == 0
    assert "for audience 'internal': 2 briefs" in capsys.readouterr().out
    assert cli.main(["check", "--audience", "partner"]) == 2
    assert "did you mean 'partners'?" in capsys.readouterr().err


def test_check_without_the_declaration_reports_the_marks(tmp_path, monkeypatch, capsys):
    from briefbook import cli

    write_files(tmp_path, DOSSIER)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "briefs"]) == 1
    assert "undeclared-audience" not in capsys.readouterr().out  # text format: no codes
    assert cli.main(["check", "briefs", "--audience", "public"]) == 2
    assert "declares no audiences" in capsys.readouterr().err


def test_the_plugin_refuses_an_audience_it_does_not_know(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    project = make_project(tmp_path, DOSSIER, mkdocs_yml=MKDOCS.format(audience="interne"))
    with pytest.raises(Abort):
        build_project(project)
    assert "'audience' is 'interne' (did you mean 'internal'?)" in caplog.text


def test_a_partners_build_has_the_partners_pages_only(tmp_path):
    project = make_project(tmp_path, DOSSIER, mkdocs_yml=MKDOCS.format(audience="partners"))
    site = build_project(project, strict=True)
    assert site.warnings == []
    assert site.exists("briefs/open/") and not site.exists("briefs/inside/")
    assert site.exists("topics/hidden-topic/") and not site.exists("actors/mole/")
    page = site.html("briefs/open/")
    assert "Italy tells partners maybe" in page and "only insiders" not in page
    for path in site.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".ics", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert "mole" not in text.lower() and "insiders" not in text, path


def test_the_checks_are_a_pure_function_of_the_model(tmp_path):
    full = _load(tmp_path, DOSSIER, audiences=Audiences())  # marks not checked against a list
    assert [d.code for d in check_audiences(full.dossier, LEVELS)] == []
    one = Audiences(("everyone",))
    codes = {d.code for d in check_audiences(full.dossier, one)}
    assert codes == {"unknown-audience"}  # 'internal' and 'partners' are not declared


def test_an_actor_only_restricted_briefs_name_gets_a_note(tmp_path):
    files = {**DOSSIER, "briefs/2025/inside.md": DOSSIER["briefs/2025/inside.md"].replace(
        "actors: [italy, mole]", "actors: [italy, mole, nato]")}
    notes = [d for d in _load(tmp_path, files).diagnostics if d.code == "audience-only-higher"]
    assert [(d.location.path.split("/")[-1], d.is_note) for d in notes] == [("nato.md", True)]
    assert "give it 'audience: internal'" in notes[0].message


def test_an_authored_page_linking_to_a_left_out_brief_fails_the_strict_build(tmp_path):
    """MkDocs itself finds the link: the page it leads to is not in the lower site."""
    project = make_project(tmp_path, DOSSIER, mkdocs_yml=MKDOCS.format(audience="public"),
                           docs={"about.md": "# About\n\nSee [inside](briefs/inside.md).\n"})
    site = build_project(project)
    assert any("briefs/inside.md" in w for w in site.warnings), site.warnings
    assert not site.exists("briefs/inside/")


def test_a_site_that_sanitizes_says_nothing_of_the_html_of_briefs_it_leaves_out(tmp_path):
    """``sanitize: true`` cleans every brief, the ones a site leaves out included: their raw
    HTML is not warned about (nor is it about the others)."""
    files = {**DOSSIER, "briefs/2025/inside.md": DOSSIER["briefs/2025/inside.md"].replace(
        "Internal text.", 'Internal <img src="https://tracker.example/pixel.png"> text.')}
    config = MKDOCS.format(audience="public") + "      sanitize: true\n"
    site = build_project(make_project(tmp_path, files, mkdocs_yml=config), strict=True)
    assert site.warnings == []
    unsanitized = MKDOCS.format(audience="public")
    site = build_project(make_project(tmp_path / "raw", files, mkdocs_yml=unsanitized))
    assert any("inside.md:18:10" in w for w in site.warnings)  # checked in every build


def test_check_of_a_sanitizing_site_says_nothing_of_left_out_briefs_html(tmp_path, monkeypatch,
                                                                         capsys):
    from briefbook import cli

    write_files(tmp_path, {**DOSSIER, "briefs/2025/inside.md": DOSSIER["briefs/2025/inside.md"]
                           .replace("Internal text.", 'A <img src="https://t.example/p.png">.')})
    config = MKDOCS.format(audience="public") + "      sanitize: true\n"
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "--strict", "--audience", "public"]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


@pytest.mark.parametrize("written", ["audience:", "audience: ~", "audience: null",
                                     'audience: ""', "audiance: internal", "Audience: internal",
                                     "audiences: internal", '"audience\\u200b": internal',
                                     "<<: {audience: internal}"])
def test_a_mark_that_would_be_ignored_fails_closed(tmp_path, written):
    """An empty mark, a misspelt key or a merge key is an error, not an unmarked brief: read
    as unmarked, the brief would be published for every audience."""
    result = _load(tmp_path, {**ACTORS, "briefs/2025/meant.md": (
        f"---\ntitle: Meant for insiders CANARY\ndate: '2025'\n{written}\n"
        "positions:\n  - actor: nato\n    topic: troops\n    stance: supports\n"
        f"    summary: s\n    {written}\n---\nBody.\n")}, audience="public")
    errors = [d for d in _errors(result) if d.location.path.endswith("meant.md")]
    assert [d.location.line for d in errors] == [4, 10], [d.format() for d in errors]
    for error in errors:
        assert ("has no value" in error.message or "would publish" in error.message
                or "merge keys" in error.message), error.format()


def test_an_audience_field_on_a_hypothesis_is_an_error_saying_where_marks_go(tmp_path):
    result = _load(tmp_path, {**ACTORS, "briefs/2025/q.md": (
        "---\ntitle: Q\ndate: '2025'\nquestions:\n  - id: q-one\n    text: Why?\n"
        "    hypotheses:\n      - {id: h-one, statement: One, audience: internal}\n---\n")})
    [error] = _errors(result)
    assert "ignoring it would publish this for every audience" in error.message
    assert "mark the 'audience' of the entry or brief that holds it" in error.message


def test_an_empty_mark_leaves_the_brief_out_even_of_a_build_that_goes_on_past_errors(tmp_path):
    result = _load(tmp_path, {**ACTORS, "briefs/2025/meant.md": (
        "---\ntitle: Meant for insiders\ndate: '2025'\naudience:\n---\nBody.\n")},
        audience="public")
    assert [d.message for d in _errors(result)] == [
        "'audience' has no value; write one of the dossier's audiences, or delete the line to "
        "give it its brief's"]
    assert "meant" not in result.dossier.briefs


HYPOTHESES = {
    **ACTORS,
    "briefs/2025/inside.md": (
        "---\ntitle: Inside\ndate: '2025-01-01'\naudience: internal\nquestions:\n"
        "  - id: q-one\n    text: Why?\n    hypotheses:\n"
        "      - {id: h-open, statement: The open answer}\n"
        "      - {id: h-mole-in-ministry, statement: The secret answer}\n---\n"),
    "briefs/2025/public.md": (
        "---\ntitle: Public\ndate: '2025-02-01'\nquestions:\n  - id: q-one\n    text: Why?\n"
        "    hypotheses: [{id: h-public, statement: A public answer}]\n    evidence:\n"
        "      - {hypothesis: h-public, rating: consistent}\n"
        "      - {hypothesis: h-mole-in-ministry, rating: inconsistent, note: pubnote}\n---\n"),
}


def test_a_rating_more_open_than_its_hypothesis_is_an_error_and_never_exported(tmp_path):
    result = _load(tmp_path, HYPOTHESES, audience="public")
    assert [d.format() for d in _errors(result)] == [
        "briefs/2025/public.md:10:22: error: this rating (for 'public') rates hypothesis "
        "'h-mole-in-ministry', which only entries for 'internal' declare: its readers would see "
        "a hypothesis they may not read; raise the audience of this entry, or declare the "
        "hypothesis where they can read it"]
    project = make_project(tmp_path / "site", HYPOTHESES, plugins=(
        "  - briefbook:\n      audiences: [public, internal]\n      audience: public"))
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):  # the error stops the build
        build_project(project)
    # a build that goes on (serve) never names the hypothesis it leaves out
    from briefbook.export.hypotheses_json import question_hypotheses

    question = result.dossier.questions["q-one"]
    exported = json.dumps(question_hypotheses(question, {}, None))
    assert "h-public" in exported and "mole" not in exported
