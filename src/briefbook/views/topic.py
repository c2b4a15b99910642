"""Topic pages: the list of topics, and one page per topic with who stands where on it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from briefbook.model.dossier import Position, Question, QuestionStatus, Stance, Topic
from briefbook.model.grading import Grade
from briefbook.model.html_scan import prepared
from briefbook.views.claims import grade_of
from briefbook.views.context import Chip, ViewContext
from briefbook.views.items import BriefItem, QuestionItem
from briefbook.views.page import Listing, PageDoc
from briefbook.views.pictures.dossier_pictures import topic_stances_picture
from briefbook.views.positions import StanceCell, stance_cell
from briefbook.views.questions import ordered_questions
from briefbook.views.registry import GeneratedPage, PageKind


@dataclass(frozen=True)
class TopicItem:
    """A topic on the list of topics, with how much the dossier says about it."""

    topic: Topic
    url: str | None
    briefs: int
    actors: int
    open: int


@dataclass(frozen=True)
class EarlierPosition:
    """A position an actor's current stance on the topic replaced."""

    position: Position
    brief: Chip | None
    grade: Grade | None


@dataclass(frozen=True)
class StanceRow:
    """An actor with a position on the topic: its current stance and the ones before."""

    actor: Chip
    cell: StanceCell
    earlier: list[EarlierPosition]


@dataclass(frozen=True)
class StanceGroup:
    """The actors whose current stance on the topic is ``stance``."""

    stance: Stance
    rows: list[StanceRow]


def topic_pages(ctx: ViewContext, briefs_limit: int = 100) -> list[GeneratedPage]:
    """``topics/`` and a page per topic, produced when they are rendered."""
    index = GeneratedPage(ctx.urls.section_src("topics"), PageKind.TOPICS_INDEX,
                          partial(topics_index_page, ctx), in_nav=True)
    return [index, *(
        GeneratedPage(ctx.urls.topic_src(topic.id), PageKind.TOPIC,
                      partial(topic_page, ctx, topic, briefs_limit), subject=topic.id)
        for topic in ctx.dossier.topics.values()
    )]


def topics_index_page(ctx: ViewContext) -> PageDoc:
    """``topics/``: every topic with its summary and how much the dossier says about it."""
    src = ctx.urls.section_src("topics")
    doc = PageDoc(src, ctx.t("topics"))
    items = [
        TopicItem(
            topic=topic,
            url=ctx.urls.topic(src, topic.id),
            briefs=len(ctx.index.briefs_by_topic.get(topic.id, ())),
            actors=len({p.actor for p in ctx.index.positions_by_topic.get(topic.id, ())}),
            open=sum(1 for q in ctx.index.questions_by_topic.get(topic.id, ()) if _is_open(q)),
        )
        for topic in ctx.dossier.topics.values()
    ]
    doc.html(ctx.render("topics_index.html", items=items), searchable=False)
    return doc


def topic_page(ctx: ViewContext, topic: Topic, briefs_limit: int = 100) -> PageDoc:
    """``topics/<id>/``: text, positions grouped by current stance, questions, briefs.

    The timeline plugin appends the topic's events to pages of kind ``PageKind.TOPIC``.
    """
    src = ctx.urls.topic_src(topic.id)
    doc = PageDoc(src, topic.title)
    briefs = ctx.index.briefs_by_topic.get(topic.id, [])
    questions = ordered_questions(list(ctx.index.questions_by_topic.get(topic.id, ())))
    doc.html(ctx.render("topic_header.html", topic=topic, briefs=len(briefs),
                        questions=len(questions)))
    if topic.body:
        doc.md(prepared(topic.body), sanitize=bool(ctx.options.get("sanitize", False)))
    groups = stance_groups(ctx, src, topic.id)
    if groups:
        doc.heading(ctx.t("positions"))
        doc.listings.add(Listing.POSITIONS)
        doc.html(ctx.render("topic_positions.html", groups=groups), searchable=False)
        strips = topic_stances_picture(ctx, src, topic.id, topic.title) \
            if ctx.options.get("stances_over_time", True) else ""
        if strips:
            doc.heading(ctx.t("stances_over_time"))
            doc.html(strips, searchable=False)
    if questions:
        doc.heading(ctx.t("questions"))
        doc.listings.add(Listing.QUESTIONS)
        doc.html(ctx.render("question_list.html", rows=question_links(ctx, src, questions)),
                 searchable=False)
    if briefs:
        doc.heading(ctx.t("briefs"))
        doc.listings.add(Listing.BRIEFS)
        doc.html(ctx.render(
            "brief_list.html",
            items=[BriefItem(b, ctx.urls.brief(src, b.id)) for b in briefs[:briefs_limit]],
            more=max(0, len(briefs) - briefs_limit),
            all_url=ctx.urls.section(src, "briefs"),
        ), searchable=False)
    return doc


def stance_groups(ctx: ViewContext, src: str, topic_id: str) -> list[StanceGroup]:
    """Actors with a position on the topic, grouped by their current stance.

    Each actor appears once, with its latest position and the earlier ones it replaced.
    """
    actors = dict.fromkeys(p.actor for p in ctx.index.positions_by_topic.get(topic_id, ()))
    by_stance: dict[Stance, list[StanceRow]] = {}
    for actor in actors:
        record = ctx.stances[(actor, topic_id)]
        by_stance.setdefault(record.stance, []).append(StanceRow(
            actor=ctx.actor_chip(src, actor),
            cell=stance_cell(ctx, src, record),
            earlier=[
                EarlierPosition(p, _brief_chip(ctx, src, p.brief), grade_of(ctx, p.brief))
                for p in reversed(record.history[:-1])
            ],
        ))
    return [StanceGroup(stance, by_stance[stance]) for stance in Stance if stance in by_stance]


def question_links(
    ctx: ViewContext, src: str, questions: list[Question]
) -> list[QuestionItem]:
    """Rows linking questions to their entry in the register."""
    return [QuestionItem(q, ctx.question_url(src, q.id)) for q in questions]


def _brief_chip(ctx: ViewContext, src: str, brief_id: str) -> Chip | None:
    brief = ctx.dossier.briefs.get(brief_id)
    return ctx.brief_link(src, brief) if brief else None


def _is_open(question: Question) -> bool:
    return question.status is QuestionStatus.OPEN
