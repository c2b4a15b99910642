"""Pagination, written once: cutting a list into pages, and the pager that links them.

Every paginated view (briefs index, changes, questions, positions matrix, an actor's briefs,
the years of a split timeline) cuts its items with :func:`chunked` or :func:`chunked_by_weight`
and gives each page a :class:`Pager` from :func:`pager`, rendered by the one template
``briefbook/pager.html``. A list newest first says "Newer" and "Older"
(:attr:`PagerWording.NEWER_OLDER`); other lists say "Previous page" and "Next page"
(:attr:`PagerWording.PREVIOUS_NEXT`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Final, TypeVar

from briefbook.i18n.key_tables import KeyTable
from briefbook.views.context import ViewContext

T = TypeVar("T")


class PagerWording(Enum):
    """How a pager names its links: the pages of a list newest first are newer and older."""

    PREVIOUS_NEXT = "previous-next"
    NEWER_OLDER = "newer-older"


PREVIOUS_LABEL: Final = KeyTable("pager previous link", PagerWording, {
    PagerWording.PREVIOUS_NEXT: "previous_page",
    PagerWording.NEWER_OLDER: "previous",  # "Newer"
})
NEXT_LABEL: Final = KeyTable("pager next link", PagerWording, {
    PagerWording.PREVIOUS_NEXT: "next_page",
    PagerWording.NEWER_OLDER: "next",  # "Older"
})


@dataclass(frozen=True)
class PageLink:
    """A link to another page of the sequence, with the label it is shown with."""

    url: str
    label: str


@dataclass(frozen=True)
class Pager:
    """Links between the ``pages`` pages of a sequence, as seen from page ``page`` (from 1).

    ``up`` leads to the overview of a sequence that has one (the years of a split timeline);
    ``keep_query`` asks the browser to carry the page's filter (``?actor=…``) along the links.
    """

    page: int
    pages: int
    previous: PageLink | None = None
    next: PageLink | None = None
    up: PageLink | None = None
    keep_query: bool = False


def pager(
    ctx: ViewContext,
    src: str,
    number: int,
    page_srcs: Sequence[str],
    wording: PagerWording = PagerWording.PREVIOUS_NEXT,
    *,
    label_of: Callable[[int], str] | None = None,
    up: PageLink | None = None,
    keep_query: bool = False,
) -> Pager:
    """The pager of page ``number`` (from 1, at ``src``) of the pages at ``page_srcs``.

    ``wording`` names the previous and next links; ``label_of`` names a page by its number
    instead (a timeline year page links to "2024", not to "Previous page").
    """
    pages = len(page_srcs)

    def link(n: int, label: str) -> PageLink | None:
        if not 1 <= n <= pages:
            return None
        return PageLink(ctx.urls.link(src, page_srcs[n - 1]),
                        label_of(n) if label_of is not None else label)

    return Pager(number, pages, link(number - 1, ctx.t(PREVIOUS_LABEL[wording])),
                 link(number + 1, ctx.t(NEXT_LABEL[wording])), up, keep_query)


def section_page_srcs(ctx: ViewContext, section: str, pages: int) -> list[str]:
    """Source paths of the numbered pages of a generated section (``section/``,
    ``section/page/2/`` …)."""
    return [ctx.urls.section_src(section, n) for n in range(1, pages + 1)]


def chunked(items: Sequence[T], size: int) -> list[list[T]]:
    """``items`` in consecutive pages of ``size``; one empty page when there is nothing."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)] or [[]]


def chunked_by_weight(
    items: Sequence[T], size: int, weight: Callable[[T], int], budget: int
) -> list[list[T]]:
    """Consecutive pages of at most ``size`` items whose ``weight`` adds up to at most
    ``budget`` (an item heavier than the budget gets a page of its own): pages stay light
    however unevenly the weight falls."""
    pages: list[list[T]] = []
    page: list[T] = []
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
