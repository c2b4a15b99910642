"""The "needs review" page: stale positions, questions past their review date, quiet actors."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from briefbook.index.review import ReviewList, ReviewRules, needs_review
from briefbook.model.dates import FuzzyDate
from briefbook.views.context import Chip, ViewContext
from briefbook.views.page import PageDoc
from briefbook.views.registry import GeneratedPage, PageKind

SECTION = "review"


@dataclass(frozen=True)
class ReviewRow:
    """One line of the page: what, where it was last said, and how long ago."""

    subject: list[Chip]
    brief: Chip | None
    text: str
    days: int | None


def review_pages(ctx: ViewContext, rules: ReviewRules, limit: int = 200) -> list[GeneratedPage]:
    """``review/``, in the navigation; each list shows its ``limit`` oldest items (0: all)."""
    src = ctx.urls.section_src(SECTION)
    return [GeneratedPage(src, PageKind.REVIEW, partial(review_page, ctx, rules, limit),
                          in_nav=True)]


def review_page(ctx: ViewContext, rules: ReviewRules, limit: int = 200) -> PageDoc:
    """The page for ``rules.today``: the same dossier and day always give the same page."""
    src = ctx.urls.section_src(SECTION)
    found: ReviewList = needs_review(ctx.dossier, rules)
    briefs = ctx.dossier.briefs
    doc = PageDoc(src, ctx.t("review"))
    today = FuzzyDate(rules.today.year, rules.today.month, rules.today.day)
    # the lists repeat claims other pages own, and change with the day: kept out of search
    doc.html(ctx.render("review_intro.html", found=found, rules=rules, today=today),
             searchable=False)
    positions = [
        ReviewRow(
            [ctx.actor_chip(src, s.position.actor), ctx.topic_chip(src, s.position.topic)],
            ctx.brief_link(src, briefs[s.position.brief]) if s.position.brief in briefs else None,
            ctx.t("review_position_text", stance=ctx.t.label(s.position.stance),
                  summary=s.position.summary),
            s.days,
        )
        for s in found.positions
    ]
    questions = [
        ReviewRow(
            [], ctx.brief_link(src, briefs[o.question.latest.brief])
            if o.question.latest.brief in briefs else None,
            o.question.text, o.days,
        )
        for o in found.questions
    ]
    question_links = [ctx.question_url(src, o.question.id) for o in found.questions]
    actors = [
        ReviewRow([ctx.actor_chip(src, a.actor)],
                  ctx.brief_link(src, a.last_brief) if a.last_brief else None, "", a.days)
        for a in found.actors
    ]
    for heading, rows, kind in ((ctx.t("review_positions"), positions, "position"),
                                (ctx.t("review_questions"), questions, "question"),
                                (ctx.t("review_actors"), actors, "actor")):
        doc.heading(heading)
        shown = rows[:limit] if limit else rows
        doc.html(ctx.render("review_list.html", rows=shown, kind=kind, rules=rules,
                            links=question_links if kind == "question" else [],
                            more=len(rows) - len(shown)),
                 searchable=False)
    return doc
