"""The dossier as it stood on a given day: only the briefs dated on or before it.

A brief counts from the first day its date may stand for: ``2025-03`` is in a dossier as of
1 March 2025, ``2025`` as of 1 January. Everything that comes from briefs (positions, events,
question entries, corroborated records) goes with them, so stances and question statuses are
those the remaining briefs give. Actors and topics are not dated and all stay. Pure.
"""

from __future__ import annotations

import datetime as _dt

from briefbook.model.dates import FuzzyDate
from briefbook.model.dossier import Dossier, Question
from briefbook.validate.corroboration import build_records


def parse_as_of(value: object) -> _dt.date:
    """A day given as ``YYYY-MM-DD`` text (or a date, as YAML reads an unquoted one)."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(
            f"'as_of' is '{value}': give a day as YYYY-MM-DD, e.g. 2025-03-01"
        ) from None


def included(date: FuzzyDate, as_of: _dt.date) -> bool:
    """Whether a brief dated ``date`` belongs to the dossier as of ``as_of``."""
    return date.first_day() <= as_of


def as_of_filter(dossier: Dossier, as_of: _dt.date) -> Dossier:
    """A new dossier holding only what was known on ``as_of``; ``dossier`` is not changed."""
    briefs = {key: b for key, b in dossier.briefs.items() if included(b.date, as_of)}
    questions: dict[str, Question] = {}
    for ident, question in dossier.questions.items():
        entries = tuple(e for e in question.entries if e.brief in briefs)
        if not entries:
            continue
        questions[ident] = Question(
            ident,
            question.text,
            entries,
            tuple(dict.fromkeys(a for e in entries for a in e.actors)),
            tuple(dict.fromkeys(t for e in entries for t in e.topics)),
        )
    event_records, position_records = build_records(briefs.values())
    return Dossier(
        briefs=briefs,
        actors=dossier.actors,
        topics=dossier.topics,
        questions=questions,
        event_records=event_records,
        position_records=position_records,
    )
