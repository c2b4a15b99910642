"""The page of one actor: who they are, where they stand, what they did, who speaks of them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import partial
from itertools import pairwise
from typing import TypedDict

from briefbook.index.mention_index import Excerpt
from briefbook.index.related import related_actors
from briefbook.model.dossier import Actor, Brief, Position, Question, QuestionStatus, Stance
from briefbook.model.html_scan import prepared
from briefbook.model.values import is_wikidata_id
from briefbook.views.brief import PositionRow, event_rows, position_rows
from briefbook.views.claims import unique_events
from briefbook.views.context import Chip, ViewContext
from briefbook.views.page import Listing, PageDoc
from briefbook.views.paging import PagerWording, pager
from briefbook.views.pictures.dossier_pictures import actor_stances_picture
from briefbook.views.registry import GeneratedPage, PageKind

WIKIDATA_URL = "https://www.wikidata.org/wiki/"


@dataclass(frozen=True)
class Identifier:
    """An external identifier; ``url`` is set only for a Wikidata Q-id."""

    scheme: str
    value: str
    url: str


class ActorHeader(TypedDict):
    """What the actor header shows besides the actor itself."""

    kind_label: str
    identifiers: list[Identifier]
    affiliations: list[Chip]
    members: list[Chip]


@dataclass(frozen=True)
class PositionGroup:
    """An actor's positions on one topic, newest first; ``hidden`` more are not shown."""

    topic: Chip
    latest: Position
    rows: list[PositionRow]
    hidden: int


@dataclass(frozen=True)
class ActorBriefRow:
    """A brief that lists or names the actor, with how often and where its text names it."""

    brief: Brief
    link: Chip
    listed: bool
    count: int
    excerpt: Excerpt | None


@dataclass(frozen=True)
class RelatedActorRow:
    actor: Chip
    count: int


@dataclass(frozen=True)
class ActorQuestionRow:
    """An open question about the actor, where it is tracked and the brief that raised it."""

    question: Question
    url: str | None
    raised: Chip | None


@dataclass(frozen=True)
class ActorPageOptions:
    """Limits that keep an actor page bounded however large the dossier grows."""

    page_size: int = 50  # briefs listed per page; more continue on actors/<id>/briefs/2/ …
    positions_per_topic: int = 10  # newest positions shown per topic
    events_limit: int = 50  # most recent events shown (the timeline has them all)
    related_actors: int = 8


def actor_pages(
    ctx: ViewContext,
    actor: Actor,
    cooccurrence: dict[str, Counter[str]],
    options: ActorPageOptions | None = None,
) -> list[GeneratedPage]:
    """``actors/<id>/`` and, when the actor's briefs fill more than a page, their next pages."""
    options = options or ActorPageOptions()
    about = ctx.index.briefs_about(actor.id)
    pages = max(1, -(-len(about) // options.page_size))
    srcs = [ctx.urls.actor_briefs_src(actor.id, n) for n in range(1, pages + 1)]
    main = GeneratedPage(srcs[0], PageKind.ACTOR,
                         partial(actor_page, ctx, actor, cooccurrence, options, about, srcs),
                         subject=actor.id)
    return [main, *(
        GeneratedPage(srcs[number - 1], PageKind.ACTOR_BRIEFS,
                      partial(actor_briefs_page, ctx, actor, about, srcs, number,
                              options.page_size),
                      subject=actor.id)
        for number in range(2, pages + 1)
    )]


def actor_page(
    ctx: ViewContext,
    actor: Actor,
    cooccurrence: dict[str, Counter[str]],
    options: ActorPageOptions,
    about: list[tuple[Brief, bool]],
    briefs_srcs: list[str],
) -> PageDoc:
    """``actors/<id>/``; the briefs ``about`` it continue on the pages at ``briefs_srcs[1:]``."""
    src = briefs_srcs[0]
    doc = PageDoc(src, actor.name)
    doc.html(ctx.render("actor_header.html", actor=actor, **header_context(ctx, src, actor)))
    if actor.body.strip():
        doc.heading(ctx.t("profile"))
        doc.md(prepared(actor.body), sanitize=bool(ctx.options.get("sanitize", False)))
    positions = ctx.index.positions_by_actor.get(actor.id, [])
    events = unique_events(ctx, ctx.index.events_by_actor.get(actor.id, []))
    shown = events[-options.events_limit :] if options.events_limit > 0 else []
    if positions or shown:  # a filter only where the page lists claims it can hide
        doc.html(ctx.render("grade_filter.html"), searchable=False)
    if positions:
        doc.heading(ctx.t("positions"))
        doc.listings.add(Listing.POSITIONS)
        groups = position_groups(ctx, src, positions, options.positions_per_topic)
        doc.html(ctx.render("actor_positions.html", groups=groups), searchable=False)
        strips = actor_stances_picture(ctx, src, actor) \
            if ctx.options.get("stances_over_time", True) else ""
        if strips:
            doc.heading(ctx.t("stances_over_time"))
            doc.html(strips, searchable=False)
    if events:
        doc.heading(ctx.t("events"))
        doc.listings.add(Listing.EVENTS)
        doc.html(ctx.render(
            "events.html", rows=event_rows(ctx, src, shown, show_brief=True),
        ), searchable=False)
        if len(shown) < len(events):
            doc.html(ctx.render(
                "actor_more.html",
                text=ctx.t("events_shown", shown=len(shown), total=len(events)),
                url=_filtered_timeline(ctx, src, actor.id),
                label=ctx.t("see_timeline"),
            ))
    if about:
        doc.heading(ctx.t("briefs"))
        doc.listings.add(Listing.BRIEFS)
        doc.html(briefs_block(ctx, actor, about, briefs_srcs, 1, options.page_size),
                 searchable=False)
    related = related_actors(cooccurrence, actor.id, options.related_actors)
    if related:
        doc.heading(ctx.t("related_actors"))
        rows = [RelatedActorRow(ctx.actor_chip(src, other), n) for other, n in related]
        doc.html(ctx.render("actor_related.html", rows=rows), searchable=False)
    questions = [
        q for q in ctx.index.questions_by_actor.get(actor.id, [])
        if q.status is QuestionStatus.OPEN
    ]
    if questions:
        doc.heading(ctx.t("open_questions"))
        doc.listings.add(Listing.QUESTIONS)
        doc.html(ctx.render("actor_questions.html", rows=question_rows(ctx, src, questions)),
                 searchable=False)
    return doc


def actor_briefs_page(
    ctx: ViewContext, actor: Actor, about: list[tuple[Brief, bool]], srcs: list[str],
    number: int, size: int,
) -> PageDoc:
    """Page ``number`` (2 or more) of the briefs ``about`` an actor, whose pages are at
    ``srcs``."""
    src = srcs[number - 1]
    title = ctx.t("briefs_about", name=actor.name)
    page = PageDoc(src, title)
    page.html(ctx.render("actor_briefs_page.html", title=title,
                         actor=ctx.actor_chip(src, actor.id)))
    page.html(briefs_block(ctx, actor, about, srcs, number, size),
              searchable=False)
    return page


def header_context(ctx: ViewContext, src: str, actor: Actor) -> ActorHeader:
    """Chips for affiliations both ways, and external identifiers.

    Only a Wikidata Q-id becomes a link; every other identifier is shown as text, so no
    address is ever built from a value the dossier does not constrain.
    """
    identifiers: list[Identifier] = []
    for scheme, value in actor.external_ids.items():
        linked = scheme == "wikidata" and is_wikidata_id(value)
        url = WIKIDATA_URL + value if linked else ""
        identifiers.append(Identifier(scheme, value, url))
    members = sorted(
        ctx.index.members.get(actor.id, []),
        key=lambda a: ctx.dossier.actors[a].name.casefold() if a in ctx.dossier.actors else a,
    )
    return ActorHeader(
        kind_label=ctx.t.label(actor.kind),
        identifiers=identifiers,
        affiliations=[ctx.actor_chip(src, a) for a in actor.affiliations],
        members=[ctx.actor_chip(src, a) for a in members],
    )


def position_groups(
    ctx: ViewContext, src: str, positions: list[Position], per_topic: int
) -> list[PositionGroup]:
    """Positions grouped by topic, newest first, each marked when its stance changed.

    Groups come in order of their latest position. A position's stance "changed" when it differs
    from the one before it in time on the same topic.
    """
    order = ctx.index.brief_order
    by_topic: dict[str, list[Position]] = defaultdict(list)
    for position in positions:
        by_topic[position.topic].append(position)
    groups = []
    for topic, items in by_topic.items():
        items.sort(key=lambda p: (p.date.sort_key, -order.get(p.brief, 0)))
        changed_from: list[Stance | None] = [None]
        changed_from += [
            before.stance if before.stance is not now.stance else None
            for before, now in pairwise(items)
        ]
        newest_first = list(zip(reversed(items), reversed(changed_from), strict=True))
        shown = newest_first[:per_topic] if per_topic > 0 else newest_first
        rows = [
            replace(row, changed_from=before)
            for row, (_, before) in zip(
                position_rows(ctx, src, [p for p, _ in shown], show_brief=True), shown,
                strict=True,
            )
        ]
        groups.append(PositionGroup(
            topic=ctx.topic_chip(src, topic),
            latest=items[-1],
            rows=rows,
            hidden=len(items) - len(shown),
        ))
    groups.sort(key=lambda g: (g.latest.date.sort_key, -order.get(g.latest.brief, 0)),
                reverse=True)
    return groups


def briefs_block(
    ctx: ViewContext, actor: Actor, about: list[tuple[Brief, bool]], srcs: list[str],
    number: int, size: int,
) -> str:
    """Page ``number`` of the briefs that list or name ``actor`` (whose pages are at
    ``srcs``), with counts, excerpts and a pager."""
    src = srcs[number - 1]
    rows = []
    for brief, listed in about[(number - 1) * size : number * size]:
        stat = ctx.index.mentions_by_brief.get(brief.id, {}).get(actor.id)
        rows.append(ActorBriefRow(
            brief=brief,
            link=ctx.brief_link(src, brief),
            listed=listed,
            count=stat.count if stat else 0,
            excerpt=stat.excerpt if stat else None,
        ))
    return ctx.render("actor_briefs.html", rows=rows, total=len(about),
                      pager=pager(ctx, src, number, srcs, PagerWording.NEWER_OLDER))


def question_rows(
    ctx: ViewContext, src: str, questions: Iterable[Question]
) -> list[ActorQuestionRow]:
    """Open questions with a link to where they are tracked, and the brief that raised them."""
    rows = []
    for question in questions:
        raised = ctx.dossier.briefs.get(question.raised.brief)
        url = ctx.question_url(src, question.id)
        if url is None and raised is not None:
            url = ctx.urls.brief(src, raised.id, anchor=f"q-{question.id}")
        rows.append(ActorQuestionRow(
            question=question,
            url=url,
            raised=ctx.brief_link(src, raised) if raised else None,
        ))
    return rows


def _filtered_timeline(ctx: ViewContext, src: str, actor_id: str) -> str | None:
    """The timeline filtered to one actor (its filter reads ``?actor=`` from the address)."""
    url = ctx.urls.section(src, "timeline")
    return f"{url}?actor={actor_id}" if url else None
