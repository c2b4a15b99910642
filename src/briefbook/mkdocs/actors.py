"""The ``briefbook/actors`` plugin: actor pages, the actors index, related briefs on brief
pages, and links from the names of actors in brief texts to their pages.

Glue only: the pages come from :mod:`briefbook.views.actor` and
:mod:`briefbook.views.actors_index`, the related briefs from
:mod:`briefbook.views.related_briefs` (a section contributed to brief pages through the
registry), the linking from :mod:`briefbook.render.mention_links`.
"""

from __future__ import annotations

import hashlib
import json
import logging

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from briefbook.index.network import actor_links
from briefbook.index.noisy_names import noisy_names
from briefbook.index.related import actor_cooccurrence
from briefbook.mkdocs.assets import ship_asset
from briefbook.mkdocs.core import check_counts, hint_unknown_options
from briefbook.mkdocs.registry import SiteRegistry, site_registry
from briefbook.render.mention_links import MODES, MentionLinker, MentionLinkExtension, PageLinking
from briefbook.views.actor import ActorPageOptions, actor_pages
from briefbook.views.actors_index import actors_index_pages
from briefbook.views.network import SECTION as NETWORK
from briefbook.views.network import (
    NetworkOptions,
    local_graph_section,
    network_layout,
    network_pages,
)
from briefbook.views.registry import GeneratedPage, PageKind
from briefbook.views.related_briefs import related_briefs_section

log = logging.getLogger("mkdocs.plugins.briefbook.actors")

NAME = "briefbook/actors"
FILTER_JS_NAME = "actors-filter.js"


class ActorsConfig(Config):
    mentions = c.Choice(MODES, default="first")
    related_briefs = c.Type(int, default=5)
    related_actors = c.Type(int, default=8)
    page_size = c.Type(int, default=50)
    positions_per_topic = c.Type(int, default=10)
    events_limit = c.Type(int, default=50)
    network = c.Type(bool, default=True)
    network_edges = c.Type(int, default=600)
    local_links = c.Type(int, default=12)


COUNT_MINIMUMS = {
    "related_briefs": 0, "related_actors": 0,
    "positions_per_topic": 0,  # 0: every position
    "events_limit": 0,  # 0: no events on actor pages (the timeline has them)
    "page_size": 1,
    "network_edges": 1,
    "local_links": 0,  # 0: no local graph on actor pages
}
"""Every whole-number option of the plugin, with the least value it accepts."""


class ActorsPlugin(BasePlugin[ActorsConfig]):
    """Adds ``actors/`` and ``actors/<id>/`` pages and links actors named in brief texts."""

    def __init__(self) -> None:
        self.linker = MentionLinker()
        self.registry: SiteRegistry | None = None
        self.titles: dict[str, str] = {}
        self.linking_key = ""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        hint_unknown_options(NAME, self.config, config)
        check_counts(NAME, self.config, COUNT_MINIMUMS)
        self.registry = site_registry(config, NAME)
        self.registry.add_site_section("actors")
        if self.config.network:
            self.registry.add_site_section(NETWORK)
        if not any(isinstance(e, MentionLinkExtension) and e.linker is self.linker
                   for e in config.markdown_extensions):
            # MkDocs takes Extension instances too, though its annotation names only strings
            config.markdown_extensions.append(
                MentionLinkExtension(self.linker)  # type: ignore[arg-type]
            )
        return config

    @event_priority(80)  # after the core (90), before other plugins read the files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        registry = self.registry = site_registry(config, NAME)
        ctx = registry.pages.context
        if ctx is None:
            return files
        ship_asset(files, config, FILTER_JS_NAME)
        for diag in noisy_names(ctx.index, self.config.mentions):
            log.warning(diag.format())
        options = ActorPageOptions(
            page_size=self.config.page_size,
            positions_per_topic=self.config.positions_per_topic,
            events_limit=self.config.events_limit,
            related_actors=self.config.related_actors,
        )
        self.titles = {a.id: a.name for a in ctx.dossier.actors.values()}
        self.linking_key = hashlib.sha256(json.dumps(
            [self.config.mentions, sorted((a.id, a.name, a.names) for a in
                                          ctx.dossier.actors.values())], ensure_ascii=False,
        ).encode()).hexdigest()
        cooccurrence = actor_cooccurrence(ctx.index)
        pages: list[GeneratedPage] = actors_index_pages(ctx)
        for actor in ctx.dossier.actors.values():
            pages += actor_pages(ctx, actor, cooccurrence, options)
        if self.config.network:
            current = {key: record.stance for key, record in ctx.stances.items()}
            counts = {key: len(record.history) for key, record in ctx.stances.items()}
            links = actor_links(ctx.dossier, cooccurrence, current, counts)
            network = NetworkOptions(max_edges=self.config.network_edges,
                                     local_links=self.config.local_links)
            pages += network_pages(ctx, links, network_layout(ctx, links, network), network)
            if network.local_links:
                registry.add_section(NAME, local_graph_section(ctx, links, network.local_links))
        registry.add_pages(files, config, NAME, pages)
        registry.add_section(NAME, related_briefs_section(ctx, self.config.related_briefs))
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Arm mention linking when the page about to be rendered is a brief page."""
        self.linker.page = None
        if self.config.mentions == "none" or self.registry is None:
            return markdown
        ctx = self.registry.pages.context
        generated = self.registry.pages.page(page.file.src_uri)
        if ctx is None or generated is None or generated.kind is not PageKind.BRIEF:
            return markdown
        src = generated.src_uri
        self.linker.page = PageLinking(
            matcher=ctx.index.matcher,
            href=lambda actor_id: ctx.urls.actor(src, actor_id),
            titles=self.titles,
            mode=self.config.mentions,
            key=self.linking_key,
        )
        return markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.linker.page = None
        return html
