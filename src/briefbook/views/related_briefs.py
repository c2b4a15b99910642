"""The "related briefs" section appended to brief pages."""

from __future__ import annotations

from dataclasses import dataclass

from briefbook.index.related import related_briefs
from briefbook.model.dossier import Brief
from briefbook.views.context import Chip, ViewContext
from briefbook.views.page import PageDoc
from briefbook.views.registry import GeneratedPage, PageKind, PageSection

SHARED_SHOWN = 4


@dataclass(frozen=True)
class RelatedBriefRow:
    """A related brief, its link, and the topics and actors it shares (the first few)."""

    brief: Brief
    link: Chip
    shared: list[Chip]


def related_briefs_section(ctx: ViewContext, limit: int) -> PageSection:
    """The "Related briefs" section of brief pages, at most ``limit`` briefs."""

    def write(doc: PageDoc, page: GeneratedPage) -> None:
        brief = ctx.dossier.briefs.get(page.subject or "")
        if brief is not None:
            add_related_briefs(ctx, doc, brief, limit)

    return PageSection(PageKind.BRIEF, "related briefs", write)


def add_related_briefs(ctx: ViewContext, doc: PageDoc, brief: Brief, limit: int) -> None:
    """Append the briefs that share the most (and the rarest) actors and topics with ``brief``."""
    related = related_briefs(ctx.index, brief, limit)
    if not related:
        return
    src = doc.src_uri
    mine_actors = set(ctx.index.involved_actors(brief))
    mine_topics = set(brief.topics) | {p.topic for p in brief.positions}
    rows = []
    for other, _score in related:
        actors = [a for a in ctx.index.involved_actors(other) if a in mine_actors]
        topics = [t for t in dict.fromkeys((*other.topics, *(p.topic for p in other.positions)))
                  if t in mine_topics]
        shared = [ctx.topic_chip(src, t) for t in topics]
        shared += [ctx.actor_chip(src, a) for a in actors]
        rows.append(RelatedBriefRow(other, ctx.brief_link(src, other), shared[:SHARED_SHOWN]))
    doc.heading(ctx.t("related_briefs"))
    doc.html(ctx.render("related_briefs.html", rows=rows), searchable=False)
