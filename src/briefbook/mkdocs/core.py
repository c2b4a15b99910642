"""The ``briefbook`` plugin: loads the dossier, reports its problems, and adds its pages.

Brief pages and the briefs index, the questions register, the positions matrix, topic pages, the
printable book, the overview panel (in place of a marker in an authored page) and the exports.

Other Briefbook plugins (``briefbook/actors``, ``briefbook/timeline``) find this one through
:func:`core_plugin` and hand their pages to :meth:`BriefbookPlugin.add_pages`.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from briefbook.export import dossier_json, positions_csv
from briefbook.export.atom import FEED_PATH, atom_feed
from briefbook.i18n.catalogue import languages
from briefbook.load.files import display_path
from briefbook.mkdocs.assets import CSS_NAME, ship_asset, with_assets
from briefbook.mkdocs.i18n import (
    AFTER_I18N,
    BEFORE_I18N,
    i18n_plugin,
    language_folder,
    put_back,
    take_out,
)
from briefbook.mkdocs.material_tags import material_tags_property
from briefbook.model.diagnostics import Diagnostics, Severity
from briefbook.pipeline import DossierLoader, LoadResult
from briefbook.render.environment import Renderer, TemplateProblem
from briefbook.validate.as_of import parse_as_of
from briefbook.views.as_of_banner import as_of_banner
from briefbook.views.brief import brief_page
from briefbook.views.briefs_index import briefs_index_pages
from briefbook.views.changes import changes_pages, history, week_pages
from briefbook.views.context import ViewContext
from briefbook.views.overview import find_marker, overview_doc
from briefbook.views.page import PageDoc, splice
from briefbook.views.positions import positions_pages
from briefbook.views.print_book import print_book_page
from briefbook.views.questions import question_page_map, questions_pages
from briefbook.views.topic import topic_page, topics_index_page
from briefbook.views.urls import SiteUrls

log = logging.getLogger("mkdocs.plugins.briefbook")

GRADE_JS_NAME = "grade-filter.js"
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


COUNT_MINIMUMS = {
    "page_size": 1, "questions_page_size": 1, "positions_page_size": 1,
    "changes_weeks_per_page": 1, "changes_items_limit": 1, "feed_weeks": 1,
    "topic_briefs_limit": 0,  # 0: a topic page lists no briefs (they are on the briefs list)
    "print_max_briefs": 0,  # 0: the book holds every brief
}
"""Every whole-number option of the plugin, with the least value it accepts."""


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


class BriefbookPlugin(BasePlugin[BriefbookConfig]):
    """Turns the dossier folder into brief pages and a paginated briefs index."""

    def __init__(self) -> None:
        self.serving = False
        self.loader = DossierLoader()
        self.pages: dict[str, PageDoc] = {}
        self.embedded: dict[str, PageDoc] = {}
        self.result: LoadResult | None = None
        self.context: ViewContext | None = None
        self.briefs_dir = Path("briefs")
        self.as_of: _dt.date | None = None
        self.banner = ""
        self.base_dir = Path.cwd()
        self.custom_dirs: list[Path] = []
        self.set_aside: list[File] = []  # generated files kept away from mkdocs-static-i18n
        self.tags_property: str | None = None  # the meta key of Material's tags plugin, if on

    # -- set-up ------------------------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").resolve().parent
        self.base_dir = base
        if not self.config.briefs_dir.strip():
            raise PluginError("briefbook: 'briefs_dir' is empty; give the dossier folder's "
                              "path, e.g. briefs_dir: briefs")
        self.briefs_dir = (base / self.config.briefs_dir).resolve()
        _check_briefs_dir_outside_docs(self.briefs_dir, Path(config.docs_dir).resolve(), base)
        check_counts("briefbook", self.config, COUNT_MINIMUMS)
        try:
            self.as_of = parse_as_of(self.config.as_of) if self.config.as_of else None
        except ValueError as exc:
            raise PluginError(f"briefbook: {exc}") from None
        return config

    # -- pages -------------------------------------------------------------------------------
    @event_priority(90)  # before other plugins look at the files (redirects, literate-nav ...)
    def _generate(self, files: Files, *, config: MkDocsConfig) -> Files:
        with self.template_errors("briefbook"):
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
        self.pages = {}
        self.embedded = {}
        self.result = self.loader.load(self.briefs_dir, self.base_dir, as_of=self.as_of)
        self._report(self.result.diagnostics)
        self.tags_property = material_tags_property(config)
        custom_dir = config.theme.custom_dir
        self.custom_dirs = [Path(custom_dir).resolve()] if custom_dir else []
        language = str(config.theme.get("language") or "en")
        renderer = Renderer(language=language, custom_dirs=self.custom_dirs)
        if not renderer.t.has_labels:
            *others, last = languages()
            log.info("briefbook: theme.language is '%s'; Briefbook's own labels exist in %s "
                     "only, so its pages show them in English", language,
                     f"{', '.join(others)} and {last}" if others else last)
        urls = SiteUrls(config.use_directory_urls, sections=self._sections(config))
        self.context = ctx = ViewContext(
            self.result.dossier, self.result.index, urls, renderer,
            options={"sanitize": self.config.sanitize,
                     "material_tags": self.tags_property is not None},
        )
        if self.config.questions:
            ctx.question_pages = question_page_map(ctx, self.config.questions_page_size)
        ship_asset(files, config, CSS_NAME)
        ship_asset(files, config, GRADE_JS_NAME)
        self.banner = as_of_banner(renderer, self.as_of) if self.as_of else ""
        docs = briefs_index_pages(ctx, self.config.page_size)
        for brief in self.result.dossier.briefs.values():
            docs.append(brief_page(ctx, brief))
        docs += self._section_pages(config)
        if self.config.changes:
            docs += self._changes(files, config)
        self.add_pages(files, config, docs)
        if self.config.export:
            self._add_file(files, config, "dossier.json", dossier_json(ctx, config.site_url or ""))
            self._add_file(files, config, "positions.csv", positions_csv(ctx))
        return files

    def _changes(self, files: Files, config: MkDocsConfig) -> list[PageDoc]:
        """``changes/`` pages and, with ``feed``, the Atom feed ``changes.xml``."""
        ctx, options = self.context, self.config
        assert ctx is not None
        weeks = history(ctx)
        if options.feed:
            pages = week_pages(ctx, weeks, options.changes_weeks_per_page)
            feed = atom_feed(ctx, weeks, pages, config.site_name, config.site_url or "",
                             config.site_author or "", options.feed_weeks)
            self._add_file(files, config, FEED_PATH, feed)
        return changes_pages(ctx, weeks, options.changes_weeks_per_page,
                             options.changes_items_limit, feed=options.feed)

    def _section_pages(self, config: MkDocsConfig) -> list[PageDoc]:
        """Questions, positions, topics and the printable book, as the options ask."""
        ctx, options = self.context, self.config
        assert ctx is not None
        docs: list[PageDoc] = []
        if options.questions:
            docs += questions_pages(ctx, options.questions_page_size)
        if options.positions:
            docs += positions_pages(ctx, options.positions_page_size)
        if options.topics:
            docs.append(topics_index_page(ctx))
            docs += [topic_page(ctx, topic, options.topic_briefs_limit)
                     for topic in ctx.dossier.topics.values()]
        if options.print_book:
            docs.append(print_book_page(
                ctx, config.site_name, config.site_description or "", options.print_max_briefs
            ))
        return docs

    def _add_file(self, files: Files, config: MkDocsConfig, path: str, content: str) -> None:
        """Add a generated non-page file; an authored file at the same path wins, with a warning."""
        if files.get_file_from_path(path) is not None:
            log.warning("briefbook: docs/%s exists, so the generated export is not written", path)
            return
        files.append(File.generated(config, path, content=content))

    def add_pages(self, files: Files, config: MkDocsConfig, docs: list[PageDoc]) -> None:
        """Register generated pages; an authored page at the same address wins, with a warning.

        Two sources can land on one address (``docs/timeline.md`` and a generated
        ``timeline/index.md`` both become ``timeline/index.html``), so output paths are compared,
        not only source paths.
        """
        authored = {f.dest_uri: f.src_uri for f in files if f.generated_by is None}
        for doc in docs:
            file = File.generated(
                config, doc.src_uri, content=doc.markdown,
                inclusion=InclusionLevel.INCLUDED if doc.in_nav else InclusionLevel.NOT_IN_NAV,
            )
            clash = authored.get(file.dest_uri)
            if clash is not None:
                log.warning(
                    "briefbook: docs/%s is published at %s, where Briefbook would put its "
                    "generated page %s; the generated page is left out. Rename or move the file "
                    "to get it back",
                    clash, file.dest_uri, doc.src_uri,
                )
                continue
            files.append(file)
            self.pages[doc.src_uri] = doc

    @event_priority(50)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """A generated page's Markdown as its PageDoc stands now (sections that other plugins
        appended after the page was registered included); on an authored page, the overview
        panel where the marker line is."""
        src = page.file.src_uri
        doc = self.pages.get(src)
        if doc is not None:
            self._give_tags(page, doc)
            return doc.body
        if not self.config.overview or self.context is None:
            return markdown
        match = find_marker(markdown)
        if match is None:
            return markdown
        with self.template_errors("briefbook"):
            doc = overview_doc(self.context, src, exports=self.config.export)
        self.embedded[src] = doc
        return markdown[: match.start()] + doc.body + markdown[match.end() :]

    def _give_tags(self, page: Page, doc: PageDoc) -> None:
        """A brief's tags as the page's own, for Material's tags plugin (which reads them at
        priority -50) to show them and list the brief in its tags index."""
        if self.tags_property is None or doc.kind != "brief" or self.context is None:
            return
        brief = self.context.dossier.briefs.get(doc.brief_id or "")
        if brief is not None and brief.tags:
            page.meta[self.tags_property] = list(brief.tags)

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        doc = self.pages.get(page.file.src_uri) or self.embedded.get(page.file.src_uri)
        return splice(html, doc, searchable=True) if doc else html

    @event_priority(-100)
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        """After the search index has read the page, put in the blocks kept out of search, and
        the as-of banner on every page (authored ones included)."""
        doc = self.pages.get(page.file.src_uri) or self.embedded.get(page.file.src_uri)
        if doc is not None and page.content is not None:
            page.content = splice(page.content, doc, searchable=False)
        if self.banner and page.content is not None:
            page.content = self.banner + page.content
        return context

    @event_priority(50)  # before plugins that rewrite the HTML (minify)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Link Briefbook's stylesheet and scripts from the pages that have its content (every
        page when the as-of banner is on), and from no other page."""
        src = page.file.src_uri
        if self.banner or src in self.pages or src in self.embedded:
            return with_assets(output, page.url)
        return output

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(str(self.briefs_dir))
        return server

    # -- helpers -----------------------------------------------------------------------------
    @contextmanager
    def template_errors(self, name: str) -> Iterator[None]:
        """Turn a template that cannot be rendered into a build error naming its file and line,
        with what to do (for the plugin ``name``, which renders inside the block)."""
        try:
            yield
        except TemplateProblem as problem:
            raise PluginError(f"{name}: {self._describe(problem)}") from None

    def _describe(self, problem: TemplateProblem) -> str:
        path = Path(problem.path) if problem.path else None
        where = display_path(path, self.base_dir) if path else problem.name
        if problem.line:
            where += f":{problem.line}"
        overridden = path is not None and any(
            folder == path or folder in path.parents for folder in self.custom_dirs
        )
        if overridden:
            advice = ("fix this template override, or delete it to use Briefbook's own "
                      f"{problem.name}")
        else:
            advice = "this is Briefbook's own template: please report the problem"
        return f"{where}: error: template {problem.name} cannot be rendered: {problem.problem}; " \
            f"{advice}"

    def _sections(self, config: MkDocsConfig) -> set[str]:
        sections = {"briefs"}
        own = ("questions", "positions", "topics", "print", "changes")
        options = ("questions", "positions", "topics", "print_book", "changes")
        sections.update(name for name, option in zip(own, options, strict=True)
                        if self.config[option])
        for plugin in config.plugins.values():
            sections.update(getattr(plugin, "briefbook_sections", ()))
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




def core_plugin(config: MkDocsConfig, name: str) -> BriefbookPlugin:
    """The ``briefbook`` plugin of this site; a sub-plugin without it stops the build clearly."""
    for plugin in config.plugins.values():
        if isinstance(plugin, BriefbookPlugin):
            return plugin
    raise PluginError(
        f"{name}: add the 'briefbook' plugin before '{name}' in mkdocs.yml's plugins list; "
        f"{name} builds on the dossier it loads"
    )


__all__ = ["BriefbookPlugin", "core_plugin", "event_priority"]
