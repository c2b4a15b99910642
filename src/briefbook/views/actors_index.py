"""``actors/``: every actor, grouped by kind, with how many briefs and positions involve them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from briefbook.i18n.key_tables import ACTOR_KIND_GROUP
from briefbook.model.dossier import Actor, ActorKind
from briefbook.views.context import ViewContext
from briefbook.views.page import PageDoc
from briefbook.views.registry import GeneratedPage, PageKind


@dataclass(frozen=True)
class ActorItem:
    """An actor on the index: its page, how many briefs and positions involve it, and its
    names for the browser's filter."""

    actor: Actor
    url: str | None
    briefs: int
    positions: int
    names: str


@dataclass(frozen=True)
class ActorGroup:
    """The actors of one kind (``kind`` its value, an anchor), by name."""

    kind: str
    label: str
    items: list[ActorItem]


def actors_index_pages(ctx: ViewContext) -> list[GeneratedPage]:
    """``actors/``, produced when it is rendered."""
    return [GeneratedPage(ctx.urls.section_src("actors"), PageKind.ACTORS_INDEX,
                          partial(actors_index_page, ctx), in_nav=True)]


def actors_index_page(ctx: ViewContext) -> PageDoc:
    """The actors index: groups in kind order, actors by name, filterable in the browser."""
    src = ctx.urls.section_src("actors")
    title = ctx.t("actors")
    doc = PageDoc(src, title)
    groups: list[ActorGroup] = []
    for kind in ActorKind:
        actors = sorted(
            (a for a in ctx.dossier.actors.values() if a.kind is kind),
            key=lambda a: (a.name.casefold(), a.id),
        )
        if not actors:
            continue
        items = [
            ActorItem(
                actor=actor,
                url=ctx.urls.actor(src, actor.id),
                briefs=len(ctx.index.briefs_about(actor.id)),
                positions=len(ctx.index.positions_by_actor.get(actor.id, [])),
                names=" | ".join(actor.names),
            )
            for actor in actors
        ]
        groups.append(ActorGroup(kind.value, ctx.t(ACTOR_KIND_GROUP[kind]), items))
    doc.html(ctx.render("actors_index.html", title=title, groups=groups,
                        total=ctx.counts.actors), searchable=False)
    return doc
