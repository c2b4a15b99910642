"""Corroborated claims: positions and events that several briefs report under one ``id``.

The same ``id`` on events of several briefs makes one :class:`EventRecord` listing every report,
best grade first (likewise positions, :class:`PositionRecord`). Where the reports disagree (an
event dated differently, a stance that differs at the same date) validation warns, naming both
places, and the pages show every version. Pure: from briefs to records and diagnostics.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from briefbook.model.diagnostics import Diagnostics, Location
from briefbook.model.dossier import Brief, Event, EventRecord, Position, PositionRecord
from briefbook.model.grading import grade_sort_key

Claim = TypeVar("Claim", Event, Position)


def build_records(
    briefs: Iterable[Brief], diags: Diagnostics | None = None
) -> tuple[dict[str, EventRecord], dict[str, PositionRecord]]:
    """Group the positions and events that carry an ``id`` into records, in one pass.

    With ``diags``, report what does not hold together: an id used twice in one brief, a
    position id shared by claims about different actors or topics (errors), and sources that
    disagree (warnings).
    """
    report = diags if diags is not None else Diagnostics()
    ordered = sorted(briefs, key=lambda b: (grade_sort_key(b.grade), b.date.sort_key, b.id))
    events = _group(((b, e) for b in ordered for e in b.events), "event", report)
    positions = _group(((b, p) for b in ordered for p in b.positions), "position", report)
    position_records: dict[str, PositionRecord] = {}
    for ident, claims in positions.items():
        first = claims[0]
        kept = [first]
        for other in claims[1:]:
            if (other.actor, other.topic) != (first.actor, first.topic):
                report.error(
                    other.location,
                    f"position '{ident}' is about '{other.actor}' on '{other.topic}' here but "
                    f"about '{first.actor}' on '{first.topic}' in {first.location}; one id is "
                    "one claim: give one of them another id",
                    "record-mismatch",
                )
                continue
            kept.append(other)
        record = PositionRecord(ident, tuple(kept))
        position_records[ident] = record
        _check_stances(record, report)
    event_records = {ident: EventRecord(ident, tuple(claims)) for ident, claims in events.items()}
    for event_record in event_records.values():
        _check_dates(event_record, report)
    return event_records, position_records


def _group(
    claims: Iterable[tuple[Brief, Claim]], kind: str, diags: Diagnostics
) -> dict[str, list[Claim]]:
    grouped: dict[str, list[Claim]] = {}
    placed: dict[tuple[str, str], Claim] = {}
    for brief, claim in claims:
        if not claim.id:
            continue
        twin = placed.setdefault((claim.id, brief.id), claim)
        if twin is not claim:
            diags.error(
                claim.location,
                f"{kind} id '{claim.id}' is used twice in this brief (also at {twin.location}); "
                f"ids stand for one {kind} reported by several briefs",
                "duplicate-id",
            )
            continue
        grouped.setdefault(claim.id, []).append(claim)
    return grouped


def when_text(event: Event) -> str:
    """``2025-04-10`` or ``2025-04-10 to 2025-04-12``, as written in the files."""
    start, end = event.when
    return f"{start} to {end}" if end else start


def _check_dates(record: EventRecord, diags: Diagnostics) -> None:
    reference = record.events[0]
    for event in record.events[1:]:
        if event.when != reference.when:
            _disagreement(diags, event, reference)(
                event.location,
                f"event '{record.id}' is dated {when_text(event)} here but "
                f"{when_text(reference)} in {reference.location}; the pages show both "
                + _kept_or_until(event, reference, "dates"),
                "disagreement",
            )
    _check_needless_flags(record.events, lambda e: record.disputed, diags)


def _check_stances(record: PositionRecord, diags: Diagnostics) -> None:
    seen: dict[object, Position] = {}
    for position in record.positions:
        reference = seen.setdefault(position.date, position)
        if position.stance is not reference.stance:
            _disagreement(diags, position, reference)(
                position.location,
                f"position '{record.id}' gives '{position.actor}' the stance "
                f"'{position.stance.value}' on '{position.topic}' at {position.date} here but "
                f"'{reference.stance.value}' in {reference.location}; the pages show both "
                + _kept_or_until(position, reference, "stances"),
                "disagreement",
            )
    _check_needless_flags(record.positions, lambda p: record.disputed_at(p.date), diags)


def _disagreement(
    diags: Diagnostics, claim: Claim, reference: Claim
) -> Callable[[Location, str, str], None]:
    """Warn about a disagreement, or only note it when either report says it is known
    (``disputed: true``): the analyst keeps both versions on purpose."""
    return diags.note if claim.disputed or reference.disputed else diags.warning


def _kept_or_until(claim: Claim, reference: Claim, what: str) -> str:
    if claim.disputed or reference.disputed:
        return f"{what}, as 'disputed: true' asks"
    return f"{what} until the sources agree (or mark a known disagreement 'disputed: true')"


def _check_needless_flags(
    claims: Sequence[Claim], disagrees: Callable[[Claim], bool], diags: Diagnostics
) -> None:
    """A ``disputed: true`` whose claim no other report contradicts (any more) is stale."""
    for claim in claims:
        if claim.disputed and claim.id and not disagrees(claim):
            diags.note(
                claim.location,
                f"'{claim.id}' is marked 'disputed: true' but no other report of it disagrees; "
                "remove 'disputed' if the sources now agree",
                "disputed-agreed",
            )
