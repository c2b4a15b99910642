"""The register of questions: open first, each with its trail of evidence and its answer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from briefbook.i18n.key_tables import QUESTION_STATUS_HEADING
from briefbook.model.dossier import Question, QuestionEntry, QuestionStatus, Source
from briefbook.model.grading import Grade
from briefbook.views.context import Chip, ViewContext
from briefbook.views.hypotheses import hypotheses_src
from briefbook.views.page import PageDoc
from briefbook.views.paging import chunked, pager, section_page_srcs
from briefbook.views.registry import GeneratedPage, PageKind

SECTION = "questions"
STATUS_ORDER = (QuestionStatus.OPEN, QuestionStatus.ANSWERED, QuestionStatus.MOOT)


@dataclass(frozen=True)
class TrailRow:
    """One entry of a question's trail, with its brief (None when not in the dossier)."""

    entry: QuestionEntry
    brief: Chip | None
    source: Source | None
    grade: Grade | None


@dataclass(frozen=True)
class QuestionCard:
    """A question in the register: where it was raised, its trail and its answer."""

    question: Question
    raised: TrailRow | None
    trail: list[TrailRow]
    answer: TrailRow | None
    actors: list[Chip]
    topics: list[Chip]
    hypotheses_url: str | None = None  # the page of its competing hypotheses, if it has any


def ordered_questions(questions: list[Question]) -> list[Question]:
    """Open, then answered, then moot; within a status the most recently discussed first."""
    rank = {status: number for number, status in enumerate(STATUS_ORDER)}
    by_id = sorted(questions, key=lambda q: q.id)
    by_recency = sorted(by_id, key=lambda q: q.latest.date.sort_key, reverse=True)
    return sorted(by_recency, key=lambda q: rank[q.status])


def question_chunks(ctx: ViewContext, page_size: int) -> list[list[Question]]:
    """The register split into pages of ``page_size`` questions (at least one, maybe empty)."""
    return chunked(ordered_questions(list(ctx.dossier.questions.values())), page_size)


def question_page_map(ctx: ViewContext, page_size: int) -> dict[str, str]:
    """Question id → source path of the register page that lists it."""
    return {
        question.id: ctx.urls.section_src(SECTION, number)
        for number, chunk in enumerate(question_chunks(ctx, page_size), start=1)
        for question in chunk
    }


def question_card(ctx: ViewContext, src: str, question: Question) -> QuestionCard:
    """Template data for one question: where it was raised, its trail and its answer."""
    briefs = ctx.dossier.briefs
    trail = [
        TrailRow(
            entry=entry,
            brief=ctx.brief_link(src, briefs[entry.brief]) if entry.brief in briefs else None,
            source=briefs[entry.brief].source if entry.brief in briefs else None,
            grade=briefs[entry.brief].grade if entry.brief in briefs else None,
        )
        for entry in question.entries
    ]
    answer = question.answer
    return QuestionCard(
        question=question,
        raised=trail[0] if trail else None,
        trail=trail,
        answer=next((row for row in trail if row.entry is answer), None),
        actors=[ctx.actor_chip(src, a) for a in question.actors],
        topics=[ctx.topic_chip(src, t) for t in question.topics],
        hypotheses_url=ctx.urls.link(src, hypotheses_src(question.id))
        if question.hypotheses and "questions" in ctx.urls.sections else None,
    )


def questions_pages(ctx: ViewContext, page_size: int = 100) -> list[GeneratedPage]:
    """``questions/`` (and ``questions/page/N/`` on large dossiers), grouped by status."""
    chunks = question_chunks(ctx, page_size)
    srcs = section_page_srcs(ctx, SECTION, len(chunks))
    return [
        GeneratedPage(src, PageKind.QUESTIONS, partial(questions_page, ctx, srcs, number, chunk),
                      in_nav=number == 1)
        for number, (src, chunk) in enumerate(zip(srcs, chunks, strict=True), start=1)
    ]


def questions_page(
    ctx: ViewContext, srcs: list[str], number: int, chunk: list[Question]
) -> PageDoc:
    """Page ``number`` of the register (whose pages are at ``srcs``), listing ``chunk``."""
    src = srcs[number - 1]
    counts = {status: ctx.counts.questions_by_status.get(status, 0) for status in STATUS_ORDER}
    doc = PageDoc(src, ctx.t("questions"))
    doc.html(ctx.render(
        "questions_intro.html", counts=counts, page=number, pages=len(srcs),
        total=ctx.counts.questions,
    ))
    for status in STATUS_ORDER:
        cards = [question_card(ctx, src, q) for q in chunk if q.status is status]
        if cards:
            doc.heading(ctx.t(QUESTION_STATUS_HEADING[status]))
            doc.html(ctx.render("questions.html", cards=cards))
    doc.html(ctx.render("pager.html", pager=pager(ctx, src, number, srcs)))
    return doc

