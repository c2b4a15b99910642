"""What needs review on a given day: stale positions, questions past their ``review_by`` date,
actors no brief has covered for a while.

"Today" is always given (a build's date, or ``--today``), so the same dossier and the same day
give the same list. A fuzzy date counts from its last day: a position dated ``2025-04`` is
stale ``after_days`` after 30 April 2025, never earlier.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass

from briefbook.model.dates import FuzzyDate
from briefbook.model.dossier import Brief, Dossier, Position, Question, QuestionStatus

DEFAULT_POSITIONS_AFTER_DAYS = 365
DEFAULT_ACTORS_AFTER_DAYS = 180


@dataclass(frozen=True, slots=True)
class ReviewRules:
    """When a claim needs review; ``today`` is the day the list is made for."""

    today: _dt.date
    positions_after_days: int = DEFAULT_POSITIONS_AFTER_DAYS
    actors_after_days: int = DEFAULT_ACTORS_AFTER_DAYS


@dataclass(frozen=True, slots=True)
class StalePosition:
    """The latest position of an actor on a topic, older than the rules allow."""

    position: Position
    days: int  # since the position's date (its last day)


@dataclass(frozen=True, slots=True)
class OverdueQuestion:
    question: Question
    review_by: FuzzyDate
    days: int  # past its review_by date


@dataclass(frozen=True, slots=True)
class QuietActor:
    actor: str
    last_brief: Brief | None  # None: no brief names the actor yet
    days: int | None


@dataclass(frozen=True, slots=True)
class ReviewList:
    rules: ReviewRules
    positions: list[StalePosition]
    questions: list[OverdueQuestion]
    actors: list[QuietActor]

    @property
    def count(self) -> int:
        return len(self.positions) + len(self.questions) + len(self.actors)


def build_date(environ: dict[str, str] | None = None) -> _dt.date:
    """The day a build is made for: ``SOURCE_DATE_EPOCH`` (reproducible builds) when set,
    else today in UTC."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return _dt.datetime.fromtimestamp(int(value), _dt.UTC).date()
    return _dt.datetime.now(_dt.UTC).date()


def _age(date: FuzzyDate, today: _dt.date) -> int:
    return (today - date.last_day()).days


def _involved(brief: Brief) -> set[str]:
    return ({*brief.actors} | {p.actor for p in brief.positions}
            | {a for e in brief.events for a in e.actors})


def needs_review(dossier: Dossier, rules: ReviewRules) -> ReviewList:
    """Everything that needs review on ``rules.today``, oldest first in each list."""
    latest: dict[tuple[str, str], Position] = {}
    for position in dossier.positions:
        key = (position.actor, position.topic)
        held = latest.get(key)
        if held is None or (position.date.sort_key, position.brief) > (held.date.sort_key,
                                                                        held.brief):
            latest[key] = position
    positions = [
        StalePosition(p, _age(p.date, rules.today)) for p in latest.values()
        if _age(p.date, rules.today) > rules.positions_after_days
    ]
    positions.sort(key=lambda s: (-s.days, s.position.actor, s.position.topic))
    questions = []
    for question in dossier.questions.values():
        review_by = question.review_by
        if (question.status is QuestionStatus.OPEN and review_by is not None
                and _age(review_by, rules.today) > 0):
            questions.append(OverdueQuestion(question, review_by, _age(review_by, rules.today)))
    questions.sort(key=lambda o: (-o.days, o.question.id))
    last: dict[str, Brief] = {}
    for brief in dossier.briefs.values():  # newest first
        for actor in _involved(brief):
            last.setdefault(actor, brief)
    actors = []
    for actor in sorted(dossier.actors):
        latest_brief = last.get(actor)
        if latest_brief is None:
            actors.append(QuietActor(actor, None, None))
        elif _age(latest_brief.date, rules.today) > rules.actors_after_days:
            actors.append(QuietActor(actor, latest_brief, _age(latest_brief.date, rules.today)))
    actors.sort(key=lambda a: (a.days is not None, -(a.days or 0), a.actor))
    return ReviewList(rules, positions, questions, actors)
