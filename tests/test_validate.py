"""Validation: every diagnostic asserted with its file and line."""

import dataclasses

import pytest
from support import ROOT, load_tree

from briefbook.pipeline import load_dossier

ACTORS = {
    "briefs/actors/nato.md": """
        ---
        name: NATO
        kind: organisation
        aliases: [OTAN]
        ---
        Alliance.
    """,
    "briefs/actors/france.md": """
        ---
        name: France
        kind: state
        affiliations: [nato]
        ---
    """,
    "briefs/topics/force.md": """
        ---
        title: Reassurance force
        ---
    """,
}


def diag_lines(result):
    return [d.format() for d in result.diagnostics.sorted()]


def test_clean_dossier_builds_model(tmp_path):
    result = load_tree(tmp_path, {**ACTORS, "briefs/2025/a.md": """
        ---
        title: A
        date: "2025-04-10"
        actors: [nato, france]
        topics: [force]
        positions:
          - {actor: france, topic: force, stance: supports, summary: Leads it.}
        events:
          - {date: "2025-04", end: "2025-05", title: Talks, actors: [france]}
        questions:
          - {id: who-leads, text: Who leads?, actors: [nato]}
        ---
        Text.
    """})
    assert diag_lines(result) == []
    d = result.dossier
    brief = d.briefs["a"]
    assert brief.actors == ("nato", "france")
    assert brief.positions[0].stance.value == "supports"
    assert brief.positions[0].date == brief.date
    assert d.questions["who-leads"].status.value == "open"
    assert result.index.members["nato"] == ["france"]
    assert [b.id for b in result.index.briefs_by_actor["france"]] == ["a"]


def test_many_mistakes_in_many_files_are_all_reported_with_lines(tmp_path):
    result = load_tree(tmp_path, {**ACTORS,
        "briefs/2025/a.md": """
            ---
            title: A
            date: "2025-02-30"
            actors: [natto, OTAN]
            ---
        """,
        "briefs/2025/b.md": """
            ---
            date: "2025-04"
            topics: [forse]
            positions:
              - actor: france
                topic: force
                stance: maybe
                summary: x
            titel: oops
            ---
        """,
        "briefs/2025/c.md": """
            ---
            title: C
            date: "2025"
            source:
              url: "javascript:alert(1)"
            questions:
              - id: q1
                status: answered
            ---
        """,
        "briefs/actors/bad.md": """
            ---
            name: Bad
            kind: country
            ---
        """,
    })
    assert diag_lines(result) == [
        "briefs/2025/a.md:3:7: error: 'date': '2025-02-30': day 30 does not exist in February "
        "2025 (it has 28 days)",
        "briefs/2025/a.md:4:10: error: unknown actor 'natto' in 'actors' (did you mean 'nato'?); "
        "ids are file names under actors/",
        "briefs/2025/a.md:4:17: error: unknown actor 'OTAN' in 'actors' (did you mean 'nato'?); "
        "ids are file names under actors/",
        "briefs/2025/b.md:2:1: error: missing required field 'title'",
        "briefs/2025/b.md:3:10: error: unknown topic 'forse' in 'topics' (did you mean 'force'?); "
        "ids are file names under topics/",
        "briefs/2025/b.md:7:13: error: 'positions[0].stance' is 'maybe'; use one of: "
        "supports | opposes | conditional | neutral | undecided",
        "briefs/2025/b.md:9:1: warning: unknown field 'titel' (did you mean 'title'?); it is "
        "ignored",
        "briefs/2025/c.md:5:8: error: 'source.url' must be an absolute http(s) address, found "
        "'javascript:alert(1)'; give the full address of the source, starting with https:// or "
        "http://",
        "briefs/2025/c.md:7:5: error: question 'q1' needs a 'text' where it is first raised (this "
        "is its earliest brief)",
        "briefs/2025/c.md:8:13: error: question 'q1' is answered but has no 'answer'; add the "
        "answer or set status: open",
        "briefs/actors/bad.md:3:7: error: 'kind' is 'country'; use one of: state | organisation "
        "| person | group",
    ]


def test_duplicate_and_unsafe_ids(tmp_path):
    result = load_tree(tmp_path, {**ACTORS,
        "briefs/2024/same.md": "---\ntitle: A\ndate: '2024'\n---\n",
        "briefs/2025/same.md": "---\ntitle: B\ndate: '2025'\n---\n",
        "briefs/2025/Bad_Name.md": "---\ntitle: C\ndate: '2025'\n---\n",
        "briefs/actors/NATO.md": "---\nname: N\nkind: group\n---\n",
    })
    lines = diag_lines(result)
    assert ("briefs/2025/same.md:1:1: error: duplicate brief id 'same': briefs/2024/same.md has "
            "the same id; rename one of the files") in lines
    assert ("briefs/2025/Bad_Name.md:1:1: error: 'Bad_Name' is not a valid brief id: use "
            "lowercase letters, digits and hyphens, e.g. 'bad-name'") in lines
    assert any(line.startswith("briefs/actors/NATO.md:1:1: error: 'NATO' is not a valid actor id")
               for line in lines)
    assert set(result.dossier.briefs) == {"same"}


def test_affiliation_self_and_cycle(tmp_path):
    result = load_tree(tmp_path, {
        "briefs/actors/a.md": "---\nname: A\nkind: group\naffiliations: [a, b]\n---\n",
        "briefs/actors/b.md": "---\nname: B\nkind: group\naffiliations: [a]\n---\n",
    })
    lines = diag_lines(result)
    assert "briefs/actors/a.md:4:16: error: actor 'a' lists itself in 'affiliations'; remove it" \
        in lines
    assert any(line.startswith("briefs/actors/a.md:4:19: error: affiliations form a cycle: "
                               "a → b → a") for line in lines)


def test_shared_alias_is_reported_on_both_actors(tmp_path):
    result = load_tree(tmp_path, {
        "briefs/actors/a.md": "---\nname: A\nkind: group\naliases: [Union]\n---\n",
        "briefs/actors/b.md": "---\nname: B\nkind: group\naliases: [union]\n---\n",
    })
    warnings = [d.format() for d in result.diagnostics.warnings]
    assert len(warnings) == 2
    assert all("'union' belongs to several actors (a, b)" in w for w in warnings)
    # each at the line and column where that actor's file writes the name
    assert [w.split(": ")[0] for w in warnings] == ["briefs/actors/a.md:4:11",
                                                   "briefs/actors/b.md:4:11"]


def test_question_followed_up_and_answered_later(tmp_path):
    result = load_tree(tmp_path, {**ACTORS,
        "briefs/a.md": "---\ntitle: A\ndate: '2025-04-01'\nquestions:\n"
                       "  - {id: q, text: Who?, actors: [nato]}\n---\n",
        "briefs/b.md": "---\ntitle: B\ndate: '2025-05-01'\nquestions:\n"
                       "  - {id: q, status: answered, answer: NATO}\n---\n",
    })
    assert diag_lines(result) == []
    question = result.dossier.questions["q"]
    assert [e.brief for e in question.entries] == ["a", "b"]
    assert question.status.value == "answered"
    assert question.answer.brief == "b"
    assert question.text == "Who?"


def test_event_end_before_start(tmp_path):
    result = load_tree(tmp_path, {
        "briefs/a.md": "---\ntitle: A\ndate: '2025'\nevents:\n"
                       "  - date: '2025-05-02'\n    end: '2025-05-01'\n    title: T\n---\n",
    })
    assert diag_lines(result) == [
        "briefs/a.md:6:10: error: 'events[0].end' (2025-05-01) is before the event's date "
        "(2025-05-02)"
    ]


def test_missing_folder(tmp_path):
    result = load_tree(tmp_path, {})
    assert "does not exist" in diag_lines(result)[0]


def test_the_validated_model_is_frozen():
    """Nothing after validation can change the model: records are frozen, sequences tuples."""



    dossier = load_dossier(ROOT / "briefs", ROOT).dossier
    brief = next(iter(dossier.briefs.values()))
    actor = next(iter(dossier.actors.values()))
    for record, field_name in ((brief, "title"), (actor, "affiliations"), (dossier, "briefs")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, field_name, None)
    assert isinstance(brief.positions, tuple) and isinstance(brief.events, tuple)
    assert all(isinstance(q.entries, tuple) for q in dossier.questions.values())


def test_a_broken_actor_or_topic_file_is_reported_once_at_its_own_mistake(tmp_path):
    """An actor or topic left out for its own errors is not reported again at every brief
    that names it (found by a newcomer: one missing 'kind' gave eleven errors); the rest of
    its fields, affiliations included, are still checked in the same run."""
    result = load_tree(tmp_path, {**ACTORS,
        "briefs/actors/houthis.md": """
            ---
            name: Houthis
            affiliations: [natto]
            ---
        """,
        "briefs/topics/shipping.md": """
            ---
            titel: Red Sea shipping
            ---
        """,
        "briefs/2025/a.md": """
            ---
            title: A
            date: "2025-04-10"
            actors: [houthis, nato]
            topics: [shipping]
            positions:
              - {actor: houthis, topic: force, stance: opposes, summary: Against.}
            ---
        """,
        "briefs/2025/b.md": """
            ---
            title: B
            date: "2025-04-11"
            actors: [houthis, natoo]
            ---
        """,
    })
    assert diag_lines(result) == [
        "briefs/2025/b.md:4:19: error: unknown actor 'natoo' in 'actors' (did you mean "
        "'nato'?); ids are file names under actors/",
        "briefs/actors/houthis.md:2:1: error: missing required field 'kind'",
        "briefs/actors/houthis.md:3:16: error: unknown actor 'natto' in 'affiliations' (did you "
        "mean 'nato'?); ids are file names under actors/",
        "briefs/topics/shipping.md:2:1: warning: unknown field 'titel' (did you mean "
        "'title'?); it is ignored",
        "briefs/topics/shipping.md:2:1: error: missing required field 'title'",
    ]


@pytest.mark.parametrize(("code", "message"), [
    ("UK", "'country' is 'UK', which is not an ISO 3166 country code (did you mean 'GB'?)"),
    ("XX", "'country' is 'XX', which is not an ISO 3166 country code; use a code such as FR"),
])
def test_a_country_code_iso_does_not_know_is_warned(tmp_path, code, message):
    """docs/format.md asks for ISO 3166-1 alpha-2 and says the United Kingdom is GB, not UK:
    the check now says so too (a newcomer found 'UK' and 'XX' accepted)."""
    result = load_tree(tmp_path, {**ACTORS, "briefs/actors/uk.md": f"""
        ---
        name: United Kingdom
        kind: state
        country: {code}
        ---
    """})
    assert diag_lines(result) == [f"briefs/actors/uk.md:4:10: warning: {message}"]


def test_real_country_codes_pass(tmp_path):
    result = load_tree(tmp_path, {**ACTORS, "briefs/actors/uk.md": """
        ---
        name: United Kingdom
        kind: state
        country: gb
        ---
    """})
    assert diag_lines(result) == []


def test_an_invisible_space_at_the_edge_of_a_value_is_warned_not_dropped_silently(tmp_path):
    """A non-breaking space pasted from a web page is removed like ordinary space, and said."""
    result = load_tree(tmp_path, {**ACTORS, "briefs/a.md": (
        "---\ntitle: \"\u00a0Summit\"\ndate: '2025'\nsummary: 'Plain  '\n"
        "tags: [ok, \"x\u202f\"]\nactors: [nato]\n---\n")})
    assert diag_lines(result) == [
        "briefs/a.md:2:8: warning: 'title' starts or ends with an invisible space (U+00A0), "
        "which Briefbook drops; delete it from the file",
        "briefs/a.md:5:12: warning: 'tags[1]' starts or ends with an invisible space (U+202F), "
        "which Briefbook drops; delete it from the file",
    ]
    brief = result.dossier.briefs["a"]
    assert (brief.title, brief.summary, brief.tags) == ("Summit", "Plain", ("ok", "x"))


def test_a_question_raised_by_a_brief_left_out_for_its_date_is_not_blamed_on_its_follow_up(
        tmp_path):
    """The brief that raises a question has a date that does not exist: that error says what to
    fix; its follow-up must not be told to give the question's text."""
    result = load_tree(tmp_path, {**ACTORS,
        "briefs/2026/raises.md": """
            ---
            title: Raises
            date: "2026-03-32"
            questions:
              - id: transits
                text: How many transits this summer?
            ---
        """,
        "briefs/2026/follows.md": """
            ---
            title: Follows
            date: "2026-05-01"
            questions:
              - id: transits
                status: open
            ---
        """,
    })
    lines = diag_lines(result)
    assert any("raises.md:3:7: error: 'date': '2026-03-32'" in line for line in lines), lines
    assert not [line for line in lines if "follows.md" in line], lines
