"""The list of every brief, newest first, split into pages."""

from __future__ import annotations

from functools import partial

from briefbook.model.dossier import Brief
from briefbook.views.context import ViewContext
from briefbook.views.page import PageDoc
from briefbook.views.paging import PagerWording, chunked, pager, section_page_srcs
from briefbook.views.registry import GeneratedPage, PageKind

SECTION = "briefs"


def briefs_index_pages(ctx: ViewContext, page_size: int = 50) -> list[GeneratedPage]:
    """``briefs/``, ``briefs/page/2/`` …: briefs newest first, ``page_size`` per page."""
    chunks = chunked(list(ctx.dossier.briefs.values()), page_size)
    srcs = section_page_srcs(ctx, SECTION, len(chunks))
    return [
        GeneratedPage(src, PageKind.BRIEFS_INDEX,
                      partial(briefs_index_page, ctx, srcs, number, chunk), in_nav=number == 1)
        for number, (src, chunk) in enumerate(zip(srcs, chunks, strict=True), start=1)
    ]


def briefs_index_page(
    ctx: ViewContext, srcs: list[str], number: int, chunk: list[Brief]
) -> PageDoc:
    """Page ``number`` of the briefs index (whose pages are at ``srcs``), listing ``chunk``."""
    src = srcs[number - 1]
    title = ctx.t("briefs")
    doc = PageDoc(src, title)
    items = [
        {
            "brief": b,
            "url": ctx.urls.brief(src, b.id),
            "actors": [ctx.actor_chip(src, a) for a in b.actors[:6]],
        }
        for b in chunk
    ]
    doc.html(
        ctx.render("briefs_index.html", title=title, items=items,
                   pager=pager(ctx, src, number, srcs, PagerWording.NEWER_OLDER),
                   total=ctx.counts.briefs),
        searchable=False,
    )
    return doc
