"""The competing hypotheses of a question, and its review date, as ``dossier.json`` gives them.

Kept beside :mod:`briefbook.export.dossier_json`, which adds these keys to each question.
"""

from __future__ import annotations

from typing import Any

from briefbook.export.json_values import json_date, json_grade
from briefbook.index.hypotheses import HypothesisScore, grade_weight, rank, ranking_history
from briefbook.model.dossier import Question
from briefbook.model.grading import Grade


def _score(score: HypothesisScore) -> dict[str, Any]:
    return {
        "id": score.hypothesis.id,
        "label": f"H{score.number}",
        "statement": score.hypothesis.statement,
        "inconsistency": score.inconsistency,
        "inconsistent": score.inconsistent,
        "consistent": score.consistent,
        "neutral": score.neutral,
    }


def question_hypotheses(
    question: Question, grades: dict[str, Grade | None], url: str | None
) -> dict[str, Any]:
    """``review_by``, and for a question with hypotheses: the hypotheses least contradicted
    first, each brief's ratings with its weight, and the ranking after each date."""
    data: dict[str, Any] = {
        "review_by": json_date(question.review_by) if question.review_by else None,
    }
    if not question.hypotheses:
        return data
    declared = {h.id: e.brief for e in question.entries for h in e.hypotheses}
    data["hypotheses"] = [
        {**_score(s), "declared_in": declared[s.hypothesis.id]}
        for s in rank(question, grades)
    ]
    data["evidence"] = [
        {
            "brief": entry.brief,
            "date": json_date(entry.date),
            "grade": json_grade(grades.get(entry.brief)),
            "weight": grade_weight(grades.get(entry.brief)),
            # only the hypotheses this site declares: a rating of one it leaves out (for
            # another audience, or declared after as_of) would name it
            "ratings": [{"hypothesis": r.hypothesis, "rating": r.rating.value, "note": r.note}
                        for r in entry.evidence if r.hypothesis in declared],
        }
        for entry in question.entries
        if any(r.hypothesis in declared for r in entry.evidence)
    ]
    data["ranking_history"] = [
        {
            "date": json_date(step.date),
            "briefs": [e.brief for e in step.entries],
            "ranking": [s.hypothesis.id for s in step.ranking],
            "inconsistency": [s.inconsistency for s in step.ranking],
            "leader_changed": step.leader_changed,
        }
        for step in ranking_history(question, grades)
    ]
    data["hypotheses_url"] = url
    return data
