"""What a worker process does for one page, in each of MkDocs' two passes (``workers``).

:class:`ReadJob` (reading pass, generated pages): produce the page, run Briefbook's
``on_page_markdown`` hooks, convert it. The result is the produced page and the conversion as
the page cache keeps it (:mod:`briefbook.mkdocs.page_cache`).

:class:`BuildJob` (building pass, every page): what ``_build_page`` does up to the template,
with Briefbook's and Material's search ``on_page_context`` hooks, then the template. The result
is the rendered page and its search entries as the render cache keeps them
(:mod:`briefbook.mkdocs.render_cache`).

The main process then runs every plugin's hooks as usual, and finds the worker's work under
the usual keys of the two caches: a page whose Markdown or template context another plugin
changed has another key and is done in the main process, so a build with workers writes what
one process writes. Other plugins' hooks never run in a worker: they may write files or keep
state of their own.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from briefbook.mkdocs.page_cache import LogCapture, PageCache, Rendering
from briefbook.mkdocs.render_cache import RenderCache
from briefbook.views.page import PageDoc

LogEntry = tuple[str, int, str]
_DRAFT = ('<div class="mkdocs-draft-marker" title="This page will not be included into the '
          'built site.">DRAFT</div>')  # as MkDocs' _build_page writes it


@dataclass
class Read:
    """What a worker made of one page in the reading pass."""

    produced: bytes  # the pickled PageDoc, as it was produced
    logs: list[LogEntry]  # logged while producing it (the conversion's are in the Rendering)
    conversion: tuple[str, Rendering] | None  # page cache key and entry

    @property
    def doc(self) -> PageDoc:
        doc = pickle.loads(self.produced)
        assert isinstance(doc, PageDoc)
        return doc


@dataclass
class Built:
    """What a worker made of one page in the building pass."""

    renders: list[tuple[str, str]]  # render cache entries: key, rendered page
    searches: list[tuple[str, str]]  # search entries: key, JSON
    logs: list[LogEntry]  # logged while the template rendered


def replay(logs: list[LogEntry]) -> None:
    """Log again in the main process what a worker logged."""
    for name, level, message in logs:
        logging.getLogger(name).log(level, message)


class ReadJob:
    """Produce and convert a generated page (see the module docstring)."""

    def __init__(self, config: MkDocsConfig, files: Files, produce: Callable[[str], PageDoc],
                 page_cache: PageCache) -> None:
        self.config, self.files, self.produce, self.page_cache = config, files, produce, page_cache
        self.markdown_hooks: list[Callable[..., Any]] = []
        self.content_hooks: list[Callable[..., Any]] = []

    def setup(self) -> None:
        """In the worker, before the first page."""
        self.page_cache.start_collecting()
        self.markdown_hooks = own_hooks(self.config, "page_markdown")
        self.content_hooks = own_hooks(self.config, "page_content")

    def __call__(self, src_uri: str) -> Read | None:
        config, files = self.config, self.files
        file = files.get_file_from_path(src_uri)
        if file is None:
            return None
        page = file.page if file.page is not None else Page(None, file, config)
        capture = LogCapture()
        logging.getLogger().addHandler(capture)
        config._current_page = page
        try:
            doc = self.produce(src_uri)
            produced = pickle.dumps(doc, pickle.HIGHEST_PROTOCOL)  # before the hooks change it
            logs = list(capture.records)
            page.markdown, page.meta = meta.get_data(doc.markdown)  # as Page.read_source does
            for hook in self.markdown_hooks:
                changed = hook(page.markdown, page=page, config=config, files=files)
                if changed is not None:
                    page.markdown = changed
            page.render(config, files)
            assert page.content is not None
            for hook in self.content_hooks:
                changed = hook(page.content, page=page, config=config, files=files)
                if changed is not None:
                    page.content = changed
        except Exception:  # the main process does the page again, and reports what fails
            return None
        finally:
            config._current_page = None
            logging.getLogger().removeHandler(capture)
        return Read(produced=produced, logs=logs, conversion=self.page_cache.take_collected())


class BuildJob:
    """Render a page's template and index it for search (see the module docstring)."""

    def __init__(self, config: MkDocsConfig, doc_files: Sequence[File], nav: Navigation,
                 env: Any, render_cache: RenderCache) -> None:
        self.config, self.doc_files, self.nav, self.env = config, doc_files, nav, env
        self.render_cache = render_cache
        self.context_hooks: list[Callable[..., Any]] = []
        self.by_source = {f.src_uri: f for f in doc_files}

    def setup(self) -> None:
        self.render_cache.start_collecting()
        self.context_hooks = own_hooks(self.config, "page_context",
                                       also=("material.plugins.search.",))

    def __call__(self, src_uri: str) -> Built | None:
        config = self.config
        file = self.by_source.get(src_uri)
        page = file.page if file is not None else None
        if file is None or page is None:
            return None
        config._current_page = page
        capture = LogCapture()
        try:
            page.active = True
            context = get_context(self.nav, self.doc_files, config, page)
            template = self.env.get_template(page.meta.get("template", "main.html"))
            for hook in self.context_hooks:
                changed = hook(context, page=page, config=config, nav=self.nav)
                if changed is not None:
                    context = changed
            if file.inclusion.is_excluded():  # type: ignore[no-untyped-call]
                page.content = _DRAFT + (page.content or "")
            logging.getLogger().addHandler(capture)
            template.render(context)
        except Exception:  # the main process does the page again, and reports what fails
            return None
        finally:
            logging.getLogger().removeHandler(capture)
            page.active = False
            config._current_page = None
        renders, searches = self.render_cache.take_collected()
        return Built(renders=renders, searches=searches, logs=list(capture.records))


def own_hooks(config: MkDocsConfig, event: str,
              also: tuple[str, ...] = ()) -> list[Callable[..., Any]]:
    """Briefbook's plugins' handlers of ``event`` (and those of the modules named in
    ``also``), in MkDocs' order."""
    prefixes = ("briefbook.", *also)
    return [hook for hook in config.plugins.events[event]
            if type(getattr(hook, "__self__", None)).__module__.startswith(prefixes)]
