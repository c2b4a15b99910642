"""``tags/``: Briefbook's own index of tags, each with the briefs that carry it, so that a tag
chip on a brief is a link a reader can follow. (A site that runs Material's tags plugin gets
Material's tags pages instead; see the core plugin.)"""

from __future__ import annotations

from functools import partial

from briefbook.model.values import slugify
from briefbook.views.context import Chip, ViewContext
from briefbook.views.page import PageDoc
from briefbook.views.pictures.svg import esc
from briefbook.views.registry import GeneratedPage, PageKind

SECTION = "tags"


def tag_anchors(tags: list[str]) -> dict[str, str]:
    """An anchor per tag (``tag-<slug>``), made unique in sorted order when slugs collide."""
    anchors: dict[str, str] = {}
    used: set[str] = set()
    for tag in sorted(tags, key=lambda t: (t.casefold(), t)):
        base = f"tag-{slugify(tag)}"
        anchor, number = base, 1
        while anchor in used:
            number += 1
            anchor = f"{base}-{number}"
        used.add(anchor)
        anchors[tag] = anchor
    return anchors


def tag_chips(ctx: ViewContext, src: str, tags: tuple[str, ...],
              anchors: dict[str, str]) -> list[Chip]:
    """A brief's tags as chips linking to their entry in the tags index (when it is built)."""
    return [Chip(tag, ctx.urls.section(src, SECTION, anchors.get(tag, "")), "tag")
            for tag in tags]


def tags_pages(ctx: ViewContext, anchors: dict[str, str]) -> list[GeneratedPage]:
    """``tags/``, produced when it is rendered."""
    return [GeneratedPage(ctx.urls.section_src(SECTION), PageKind.TAGS,
                          partial(tags_index_page, ctx, anchors), in_nav=True)]


PER_TAG = 25


def tags_index_page(ctx: ViewContext, anchors: dict[str, str], per_tag: int = PER_TAG) -> PageDoc:
    """Every tag in order, with a count and its latest ``per_tag`` briefs (title and date),
    newest first: one page that stays small however many briefs a tag has."""
    src = ctx.urls.section_src(SECTION)
    doc = PageDoc(src, ctx.t("tags"))
    doc.html(f'<p class="bb-muted">{esc(ctx.t("tags_index_intro"))}</p>')
    by_tag = ctx.index.briefs_by_tag
    for tag in sorted(by_tag, key=lambda t: (t.casefold(), t)):
        briefs = by_tag[tag]
        anchor = anchors[tag]
        count = esc(ctx.t.plural("tag_count", len(briefs)))
        items = "".join(
            f'<li class="bb-brief-item"><a href="{esc(ctx.urls.brief(src, b.id))}">'
            f'{esc(b.title)}</a> <span class="bb-muted">· {esc(ctx.renderer.format_date(b.date))}'
            "</span></li>"
            for b in briefs[:per_tag]
        )
        more = ""
        if len(briefs) > per_tag:
            more = f'<p class="bb-muted">{esc(ctx.t.plural("tag_more", len(briefs) - per_tag))}</p>'
        doc.html(
            f'<section class="bb-tags-index" id="{esc(anchor)}"><h2>{esc(tag)} '
            f'<small class="bb-muted">{count}</small><a class="headerlink" '
            f'href="#{esc(anchor)}">¶</a></h2><ul class="bb-list bb-brief-list">{items}</ul>'
            f"{more}</section>",
            searchable=False,
        )
    return doc
