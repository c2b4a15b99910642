"""The printable briefing book: the whole dossier on one page, laid out for paper and PDF.

Overview, open questions, positions, actors, timeline, then the briefs in full (newest first,
at most ``max_briefs``). Questions, positions, actors and events are those of the briefs in the
book, so a book limited to the latest briefs stays in proportion. Links to briefs in the book
point inside the page, so a PDF made from it keeps working cross-references.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from briefbook.model.dossier import Actor, QuestionStatus
from briefbook.views.brief import brief_content, event_rows
from briefbook.views.claims import unique_events
from briefbook.views.context import Chip, ViewContext
from briefbook.views.overview import overview_doc
from briefbook.views.page import PageDoc
from briefbook.views.positions import matrix_actors, matrix_rows, matrix_topics
from briefbook.views.questions import QuestionCard, ordered_questions, question_card
from briefbook.views.registry import GeneratedPage, PageKind

BREAK = '<div class="bb-book-break" aria-hidden="true"></div>'


@dataclass(frozen=True)
class ActorTableRow:
    """An actor in the book's table of actors, with how many briefs list it."""

    actor: Actor
    chip: Chip
    briefs: int


def print_book_pages(
    ctx: ViewContext, title: str = "", description: str = "", max_briefs: int = 0
) -> list[GeneratedPage]:
    """The ``print/`` page, produced when it is rendered."""
    return [GeneratedPage(ctx.urls.section_src("print"), PageKind.PRINT,
                          partial(print_book_page, ctx, title, description, max_briefs))]


def print_book_page(
    ctx: ViewContext, title: str = "", description: str = "", max_briefs: int = 0
) -> PageDoc:
    """``print/``: every part of the dossier on one page. ``max_briefs`` 0 means all briefs."""
    src = ctx.urls.section_src("print")
    # kept out of site search: every brief there would otherwise be found twice
    meta = {"hide": ["navigation", "toc"], "search": {"exclude": True}}
    doc = PageDoc(src, ctx.t("print_book"), meta=meta)
    briefs = list(ctx.dossier.briefs.values())
    shown = briefs[:max_briefs] if max_briefs > 0 else briefs
    included = {b.id for b in shown}
    doc.html(ctx.render(
        "print_intro.html", title=title or ctx.t("print_book"), description=description,
        omitted=len(shown) < len(briefs), shown=len(shown), total=len(briefs),
    ))

    doc.heading(ctx.t("overview"))
    doc.extend(overview_doc(ctx, src, exports=False))

    asked = {q.id: q for b in shown for q in ctx.index.questions_by_brief.get(b.id, ())}
    open_questions = [q for q in ordered_questions(list(asked.values()))
                      if q.status is QuestionStatus.OPEN]
    if open_questions:
        _part(doc, ctx.t("open_questions"))
        cards = [_in_book(question_card(ctx, src, q), included) for q in open_questions]
        doc.html(ctx.render("questions.html", cards=cards, anchor=False))

    stated = {(p.actor, p.topic) for b in shown for p in b.positions}
    if stated:
        _part(doc, ctx.t("positions"))
        topics = [t for t in matrix_topics(ctx) if t in {topic for _, topic in stated}]
        matrix_actor_ids = [a for a in matrix_actors(ctx) if a in {actor for actor, _ in stated}]
        # only what the book's briefs state: the rest of the dossier would grow the book
        matrix = matrix_rows(ctx, src, matrix_actor_ids, topics, pairs=stated)
        for row in matrix:
            for cell in row.cells:
                if cell:
                    _point_inside(cell.brief, cell.record.latest.brief, included)
        doc.html(ctx.render("matrix_table.html",
                            topics=[ctx.topic_chip(src, t) for t in topics], rows=matrix))

    involved = {a for b in shown for a in ctx.index.involved_actors(b)}
    actors = [a for a in ctx.dossier.actors.values() if a.id in involved]
    if actors:
        _part(doc, ctx.t("actors"))
        actors.sort(key=lambda a: (a.name.casefold(), a.id))
        doc.html(ctx.render("actors_table.html", rows=[
            ActorTableRow(a, ctx.actor_chip(src, a.id),
                          len(ctx.index.briefs_by_actor.get(a.id, ())))
            for a in actors
        ]))

    events = unique_events(ctx, [e for e in ctx.index.events_sorted if e.brief in included])
    if events:
        _part(doc, ctx.t("timeline"))
        rows = event_rows(ctx, src, events, show_brief=True)
        for event_row, event in zip(rows, events, strict=True):
            if event_row.brief:
                _point_inside(event_row.brief, event.brief, included)
        doc.html(ctx.render("events.html", rows=rows))

    if shown:
        _part(doc, ctx.t("briefs"))
        for brief in shown:
            doc.html(BREAK)
            brief_content(ctx, doc, brief, level=2, alone=True)
    return doc


def _part(doc: PageDoc, title: str) -> None:
    """Start a part of the book on a new sheet."""
    doc.html(BREAK)
    doc.heading(title)


def _point_inside(chip: Chip, brief_id: str, included: set[str]) -> None:
    """Make a link to a brief point at its copy in the book, when the book holds it."""
    if brief_id in included:
        chip.url = f"#brief-{brief_id}"


def _in_book(card: QuestionCard, included: set[str]) -> QuestionCard:
    for row in card.trail:
        if row.brief:
            _point_inside(row.brief, row.entry.brief, included)
    return card
