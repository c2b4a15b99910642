"""``changes/``: what changed in the dossier, week by week, newest week first.

The latest ``weeks_per_page`` weeks are on ``changes/``, older ones on ``changes/page/N/``; in a
week, each list shows at most ``items_limit`` entries, so no page grows without bound. The Atom
feed ``changes.xml`` (:mod:`briefbook.export.atom`) carries the same weeks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from briefbook.i18n.key_tables import KeyTable
from briefbook.model.dates import FuzzyDate
from briefbook.model.dossier import Position
from briefbook.model.grading import Grade
from briefbook.views.claims import grade_of
from briefbook.views.context import Chip, ViewContext
from briefbook.views.history import (
    QuestionChange,
    QuestionChangeKind,
    StanceChange,
    Week,
    dossier_history,
)
from briefbook.views.items import BriefItem
from briefbook.views.page import PageDoc
from briefbook.views.paging import chunked, pager, section_page_srcs
from briefbook.views.registry import GeneratedPage, PageKind

SECTION = "changes"
QUESTION_CHANGE = KeyTable("question change", QuestionChangeKind, {
    QuestionChangeKind.OPENED: "question_opened",
    QuestionChangeKind.ANSWERED: "question_answered",
    QuestionChangeKind.MOOT: "question_moot",
    QuestionChangeKind.REOPENED: "question_reopened",
})


@dataclass(frozen=True)
class WeekBrief:
    """A brief a change comes from: its link (None when it is not in the dossier), grade and
    date."""

    link: Chip | None
    id: str
    grade: Grade | None
    date: FuzzyDate | None


@dataclass(frozen=True)
class WeekStanceChange:
    """A change of stance in a week: who, on what, from which position to which."""

    actor: Chip
    topic: Chip
    before: Position
    after: Position
    before_brief: WeekBrief
    after_brief: WeekBrief


@dataclass(frozen=True)
class WeekQuestionChange:
    """A question opened, answered, dropped or reopened in a week."""

    change: QuestionChange
    label: str
    url: str | None
    brief: WeekBrief


@dataclass(frozen=True)
class WeekData:
    """One week of ``changes/`` (and of the Atom feed): each list capped, with what is left
    counted."""

    week: Week
    title: str
    span: str
    briefs: list[BriefItem]
    more_briefs: int
    stances: list[WeekStanceChange]
    more_stances: int
    questions: list[WeekQuestionChange]
    more_questions: int
    actors: list[Chip]
    more_actors: int


def history(ctx: ViewContext) -> list[Week]:
    """The dossier's weeks, newest first; compute once per build and hand to the functions
    below."""
    return dossier_history(ctx.index, ctx.stances)


def week_title(ctx: ViewContext, week: Week) -> str:
    return ctx.t("week_title", number=week.number, year=week.year)


def week_span(ctx: ViewContext, week: Week) -> str:
    start = FuzzyDate(week.start.year, week.start.month, week.start.day)
    end = FuzzyDate(week.end.year, week.end.month, week.end.day)
    return ctx.renderer.format_range(start, end)


def week_data(ctx: ViewContext, src: str, week: Week, limit: int) -> WeekData:
    """Template data for one week, links relative to the page at ``src``."""
    briefs = ctx.dossier.briefs

    def brief(brief_id: str) -> WeekBrief:
        item = briefs.get(brief_id)
        return WeekBrief(
            link=ctx.brief_link(src, item) if item else None,
            id=brief_id,
            grade=item.grade if item else None,
            date=item.date if item else None,
        )

    def stance(change: StanceChange) -> WeekStanceChange:
        return WeekStanceChange(
            actor=ctx.actor_chip(src, change.after.actor),
            topic=ctx.topic_chip(src, change.after.topic),
            before=change.before,
            after=change.after,
            before_brief=brief(change.before.brief),
            after_brief=brief(change.after.brief),
        )

    def question(change: QuestionChange) -> WeekQuestionChange:
        return WeekQuestionChange(
            change=change,
            label=ctx.t(QUESTION_CHANGE[change.kind]),
            url=ctx.question_url(src, change.question.id),
            brief=brief(change.entry.brief),
        )

    return WeekData(
        week=week,
        title=week_title(ctx, week),
        span=week_span(ctx, week),
        briefs=[
            BriefItem(b, ctx.urls.brief(src, b.id), grade_of(ctx, b.id))
            for b in week.briefs[:limit]
        ],
        more_briefs=max(0, len(week.briefs) - limit),
        stances=[stance(c) for c in week.stance_changes[:limit]],
        more_stances=max(0, len(week.stance_changes) - limit),
        questions=[question(c) for c in week.questions[:limit]],
        more_questions=max(0, len(week.questions) - limit),
        actors=[ctx.actor_chip(src, a) for a in week.new_actors[:limit]],
        more_actors=max(0, len(week.new_actors) - limit),
    )


def changes_pages(
    ctx: ViewContext,
    weeks: list[Week],
    weeks_per_page: int = 8,
    items_limit: int = 50,
    feed: bool = True,
) -> list[GeneratedPage]:
    """``changes/`` and ``changes/page/N/``, newest weeks first."""
    chunks = chunked(weeks, weeks_per_page)
    srcs = section_page_srcs(ctx, SECTION, len(chunks))
    return [
        GeneratedPage(src, PageKind.CHANGES,
                      partial(changes_page, ctx, srcs, number, shown, items_limit, feed),
                      in_nav=number == 1)
        for number, (src, shown) in enumerate(zip(srcs, chunks, strict=True), start=1)
    ]


def changes_page(
    ctx: ViewContext, srcs: list[str], number: int, shown: list[Week], items_limit: int,
    feed: bool,
) -> PageDoc:
    """Page ``number`` of ``changes/`` (whose pages are at ``srcs``): the weeks ``shown``."""
    src = srcs[number - 1]
    doc = PageDoc(src, ctx.t("changes"))
    doc.html(ctx.render(
        "changes.html",
        weeks=[week_data(ctx, src, week, items_limit) for week in shown],
        feed_url=ctx.urls.file(src, "changes.xml") if feed else None,
        pager=pager(ctx, src, number, srcs),
        total=len(ctx.dossier.briefs),
    ), searchable=False)  # titles and summaries the briefs' own pages hold
    return doc


def week_pages(ctx: ViewContext, weeks: list[Week], weeks_per_page: int) -> dict[str, str]:
    """Week key → source path of the ``changes/`` page that shows it."""
    return {
        week.key: ctx.urls.section_src(SECTION, number)
        for number, shown in enumerate(chunked(weeks, weeks_per_page), start=1)
        for week in shown
    }
