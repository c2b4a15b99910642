"""The typed model of a dossier: what validation produces and every view reads.

Plain dataclasses, no behaviour beyond small derived properties; nothing here knows of MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from briefbook.model.audience import AudienceMark
from briefbook.model.dates import FuzzyDate
from briefbook.model.diagnostics import Location
from briefbook.model.grading import Grade, SourceKind
from briefbook.model.hypotheses import EvidenceRating, Hypothesis


class Stance(StrEnum):
    SUPPORTS = "supports"
    OPPOSES = "opposes"
    CONDITIONAL = "conditional"
    NEUTRAL = "neutral"
    UNDECIDED = "undecided"


class QuestionStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    MOOT = "moot"


class ActorKind(StrEnum):
    STATE = "state"
    ORGANISATION = "organisation"
    PERSON = "person"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class Source:
    """Where a brief's text comes from."""

    publisher: str = ""
    title: str = ""
    url: str = ""
    language: str = ""
    translated_from: str = ""
    authors: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()  # "Additional reporting by …"
    kind: SourceKind | None = None
    grade: Grade | None = None
    retrieved: FuzzyDate | None = None  # the day the article was read (by ``ingest``)


@dataclass(frozen=True, slots=True)
class Position:
    """Where an actor stands on a topic, as one brief reports it."""

    actor: str
    topic: str
    stance: Stance
    summary: str
    date: FuzzyDate
    brief: str
    location: Location
    quote: str = ""
    id: str = ""  # the same id in several briefs: one claim, corroborated (see PositionRecord)
    disputed: bool = False  # the analyst keeps a known disagreement with other reports
    audience: AudienceMark | None = None  # who may read it (model/audience.py)


@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening reported by a brief; ``end`` makes it a range."""

    date: FuzzyDate
    title: str
    brief: str
    location: Location
    actors: tuple[str, ...] = ()
    place: str = ""
    end: FuzzyDate | None = None
    id: str = ""  # the same id in several briefs: one event, corroborated (see EventRecord)
    disputed: bool = False  # the analyst keeps a known disagreement with other reports
    audience: AudienceMark | None = None  # who may read it (model/audience.py)

    @property
    def when(self) -> tuple[str, str]:
        """The date and end as written: what two reports of one event must agree on."""
        return (self.date.isoformat(), self.end.isoformat() if self.end else "")


@dataclass(frozen=True, slots=True)
class QuestionEntry:
    """What one brief says about a question: raising it, following it up or answering it."""

    question: str
    brief: str
    date: FuzzyDate
    location: Location
    text: str = ""
    status: QuestionStatus = QuestionStatus.OPEN
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    answer: str = ""
    hypotheses: tuple[Hypothesis, ...] = ()  # declared here (see model/hypotheses.py)
    evidence: tuple[EvidenceRating, ...] = ()  # this brief's evidence against them
    review_by: FuzzyDate | None = None  # the question should be settled by then
    audience: AudienceMark | None = None  # who may read it (model/audience.py)


@dataclass(frozen=True, slots=True)
class Question:
    """A question across the dossier: its entries in date order, the latest one deciding status."""

    id: str
    text: str
    entries: tuple[QuestionEntry, ...]
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()

    @property
    def raised(self) -> QuestionEntry:
        return self.entries[0]

    @property
    def latest(self) -> QuestionEntry:
        return self.entries[-1]

    @property
    def status(self) -> QuestionStatus:
        return self.latest.status

    @property
    def hypotheses(self) -> tuple[Hypothesis, ...]:
        """Every hypothesis the entries declare, in the order they were declared."""
        return tuple(h for entry in self.entries for h in entry.hypotheses)

    @property
    def review_by(self) -> FuzzyDate | None:
        """The ``review_by`` of the latest entry that gives one."""
        for entry in reversed(self.entries):
            if entry.review_by is not None:
                return entry.review_by
        return None

    @property
    def answer(self) -> QuestionEntry | None:
        """The latest entry that gives an answer, when the question is answered."""
        if self.status is not QuestionStatus.ANSWERED:
            return None
        for entry in reversed(self.entries):
            if entry.answer:
                return entry
        return None


@dataclass(frozen=True, slots=True)
class Brief:
    """A source article or note, with the structured data its front-matter carries."""

    id: str
    title: str
    date: FuzzyDate
    body: str
    location: Location
    body_line: int = 1
    summary: str = ""
    source: Source = field(default_factory=Source)
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    positions: tuple[Position, ...] = ()
    events: tuple[Event, ...] = ()
    questions: tuple[QuestionEntry, ...] = ()
    sanitize: bool | None = None
    date_unknown: bool = False  # the source states no date: ``date`` is the day it was read
    audience: AudienceMark | None = None  # who may read it (model/audience.py)

    @property
    def language(self) -> str:
        return self.source.language

    @property
    def grade(self) -> Grade | None:
        """The grade of the brief's source, inherited by its positions, events and answers."""
        return self.source.grade


@dataclass(frozen=True, slots=True)
class Actor:
    """A state, organisation, person or group that the dossier follows."""

    id: str
    name: str
    kind: ActorKind
    location: Location
    body: str = ""
    aliases: tuple[str, ...] = ()
    role: str = ""
    country: str = ""
    affiliations: tuple[str, ...] = ()
    external_ids: dict[str, str] = field(default_factory=dict)
    audience: AudienceMark | None = None  # who may read it (model/audience.py)

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias: what mention linking looks for."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject on which actors take positions."""

    id: str
    title: str
    location: Location
    summary: str = ""
    body: str = ""
    audience: AudienceMark | None = None  # who may read it (model/audience.py)


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One event (one ``id``) as every brief that reports it tells it, best grade first.

    ``variants`` groups the reports by the dates they give, in that order: more than one variant
    means the sources disagree, and pages show every variant rather than pick one.
    """

    id: str
    events: tuple[Event, ...]

    @property
    def variants(self) -> list[list[Event]]:
        groups: dict[tuple[str, str], list[Event]] = {}
        for event in self.events:
            groups.setdefault(event.when, []).append(event)
        return list(groups.values())

    @property
    def disputed(self) -> bool:
        return len({e.when for e in self.events}) > 1


@dataclass(frozen=True, slots=True)
class PositionRecord:
    """One claim (one ``id``) about an actor's stance, from every brief that reports it, best
    grade first. Sources disagree when they give different stances for the same date."""

    id: str
    positions: tuple[Position, ...]

    def at(self, date: FuzzyDate) -> list[Position]:
        """The reports of this claim for ``date``, best grade first."""
        return [p for p in self.positions if p.date == date]

    def disputed_at(self, date: FuzzyDate) -> bool:
        return len({p.stance for p in self.at(date)}) > 1

    @property
    def disputed(self) -> bool:
        return any(self.disputed_at(p.date) for p in self.positions)


@dataclass(frozen=True, slots=True)
class Dossier:
    """Everything a dossier holds, validated. Briefs are ordered newest first."""

    briefs: dict[str, Brief] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    event_records: dict[str, EventRecord] = field(default_factory=dict)
    position_records: dict[str, PositionRecord] = field(default_factory=dict)

    @property
    def positions(self) -> list[Position]:
        return [p for brief in self.briefs.values() for p in brief.positions]

    @property
    def events(self) -> list[Event]:
        return [e for brief in self.briefs.values() for e in brief.events]
