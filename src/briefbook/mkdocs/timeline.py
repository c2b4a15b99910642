"""The ``briefbook/timeline`` plugin: the timeline pages, their filter script and exports.

Runs its ``on_files`` after the core and the actors plugins (priority 70), so it
can also append each actor's and topic's slice of the timeline to their pages.
"""

from __future__ import annotations

import logging
import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from briefbook.export.timeline import build_timestamp, timeline_ics, timeline_json
from briefbook.index.chronology import Chronology, EntryKind, TimelineEntry, build_chronology
from briefbook.mkdocs.assets import ship_asset
from briefbook.mkdocs.core import BriefbookPlugin, check_counts, core_plugin
from briefbook.views.context import ViewContext
from briefbook.views.timeline import SECTION, timeline_slice, timeline_view

log = logging.getLogger("mkdocs.plugins.briefbook.timeline")

NAME = "briefbook/timeline"
JS_NAME = "timeline.js"


class TimelineConfig(Config):
    include_briefs = c.Type(bool, default=False)
    split_after = c.Type(int, default=500)
    slice_limit = c.Type(int, default=50)
    slices = c.Type(bool, default=True)
    exports = c.Type(bool, default=True)


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Adds ``timeline/`` (or an overview and yearly pages), ``timeline.json`` and ``.ics``."""

    briefbook_sections = (SECTION,)

    def __init__(self) -> None:
        self.tocs: dict[str, list[dict]] = {}
        self.chronology: Chronology | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        check_counts(NAME, self.config, {"split_after": 1, "slice_limit": 1})
        return config

    @event_priority(70)  # after the core (90) and the actors (80)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        core = core_plugin(config, NAME)
        with core.template_errors(NAME):
            return self._files(files, config, core)

    def _files(self, files: Files, config: MkDocsConfig, core: BriefbookPlugin) -> Files:
        ctx = core.context
        if ctx is None:
            return files
        ship_asset(files, config, JS_NAME)
        chronology = build_chronology(ctx.dossier, ctx.index, self.config.include_briefs)
        self.chronology = chronology
        view = timeline_view(ctx, chronology, self.config.split_after, self.config.exports)
        self.tocs = view.tocs
        core.add_pages(files, config, view.docs)
        if self.config.exports:
            self._add_exports(files, config, ctx, chronology)
        if self.config.slices:
            self._add_slices(core.pages, ctx, chronology)
        return files

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Give timeline pages a table of contents of their years and months."""
        tokens = self.tocs.get(page.file.src_uri)
        if tokens:
            page.toc = get_toc(tokens)  # type: ignore[arg-type]
        return html

    # -- helpers -----------------------------------------------------------------------------
    def _add_exports(
        self, files: Files, config: MkDocsConfig, ctx: ViewContext, chronology: Chronology
    ) -> None:
        language = ctx.t.language
        site_url = config.site_url or ""
        data = timeline_json(chronology, ctx.dossier, ctx.urls, language, site_url)
        calendar = timeline_ics(
            chronology, ctx.dossier, ctx.urls,
            stamp=build_timestamp(ctx.dossier, os.environ),
            site_name=config.site_name, language=language, site_url=site_url,
        )
        for name, content in (("timeline.json", data), ("timeline.ics", calendar)):
            if files.get_file_from_path(name) is not None:
                log.warning("%s: docs/%s exists, so the generated export is not added", NAME, name)
                continue
            files.append(File.generated(config, name, content=content))

    def _add_slices(self, pages: dict, ctx: ViewContext, chronology: Chronology) -> None:
        """Append its own timeline to each generated actor and topic page (events only).

        A page that already has an events section of its own (the actors plugin lists an
        actor's latest events) is left as it is, so no event shows twice on one page.
        """
        own_section = f"## {ctx.t('events')}"
        lookups = (
            ("actor", ctx.dossier.actors, ctx.urls.actor_src, chronology.by_actor),
            ("topic", ctx.dossier.topics, ctx.urls.topic_src, chronology.by_topic),
        )
        for kind, objects, src_of, by_id in lookups:
            for object_id in objects:
                doc = pages.get(src_of(object_id))
                entries = _events_only(by_id.get(object_id, []))
                if doc is None or doc.kind != kind or not entries:
                    continue
                if own_section in doc.markdown_parts:
                    continue
                doc.heading(ctx.t("timeline"))
                doc.html(timeline_slice(
                    ctx, entries, doc.src_uri, self.config.slice_limit, kind, object_id
                ), searchable=False)


def _events_only(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Slices show events, not publications: actor and topic pages list their briefs already."""
    return [e for e in entries if e.kind is EntryKind.EVENT]
