"""Numbered pages of a generated section (``<section>/``, ``<section>/page/2/`` …)."""

from __future__ import annotations

from briefbook.views.context import ViewContext


def pager(ctx: ViewContext, src: str, section: str, number: int, pages: int) -> dict:
    """Template data for the links between the pages of ``section``."""

    def page_link(n: int) -> str:
        return ctx.urls.link(src, ctx.urls.section_src(section, n))

    return {
        "page": number,
        "pages": pages,
        "previous": page_link(number - 1) if number > 1 else None,
        "next": page_link(number + 1) if number < pages else None,
    }


def chunked(items: list, size: int) -> list[list]:
    """``items`` in consecutive pages of ``size``; one empty page when there is nothing."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def chunked_by_weight(items: list, size: int, weight, budget: int) -> list[list]:
    """Consecutive pages of at most ``size`` items whose ``weight`` adds up to at most
    ``budget`` (an item heavier than the budget gets a page of its own): pages stay light
    however unevenly the weight falls."""
    pages: list[list] = []
    page: list = []
    load = 0
    for item in items:
        w = weight(item)
        if page and (len(page) >= size or load + w > budget):
            pages.append(page)
            page, load = [], 0
        page.append(item)
        load += w
    if page:
        pages.append(page)
    return pages or [[]]
