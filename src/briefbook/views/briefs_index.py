"""The list of every brief, newest first, split into pages."""

from __future__ import annotations

from briefbook.views.context import ViewContext
from briefbook.views.page import PageDoc


def briefs_index_pages(ctx: ViewContext, page_size: int = 50) -> list[PageDoc]:
    """``briefs/``, ``briefs/page/2/`` …: briefs newest first, ``page_size`` per page."""
    briefs = list(ctx.dossier.briefs.values())
    pages = max(1, -(-len(briefs) // page_size))
    docs = []
    for number in range(1, pages + 1):
        src = ctx.urls.section_src("briefs", number)
        chunk = briefs[(number - 1) * page_size : number * page_size]
        title = ctx.t("briefs")
        doc = PageDoc(src, title, "briefs-index", in_nav=number == 1)
        items = [
            {
                "brief": b,
                "url": ctx.urls.brief(src, b.id),
                "actors": [ctx.actor_chip(src, a) for a in b.actors[:6]],
            }
            for b in chunk
        ]
        pager = {
            "page": number,
            "pages": pages,
            "newer": ctx.urls.link(src, ctx.urls.section_src("briefs", number - 1))
            if number > 1 else None,
            "older": ctx.urls.link(src, ctx.urls.section_src("briefs", number + 1))
            if number < pages else None,
        }
        doc.html(
            ctx.render("briefs_index.html", title=title, items=items, pager=pager,
                       total=len(briefs)),
            searchable=False,
        )
        docs.append(doc)
    return docs
