"""Provenance of claims on pages: the grade each position, event and answer inherits from its
brief, the other briefs that corroborate it, and where they disagree.

Row builders in :mod:`briefbook.views.brief` and the matrix cells call these, so every page
that lists claims shows the same thing.
"""

from __future__ import annotations

from briefbook.model.dossier import Event, Position
from briefbook.model.grading import UNGRADED, Grade, grade_sort_key
from briefbook.views.context import ViewContext

SOURCES_SHOWN = 10  # other reports listed under a claim; the rest are counted


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
    if isinstance(claim, Position):
        claims = ctx.dossier.position_records.get(claim.id)
        agreeing = [p for p in claims.at(claim.date) if p.stance is claim.stance] \
            if claims else []
    else:
        events = ctx.dossier.event_records.get(claim.id)
        agreeing = [e for e in events.events if e.when == claim.when] if events else []
    grades = [grade_of(ctx, c.brief) for c in agreeing]
    return min(grades, key=grade_sort_key) if grades else own


def _source(ctx: ViewContext, src: str, brief_id: str) -> dict:
    brief = ctx.dossier.briefs.get(brief_id)
    return {
        "brief": ctx.brief_link(src, brief) if brief else None,
        "brief_id": brief_id,
        "grade": brief.grade if brief else None,
    }


def position_provenance(ctx: ViewContext, src: str, position: Position) -> dict:
    """``also``: the other briefs reporting this claim; ``dispute``: at this position's date,
    the stances the sources give (best grade first), when they differ."""
    record = ctx.dossier.position_records.get(position.id) if position.id else None
    if record is None:
        return {"also": [], "also_more": 0, "dispute": []}
    others = [p for p in record.positions if p is not position]
    also = [_source(ctx, src, p.brief) for p in others[:SOURCES_SHOWN]]
    dispute = []
    if record.disputed_at(position.date):
        first_of_each = {}  # the best-graded report of each stance, then the others
        for p in record.at(position.date):
            first_of_each.setdefault(p.stance, p)
        dispute = [{**_source(ctx, src, p.brief), "stance": p.stance}
                   for p in first_of_each.values()]
    return {"also": also, "also_more": len(others) - len(also), "dispute": dispute}


def event_provenance(ctx: ViewContext, src: str, event: Event) -> dict:
    """``also``: the other briefs reporting this event; ``dispute``: the dates the sources
    give, each with its briefs, when they differ."""
    record = ctx.dossier.event_records.get(event.id) if event.id else None
    if record is None:
        return {"also": [], "also_more": 0, "dispute": []}
    others = [e for e in record.events if e is not event]
    also = [_source(ctx, src, e.brief) for e in others[:SOURCES_SHOWN]]
    dispute = []
    if record.disputed:
        dispute = [
            {
                "event": variant[0],
                "sources": [_source(ctx, src, e.brief) for e in variant[:SOURCES_SHOWN]],
                "more": max(0, len(variant) - SOURCES_SHOWN),
            }
            for variant in record.variants
        ]
    return {"also": also, "also_more": len(others) - len(also), "dispute": dispute}


def entry_provenance(ctx: ViewContext, src: str, record_id: str, brief_id: str) -> dict:
    """:func:`event_provenance` of the report that ``brief_id`` gives of event ``record_id``
    (for the timeline, whose entries name their event by these two)."""
    record = ctx.dossier.event_records.get(record_id) if record_id else None
    event = next((e for e in record.events if e.brief == brief_id), None) if record else None
    if event is None:
        return {"also": [], "also_more": 0, "dispute": []}
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
