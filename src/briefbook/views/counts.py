"""How many briefs, actors, topics, positions, events and questions the dossier holds.

Computed once per build (``ViewContext.counts``) and read by every page that shows a count: the
overview, the timeline, the questions register, the actors and briefs indexes, the printable
book. A corroborated claim (one ``id`` reported by several briefs) counts once, as it is listed
once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefbook.index.lookups import Index
from briefbook.model.dossier import Dossier, QuestionStatus


@dataclass(frozen=True, slots=True)
class DossierCounts:
    """The dossier's totals; ``questions_by_status`` holds one count per status."""

    briefs: int
    actors: int
    topics: int
    positions: int
    events: int
    questions: int
    questions_by_status: dict[QuestionStatus, int] = field(default_factory=dict)

    @property
    def open_questions(self) -> int:
        return self.questions_by_status.get(QuestionStatus.OPEN, 0)


def distinct_claims(ids: list[str]) -> int:
    """How many claims: reports that share an ``id`` count once, those without one each."""
    return len({i for i in ids if i}) + sum(1 for i in ids if not i)


def dossier_counts(dossier: Dossier, index: Index) -> DossierCounts:
    """Count everything once, in one pass over each collection."""
    by_status = {status: 0 for status in QuestionStatus}
    for question in dossier.questions.values():
        by_status[question.status] += 1
    return DossierCounts(
        briefs=len(dossier.briefs),
        actors=len(dossier.actors),
        topics=len(dossier.topics),
        positions=distinct_claims([p.id for p in dossier.positions]),
        events=distinct_claims([e.id for e in index.events_sorted]),
        questions=len(dossier.questions),
        questions_by_status=by_status,
    )
