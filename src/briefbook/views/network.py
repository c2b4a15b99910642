"""``network/``: the graph of the dossier's actors, with a filter and a table of its links.

The layout runs once per build over the strongest links (:func:`network_layout`); the page
draws the ``max_edges`` strongest, and the filter script narrows them by kind of actor, topic,
least weight and kind of link.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import partial

from briefbook.index.network import Link, force_layout, links_by_actor
from briefbook.model.dossier import ActorKind
from briefbook.views.context import ViewContext
from briefbook.views.page import PageDoc
from briefbook.views.pictures.dossier_pictures import (
    actor_node,
    edge_of,
    local_graph_picture,
    network_labels,
)
from briefbook.views.pictures.network import Node, network_svg
from briefbook.views.pictures.svg import esc
from briefbook.views.registry import GeneratedPage, PageKind, PageSection

SECTION = "network"
LINK_KINDS = ("affiliation", "briefs", "shared", "opposed")


@dataclass(frozen=True)
class NetworkOptions:
    """How much of the network the page draws, and the layout's fixed parameters."""

    max_edges: int = 600  # strongest links drawn (and listed); the filter works within them
    named: int = 60  # best-linked actors whose names are written on the picture
    layout_edges: int = 3000  # strongest links the layout pulls along
    iterations: int = 50
    seed: int = 1
    local_links: int = 12  # links drawn around an actor on its page


def network_layout(
    ctx: ViewContext, links: list[Link], options: NetworkOptions
) -> dict[str, tuple[float, float]]:
    """Positions of every actor, from the ``layout_edges`` strongest links."""
    edges = [(link.a, link.b, float(link.weight)) for link in links[: options.layout_edges]]
    return force_layout(ctx.dossier.actors, edges, options.seed, options.iterations)


def network_page(
    ctx: ViewContext, links: list[Link], layout: dict[str, tuple[float, float]],
    options: NetworkOptions,
) -> PageDoc:
    src = ctx.urls.section_src(SECTION)
    doc = PageDoc(src, ctx.t("network_title"))
    shown = links[: options.max_edges]
    degree: Counter[str] = Counter()
    for link in shown:
        degree[link.a] += 1
        degree[link.b] += 1
    nodes = [actor_node(ctx, src, actor_id, *layout.get(actor_id, (0.5, 0.5)),
                        degree=degree[actor_id])
             for actor_id in sorted(ctx.dossier.actors)]
    edges = [edge_of(ctx, link) for link in shown]
    t = ctx.t
    labels = network_labels(ctx, t("network_title"), t("network_desc"))
    intro = t("network_intro", actors=len(ctx.dossier.actors), links=len(links), shown=len(shown))
    doc.html(f'<p class="bb-muted">{esc(intro)}</p>')
    codes = {topic: str(number) for number, topic in enumerate(sorted(ctx.dossier.topics))}
    doc.html(_filter_form(ctx, nodes, len(shown), codes), searchable=False)
    doc.html(network_svg(nodes, edges, labels, named=options.named, topic_codes=codes),
             searchable=False)
    return doc


def network_pages(
    ctx: ViewContext, links: list[Link], layout: dict[str, tuple[float, float]],
    options: NetworkOptions,
) -> list[GeneratedPage]:
    """``network/``, produced when it is rendered."""
    return [GeneratedPage(ctx.urls.section_src(SECTION), PageKind.NETWORK,
                          partial(network_page, ctx, links, layout, options), in_nav=True)]


def local_graph_section(
    ctx: ViewContext, links: list[Link], limit: int
) -> PageSection:
    """The "Network" section of actor pages: the actor's ``limit`` strongest links."""
    by_actor = links_by_actor(links)

    def write(doc: PageDoc, page: GeneratedPage) -> None:
        actor = ctx.dossier.actors.get(page.subject or "")
        own = by_actor.get(actor.id, []) if actor else []
        if actor is None or not own:
            return
        picture = local_graph_picture(ctx, doc.src_uri, actor, own, limit)
        if picture:
            doc.heading(ctx.t("network"))
            doc.html(picture, searchable=False)

    return PageSection(PageKind.ACTOR, "local network", write, order=-1)


def _filter_form(ctx: ViewContext, nodes: list[Node], total: int,
                 codes: dict[str, str]) -> str:
    """Kind, topic, least weight and kinds of link; hidden until the script shows it."""
    t = ctx.t
    kinds = sorted({ActorKind(n.kind) for n in nodes if n.kind})
    link_words = {"affiliation": t("network_links_affiliation"),
                  "briefs": t("network_links_briefs"), "shared": t("network_links_shared"),
                  "opposed": t("network_links_opposed")}
    topics = sorted(ctx.dossier.topics.values(), key=lambda topic: topic.title.casefold())
    kind_options = "".join(f'<option value="{esc(k.value)}">{esc(t.label(k))}</option>'
                           for k in kinds)
    topic_options = "".join(f'<option value="{codes[topic.id]}">{esc(topic.title)}</option>'
                            for topic in topics)
    boxes = "".join(
        f'<label><input type="checkbox" name="links" value="{k}" checked> '
        f"{esc(link_words[k])}</label> " for k in LINK_KINDS
    )
    return (
        f'<form class="bb-net-filter" data-bb-network-filter hidden '
        f'data-showing="{esc(t("network_showing"))}" data-total="{total}">'
        f'<label class="bb-net-filter__field"><span>{esc(t("network_filter_kind"))}</span>'
        f'<select name="kind"><option value="">{esc(t("network_all"))}</option>{kind_options}'
        f"</select></label>"
        f'<label class="bb-net-filter__field"><span>{esc(t("network_filter_topic"))}</span>'
        f'<select name="topic"><option value="">{esc(t("network_all"))}</option>'
        f"{topic_options}</select></label>"
        f'<label class="bb-net-filter__field"><span>{esc(t("network_filter_weight"))}</span>'
        f'<input type="number" name="weight" min="1" value="1" inputmode="numeric"></label>'
        f'<fieldset class="bb-net-filter__links"><legend>{esc(t("network_filter_links"))}'
        f"</legend>{boxes}</fieldset>"
        f'<output class="bb-net-filter__status bb-muted" aria-live="polite"></output></form>'
    )
