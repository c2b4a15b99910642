"""The ``briefbook`` plugin: loads the dossier, reports its problems, and adds brief pages.

Other Briefbook plugins (``briefbook/actors``, ``briefbook/timeline``) find this one through
:func:`core_plugin` and hand their pages to :meth:`BriefbookPlugin.add_pages`.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..diagnostics import Diagnostics
from ..pipeline import DossierLoader, LoadResult
from ..render import Renderer
from ..views.brief import brief_page
from ..views.briefs_index import briefs_index_pages
from ..views.context import ViewContext
from ..views.page import PageDoc, splice
from ..views.urls import SiteUrls

log = logging.getLogger("mkdocs.plugins.briefbook")

CSS_URI = "assets/briefbook/briefbook.css"


class BriefbookConfig(Config):
    briefs_dir = c.Type(str, default="briefs")
    page_size = c.Type(int, default=50)


class BriefbookPlugin(BasePlugin[BriefbookConfig]):
    """Turns the dossier folder into brief pages and a paginated briefs index."""

    def __init__(self) -> None:
        self.serving = False
        self.loader = DossierLoader()
        self.pages: dict[str, PageDoc] = {}
        self.result: LoadResult | None = None
        self.context: ViewContext | None = None
        self.briefs_dir = Path("briefs")

    # -- set-up ------------------------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").resolve().parent
        self.base_dir = base
        self.briefs_dir = (base / self.config.briefs_dir).resolve()
        if self.config.page_size < 1:
            raise PluginError("briefbook: 'page_size' must be 1 or more")
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        return config

    # -- pages -------------------------------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.pages = {}
        self.result = self.loader.load(self.briefs_dir, self.base_dir)
        self._report(self.result.diagnostics)
        custom_dir = config.theme.custom_dir
        renderer = Renderer(
            language=str(config.theme.get("language") or "en"),
            custom_dirs=[Path(custom_dir)] if custom_dir else [],
        )
        urls = SiteUrls(config.use_directory_urls, sections=self._sections(config))
        self.context = ViewContext(self.result.dossier, self.result.index, urls, renderer)
        css = resources.files("briefbook") / "assets" / "briefbook.css"
        files.append(File.generated(config, CSS_URI, abs_src_path=str(css)))
        docs = briefs_index_pages(self.context, self.config.page_size)
        for brief in self.result.dossier.briefs.values():
            docs.append(brief_page(self.context, brief))
        self.add_pages(files, config, docs)
        return files

    def add_pages(self, files: Files, config: MkDocsConfig, docs: list[PageDoc]) -> None:
        """Register generated pages; an authored page at the same path wins, with a warning."""
        for doc in docs:
            if files.get_file_from_path(doc.src_uri) is not None:
                log.warning(
                    "briefbook: docs/%s exists, so the generated page at that path is not "
                    "added; rename or remove the file to get it back",
                    doc.src_uri,
                )
                continue
            inclusion = InclusionLevel.INCLUDED if doc.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                File.generated(config, doc.src_uri, content=doc.markdown, inclusion=inclusion)
            )
            self.pages[doc.src_uri] = doc

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        doc = self.pages.get(page.file.src_uri)
        return splice(html, doc) if doc else html

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(str(self.briefs_dir))
        return server

    # -- helpers -----------------------------------------------------------------------------
    @staticmethod
    def _sections(config: MkDocsConfig) -> set[str]:
        sections = {"briefs"}
        for plugin in config.plugins.values():
            sections.update(getattr(plugin, "briefbook_sections", ()))
        return sections

    def _report(self, diags: Diagnostics) -> None:
        """Warnings go to the log (so --strict counts them); errors stop a build, not serve."""
        for diag in diags.sorted():
            if not diag.is_error:
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
