"""The dossier at a glance: counts, latest briefs, open questions, active actors, events.

Authors place the marker line :data:`OVERVIEW_MARKER` in a page of ``docs/`` (usually
``index.md``); the plugin puts this view there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefbook.model.dossier import QuestionStatus
from briefbook.model.fences import in_code
from briefbook.views.brief import event_rows
from briefbook.views.claims import unique_events
from briefbook.views.context import Chip, ViewContext
from briefbook.views.items import BriefItem, LabelledLink, QuestionItem
from briefbook.views.page import PageDoc
from briefbook.views.questions import ordered_questions

OVERVIEW_MARKER = "<!-- briefbook:overview -->"
MARKER_LINE = re.compile(r"^[ \t]*<!--[ \t]*briefbook:overview[ \t]*-->[ \t]*$", re.MULTILINE)


def find_marker(markdown: str) -> re.Match[str] | None:
    """The first marker line outside fenced code blocks (a page may show the marker as code)."""
    lines = markdown.splitlines(keepends=True)
    pos = 0
    for line, code in zip(lines, in_code([line.rstrip("\r\n") for line in lines]), strict=True):
        if not code and (match := MARKER_LINE.match(markdown, pos)):
            return match
        pos += len(line)
    return None


def overview_doc(ctx: ViewContext, src: str, limit: int = 5, exports: bool = True) -> PageDoc:
    """The overview panel as seen from the page at ``src``."""
    dossier, index = ctx.dossier, ctx.index
    open_questions = [q for q in ordered_questions(list(dossier.questions.values()))
                      if q.status is QuestionStatus.OPEN]
    totals = ctx.counts
    counts = [
        _count(ctx, src, ctx.t("briefs"), totals.briefs, "briefs"),
        _count(ctx, src, ctx.t("actors"), totals.actors, "actors"),
        _count(ctx, src, ctx.t("topics"), totals.topics, "topics"),
        _count(ctx, src, ctx.t("positions"), totals.positions, "positions"),
        _count(ctx, src, ctx.t("events"), totals.events, "timeline"),
        _count(ctx, src, ctx.t("open_questions"), totals.open_questions, "questions"),
    ]
    active = sorted(
        ((actor, len(briefs)) for actor, briefs in index.briefs_by_actor.items() if briefs),
        key=lambda item: (-item[1], _name(ctx, item[0]).casefold()),
    )[:limit * 2]
    latest_events = list(reversed(unique_events(ctx, index.events_sorted)[-limit:]))
    doc = PageDoc(src, ctx.t("overview"))
    doc.html(ctx.render(
        "overview.html",
        counts=counts,
        briefs=[BriefItem(b, ctx.urls.brief(src, b.id))
                for b in list(dossier.briefs.values())[:limit]],
        questions=[QuestionItem(q, ctx.question_url(src, q.id))
                   for q in open_questions[:limit]],
        more_questions=max(0, len(open_questions) - limit),
        actors=[ActiveActor(ctx.actor_chip(src, a), n) for a, n in active],
        events=event_rows(ctx, src, latest_events, show_brief=True),
        links=_links(ctx, src, exports),
    ), searchable=False)
    return doc


@dataclass(frozen=True)
class Count:
    """A count of the panel, linked to its section (None when the section is not built)."""

    label: str
    value: int
    url: str | None


@dataclass(frozen=True)
class ActiveActor:
    """One of the actors most briefs list, and how many."""

    chip: Chip
    count: int


def _count(ctx: ViewContext, src: str, label: str, value: int, section: str) -> Count:
    return Count(label, value, ctx.urls.section(src, section))


def _links(ctx: ViewContext, src: str, exports: bool) -> list[LabelledLink]:
    links = []
    if "print" in ctx.urls.sections:
        links.append(LabelledLink(ctx.t("print_book"), ctx.urls.section(src, "print")))
    if exports:
        links.append(LabelledLink("dossier.json", ctx.urls.file(src, "dossier.json")))
        links.append(LabelledLink("positions.csv", ctx.urls.file(src, "positions.csv")))
    return links


def _name(ctx: ViewContext, actor_id: str) -> str:
    actor = ctx.dossier.actors.get(actor_id)
    return actor.name if actor else actor_id
