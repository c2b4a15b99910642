"""Provenance of claims on pages: the grade each position, event and answer inherits from its
brief, the other briefs that corroborate it, and where they disagree.

Row builders in :mod:`briefbook.views.brief` and the matrix cells call these, so every page
that lists claims shows the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from briefbook.model.dossier import Event, Position, Stance
from briefbook.model.grading import UNGRADED, Grade, grade_sort_key
from briefbook.views.context import Chip, ViewContext

SOURCES_SHOWN = 10  # other reports listed under a claim; the rest are counted


@dataclass(frozen=True)
class SourceRef:
    """A brief that reports a claim: its link (None when it is not in the dossier) and grade."""

    brief: Chip | None
    brief_id: str
    grade: Grade | None


@dataclass(frozen=True)
class StanceVersion(SourceRef):
    """One of the stances the sources of a disputed position give."""

    stance: Stance


@dataclass(frozen=True)
class DateVariant:
    """One of the dates the sources of a disputed event give: its report, the briefs that give
    it (the first :data:`SOURCES_SHOWN`) and how many more do."""

    event: Event
    sources: list[SourceRef]
    more: int


_Version = TypeVar("_Version", StanceVersion, DateVariant)


@dataclass(frozen=True)
class Provenance(Generic[_Version]):
    """``also``: the other briefs reporting a claim (``also_more`` of them not listed);
    ``dispute``: the versions its sources give, when they differ."""

    also: list[SourceRef] = field(default_factory=list)
    also_more: int = 0
    dispute: list[_Version] = field(default_factory=list)


def grade_of(ctx: ViewContext, brief_id: str) -> Grade | None:
    """The grade of a brief's source, which its claims inherit (None when ungraded)."""
    brief = ctx.dossier.briefs.get(brief_id)
    return brief.grade if brief else None


def claim_grade(ctx: ViewContext, claim: Position | Event) -> Grade | None:
    """The grade the browser filter judges a claim by: the best grade among the briefs that
    report it the same way (same stance at the same date, same dates), its own included."""
    own = grade_of(ctx, claim.brief)
    if not claim.id:
        return own
    agreeing: list[Position | Event]
    if isinstance(claim, Position):
        claims = ctx.dossier.position_records.get(claim.id)
        agreeing = [p for p in claims.at(claim.date) if p.stance is claim.stance] \
            if claims else []
    else:
        events = ctx.dossier.event_records.get(claim.id)
        agreeing = [e for e in events.events if e.when == claim.when] if events else []
    grades = [grade_of(ctx, c.brief) for c in agreeing]
    return min(grades, key=grade_sort_key) if grades else own


def _source(ctx: ViewContext, src: str, brief_id: str) -> SourceRef:
    brief = ctx.dossier.briefs.get(brief_id)
    return SourceRef(ctx.brief_link(src, brief) if brief else None, brief_id,
                     brief.grade if brief else None)


def position_provenance(
    ctx: ViewContext, src: str, position: Position
) -> Provenance[StanceVersion]:
    """``also``: the other briefs reporting this claim; ``dispute``: at this position's date,
    the stances the sources give (best grade first), when they differ."""
    record = ctx.dossier.position_records.get(position.id) if position.id else None
    if record is None:
        return Provenance()
    others = [p for p in record.positions if p is not position]
    also = [_source(ctx, src, p.brief) for p in others[:SOURCES_SHOWN]]
    dispute: list[StanceVersion] = []
    if record.disputed_at(position.date):
        # the best-graded report of each stance, then the others
        first_of_each: dict[Stance, Position] = {}
        for p in record.at(position.date):
            first_of_each.setdefault(p.stance, p)
        for p in first_of_each.values():
            source = _source(ctx, src, p.brief)
            dispute.append(StanceVersion(source.brief, source.brief_id, source.grade, p.stance))
    return Provenance(also, len(others) - len(also), dispute)


def event_provenance(ctx: ViewContext, src: str, event: Event) -> Provenance[DateVariant]:
    """``also``: the other briefs reporting this event; ``dispute``: the dates the sources
    give, each with its briefs, when they differ."""
    record = ctx.dossier.event_records.get(event.id) if event.id else None
    if record is None:
        return Provenance()
    others = [e for e in record.events if e is not event]
    also = [_source(ctx, src, e.brief) for e in others[:SOURCES_SHOWN]]
    dispute: list[DateVariant] = []
    if record.disputed:
        dispute = [
            DateVariant(
                variant[0],
                [_source(ctx, src, e.brief) for e in variant[:SOURCES_SHOWN]],
                max(0, len(variant) - SOURCES_SHOWN),
            )
            for variant in record.variants
        ]
    return Provenance(also, len(others) - len(also), dispute)


def entry_provenance(
    ctx: ViewContext, src: str, record_id: str, brief_id: str
) -> Provenance[DateVariant]:
    """:func:`event_provenance` of the report that ``brief_id`` gives of event ``record_id``
    (for the timeline, whose entries name their event by these two)."""
    record = ctx.dossier.event_records.get(record_id) if record_id else None
    event = next((e for e in record.events if e.brief == brief_id), None) if record else None
    if event is None:
        return Provenance()
    return event_provenance(ctx, src, event)


def unique_events(ctx: ViewContext, events: list[Event]) -> list[Event]:
    """One event per record: where several briefs report an event (same ``id``), its
    best-graded report stands for it, in the place of the first of them; others are kept."""
    seen: set[str] = set()
    result = []
    for event in events:
        record = ctx.dossier.event_records.get(event.id) if event.id else None
        if record is None:
            result.append(event)
        elif event.id not in seen:
            seen.add(event.id)
            result.append(record.events[0])
    return result


def dominated(grade: Grade | None, by: Grade | None) -> bool:
    """Whether ``by`` is at least as good as ``grade`` on both scales (ungraded = F6)."""
    return (by or UNGRADED).meets(grade or UNGRADED)


def filter_fallbacks(ctx: ViewContext, newest_first: list[Position]) -> list[Position]:
    """The positions a grade filter may fall back to, newest first, the latest included.

    For any minimum grade, the latest position that meets it is in this list: an older position
    is left out only when a newer one is at least as good on both scales. At most one position
    per grade, so at most 37 whatever the history's length.
    """
    kept: list[tuple[Position, Grade | None]] = []
    for position in newest_first:
        grade = claim_grade(ctx, position)
        if any(dominated(grade, newer) for _, newer in kept):
            continue
        kept.append((position, grade))
    return [p for p, _ in kept]
