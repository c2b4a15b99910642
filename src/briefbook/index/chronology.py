"""The dossier's events as one chronology: what the timeline page, its slices and exports read.

Each entry is an event or, when asked for, a brief's own publication. An event several briefs
report under one ``id`` (a corroborated record) is one entry: its best-graded report gives the
date, title and place, and ``sources`` names every brief that reports it. Entries
sort with :func:`briefbook.index.event_sort_key` (chronological, a month before its days, ties
by title then brief) and carry what the browser filter needs: actors, the brief's topics and
tags. Built once, in one pass plus a sort.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from briefbook.index.lookups import Index, event_sort_key
from briefbook.model.dates import FuzzyDate
from briefbook.model.dossier import Brief, Dossier, EventRecord


class EntryKind(StrEnum):
    EVENT = "event"
    PUBLICATION = "publication"


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated line of the timeline.

    ``id`` is stable across builds as long as the brief id, the date and the title stay the
    same; it names the entry's HTML anchor, its JSON record and its iCalendar UID.
    """

    id: str
    kind: EntryKind
    date: FuzzyDate
    title: str
    brief: str
    end: FuzzyDate | None = None
    place: str = ""
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    record: str = ""  # the event's corroboration id, shared with other briefs' reports of it
    sources: tuple[str, ...] = ()  # every brief that reports the event, best grade first

    @property
    def last(self) -> FuzzyDate:
        """The date the entry ends on (its start date when it is not a range)."""
        return self.end or self.date


@dataclass
class Chronology:
    """Every entry in timeline order, with lookups by actor and by topic (same order)."""

    entries: list[TimelineEntry] = field(default_factory=list)
    by_actor: dict[str, list[TimelineEntry]] = field(default_factory=lambda: defaultdict(list))
    by_topic: dict[str, list[TimelineEntry]] = field(default_factory=lambda: defaultdict(list))

    def __len__(self) -> int:
        return len(self.entries)


def brief_topics(brief: Brief) -> tuple[str, ...]:
    """The topics a brief is about: those it lists, then those its positions name."""
    return tuple(dict.fromkeys((*brief.topics, *(p.topic for p in brief.positions))))


def entry_id(brief_id: str, date: FuzzyDate, title: str, kind: EntryKind) -> str:
    """A stable, URL-safe id: the brief id and a short digest of what the entry says."""
    digest = hashlib.sha1(f"{kind}|{date.isoformat()}|{title}".encode()).hexdigest()[:10]
    return f"{brief_id}--{digest}"


def build_chronology(dossier: Dossier, index: Index, include_briefs: bool = False) -> Chronology:
    """Entries for every event of every brief, plus each brief's publication if asked."""
    entries: list[TimelineEntry] = []
    seen: set[str] = set()

    def unique(candidate: str) -> str:
        number, result = 1, candidate
        while result in seen:
            number += 1
            result = f"{candidate}-{number}"
        seen.add(result)
        return result

    recorded: set[str] = set()
    for brief in dossier.briefs.values():
        topics = brief_topics(brief)
        for event in brief.events:
            record = dossier.event_records.get(event.id) if event.id else None
            if record is not None and len(record.events) > 1:
                if event.id not in recorded:
                    recorded.add(event.id)
                    entries.append(_record_entry(dossier, record, unique))
                continue
            entries.append(TimelineEntry(
                id=unique(entry_id(brief.id, event.date, event.title, EntryKind.EVENT)),
                kind=EntryKind.EVENT,
                date=event.date,
                end=event.end,
                title=event.title,
                brief=brief.id,
                place=event.place,
                actors=event.actors,
                topics=topics,
                tags=brief.tags,
                record=event.id,
                sources=(brief.id,),
            ))
        if include_briefs:
            entries.append(TimelineEntry(
                id=unique(entry_id(brief.id, brief.date, brief.title, EntryKind.PUBLICATION)),
                kind=EntryKind.PUBLICATION,
                date=brief.date,
                title=brief.title,
                brief=brief.id,
                place=brief.source.publisher,
                actors=brief.actors,
                topics=topics,
                tags=brief.tags,
                sources=(brief.id,),
            ))
    entries.sort(key=_sort_key)
    chronology = Chronology(entries)
    for entry in entries:
        for actor in entry.actors:
            chronology.by_actor[actor].append(entry)
        for topic in entry.topics:
            chronology.by_topic[topic].append(entry)
    return chronology


def _record_entry(
    dossier: Dossier, record: EventRecord, unique: Callable[[str], str]
) -> TimelineEntry:
    """One entry for a corroborated event: its best-graded report, with what every report adds
    (actors, the briefs' topics and tags) and every reporting brief in ``sources``."""
    best = record.events[0]
    briefs = [dossier.briefs[e.brief] for e in record.events if e.brief in dossier.briefs]
    return TimelineEntry(
        id=unique(entry_id(best.brief, best.date, best.title, EntryKind.EVENT)),
        kind=EntryKind.EVENT,
        date=best.date,
        end=best.end,
        title=best.title,
        brief=best.brief,
        place=best.place or next((e.place for e in record.events if e.place), ""),
        actors=_union(e.actors for e in record.events),
        topics=_union(brief_topics(b) for b in briefs),
        tags=_union(b.tags for b in briefs),
        record=record.id,
        sources=tuple(dict.fromkeys(e.brief for e in record.events)),
    )


def _union(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    """The values of every group, each once, in order of first appearance."""
    return tuple(dict.fromkeys(value for group in groups for value in group))


def _sort_key(entry: TimelineEntry) -> tuple[tuple[int, int, int, int], str, str, bool]:
    """The index's event order; an event before a publication of the same date and title."""
    return (*event_sort_key(entry), entry.kind != EntryKind.EVENT)
