"""The page of one brief: header panel, the analyst's text, then positions, events, questions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from briefbook.model.dossier import Brief, Event, Position, Question, QuestionEntry, Stance
from briefbook.model.grading import Grade
from briefbook.model.html_scan import prepared
from briefbook.views.claims import (
    DateVariant,
    Provenance,
    SourceRef,
    StanceVersion,
    claim_grade,
    event_provenance,
    grade_of,
    position_provenance,
)
from briefbook.views.context import Chip, ViewContext
from briefbook.views.page import Listing, PageDoc
from briefbook.views.registry import GeneratedPage, PageKind
from briefbook.views.tags import tag_chips


def brief_pages(ctx: ViewContext) -> list[GeneratedPage]:
    """A page per brief at ``briefs/<id>/``, produced when it is rendered."""
    return [
        GeneratedPage(ctx.urls.brief_src(brief.id), PageKind.BRIEF, partial(brief_page, ctx, brief),
                      subject=brief.id)
        for brief in ctx.dossier.briefs.values()
    ]


def marked_for(ctx: ViewContext, brief: Brief) -> str:
    """The audience of a brief kept from the most open readers, for its header ("For:
    internal"), so that a reader of a restricted site sees what not to pass on; else ""."""
    most_open = ctx.options.get("most_open_audience", "")
    mark = brief.audience
    return mark.name if most_open and mark is not None and mark.name != most_open else ""


def brief_page(ctx: ViewContext, brief: Brief) -> PageDoc:
    """Build the page of ``brief`` at ``briefs/<id>/``."""
    src = ctx.urls.brief_src(brief.id)
    return brief_content(ctx, PageDoc(src, brief.title), brief)


def brief_content(
    ctx: ViewContext, doc: PageDoc, brief: Brief, level: int = 1, alone: bool = False
) -> PageDoc:
    """Append a brief's header, text and sections to ``doc``, linking from ``doc``'s page.

    ``level`` is the heading level of the brief's title: 1 on its own page, deeper when the
    brief is one of many on a page (the printable book). ``alone`` renders the text on its own
    (see :mod:`briefbook.render.markdown_body`), for a page that joins several briefs.
    """
    src = doc.src_uri
    doc.html(
        ctx.render(
            "brief_header.html",
            brief=brief,
            level=level,
            actors=[ctx.actor_chip(src, a) for a in brief.actors],
            topics=[ctx.topic_chip(src, t) for t in brief.topics],
            # with Material's tags plugin, a brief's own page shows its tags as Material's
            # (linked to the tags index) instead of as plain chips
            tag_chips=not (level == 1 and ctx.options.get("material_tags", False)),
            tags=tag_chips(ctx, src, brief.tags, ctx.tag_anchors) if ctx.tag_anchors else [],
            marked_for=marked_for(ctx, brief),
        ),
        searchable=False,
    )
    if alone:
        doc.html(ctx.body_renderer(prepared(brief.body), should_sanitize(ctx, brief),
                                   id_prefix=f"brief-{brief.id}--"))
    else:
        doc.md(prepared(brief.body), sanitize=should_sanitize(ctx, brief))
    if brief.positions:
        doc.heading(ctx.t("positions"), level + 1)
        doc.listings.add(Listing.POSITIONS)
        doc.html(ctx.render("positions.html", rows=position_rows(ctx, src, brief.positions)))
    if brief.events:
        doc.heading(ctx.t("events"), level + 1)
        doc.listings.add(Listing.EVENTS)
        doc.html(ctx.render("events.html", rows=event_rows(ctx, src, brief.events)))
    if brief.questions:
        doc.heading(ctx.t("questions"), level + 1)
        doc.listings.add(Listing.QUESTIONS)
        # the questions register is where a question is searched for
        # one page may hold several briefs (the book): their question anchors carry the brief's
        prefix = f"brief-{brief.id}--" if level > 1 else ""
        doc.html(ctx.render("brief_questions.html", rows=question_rows(ctx, src, brief),
                            anchor_prefix=prefix), searchable=False)
    return doc


def should_sanitize(ctx: ViewContext, brief: Brief) -> bool:
    """The plugin's ``sanitize: true`` holds for every brief (a brief cannot opt out of it);
    otherwise the brief's own ``sanitize: true|false`` decides."""
    if ctx.options.get("sanitize", False):
        return True
    return bool(brief.sanitize)


@dataclass(frozen=True)
class PositionRow:
    """A position as a list shows it: actor and topic chips, the brief it comes from (when the
    list shows it), its grade, the grade the filter judges it by, its provenance, and on an
    actor's page the stance it ``changed_from``."""

    position: Position
    actor: Chip
    topic: Chip
    brief: Chip | None
    grade: Grade | None
    filter_grade: Grade | None
    also: list[SourceRef]
    also_more: int
    dispute: list[StanceVersion]
    changed_from: Stance | None = None


@dataclass(frozen=True)
class EventRow:
    """An event as a list shows it: actor chips, the brief it comes from (when the list shows
    it), its grade, the grade the filter judges it by, and its provenance."""

    event: Event
    actors: list[Chip]
    brief: Chip | None
    grade: Grade | None
    filter_grade: Grade | None
    also: list[SourceRef]
    also_more: int
    dispute: list[DateVariant]


@dataclass(frozen=True)
class BriefQuestionRow:
    """What a brief says about a question, with the question's record and its other briefs."""

    entry: QuestionEntry
    question: Question
    url: str | None
    actors: list[Chip]
    topics: list[Chip]
    others: list[Chip]  # the briefs on the question nearest this one in date
    grade: Grade | None
    others_more: int = 0  # the briefs on it not listed (the question's page lists them all)


def position_rows(
    ctx: ViewContext, src: str, positions: Iterable[Position], show_brief: bool = False
) -> list[PositionRow]:
    """Template rows for positions, with actor, topic and (optionally) brief links."""
    rows = []
    for p in positions:
        brief = ctx.dossier.briefs.get(p.brief)
        provenance: Provenance[StanceVersion] = position_provenance(ctx, src, p)
        rows.append(PositionRow(
            position=p,
            actor=ctx.actor_chip(src, p.actor),
            topic=ctx.topic_chip(src, p.topic),
            brief=ctx.brief_link(src, brief) if (show_brief and brief) else None,
            grade=grade_of(ctx, p.brief),
            filter_grade=claim_grade(ctx, p),
            also=provenance.also,
            also_more=provenance.also_more,
            dispute=provenance.dispute,
        ))
    return rows


def event_rows(
    ctx: ViewContext, src: str, events: Iterable[Event], show_brief: bool = False
) -> list[EventRow]:
    """Template rows for events, with actor chips and (optionally) the brief they come from."""
    rows = []
    for e in events:
        brief = ctx.dossier.briefs.get(e.brief)
        provenance = event_provenance(ctx, src, e)
        rows.append(EventRow(
            event=e,
            actors=[ctx.actor_chip(src, a) for a in e.actors],
            brief=ctx.brief_link(src, brief) if (show_brief and brief) else None,
            grade=grade_of(ctx, e.brief),
            filter_grade=claim_grade(ctx, e),
            also=provenance.also,
            also_more=provenance.also_more,
            dispute=provenance.dispute,
        ))
    return rows


# A brief lists at most this many other briefs on one of its questions, the nearest in date:
# a question followed for years would otherwise repeat hundreds of links on every brief.
FOLLOW_UPS_SHOWN = 8


def question_rows(ctx: ViewContext, src: str, brief: Brief) -> list[BriefQuestionRow]:
    """What this brief says about each question, with the question's dossier-wide record."""
    rows = []
    for entry in brief.questions:
        question = ctx.dossier.questions.get(entry.question)
        if question is None:
            continue
        entries = [e for e in question.entries if e.brief in ctx.dossier.briefs]
        here = next((i for i, e in enumerate(entries) if e.brief == brief.id), 0)
        around = [i for i, e in enumerate(entries) if e.brief != brief.id]
        nearest = sorted(sorted(around, key=lambda i: abs(i - here))[:FOLLOW_UPS_SHOWN])
        others = [ctx.brief_link(src, ctx.dossier.briefs[entries[i].brief]) for i in nearest]
        rows.append(BriefQuestionRow(
            entry=entry,
            question=question,
            url=ctx.question_url(src, question.id),
            actors=[ctx.actor_chip(src, a) for a in entry.actors],
            topics=[ctx.topic_chip(src, t) for t in entry.topics],
            others=others,
            grade=brief.grade,
            others_more=len(around) - len(nearest),
        ))
    return rows
