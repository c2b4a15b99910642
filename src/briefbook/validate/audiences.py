"""Audiences: check the marks against the declared list, and restrict a dossier to one audience.

:func:`check_audiences` reports, in one run, every mark that names no declared audience (with a
"did you mean"), every item marked more open than the brief that holds it, and everything that
a more open item would reveal of a more restricted one: a brief, position, event or question
entry naming an actor or topic kept from its readers, an actor affiliated to one, an actor's or
topic's text linking to a page its readers do not have, a question whose earliest entry for an
audience gives no text. These are errors in every build, whatever its audience, so that
``briefbook check`` finds them all at once.

:func:`restrict` is the dossier one audience may read, made before indexing so that every page,
count, picture and export is computed from it alone (like ``as_of``). Pure.
"""

from __future__ import annotations

import posixpath
from collections.abc import Container, Iterable, Iterator
from dataclasses import replace
from urllib.parse import urlsplit

from briefbook.model.audience import NO_VALUE, AudienceMark, Audiences
from briefbook.model.diagnostics import Diagnostics, Location, did_you_mean
from briefbook.model.dossier import Brief, Dossier, Event, Position, Question, QuestionEntry
from briefbook.model.values import is_slug
from briefbook.validate.body_links import link_targets
from briefbook.validate.corroboration import build_records

DECLARE_HINT = ("declare them under the briefbook plugin in mkdocs.yml, most open first, "
                "e.g. audiences: [public, internal]")


def parse_audiences(value: object) -> Audiences:
    """The ``audiences`` option: a list of distinct ids, most open first (``None``: none)."""
    if value is None:
        return Audiences()
    if not isinstance(value, list) or not value:  # a single name too: the build refuses it
        raise ValueError(f"'audiences' must be a list of names, most open first, e.g. "
                         f"[public, partners, internal]; found {value!r}")
    names: list[str] = []
    for item in value:
        name = str(item).strip() if isinstance(item, (str, int)) else ""
        if not is_slug(name):
            raise ValueError(f"'audiences' holds {item!r}: an audience is named by lowercase "
                             "letters, digits and hyphens, e.g. partners")
        if name in names:
            raise ValueError(f"'audiences' names '{name}' twice; each audience once, most open "
                             "first")
        names.append(name)
    return Audiences(tuple(names))


def chosen_audience(audiences: Audiences, value: object, option: str = "audience") -> str:
    """The audience a build is for: ``value`` if declared, the most open one when not given."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return audiences.most_open
    name = str(value).strip()
    if not audiences.declared:
        raise ValueError(f"'{option}' is '{name}' but the dossier declares no audiences; "
                         + DECLARE_HINT)
    if name not in audiences.names:
        raise ValueError(f"'{option}' is '{name}'{did_you_mean(name, audiences.names)}; the "
                         f"dossier's audiences are: {', '.join(audiences.names)}")
    return name


# -- checks ------------------------------------------------------------------------------------
def check_audiences(
    dossier: Dossier, audiences: Audiences, body_lines: dict[str, int] | None = None
) -> Diagnostics:
    """Every problem of the dossier's audience marks (see the module's text).

    ``body_lines`` gives the line each file's text starts on (by its shown path), so that a
    link in an actor's or topic's text is reported at its line."""
    diags = Diagnostics()
    for mark in _marks(dossier):
        _check_name(mark, audiences, diags)
    if not audiences.declared or len(audiences.names) == 1:
        return diags
    _Leaks(dossier, audiences, diags, body_lines or {}).check()
    return diags


def _marks(dossier: Dossier) -> Iterator[AudienceMark]:
    marks: list[AudienceMark | None] = [a.audience for a in dossier.actors.values()]
    marks += [t.audience for t in dossier.topics.values()]
    for brief in dossier.briefs.values():
        marks.append(brief.audience)
        marks += [p.audience for p in brief.positions]
        marks += [e.audience for e in brief.events]
        marks += [q.audience for q in brief.questions]
    return (mark for mark in marks if mark is not None)


def _check_name(mark: AudienceMark, audiences: Audiences, diags: Diagnostics) -> None:
    if mark.name == NO_VALUE:
        return  # written with no value: reported where it was read
    if not audiences.declared:
        diags.error(mark.location, f"'audience' is '{mark.name}' but the dossier declares no "
                    f"audiences; {DECLARE_HINT}, or remove 'audience'", "undeclared-audience")
    elif mark.name not in audiences.names:
        diags.error(mark.location, f"unknown audience '{mark.name}'"
                    f"{did_you_mean(mark.name, audiences.names)}; the dossier's audiences are: "
                    f"{', '.join(audiences.names)}", "unknown-audience")


class _Leaks:
    """What a more open item would show of a more restricted one."""

    def __init__(
        self, dossier: Dossier, audiences: Audiences, diags: Diagnostics,
        body_lines: dict[str, int],
    ) -> None:
        self.body_lines = body_lines
        self.dossier = dossier
        self.audiences = audiences
        self.diags = diags
        self.actors = {k: audiences.mark_rank(a.audience) for k, a in dossier.actors.items()}
        self.topics = {k: audiences.mark_rank(t.audience) for k, t in dossier.topics.items()}
        self.briefs = {k: audiences.mark_rank(b.audience) for k, b in dossier.briefs.items()}
        # (question, hypothesis) → the most open rank of an entry that declares it
        self.hypotheses: dict[tuple[str, str], int] = {}
        for brief in dossier.briefs.values():
            for entry in brief.questions:
                declared = audiences.effective(entry.audience, self.briefs[brief.id])
                for hypothesis in entry.hypotheses:
                    key = (entry.question, hypothesis.id)
                    self.hypotheses[key] = min(self.hypotheses.get(key, declared), declared)

    def name(self, rank: int) -> str:
        names = self.audiences.names
        return names[rank] if rank < len(names) else "unknown"

    def check(self) -> None:
        for brief in self.dossier.briefs.values():
            self._brief(brief)
        for actor in self.dossier.actors.values():
            rank = self.actors[actor.id]
            self._refs(actor.location, rank, "actor", actor.affiliations, self.actors,
                       f"actor '{actor.id}'", "affiliated to")
            self._links(actor.body, actor.location.path, f"actors/{actor.id}.md", rank)
        for topic in self.dossier.topics.values():
            self._links(topic.body, topic.location.path, f"topics/{topic.id}.md",
                        self.topics[topic.id])
        for question in self.dossier.questions.values():
            self._question_text(question)
        self._named_only_higher()

    def _brief(self, brief: Brief) -> None:
        rank = self.briefs[brief.id]
        where = brief.audience.location if brief.audience else brief.location
        what = f"brief '{brief.id}'"
        self._refs(where, rank, "actor", brief.actors, self.actors, what, "lists")
        self._refs(where, rank, "topic", brief.topics, self.topics, what, "lists")
        items: list[tuple[str, Position | Event | QuestionEntry]] = [
            ("position", p) for p in brief.positions]
        items += [("event", e) for e in brief.events]
        items += [("question entry", q) for q in brief.questions]
        for kind, item in items:
            own = self.audiences.mark_rank(item.audience)
            if item.audience is not None and own < rank:
                self.diags.error(
                    item.audience.location,
                    f"this {kind} is for '{item.audience.name}' but its brief is for "
                    f"'{self.name(rank)}': nothing in a brief reaches more readers than the "
                    f"brief; remove its 'audience', or move it to a brief for "
                    f"'{item.audience.name}'", "audience-wider-than-brief")
            effective = max(own, rank)
            label = f"this {kind} (for '{self.name(effective)}')"
            if isinstance(item, Position):
                actors: tuple[str, ...] = (item.actor,)
                topics: tuple[str, ...] = (item.topic,)
            elif isinstance(item, Event):
                actors, topics = item.actors, ()
            else:
                actors, topics = item.actors, item.topics
            self._refs(item.location, effective, "actor", actors, self.actors, label, "names")
            self._refs(item.location, effective, "topic", topics, self.topics, label, "names")
            if isinstance(item, QuestionEntry):
                self._ratings(item, effective)

    def _ratings(self, entry: QuestionEntry, rank: int) -> None:
        """A rating read by more people than the hypothesis it rates would publish the
        hypothesis's id (and that it exists) where its statement is left out."""
        for rating in entry.evidence:
            declared = self.hypotheses.get((entry.question, rating.hypothesis))
            if declared is not None and declared > rank:
                self.diags.error(
                    rating.location,
                    f"this rating (for '{self.name(rank)}') rates hypothesis "
                    f"'{rating.hypothesis}', which only entries for '{self.name(declared)}' "
                    "declare: its readers would see a hypothesis they may not read; raise the "
                    "audience of this entry, or declare the hypothesis where they can read it",
                    "audience-leak")

    def _refs(
        self, where: Location, rank: int, kind: str, ids: Iterable[str], ranks: dict[str, int],
        what: str, verb: str,
    ) -> None:
        for ident in ids:
            other = ranks.get(ident, 0)
            if other > rank:
                self.diags.error(
                    where,
                    f"{what} is for '{self.name(rank)}' but {verb} {kind} '{ident}', which is "
                    f"for '{self.name(other)}' only: its readers would learn of it; raise the "
                    f"audience here, or open up the {kind}'s", "audience-leak")

    def _links(self, body: str, path: str, src: str, rank: int) -> None:
        if "](" not in body and "]:" not in body:
            return
        first = self.body_lines.get(path, 1)
        for index, column, target in link_targets(body):
            try:
                parts = urlsplit(target)
            except ValueError:
                continue
            if parts.scheme or parts.netloc or not parts.path:
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), parts.path))
            folder, _, name = resolved.partition("/")
            ranks = {"briefs": self.briefs, "actors": self.actors, "topics": self.topics}
            other = ranks.get(folder, {}).get(posixpath.splitext(name)[0], 0)
            if other > rank:
                self.diags.error(
                    Location(path, first + index, column + 1),
                    f"link '{target}' leads to '{resolved}', which is for "
                    f"'{self.name(other)}' only: the site for '{self.name(rank)}' has no such "
                    "page; remove the link, or raise this file's audience", "audience-leak")

    def _named_only_higher(self) -> None:
        """A note for an actor or topic that only more restricted items name: its page on a
        more open site lists none of them, but tells its readers that it is followed."""
        lowest: dict[tuple[str, str], int] = {}

        def seen(kind: str, ids: Iterable[str], rank: int) -> None:
            for ident in ids:
                key = (kind, ident)
                lowest[key] = min(lowest.get(key, rank), rank)

        for brief in self.dossier.briefs.values():
            rank = self.briefs[brief.id]
            seen("actor", brief.actors, rank)
            seen("topic", brief.topics, rank)
            for p in brief.positions:
                effective = self.audiences.effective(p.audience, rank)
                seen("actor", (p.actor,), effective)
                seen("topic", (p.topic,), effective)
            for e in brief.events:
                seen("actor", e.actors, self.audiences.effective(e.audience, rank))
            for q in brief.questions:
                effective = self.audiences.effective(q.audience, rank)
                seen("actor", q.actors, effective)
                seen("topic", q.topics, effective)
        holders = [("actor", a.id, a.location, self.actors[a.id])
                   for a in self.dossier.actors.values()]
        holders += [("topic", t.id, t.location, self.topics[t.id])
                    for t in self.dossier.topics.values()]
        for kind, ident, where, own in holders:
            first = lowest.get((kind, ident))
            if first is not None and first > own:
                self.diags.note(
                    where,
                    f"{kind} '{ident}' is for '{self.name(own)}' but only what is for "
                    f"'{self.name(first)}' names it: the '{self.name(own)}' site shows its "
                    f"page with nothing on it; if even its being followed is not for those "
                    f"readers, give it 'audience: {self.name(first)}'", "audience-only-higher")

    def _question_text(self, question: Question) -> None:
        """Each audience's earliest entry of a question must give the question's text."""
        reported: set[int] = set()
        for level in range(len(self.audiences.names)):
            seen = [e for e in question.entries if self._entry_rank(e) <= level]
            if seen and not seen[0].text and id(seen[0]) not in reported:
                reported.add(id(seen[0]))
                self.diags.error(
                    seen[0].location,
                    f"question '{question.id}' is first raised here for "
                    f"'{self.name(level)}' (its earlier entries are for more restricted "
                    "audiences), so this entry needs a 'text'; give the question's text here",
                    "missing-field")

    def _entry_rank(self, entry: QuestionEntry) -> int:
        return self.audiences.effective(entry.audience, self.briefs.get(entry.brief, 0))


# -- restriction -------------------------------------------------------------------------------
def restrict(dossier: Dossier, audiences: Audiences, audience: str) -> Dossier:
    """The dossier as the readers of ``audience`` may see it; ``dossier`` is not changed.

    Briefs, actors and topics above the audience are left out, and so are the positions,
    events and question entries above it inside the briefs kept. Questions are merged again
    from the entries kept (their text, status and answer are what those entries give),
    corroborated records are grouped again from the briefs kept (so a claim loses the
    sources its readers may not see, and its best grade is theirs), and references to an
    actor or topic left out are dropped (validation has reported each as an error).
    """
    if not audiences.declared:
        return dossier
    if audience not in audiences.names:  # never "everything" for a misspelt audience
        raise ValueError(f"'{audience}' is not one of the audiences {', '.join(audiences.names)}")
    level = audiences.rank(audience)
    actors = {k: a for k, a in dossier.actors.items()
              if audiences.mark_rank(a.audience) <= level}
    actors = {k: a if all(f in actors for f in a.affiliations) else
              replace(a, affiliations=tuple(f for f in a.affiliations if f in actors))
              for k, a in actors.items()}
    topics = {k: t for k, t in dossier.topics.items()
              if audiences.mark_rank(t.audience) <= level}
    briefs: dict[str, Brief] = {}
    for key, brief in dossier.briefs.items():
        rank = audiences.mark_rank(brief.audience)
        if rank <= level:
            briefs[key] = _restricted_brief(brief, audiences, rank, level, actors, topics)
    event_records, position_records = build_records(briefs.values())
    return replace(
        dossier, briefs=briefs, actors=actors, topics=topics,
        questions=_questions(dossier.questions, briefs),
        event_records=event_records, position_records=position_records,
    )


def _restricted_brief(
    brief: Brief, audiences: Audiences, rank: int, level: int, actors: Container[str],
    topics: Container[str],
) -> Brief:
    def kept(mark: AudienceMark | None) -> bool:
        return audiences.effective(mark, rank) <= level

    positions = tuple(p for p in brief.positions
                      if kept(p.audience) and p.actor in actors and p.topic in topics)
    events = tuple(replace(e, actors=_known(e.actors, actors)) if _known(e.actors, actors)
                   != e.actors else e for e in brief.events if kept(e.audience))
    questions = tuple(
        replace(q, actors=_known(q.actors, actors), topics=_known(q.topics, topics))
        if (_known(q.actors, actors), _known(q.topics, topics)) != (q.actors, q.topics) else q
        for q in brief.questions if kept(q.audience))
    same = (positions == brief.positions and events == brief.events
            and questions == brief.questions and _known(brief.actors, actors) == brief.actors
            and _known(brief.topics, topics) == brief.topics)
    if same:
        return brief
    return replace(brief, positions=positions, events=events, questions=questions,
                   actors=_known(brief.actors, actors), topics=_known(brief.topics, topics))


def _known(ids: tuple[str, ...], kept: Container[str]) -> tuple[str, ...]:
    return tuple(i for i in ids if i in kept)


def _questions(questions: dict[str, Question], briefs: dict[str, Brief]) -> dict[str, Question]:
    """Each question from the entries of the briefs kept; none when no entry is left."""
    kept_entries = {(q.question, b.id): q for b in briefs.values() for q in b.questions}
    result: dict[str, Question] = {}
    for ident, question in questions.items():
        entries = tuple(kept_entries[(ident, e.brief)] for e in question.entries
                        if (ident, e.brief) in kept_entries)
        text = next((e.text for e in entries if e.text), "")
        if not text:
            continue
        result[ident] = replace(
            question, text=text, entries=entries,
            actors=tuple(dict.fromkeys(a for e in entries for a in e.actors)),
            topics=tuple(dict.fromkeys(t for e in entries for t in e.topics)),
        )
    return result
