"""Lookups over a validated dossier: who appears where, built once in linear time."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from briefbook.index.mention_index import MentionStat, build_mentions
from briefbook.index.mentions import MentionMatcher
from briefbook.model.dates import FuzzyDate
from briefbook.model.dossier import Brief, Dossier, Event, Position, Question


@dataclass
class Index:
    """Reverse lookups from actors, topics and tags to what refers to them.

    Every list keeps the dossier's order (briefs newest first; positions and events as their
    briefs give them) unless its name says otherwise. ``mentions_by_brief`` maps a brief to the
    actors its text names (in order of first mention); ``briefs_mentioning`` maps an actor to
    the briefs whose text names it, whether or not they list it.
    """

    dossier: Dossier
    briefs_by_actor: dict[str, list[Brief]] = field(default_factory=lambda: defaultdict(list))
    briefs_by_topic: dict[str, list[Brief]] = field(default_factory=lambda: defaultdict(list))
    briefs_by_tag: dict[str, list[Brief]] = field(default_factory=lambda: defaultdict(list))
    positions_by_actor: dict[str, list[Position]] = field(
        default_factory=lambda: defaultdict(list)
    )
    positions_by_topic: dict[str, list[Position]] = field(
        default_factory=lambda: defaultdict(list)
    )
    events_by_actor: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    questions_by_actor: dict[str, list[Question]] = field(
        default_factory=lambda: defaultdict(list)
    )
    questions_by_topic: dict[str, list[Question]] = field(
        default_factory=lambda: defaultdict(list)
    )
    questions_by_brief: dict[str, list[Question]] = field(
        default_factory=lambda: defaultdict(list)
    )
    members: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    events_sorted: list[Event] = field(default_factory=list)
    # rank of each brief in the dossier's order, 0 being the newest
    brief_order: dict[str, int] = field(default_factory=dict)
    matcher: MentionMatcher = field(default_factory=lambda: MentionMatcher(()))
    mentions_by_brief: dict[str, dict[str, MentionStat]] = field(default_factory=dict)
    briefs_mentioning: dict[str, list[Brief]] = field(default_factory=lambda: defaultdict(list))

    def involved_actors(self, brief: Brief) -> tuple[str, ...]:
        """Actors a brief lists, then those its positions and events name, without repeats."""
        ids = list(brief.actors)
        ids += [p.actor for p in brief.positions]
        ids += [a for e in brief.events for a in e.actors]
        return tuple(dict.fromkeys(ids))

    def briefs_about(self, actor_id: str) -> list[tuple[Brief, bool]]:
        """Briefs that list or name an actor, newest first, each with whether it lists it."""
        merged = {b.id: (b, True) for b in self.briefs_by_actor.get(actor_id, [])}
        for brief in self.briefs_mentioning.get(actor_id, []):
            merged.setdefault(brief.id, (brief, False))
        order = self.brief_order
        return sorted(merged.values(), key=lambda item: order[item[0].id])


def build_index(
    dossier: Dossier,
    matcher: MentionMatcher | None = None,
    mention_cache: dict[str, dict[str, MentionStat]] | None = None,
    scan_mentions: bool = True,
) -> Index:
    """Build every lookup in one pass over the dossier, scanning each brief's text once.

    ``mention_cache`` (see :func:`build_mentions`) spares rescanning unchanged briefs; it is
    only valid for one set of actors' names. ``scan_mentions=False`` leaves the texts unread
    (``briefbook check --no-notes``: nothing there needs mentions).
    """
    index = Index(dossier)
    index.brief_order = {brief_id: rank for rank, brief_id in enumerate(dossier.briefs)}
    index.matcher = matcher or MentionMatcher(dossier.actors.values())
    if scan_mentions:
        index.mentions_by_brief, index.briefs_mentioning = build_mentions(
            dossier, index.matcher, mention_cache
        )
    for brief in dossier.briefs.values():
        for actor in index.involved_actors(brief):
            index.briefs_by_actor[actor].append(brief)
        for topic in dict.fromkeys((*brief.topics, *(p.topic for p in brief.positions))):
            index.briefs_by_topic[topic].append(brief)
        for tag in brief.tags:
            index.briefs_by_tag[tag].append(brief)
        for position in brief.positions:
            index.positions_by_actor[position.actor].append(position)
            index.positions_by_topic[position.topic].append(position)
        for event in brief.events:
            for actor in event.actors:
                index.events_by_actor[actor].append(event)
    for question in dossier.questions.values():
        for actor in question.actors:
            index.questions_by_actor[actor].append(question)
        for topic in question.topics:
            index.questions_by_topic[topic].append(question)
        for brief_id in dict.fromkeys(e.brief for e in question.entries):
            index.questions_by_brief[brief_id].append(question)
    for member in dossier.actors.values():
        for parent in member.affiliations:
            index.members[parent].append(member.id)
    index.events_sorted = sorted(dossier.events, key=event_sort_key)
    for events in index.events_by_actor.values():
        events.sort(key=event_sort_key)
    return index


class Dated(Protocol):
    """What :func:`event_sort_key` orders by: an event, or a timeline entry."""

    @property
    def date(self) -> FuzzyDate: ...
    @property
    def title(self) -> str: ...
    @property
    def brief(self) -> str: ...


EventSortKey = tuple[tuple[int, int, int, int], str, str]


def event_sort_key(event: Dated) -> EventSortKey:
    """Chronological, month before its days, ties broken by title then brief."""
    return (event.date.sort_key, event.title.casefold(), event.brief)
