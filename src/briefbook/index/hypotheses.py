"""Ranking competing hypotheses by the evidence against them, Heuer-style.

Heuer's rule: a hypothesis is judged by the evidence *inconsistent* with it, not by the evidence
that fits (much evidence fits several hypotheses). Each rating carries the weight of its brief's
grade, the product of two points, 5 for ``A`` (or ``1``) down to 1 for ``E`` and ``F`` (or ``5``
and ``6``)::

    weight = reliability points × credibility points     A1 = 25, B2 = 16, C3 = 9, F6 = 1

A brief without a grade counts as ``F6``. A hypothesis's *inconsistency* is the sum of the weights
of the ratings inconsistent with it; the least contradicted comes first. Ties go to fewer
inconsistent ratings, then to more consistent weight, then to the order of declaration. The
weights are whole numbers, so the ranking is exact and the same on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefbook.model.dates import FuzzyDate
from briefbook.model.dossier import Question, QuestionEntry
from briefbook.model.grading import CREDIBILITY, RELIABILITY, UNGRADED, Grade
from briefbook.model.hypotheses import Hypothesis, Rating

_POINTS = (5, 4, 3, 2, 1, 1)  # A/1 … F/6: "cannot be judged" weighs as little as the worst


def grade_weight(grade: Grade | None) -> int:
    """The weight of a rating from a brief of ``grade`` (ungraded: as ``F6``), 1 to 25."""
    grade = grade or UNGRADED
    return (_POINTS[RELIABILITY.index(grade.reliability)]
            * _POINTS[CREDIBILITY.index(str(grade.credibility))])


@dataclass(frozen=True, slots=True)
class HypothesisScore:
    """How the evidence so far bears on one hypothesis."""

    hypothesis: Hypothesis
    number: int  # 1 for the first declared: the label H1, H2 … that never changes
    inconsistency: int  # the weighted sum of inconsistent ratings: lower ranks first
    inconsistent: int
    consistent: int
    neutral: int
    consistent_weight: int

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        return (self.inconsistency, self.inconsistent, -self.consistent_weight, self.number)


@dataclass(frozen=True, slots=True)
class RankingStep:
    """The ranking once the evidence of every brief up to ``date`` is in."""

    date: FuzzyDate
    entries: tuple[QuestionEntry, ...]  # the entries of that date that rated or declared
    ranking: tuple[HypothesisScore, ...]
    leader_changed: bool  # the least contradicted hypothesis is not the one before


def rank(
    question: Question, grades: dict[str, Grade | None], upto: FuzzyDate | None = None
) -> tuple[HypothesisScore, ...]:
    """The hypotheses known by ``upto`` (all of them without it), least contradicted first.

    ``grades`` gives each brief's grade by id. A hypothesis is known once declared or rated.
    """
    entries = [e for e in question.entries
               if upto is None or e.date.sort_key <= upto.sort_key]
    numbers = {h.id: n for n, h in enumerate(question.hypotheses, start=1)}
    known = {h.id for e in entries for h in e.hypotheses}
    known |= {r.hypothesis for e in entries for r in e.evidence}
    totals = {ident: [0, 0, 0, 0, 0] for ident in known if ident in numbers}
    for entry in entries:
        weight = grade_weight(grades.get(entry.brief))
        for rating in entry.evidence:
            total = totals.get(rating.hypothesis)
            if total is None:
                continue
            if rating.rating is Rating.INCONSISTENT:
                total[0] += weight
                total[1] += 1
            elif rating.rating is Rating.CONSISTENT:
                total[2] += 1
                total[4] += weight
            else:
                total[3] += 1
    scores = [
        HypothesisScore(h, numbers[h.id], *totals[h.id])
        for h in question.hypotheses if h.id in totals
    ]
    return tuple(sorted(scores, key=lambda s: s.sort_key))


def ranking_history(question: Question, grades: dict[str, Grade | None]) -> list[RankingStep]:
    """The ranking after each date on which a brief declared hypotheses or rated evidence,
    oldest first."""
    days: dict[tuple[int, int, int, int], list[QuestionEntry]] = {}
    for entry in question.entries:  # in date order
        if entry.hypotheses or entry.evidence:
            days.setdefault(entry.date.sort_key, []).append(entry)
    steps: list[RankingStep] = []
    leader = ""
    for entries in days.values():
        date = entries[0].date
        ranking = rank(question, grades, date)
        first = ranking[0].hypothesis.id if ranking else ""
        steps.append(RankingStep(date, tuple(entries), ranking,
                                 bool(steps) and first != leader))
        leader = first
    return steps
