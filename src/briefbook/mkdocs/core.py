"""The ``briefbook`` plugin: loads the dossier, reports its problems, and adds its pages.

Brief pages and the briefs index, the questions register, the positions matrix, topic pages, the
printable book, the overview panel (in place of a marker in an authored page) and the exports.

It owns the build's page registry: other Briefbook plugins (``briefbook/actors``,
``briefbook/timeline``) reach it through :func:`briefbook.mkdocs.registry.site_registry` and
contribute their pages and page sections there. Every generated page is produced when MkDocs
reads it (see :class:`briefbook.mkdocs.registry.ProducedPageFile`).
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from briefbook.export import dossier_json, positions_csv
from briefbook.export.atom import FEED_PATH, atom_feed
from briefbook.export.previews import preview_files
from briefbook.i18n.catalogue import languages
from briefbook.index.review import (
    DEFAULT_ACTORS_AFTER_DAYS,
    DEFAULT_POSITIONS_AFTER_DAYS,
    ReviewRules,
    build_date,
)
from briefbook.load.files import display_path
from briefbook.mkdocs.assets import CSS_NAME, PICTURES_CSS_NAME, ship_asset, with_assets
from briefbook.mkdocs.i18n import (
    AFTER_I18N,
    BEFORE_I18N,
    i18n_plugin,
    language_folder,
    put_back,
    take_out,
)
from briefbook.mkdocs.material_tags import material_tags_property
from briefbook.mkdocs.navigation import flatten_generated_sections
from briefbook.mkdocs.page_cache import PageCache
from briefbook.mkdocs.page_jobs import BuildJob, Built, Read, ReadJob, replay
from briefbook.mkdocs.registry import CORE_NAME, ProducedFile, RegistryOwner, SiteRegistry
from briefbook.mkdocs.render_cache import RenderCache
from briefbook.mkdocs.serve_snapshot import LastGoodSite, guarded
from briefbook.mkdocs.workers import PagePool
from briefbook.model.audience import Audiences
from briefbook.model.diagnostics import Diagnostics, Severity, did_you_mean
from briefbook.pipeline import DossierLoader, LoadResult
from briefbook.render.environment import Renderer
from briefbook.render.markdown_body import BodyRenderer
from briefbook.validate.as_of import parse_as_of
from briefbook.validate.audiences import chosen_audience, parse_audiences
from briefbook.validate.fields import sanitized_everywhere
from briefbook.validate.options import sanitize_opt_outs
from briefbook.views.as_of_banner import as_of_banner
from briefbook.views.brief import brief_pages
from briefbook.views.briefs_index import briefs_index_pages
from briefbook.views.changes import changes_pages, history, week_pages
from briefbook.views.context import ViewContext
from briefbook.views.hypotheses import hypotheses_pages
from briefbook.views.overview import find_marker, overview_doc
from briefbook.views.page import PageDoc, splice
from briefbook.views.positions import positions_pages
from briefbook.views.print_book import print_book_pages
from briefbook.views.questions import question_page_map, questions_pages
from briefbook.views.registry import GeneratedPage, PageKind
from briefbook.views.review import review_pages
from briefbook.views.tags import tag_anchors, tags_pages
from briefbook.views.topic import topic_pages
from briefbook.views.urls import SiteUrls

log = logging.getLogger("mkdocs.plugins.briefbook")

GRADE_JS_NAME = "grade-filter.js"
PICTURES_JS_NAME = "pictures.js"
NOTES_SHOWN = 20


class BriefbookConfig(Config):
    briefs_dir = c.Type(str, default="briefs")
    page_size = c.Type(int, default=50)
    sanitize = c.Type(bool, default=False)
    questions = c.Type(bool, default=True)
    questions_page_size = c.Type(int, default=100)
    positions = c.Type(bool, default=True)
    positions_page_size = c.Type(int, default=50)
    topics = c.Type(bool, default=True)
    topic_briefs_limit = c.Type(int, default=100)
    overview = c.Type(bool, default=True)
    print_book = c.Type(bool, default=True)
    print_max_briefs = c.Type(int, default=30)
    export = c.Type(bool, default=True)
    changes = c.Type(bool, default=True)
    changes_weeks_per_page = c.Type(int, default=13)
    changes_items_limit = c.Type(int, default=50)
    feed = c.Type(bool, default=True)
    feed_weeks = c.Type(int, default=20)
    as_of = c.Optional(c.Type((str, _dt.date)))
    audiences = c.Optional(c.Type(list))  # most open first, e.g. [public, internal]
    audience = c.Optional(c.Type(str))  # the audience this site is for (default: most open)
    tags_index = c.Type(bool, default=True)  # left out when Material's tags plugin runs
    previews = c.Type(bool, default=True)
    stances_over_time = c.Type(bool, default=True)  # the strips on actor and topic pages
    cache_dir = c.Optional(c.Type(str))
    workers = c.Type(int, default=1)  # processes that produce and convert pages (workers.py)
    review = c.Type(bool, default=True)  # the "needs review" page
    review_positions_after_days = c.Type(int, default=DEFAULT_POSITIONS_AFTER_DAYS)
    review_actors_after_days = c.Type(int, default=DEFAULT_ACTORS_AFTER_DAYS)
    review_today = c.Optional(c.Type((str, _dt.date)))  # default: as_of, else the build date
    review_page_limit = c.Type(int, default=200)  # items per list on the page; 0: all


COUNT_MINIMUMS = {
    "page_size": 1, "questions_page_size": 1, "positions_page_size": 1,
    "changes_weeks_per_page": 1, "changes_items_limit": 1, "feed_weeks": 1,
    "topic_briefs_limit": 0,  # 0: a topic page lists no briefs (they are on the briefs list)
    "print_max_briefs": 0,  # 0: the book holds every brief
    "review_positions_after_days": 0, "review_actors_after_days": 0, "review_page_limit": 0,
    "workers": 1,
}
"""Every whole-number option of the plugin, with the least value it accepts."""


def hint_unknown_options(name: str, options: Config, config: MkDocsConfig) -> None:
    """After MkDocs' own warning about an option a plugin does not have, say which it may be:
    a close one of this plugin's, or the same one of another Briefbook plugin."""
    known = set(getattr(options, "_schema_keys", ()))
    for key in sorted(set(options.keys()) - known):
        owner = next((other for other, plugin in config.plugins.items() if other != name
                      and type(plugin).__module__.startswith("briefbook.")
                      and key in getattr(plugin.config, "_schema_keys", ())), None)
        if owner is not None:
            log.warning("%s: '%s' is an option of the '%s' plugin, not of this one; move it "
                        "there in mkdocs.yml", name, key, owner)
            continue
        close = did_you_mean(key, sorted(known))
        log.warning("%s: '%s' is not an option of this plugin%s; correct it in mkdocs.yml "
                    "(the options are listed in Briefbook's docs)", name, key, close)


def check_counts(name: str, config: Config, minimums: dict[str, int]) -> None:
    """Stop the build when a whole-number option is below its minimum, or is true/false
    (YAML reads ``yes`` as true, which Python would count as 1)."""
    for option, least in minimums.items():
        value = config[option]
        if isinstance(value, bool) or value < least:
            found = str(value).lower() if isinstance(value, bool) else value
            raise PluginError(
                f"{name}: '{option}' must be {least} or more, found {found}; set a whole "
                f"number in mkdocs.yml under the '{name}' plugin"
            )


class BriefbookPlugin(BasePlugin[BriefbookConfig], RegistryOwner):
    """Turns the dossier folder into brief pages and a paginated briefs index."""

    def __init__(self) -> None:
        self.serving = False
        self.own_tags = False  # Briefbook's own tags index (not when Material's tags run)
        self.dirty = False  # --dirty: MkDocs skips unchanged authored pages
        self.loader = DossierLoader()
        self.registry = SiteRegistry(Path.cwd())
        self.result: LoadResult | None = None
        self.briefs_dir = Path("briefs")
        self.as_of: _dt.date | None = None
        self.review_today: _dt.date | None = None
        self.audiences = Audiences()
        self.audience = ""  # the audience of this site, when the dossier declares some
        self.banner = ""
        self.base_dir = Path.cwd()
        self.set_aside: list[File] = []  # generated files kept away from mkdocs-static-i18n
        self.tags_property: str | None = None  # the meta key of Material's tags plugin, if on
        self.with_overview: set[str] = set()  # authored pages that show the overview panel
        self.last_good: LastGoodSite | None = None
        self.page_cache = PageCache()  # lives across serve rebuilds, like the plugin
        self.render_cache = RenderCache()  # rendered pages and search entries, likewise
        self.cache_dir: Path | None = None
        self.nav: Any = None
        self._kept_renderer: tuple[Any, Renderer] | None = None
        self.workers = 1
        self.read_pool = PagePool("read")  # workers of the reading pass (workers.py)
        self.build_pool = PagePool("build")  # and of the building pass

    # -- set-up ------------------------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").resolve().parent
        self.base_dir = base
        custom_dir = config.theme.custom_dir
        # a fresh registry per build: the other plugins' on_config (after this one) declare
        # their sections in it, their on_files (after this one's) their pages and sections
        self.registry = SiteRegistry(base, [Path(custom_dir).resolve()] if custom_dir else [])
        if not self.config.briefs_dir.strip():
            raise PluginError("briefbook: 'briefs_dir' is empty; give the dossier folder's "
                              "path, e.g. briefs_dir: briefs")
        self.briefs_dir = (base / self.config.briefs_dir).resolve()
        if not self.briefs_dir.is_dir():
            raise PluginError(
                f"briefbook: the dossier folder '{self.config.briefs_dir}' that 'briefs_dir' "
                f"names does not exist (looked for {self.briefs_dir}); create it, correct "
                "'briefs_dir' in mkdocs.yml, or start a dossier with 'briefbook init'")
        _check_briefs_dir_outside_docs(self.briefs_dir, Path(config.docs_dir).resolve(), base)
        hint_unknown_options("briefbook", self.config, config)
        check_counts("briefbook", self.config, COUNT_MINIMUMS)
        try:
            self.as_of = parse_as_of(self.config.as_of) if self.config.as_of else None
        except ValueError as exc:
            raise PluginError(f"briefbook: {exc}") from None
        try:
            self.review_today = (parse_as_of(self.config.review_today)
                                 if self.config.review_today else None)
        except ValueError as exc:
            message = str(exc).replace("'as_of'", "'review_today'")
            raise PluginError(f"briefbook: {message}") from None
        try:
            self.audiences = parse_audiences(self.config.audiences)
            self.audience = chosen_audience(self.audiences, self.config.audience)
        except ValueError as exc:
            raise PluginError(f"briefbook: {exc}; set it in mkdocs.yml under the "
                              "'briefbook' plugin") from None
        self.own_tags = self.config.tags_index and not material_tags(config)
        self.cache_dir = _cache_dir(self.config.cache_dir, base, config, self.briefs_dir)
        self.workers = self.config.workers
        cores = os.cpu_count() or 1
        if self.workers > cores:
            log.info("briefbook: 'workers' is %d but this machine has %d cores; %d processes "
                     "are used", self.workers, cores, cores)
            self.workers = cores
        return config

    # -- pages -------------------------------------------------------------------------------
    @event_priority(90)  # before other plugins look at the files (redirects, literate-nav ...)
    def _generate(self, files: Files, *, config: MkDocsConfig) -> Files:
        with self.registry.template_errors(CORE_NAME):
            return self._files(files, config)

    @event_priority(BEFORE_I18N)
    def _before_i18n(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.set_aside = take_out(files) if i18n_plugin(config) is not None else []
        return files

    @event_priority(AFTER_I18N)
    def _after_i18n(self, files: Files, *, config: MkDocsConfig) -> Files:
        plugin = i18n_plugin(config)
        if plugin is not None:
            put_back(files, self.set_aside, language_folder(plugin))
        self.set_aside = []
        return files

    on_files = CombinedEvent(_generate, _before_i18n, _after_i18n)

    def _files(self, files: Files, config: MkDocsConfig) -> Files:
        self.page_cache.start_build(config, self.cache_dir, keep_in_memory=self.serving)
        self.render_cache.start_build(self.cache_dir, keep_in_memory=self.serving,
                                      pooled=self.workers > 1)
        self.result = self.loader.load(self.briefs_dir, self.base_dir, as_of=self.as_of,
                                       audiences=self.audiences, audience=self.audience)
        if not self.serving:  # no rebuild will reuse the parsed files
            self.loader.forget()
        if self.audiences.declared:
            log.info("briefbook: building the site for the audience '%s' (of %s)",
                     self.audience, ", ".join(self.audiences.names))
        checked = self.result.checked or self.result.dossier  # the briefs left out too
        if self.config.sanitize:
            self.result.diagnostics = sanitized_everywhere(checked, self.result.diagnostics)
        self.result.diagnostics.extend(sanitize_opt_outs(checked, bool(self.config.sanitize)))
        self._report(self.result.diagnostics)
        self.tags_property = material_tags_property(config)
        self.with_overview = set()
        language = str(config.theme.get("language") or "en")
        renderer = self._renderer(language)
        if not renderer.t.has_labels:
            *others, last = languages()
            log.info("briefbook: theme.language is '%s'; Briefbook's own labels exist in %s "
                     "only, so its pages show them in English", language,
                     f"{', '.join(others)} and {last}" if others else last)
        urls = SiteUrls(config.use_directory_urls, sections=self._sections())
        ctx = ViewContext(
            self.result.dossier, self.result.index, urls, renderer,
            options={"sanitize": self.config.sanitize,
                     "material_tags": self.tags_property is not None,
                     "stances_over_time": self.config.stances_over_time,
                     "most_open_audience": self.audiences.most_open},
            body_renderer=BodyRenderer(config.markdown_extensions, config.mdx_configs),
        )
        self.registry.pages.context = ctx
        if self.config.questions:
            ctx.question_pages = question_page_map(ctx, self.config.questions_page_size)
        ship_asset(files, config, CSS_NAME)
        ship_asset(files, config, GRADE_JS_NAME)
        ship_asset(files, config, PICTURES_CSS_NAME)
        ship_asset(files, config, PICTURES_JS_NAME)
        if "tags" in urls.sections:
            ctx.tag_anchors = tag_anchors(list(ctx.index.briefs_by_tag))
        self.banner = as_of_banner(renderer, self.as_of) if self.as_of else ""
        pages = briefs_index_pages(ctx, self.config.page_size) + brief_pages(ctx)
        pages += self._section_pages(ctx, config)
        if self.config.changes:
            pages += self._changes(ctx, files, config)
        if ctx.tag_anchors:
            pages += tags_pages(ctx, ctx.tag_anchors)
        self.registry.add_pages(files, config, CORE_NAME, pages)
        if self.config.previews:
            for path, content in preview_files(ctx).items():
                self._add_file(files, config, path, content)
        if self.config.export:
            # the largest exports are written when MkDocs copies them, never held meanwhile
            site_url = config.site_url or ""
            self._add_file(files, config, "dossier.json", lambda: dossier_json(ctx, site_url))
            self._add_file(files, config, "positions.csv", lambda: positions_csv(ctx))
        return files

    def _renderer(self, language: str) -> Renderer:
        """Briefbook's template renderer; while serving, the last build's (its templates
        compiled already) unless the language or a template override changed."""
        dirs = self.registry.custom_dirs
        key = (language, tuple(dirs), _override_files(dirs))
        if self._kept_renderer is None or self._kept_renderer[0] != key:
            self._kept_renderer = (key, Renderer(language=language, custom_dirs=dirs))
        return self._kept_renderer[1]

    def _changes(
        self, ctx: ViewContext, files: Files, config: MkDocsConfig
    ) -> list[GeneratedPage]:
        """``changes/`` pages and, with ``feed``, the Atom feed ``changes.xml``."""
        options = self.config
        weeks = history(ctx)
        if options.feed:
            pages = week_pages(ctx, weeks, options.changes_weeks_per_page)
            feed = atom_feed(ctx, weeks, pages, config.site_name, config.site_url or "",
                             config.site_author or "", options.feed_weeks)
            self._add_file(files, config, FEED_PATH, feed)
        return changes_pages(ctx, weeks, options.changes_weeks_per_page,
                             options.changes_items_limit, feed=options.feed)

    def _section_pages(self, ctx: ViewContext, config: MkDocsConfig) -> list[GeneratedPage]:
        """Questions, positions, topics and the printable book, as the options ask."""
        options = self.config
        pages: list[GeneratedPage] = []
        if options.questions:
            pages += questions_pages(ctx, options.questions_page_size)
        if options.positions:
            pages += positions_pages(ctx, options.positions_page_size)
        if options.topics:
            pages += topic_pages(ctx, options.topic_briefs_limit)
        if options.print_book:
            pages += print_book_pages(
                ctx, config.site_name, config.site_description or "", options.print_max_briefs
            )
        if options.questions:
            pages += hypotheses_pages(ctx)
        if options.review:
            pages += review_pages(ctx, ReviewRules(
                self.review_today or self.as_of or build_date(),
                options.review_positions_after_days, options.review_actors_after_days),
                options.review_page_limit)
        return pages

    def _add_file(self, files: Files, config: MkDocsConfig, path: str,
                  content: str | Callable[[], str]) -> None:
        """Add a generated non-page file (its content, or what produces it when MkDocs writes
        it); an authored file at the same path wins, with a warning."""
        if files.get_file_from_path(path) is not None:
            log.warning("briefbook: docs/%s exists, so the generated export is not written", path)
            return
        if callable(content):
            files.append(ProducedFile(config, path, CORE_NAME, content))
        else:
            files.append(File.generated(config, path, content=content))

    def _flatten(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Without a ``nav`` in mkdocs.yml, generated sections of one page become links."""
        if config.nav is None:
            flatten_generated_sections(nav, self.registry.pages)
        return nav

    @event_priority(-100)  # the last: the navigation every page template is given
    def _keep_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.nav = nav
        return nav

    @event_priority(-200)  # after every plugin: files and navigation are final
    def _start_read_workers(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """With ``workers`` above 1, fork the processes that produce and convert generated
        pages ahead of MkDocs (workers.py, page_jobs.py)."""
        self.registry.ahead = None
        if self.workers > 1:
            sources = [f.src_uri for f in files.documentation_pages()
                       if f.src_uri in self.registry.pages]
            job = ReadJob(config, files, self.registry.pages.produce, self.page_cache)
            self.page_cache.pooled = self.read_pool.start(self.workers, sources, job,
                                                          job.setup)
            if self.read_pool.running:
                self.registry.ahead = self._read_ahead
        return nav

    on_nav = CombinedEvent(_flatten, _keep_nav, _start_read_workers)

    def _read_ahead(self, src_uri: str) -> PageDoc | None:
        """The page a worker produced (its conversion to the page cache), if any."""
        read = self.read_pool.take(src_uri)
        if not isinstance(read, Read):
            return None
        replay(read.logs)
        if read.conversion is not None:
            self.page_cache.add_prepared(src_uri, *read.conversion)
        return read.doc

    @event_priority(100)  # the first: every page is read
    def _stop_read_workers(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self._finish_workers(self.read_pool)
        return env

    def _finish_workers(self, pool: PagePool) -> None:
        if pool.running:
            pool.finish()
            if pool is self.read_pool:
                log.debug("briefbook: %d pages produced by workers, %d of them converted there",
                          pool.taken, self.page_cache.from_workers)
            else:
                log.debug("briefbook: %d pages rendered by workers, %d of them used",
                          pool.taken, self.render_cache.pages.from_workers)
        if pool is self.read_pool:
            self.registry.ahead = None

    @event_priority(-100)  # the last: the environment the pages are rendered with
    def _hook_render_cache(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Hook the render cache into the environment and the search index (render_cache)."""
        if self.nav is not None:
            self.render_cache.prepare(env, config, self.nav, files)
        return env

    @event_priority(-200)  # after the render cache is hooked in: the environment is final
    def _start_build_workers(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """With ``workers`` above 1, fork the processes that render pages' templates and index
        them for search ahead of MkDocs (workers.py, page_jobs.py)."""
        if self.workers > 1 and self.render_cache.enabled and self.nav is not None:
            inclusion = (InclusionLevel.is_in_serve if self.serving
                         else InclusionLevel.is_included)
            doc_files = files.documentation_pages(inclusion=inclusion)
            if self.render_cache.pages.holds_about(len(doc_files)):
                return env  # most pages are in the render cache: nothing for workers to do
            job = BuildJob(config, doc_files, self.nav, env, self.render_cache)
            self.build_pool.start(self.workers, [f.src_uri for f in doc_files], job,
                                  job.setup)
        return env

    on_env = CombinedEvent(_stop_read_workers, _hook_render_cache, _start_build_workers)

    @event_priority(50)
    def _overview(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """On an authored page, the overview panel where the marker line is. (A generated
        page's Markdown was produced when MkDocs read it.)"""
        src = page.file.src_uri
        ctx = self.registry.pages.context
        if src in self.registry.pages:
            self._give_tags(page)
            return markdown
        if not self.config.overview or ctx is None:
            return markdown
        match = find_marker(markdown)
        if match is None:
            return markdown
        with self.registry.template_errors(CORE_NAME):
            doc = overview_doc(ctx, src, exports=self.config.export)
        self.registry.hold(src, doc)
        self.with_overview.add(src)
        return markdown[: match.start()] + doc.body + markdown[match.end() :]

    @event_priority(-100)  # the last: the source is final
    def _from_cache(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Nothing to convert when the page's conversion is in the cache (see page_cache)."""
        return self.page_cache.before_render(markdown, page, config, files)

    on_page_markdown = CombinedEvent(_overview, _from_cache)

    def _give_tags(self, page: Page) -> None:
        """A brief's tags as the page's own, for Material's tags plugin (which reads them at
        priority -50) to show them and list the brief in its tags index."""
        ctx = self.registry.pages.context
        generated = self.registry.pages.page(page.file.src_uri)
        if self.tags_property is None or ctx is None or generated is None:
            return
        if generated.kind is not PageKind.BRIEF:
            return
        brief = ctx.dossier.briefs.get(generated.subject or "")
        if brief is not None and brief.tags:
            page.meta[self.tags_property] = list(brief.tags)

    @event_priority(200)  # the first: every other plugin reads what a cold build gives
    def _cached_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """The cached conversion, or the fresh one kept for the next build."""
        return self.page_cache.after_render(html, page, files)

    def _splice(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Put in the blocks the search index may read, and the table of contents a page
        keeps in its HTML blocks; forget the rest of the page's Markdown."""
        doc = self.registry.rendered(page.file.src_uri)
        if doc is None:
            return html
        if doc.toc:
            page.toc = get_toc(doc.toc)  # type: ignore[arg-type]
        html = splice(html, doc, searchable=True)
        doc.drop_searchable()
        return html

    on_page_content = CombinedEvent(_cached_content, _splice)

    @event_priority(150)  # the first: before the search index reads the page
    def _take_built(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """What a worker rendered and indexed for this page, into the render cache."""
        built = self.build_pool.take(page.file.src_uri)
        if isinstance(built, Built):
            self.render_cache.add_prepared(built.renders, built.searches)
            replay(built.logs)
        return context

    @event_priority(-100)
    def _splice_unsearchable(
        self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        """After the search index has read the page, put in the blocks kept out of search, and
        the as-of banner on every page (authored ones included)."""
        doc = self.registry.rendered(page.file.src_uri)
        if doc is not None and page.content is not None:
            doc.unpack()
            page.content = splice(page.content, doc, searchable=False)
            self.registry.release(page.file.src_uri)
        if self.banner and page.content is not None:
            page.content = self.banner + page.content
        return context

    on_page_context = CombinedEvent(_take_built, _splice_unsearchable)

    @event_priority(50)  # before plugins that rewrite the HTML (minify)
    def _link_assets(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Link Briefbook's stylesheet and scripts from the pages that have its content (every
        page when the as-of banner is on), and from no other page."""
        src = page.file.src_uri
        if self.banner or src in self.registry.pages or src in self.with_overview:
            return with_assets(output, page.url)
        return output

    @event_priority(-200)  # the last: every plugin has seen the page
    def _release(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """A generated page's source and HTML are not held once it is written (at 10,000 briefs,
        a few hundred MB until the end of the build)."""
        if page.file.src_uri in self.registry.pages:
            page.markdown, page.content = "", ""
        return output

    on_post_page = CombinedEvent(_link_assets, _release)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._finish_workers(self.build_pool)
        # with --dirty, pages MkDocs skipped used no entry: keep them all
        self.page_cache.end_build(prune=not self.dirty)
        self.render_cache.end_build(prune=not self.dirty)
        self.nav = None
        pages, search = self.render_cache.pages, self.render_cache.search
        if pages.hits or pages.misses:
            log.debug("briefbook: %d page templates rendered, %d from the cache; %d pages "
                      "indexed for search, %d from the cache",
                      pages.misses, pages.hits, search.misses, search.hits)
        if self.page_cache.converted or self.page_cache.reused:
            log.debug("briefbook: %d pages converted, %d from the page cache",
                      self.page_cache.converted, self.page_cache.reused)

    def on_build_error(self, *, error: Exception) -> None:
        self._finish_workers(self.read_pool)
        self._finish_workers(self.build_pool)
        self.page_cache.abandon_build()
        self.render_cache.end_build(prune=False)
        self.nav = None

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        server.watch(str(self.briefs_dir))
        if self.last_good is None:  # a failed rebuild must not leave the server stuck
            self.last_good = LastGoodSite(Path(config.site_dir))
            self.last_good.save()
            server.builder = guarded(server.builder, self.last_good, log.error)
        return server

    def on_shutdown(self) -> None:
        self._finish_workers(self.read_pool)
        self._finish_workers(self.build_pool)
        if self.last_good is not None:
            self.last_good.close()
            self.last_good = None

    # -- helpers -----------------------------------------------------------------------------
    def _sections(self) -> set[str]:
        """The generated sections of this build: the core's, and those the other plugins
        declared in the registry."""
        sections = {"briefs"}
        own = ("questions", "positions", "topics", "print", "changes", "review")
        options = ("questions", "positions", "topics", "print_book", "changes", "review")
        sections.update(name for name, option in zip(own, options, strict=True)
                        if self.config[option])
        if self.own_tags:
            sections.add("tags")
        sections.update(self.registry.pages.site_sections)
        return sections

    def _report(self, diags: Diagnostics) -> None:
        """Warnings go to the log (so --strict counts them); errors stop a build, not serve.

        Notes (suggestions) are logged at INFO, the first :data:`NOTES_SHOWN` of them, and
        never fail a build.
        """
        notes = [d for d in diags.sorted() if d.is_note]
        for diag in notes[:NOTES_SHOWN]:
            log.info(diag.format())
        if len(notes) > NOTES_SHOWN:
            log.info("briefbook: %d more notes; run 'briefbook check' to see them all",
                     len(notes) - NOTES_SHOWN)
        for diag in diags.sorted():
            if diag.severity is Severity.WARNING:
                log.warning(diag.format())
        errors = [d for d in diags.sorted() if d.is_error]
        if not errors:
            return
        if self.serving:
            for diag in errors:
                log.error(diag.format())
            log.error("briefbook: %s; pages with errors are left out until fixed", diags.summary())
            return
        listing = "\n".join(d.format() for d in errors)
        raise PluginError(
            f"briefbook: the dossier has {diags.summary()}:\n{listing}\n"
            "Fix these and build again (run 'briefbook check' for the full list)."
        )


def _override_files(custom_dirs: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """Every file of the template overrides (``custom_dir/briefbook/``), with its size and
    modification time: what tells a kept renderer from a stale one."""
    found = []
    for folder in custom_dirs:
        for root, dirs, names in os.walk(folder / "briefbook"):
            dirs.sort()
            for name in sorted(names):
                try:
                    info = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                found.append((os.path.join(root, name), info.st_size, info.st_mtime_ns))
    return tuple(found)


def _cache_dir(option: str | None, base: Path, config: MkDocsConfig,
               briefs_dir: Path) -> Path | None:
    """The page cache folder (``cache_dir``, relative to mkdocs.yml), or None when it is off.

    It lies inside the project (nothing outside is read), not inside ``docs_dir``, ``site_dir``
    or the theme's ``custom_dir`` (MkDocs would publish it, or delete it) nor inside the
    dossier folder (``mkdocs serve`` would rebuild each time it is written).
    """
    if option is None or not option.strip():
        return None
    folder = (base / option).resolve()
    if folder == base or base not in folder.parents:
        raise PluginError(
            f"briefbook: cache_dir '{option}' is not a folder inside the project "
            f"({base}, where mkdocs.yml is); nothing outside it is read. "
            "Put the cache beside mkdocs.yml, e.g. cache_dir: .cache/briefbook")
    custom = config.theme.custom_dir
    for name, other in (("docs_dir", Path(config.docs_dir).resolve()),
                        ("site_dir", Path(config.site_dir).resolve()),
                        ("briefs_dir", briefs_dir),
                        *((("theme.custom_dir", Path(custom).resolve()),) if custom else ())):
        if folder == other or other in folder.parents:
            raise PluginError(
                f"briefbook: cache_dir '{option}' is inside {name} "
                f"'{display_path(other, base)}'; put the cache beside mkdocs.yml, "
                "e.g. cache_dir: .cache/briefbook"
            )
    return folder


def _check_briefs_dir_outside_docs(briefs_dir: Path, docs_dir: Path, base: Path) -> None:
    """Stop when the dossier folder lies inside ``docs_dir``.

    MkDocs would publish its raw files as pages of their own, beside the pages Briefbook makes
    from them: every brief twice, unchecked and unescaped (themes print a page's front-matter
    title as HTML). Leaving those files out quietly would hide a layout that surprises anyone
    reading the project, so the build stops and says what to move.
    """
    if briefs_dir != docs_dir and docs_dir not in briefs_dir.parents:
        return
    raise PluginError(
        f"briefbook: briefs_dir '{display_path(briefs_dir, base)}' is inside docs_dir "
        f"'{display_path(docs_dir, base)}', "
        "so MkDocs would also publish the raw dossier files as pages; move the dossier folder "
        f"beside mkdocs.yml (e.g. '{briefs_dir.name if briefs_dir != docs_dir else 'briefs'}') "
        "and set briefs_dir to it"
    )


__all__ = ["BriefbookPlugin", "check_counts", "event_priority"]


def material_tags(config: MkDocsConfig) -> bool:
    """Whether the site runs Material's tags plugin (which then owns the tags pages)."""
    return any(name in config.plugins for name in ("tags", "material/tags"))
