"""Competing hypotheses: the grade weights, the ranking and its history, and validation of what
analysts write (unknown ids with a "did you mean", bad ratings, all in one run)."""

from support import load_tree

from briefbook.index.hypotheses import grade_weight, rank, ranking_history
from briefbook.model.grading import Grade

ACTORS = {"briefs/actors/merova.md": "---\nname: Merova\nkind: state\n---\n"}


def _brief(name: str, date: str, grade: str | None, question: str) -> dict[str, str]:
    source = f"source: {{publisher: P, grade: {grade}}}\n" if grade else ""
    return {f"briefs/2026/{name}.md": f"---\ntitle: {name}\ndate: \"{date}\"\n{source}"
            f"questions:\n{question}---\nBody.\n"}


RAISE = """\
  - id: cause
    text: "What caused the pressure loss?"
    hypotheses:
      - {id: sabotage, statement: "Deliberate damage."}
      - {id: trawl, statement: "A trawl board."}
      - {id: anchor, statement: "A dragged anchor."}
    evidence:
      - {hypothesis: sabotage, rating: consistent}
      - {hypothesis: anchor, rating: neutral}
"""


def _follow(*ratings: tuple[str, str]) -> str:
    lines = "".join(f"      - {{hypothesis: {h}, rating: {r}}}\n" for h, r in ratings)
    return f"  - id: cause\n    evidence:\n{lines}"


def test_grade_weights_are_reliability_points_times_credibility_points():
    assert grade_weight(Grade.parse("A1")) == 25
    assert grade_weight(Grade.parse("B2")) == 16
    assert grade_weight(Grade.parse("C3")) == 9
    assert grade_weight(Grade.parse("D4")) == 4
    assert grade_weight(Grade.parse("F6")) == 1
    assert grade_weight(Grade.parse("E5")) == 1
    assert grade_weight(None) == grade_weight(Grade.parse("F6"))
    assert grade_weight(Grade.parse("A6")) == 5


def _loaded(tmp_path, *briefs):
    files = dict(ACTORS)
    for brief in briefs:
        files.update(brief)
    return load_tree(tmp_path, files)


def test_least_contradicted_first_weighted_by_grade(tmp_path):
    result = _loaded(
        tmp_path,
        _brief("a", "2026-01-10", "B2", RAISE),
        # one A1 report against the trawl outweighs two D4 reports against sabotage
        _brief("b", "2026-01-12", "D4", _follow(("sabotage", "inconsistent"))),
        _brief("c", "2026-01-13", "D4", _follow(("sabotage", "inconsistent"))),
        _brief("d", "2026-01-20", "A1", _follow(("trawl", "inconsistent"))),
        _brief("e", "2026-02-01", None, _follow(("anchor", "inconsistent"))),
    )
    assert not [d for d in result.diagnostics if d.is_error]
    question = result.dossier.questions["cause"]
    grades = {i: b.grade for i, b in result.dossier.briefs.items()}
    ranking = rank(question, grades)
    assert [(s.hypothesis.id, s.inconsistency, s.inconsistent) for s in ranking] == [
        ("anchor", 1, 1), ("sabotage", 8, 2), ("trawl", 25, 1)]
    assert [s.number for s in ranking] == [3, 1, 2]  # labels H1..H3 follow declaration


def test_ties_go_to_fewer_inconsistent_ratings_then_more_consistent_weight(tmp_path):
    result = _loaded(
        tmp_path,
        _brief("a", "2026-01-10", "C3", RAISE),  # sabotage consistent (9)
        _brief("b", "2026-01-11", "D4", _follow(("trawl", "inconsistent"),
                                                ("anchor", "inconsistent"))),
        _brief("c", "2026-01-12", "D4", _follow(("anchor", "inconsistent"))),
        _brief("d", "2026-01-13", "B4", _follow(("trawl", "inconsistent"))),  # 4*2 = 8
    )
    question = result.dossier.questions["cause"]
    grades = {i: b.grade for i, b in result.dossier.briefs.items()}
    # trawl: 4 + 8 = 12 in two ratings; anchor: 4 + 4 = 8 in two; sabotage: 0
    assert [s.hypothesis.id for s in rank(question, grades)] == ["sabotage", "anchor", "trawl"]
    tie = _loaded(tmp_path / "tie", _brief("a", "2026-01-10", "C3", RAISE))
    grades = {i: b.grade for i, b in tie.dossier.briefs.items()}
    # no inconsistency anywhere: the consistent weight decides, then the order of declaration
    assert [s.hypothesis.id for s in rank(tie.dossier.questions["cause"], grades)] == [
        "sabotage", "trawl", "anchor"]


def test_the_history_ranks_after_each_date_and_marks_a_new_leader(tmp_path):
    result = _loaded(
        tmp_path,
        _brief("a", "2026-01-10", "B2", RAISE),
        _brief("b", "2026-01-12", "B2", _follow(("sabotage", "inconsistent"))),
        _brief("b2", "2026-01-12", "F6", _follow(("trawl", "consistent"))),
        _brief("c", "2026-01-20", "B2", "  - id: cause\n    status: open\n"),  # no evidence
        _brief("d", "2026-02-01", "A1", _follow(("trawl", "inconsistent"))),
    )
    question = result.dossier.questions["cause"]
    grades = {i: b.grade for i, b in result.dossier.briefs.items()}
    steps = ranking_history(question, grades)
    assert [s.date.isoformat() for s in steps] == ["2026-01-10", "2026-01-12", "2026-02-01"]
    assert [[e.brief for e in s.entries] for s in steps] == [["a"], ["b", "b2"], ["d"]]
    assert [[h.hypothesis.id for h in s.ranking] for s in steps] == [
        ["sabotage", "trawl", "anchor"], ["trawl", "anchor", "sabotage"],
        ["anchor", "sabotage", "trawl"]]
    assert [s.leader_changed for s in steps] == [False, True, True]


def test_hypotheses_declared_later_join_the_ranking_when_declared(tmp_path):
    later = RAISE.replace('      - {id: anchor, statement: "A dragged anchor."}\n', "").replace(
        "      - {hypothesis: anchor, rating: neutral}\n", "")
    result = _loaded(
        tmp_path,
        _brief("a", "2026-01-10", "B2", later),
        _brief("b", "2026-03-01", "B2", "  - id: cause\n    hypotheses:\n"
               "      - {id: anchor, statement: \"A dragged anchor.\"}\n"),
    )
    question = result.dossier.questions["cause"]
    steps = ranking_history(question, {})
    assert [len(s.ranking) for s in steps] == [2, 3]


def _messages(result):
    return sorted(d.format() for d in result.diagnostics if d.is_error)


def test_every_mistake_is_named_with_its_place_in_one_run(tmp_path):
    result = _loaded(
        tmp_path,
        _brief("a", "2026-01-10", "B2", RAISE),
        _brief("b", "2026-01-12", "B2", "  - id: cause\n    evidence:\n"
               "      - {hypothesis: sabotge, rating: consistent}\n"
               "      - {hypothesis: trawl, rating: consistant}\n"
               "      - {hypothesis: anchor}\n"),
        _brief("c", "2026-01-13", "B2", "  - id: cuase\n    evidence:\n"
               "      - {hypothesis: trawl, rating: neutral}\n"),
        _brief("d", "2026-01-14", "B2", "  - id: cause\n    hypotheses:\n"
               "      - {id: trawl, statement: Again.}\n"
               "      - {id: Bad Id, statement: x}\n"),
    )
    errors = _messages(result)
    assert len(errors) == 6, errors
    text = "\n".join(errors)
    assert ("briefs/2026/b.md:8:22: error: unknown hypothesis 'sabotge' of question 'cause' "
            "(did you mean 'sabotage'?); its hypotheses are: sabotage, trawl, anchor") in text
    assert ("briefs/2026/b.md:9:37: error: 'questions[0].evidence[1].rating' is 'consistant' "
            "(did you mean 'consistent'?); use one of: consistent | inconsistent | neutral"
            ) in text
    assert "b.md:10:9: error: missing required field 'questions[0].evidence[2].rating'" in text
    assert ("briefs/2026/c.md:6:5: error: unknown question 'cuase' (did you mean 'cause'?); "
            "a question is raised by a brief that gives its 'text'") in text
    assert ("briefs/2026/d.md:8:9: error: hypothesis 'trawl' of question 'cause' is already "
            "declared at briefs/2026/a.md:10:9") in text
    assert "d.md:9:14: error: hypothesis id 'Bad Id' of question 'cause' is not a valid id" in text
    # what is wrong is left out, the rest kept
    question = result.dossier.questions["cause"]
    assert [h.id for h in question.hypotheses] == ["sabotage", "trawl", "anchor"]
    assert [[r.hypothesis for r in e.evidence] for e in question.entries] == [
        ["sabotage", "anchor"], [], []]


def test_evidence_on_a_question_without_hypotheses_says_how_to_declare_them(tmp_path):
    result = _loaded(tmp_path, _brief("a", "2026-01-10", "B2", "  - id: q\n    text: Why?\n"
                                      "    evidence:\n      - {hypothesis: x, rating: neutral}\n"))
    [error] = _messages(result)
    assert "question 'q' has no hypotheses; declare them under 'hypotheses:'" in error


def test_a_rating_twice_for_one_hypothesis_in_one_brief_is_an_error(tmp_path):
    twice = RAISE + "      - {hypothesis: sabotage, rating: inconsistent}\n"
    result = _loaded(tmp_path, _brief("a", "2026-01-10", "B2", twice))
    [error] = _messages(result)
    assert "rated twice against hypothesis 'sabotage'" in error
    entry = result.dossier.questions["cause"].entries[0]
    assert [(r.hypothesis, r.rating.value) for r in entry.evidence] == [
        ("sabotage", "consistent"), ("anchor", "neutral")]


def test_unknown_fields_of_hypotheses_and_evidence_are_warned_with_a_hint(tmp_path):
    typo = RAISE.replace("{id: trawl, statement:", "{id: trawl, statment: x, statement:")
    typo = typo.replace("{hypothesis: anchor, rating: neutral}",
                        "{hypothesis: anchor, rating: neutral, notes: x}")
    result = _loaded(tmp_path, _brief("a", "2026-01-10", "B2", typo))
    warnings = sorted(d.message for d in result.diagnostics if d.severity.value == "warning")
    assert any("'questions[0].hypotheses[1].statment' (did you mean 'statement'?)" in w
               for w in warnings), warnings
    assert any("'questions[0].evidence[1].notes' (did you mean 'note'?)" in w
               for w in warnings), warnings


def test_a_question_with_hypotheses_cannot_take_the_registers_address(tmp_path):
    result = _loaded(tmp_path, _brief("a", "2026-01-10", "B2", RAISE.replace("id: cause",
                                                                             "id: index")))
    [error] = _messages(result)
    assert "cannot have the id 'index'" in error and "a.md:9:9:" in error
