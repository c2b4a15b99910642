"""The dossier's history, week by week: what each week's briefs brought.

A brief belongs to the ISO week (Monday to Sunday) of the first day its date may stand for, the
same rule as ``as_of``: a brief dated ``2025-04`` counts in the week of 1 April 2025. Each week
lists its new briefs, the stances that changed (from → to, with the briefs on both sides),
the questions opened, answered, set aside or reopened, and the actors first involved that week.
One pass over the dossier; pure.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import StrEnum

from briefbook.index.lookups import Index
from briefbook.model.dossier import Brief, Position, Question, QuestionEntry, QuestionStatus
from briefbook.views.stances import StanceRecord


@dataclass(frozen=True, slots=True)
class StanceChange:
    """An actor's stance on a topic moved from ``before`` to ``after``."""

    before: Position
    after: Position


class QuestionChangeKind(StrEnum):
    """What a brief did to a question."""

    OPENED = "opened"
    ANSWERED = "answered"
    MOOT = "moot"  # set aside
    REOPENED = "reopened"


#: The change a brief makes by giving a question a status other than open.
_CLOSED_BY = {QuestionStatus.ANSWERED: QuestionChangeKind.ANSWERED,
              QuestionStatus.MOOT: QuestionChangeKind.MOOT}


@dataclass(frozen=True, slots=True)
class QuestionChange:
    """What a brief did to a question: opened, answered, set aside (moot) or reopened it."""

    question: Question
    entry: QuestionEntry
    kind: QuestionChangeKind


@dataclass(slots=True)
class Week:
    """One ISO week of the dossier's history."""

    year: int
    number: int
    briefs: list[Brief] = field(default_factory=list)
    stance_changes: list[StanceChange] = field(default_factory=list)
    questions: list[QuestionChange] = field(default_factory=list)
    new_actors: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """``2025-W14``: ISO 8601's name for the week."""
        return f"{self.year:04d}-W{self.number:02d}"

    @property
    def anchor(self) -> str:
        return f"week-{self.year:04d}-{self.number:02d}"

    @property
    def start(self) -> _dt.date:
        return _dt.date.fromisocalendar(self.year, self.number, 1)

    @property
    def end(self) -> _dt.date:
        # the last ISO week of 9999 ends in year 10000, which no date can hold
        start = self.start
        return start + _dt.timedelta(days=min(6, (_dt.date.max - start).days))

    @property
    def updated(self) -> _dt.date:
        """The latest day a brief of this week stands for: when the week last changed."""
        return max(b.date.first_day() for b in self.briefs)


def week_of(brief: Brief) -> tuple[int, int]:
    year, number, _ = brief.date.first_day().isocalendar()
    return year, number


def dossier_history(index: Index, stances: dict[tuple[str, str], StanceRecord]) -> list[Week]:
    """Every week that has a brief, newest first."""
    dossier = index.dossier
    weeks: dict[tuple[int, int], Week] = {}
    brief_week: dict[str, Week] = {}
    for brief in dossier.briefs.values():  # newest first, so each week's briefs are too
        key = week_of(brief)
        if key not in weeks:
            weeks[key] = Week(*key)
        week = weeks[key]
        week.briefs.append(brief)
        brief_week[brief.id] = week
    order = index.brief_order
    for record in stances.values():
        for change in stance_changes(record):
            brief_week[change.after.brief].stance_changes.append(change)
    for question in dossier.questions.values():
        for question_change in question_changes(question):
            brief_week[question_change.entry.brief].questions.append(question_change)
    for actor, briefs in index.briefs_by_actor.items():
        if briefs and actor in dossier.actors:
            brief_week[briefs[-1].id].new_actors.append(actor)
    for week in weeks.values():
        week.stance_changes.sort(key=lambda c: (order[c.after.brief], c.after.actor,
                                                c.after.topic))
        week.questions.sort(key=lambda c: (order[c.entry.brief], c.question.id))
        week.new_actors.sort(key=lambda a: (dossier.actors[a].name.casefold(), a))
    return [weeks[key] for key in sorted(weeks, reverse=True)]


def stance_changes(record: StanceRecord) -> list[StanceChange]:
    """Each time the stance differs from the one before it, oldest first.

    Two reports of one claim (same ``id``, same date) that disagree are a disagreement between
    sources, shown as such on the pages, not a change of mind.
    """
    changes = []
    for before, after in zip(record.history, record.history[1:], strict=False):
        if before.stance is after.stance:
            continue
        if before.id and before.id == after.id and before.date == after.date:
            continue
        changes.append(StanceChange(before, after))
    return changes


def question_changes(question: Question) -> list[QuestionChange]:
    """The entry that raised the question, then each one that changed its status."""
    changes = [QuestionChange(question, question.entries[0], QuestionChangeKind.OPENED)]
    status = question.entries[0].status
    if status is not QuestionStatus.OPEN:
        changes.append(QuestionChange(question, question.entries[0], _CLOSED_BY[status]))
    for entry in question.entries[1:]:
        if entry.status is status:
            continue
        kind = (QuestionChangeKind.REOPENED if entry.status is QuestionStatus.OPEN
                else _CLOSED_BY[entry.status])
        changes.append(QuestionChange(question, entry, kind))
        status = entry.status
    return changes
