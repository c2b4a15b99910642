"""The ``briefbook/timeline`` plugin: the timeline pages, their filter script and exports.

Contributes the timeline pages, and a "Timeline" section (each actor's and topic's own
events) to actor and topic pages, through the core plugin's page registry.
"""

from __future__ import annotations

import logging
import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from briefbook.export.timeline import build_timestamp, timeline_ics, timeline_json
from briefbook.index.chronology import Chronology, build_chronology
from briefbook.mkdocs.assets import ship_asset
from briefbook.mkdocs.core import check_counts, hint_unknown_options
from briefbook.mkdocs.registry import site_registry
from briefbook.views.context import ViewContext
from briefbook.views.timeline import SECTION, entry_homes, slice_sections, timeline_pages

log = logging.getLogger("mkdocs.plugins.briefbook.timeline")

NAME = "briefbook/timeline"
JS_NAME = "timeline.js"


class TimelineConfig(Config):
    include_briefs = c.Type(bool, default=False)
    split_after = c.Type(int, default=500)
    slice_limit = c.Type(int, default=50)
    slices = c.Type(bool, default=True)
    exports = c.Type(bool, default=True)
    picture = c.Choice(("actor", "topic", "none"), default="actor")  # lanes of the timeline
    picture_limit = c.Type(int, default=200)  # latest events drawn on an actor or topic page


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Adds ``timeline/`` (or an overview and yearly pages), ``timeline.json`` and ``.ics``."""

    def __init__(self) -> None:
        self.chronology: Chronology | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        hint_unknown_options(NAME, self.config, config)
        check_counts(NAME, self.config, {"split_after": 1, "slice_limit": 1,
                                          "picture_limit": 0})
        site_registry(config, NAME).add_site_section(SECTION)
        return config

    @event_priority(70)  # after the core (90) and the actors (80)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        registry = site_registry(config, NAME)
        ctx = registry.pages.context
        if ctx is None:
            return files
        ship_asset(files, config, JS_NAME)
        chronology = build_chronology(ctx.dossier, ctx.index, self.config.include_briefs)
        self.chronology = chronology
        pictures = self.config.picture != "none"
        ctx.options["timeline_picture"] = self.config.picture if pictures else ""
        registry.add_pages(files, config, NAME, timeline_pages(
            ctx, chronology, self.config.split_after, self.config.exports))
        if self.config.exports:
            with registry.template_errors(NAME):
                self._add_exports(files, config, ctx, chronology)
        if self.config.slices:
            homes = entry_homes(chronology, self.config.split_after)
            for section in slice_sections(ctx, chronology, self.config.slice_limit,
                                          self.config.picture_limit if pictures else 0, homes):
                registry.add_section(NAME, section)
        return files

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
