"""The week-by-week history behind changes/ and changes.xml."""

from provenance_support import HISTORY
from support import load_tree

from briefbook.views.history import dossier_history, question_changes
from briefbook.views.stances import stance_records


def test_weeks_hold_briefs_changes_questions_and_new_actors(tmp_path):
    result = load_tree(tmp_path, HISTORY)
    weeks = dossier_history(result.index, stance_records(result.index))
    assert [w.key for w in weeks] == ["2025-W12", "2025-W07"]
    march, february = weeks
    assert [b.id for b in march.briefs] == ["later"]
    assert [(c.before.brief, c.after.brief) for c in march.stance_changes] == [("early", "later")]
    assert [(c.question.id, c.kind) for c in march.questions] == [("italy-troops", "answered")]
    assert march.new_actors == ["nato"]
    assert february.new_actors == ["italy"]
    assert [(c.question.id, c.kind) for c in february.questions] == [("italy-troops", "opened")]
    assert february.stance_changes == []
    assert (march.start.isoformat(), march.end.isoformat()) == ("2025-03-17", "2025-03-23")
    assert march.updated.isoformat() == "2025-03-20"


def test_month_dates_count_in_the_week_of_their_first_day(tmp_path):
    files = {**HISTORY}
    files["briefs/2025/later.md"] = files["briefs/2025/later.md"].replace(
        'date: "2025-03-20"', 'date: "~2025-06"')
    result = load_tree(tmp_path, files)
    weeks = dossier_history(result.index, stance_records(result.index))
    assert weeks[0].key == "2025-W22"  # 1 June 2025, a Sunday, ends ISO week 22
    assert weeks[0].end.isoformat() == "2025-06-01"


def test_questions_answered_at_once_or_reopened(tmp_path):
    files = {**HISTORY}
    files["briefs/2025/third.md"] = """
        ---
        title: Third
        date: "2025-04-02"
        questions:
          - {id: italy-troops, status: open}
          - {id: quick, text: Quick one?, status: moot}
        ---
    """
    result = load_tree(tmp_path, files)
    kinds = [c.kind for c in question_changes(result.dossier.questions["italy-troops"])]
    assert kinds == ["opened", "answered", "reopened"]
    assert [c.kind for c in question_changes(result.dossier.questions["quick"])] == \
        ["opened", "moot"]
