"""The MkDocs side of the page registry (:mod:`briefbook.views.registry`).

The ``briefbook`` plugin owns one :class:`SiteRegistry` per build. Other plugins reach it only
through :func:`site_registry`, which stops the build with a clear message when the core plugin
is missing or listed after them. A generated page becomes a :class:`ProducedPageFile`, whose
source (front-matter with title and meta, then the body) is produced when MkDocs reads it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from briefbook.load.files import display_path
from briefbook.render.environment import TemplateProblem
from briefbook.views.page import PageDoc
from briefbook.views.registry import (
    ContributionFailed,
    DuplicatePage,
    GeneratedPage,
    PageRegistry,
    PageSection,
)

log = logging.getLogger("mkdocs.plugins.briefbook")

CORE_NAME = "briefbook"


class ProducedFile(File):
    """A generated file whose content is produced each time MkDocs reads it (when it writes the
    file, for one that is not a page), and not held in between."""

    def __init__(self, config: MkDocsConfig, src_uri: str, owner: str, read: Callable[[], str],
                 inclusion: InclusionLevel = InclusionLevel.UNDEFINED) -> None:
        super().__init__(src_uri, src_dir=None, dest_dir=config.site_dir,
                         use_directory_urls=config.use_directory_urls, inclusion=inclusion)
        self.generated_by = owner
        self._read = read
        self._content = ""  # held in memory, not on disk: MkDocs treats it as modified

    @property
    def content_string(self) -> str:
        return self._read()

    @content_string.setter
    def content_string(self, value: str) -> None:  # a plugin replacing the source wins
        self._read = lambda: value

    @property
    def content_bytes(self) -> bytes:
        return self._read().encode()

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        text = value.decode("utf-8-sig")
        self._read = lambda: text

    def copy_file(self, dirty: bool = False) -> None:
        """Write the file (MkDocs would write the placeholder content)."""
        output = Path(self.abs_dest_path)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(self.content_bytes)


class ProducedPageFile(ProducedFile):
    """A generated page whose source is produced each time MkDocs reads it."""

    def __init__(self, config: MkDocsConfig, page: GeneratedPage, owner: str,
                 read: Callable[[], str]) -> None:
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        super().__init__(config, page.src_uri, owner, read, inclusion)


class SiteRegistry:
    """The build's :class:`PageRegistry`, with what MkDocs needs: files, and messages that
    name the template and the plugin when a page cannot be rendered."""

    def __init__(self, base_dir: Path, custom_dirs: list[Path] | None = None) -> None:
        self.pages = PageRegistry()
        self.base_dir = base_dir
        self.custom_dirs = custom_dirs or []
        self._rendered: dict[str, PageDoc] = {}
        self.ahead: Callable[[str], PageDoc | None] | None = None  # pages workers produced

    # -- contributions -----------------------------------------------------------------------
    def add_site_section(self, name: str) -> None:
        """Declare a generated section (``actors``…), so views link to it; from ``on_config``."""
        self.pages.add_site_section(name)

    def add_section(self, owner: str, section: PageSection) -> None:
        self.pages.add_section(owner, section)

    def add_pages(self, files: Files, config: MkDocsConfig, owner: str,
                  pages: Iterable[GeneratedPage]) -> None:
        """Register generated pages; an authored page at the same address wins, with a warning.

        Two sources can land on one address (``docs/timeline.md`` and a generated
        ``timeline/index.md`` both become ``timeline/index.html``), so output paths are
        compared, not only source paths.
        """
        authored = {f.dest_uri: f.src_uri for f in files if f.generated_by is None}
        for page in pages:
            file = ProducedPageFile(config, page, owner, partial(self.read, page.src_uri))
            clash = authored.get(file.dest_uri)
            if clash is not None:
                log.warning(
                    "%s: docs/%s is published at %s, where Briefbook would put its "
                    "generated page %s; the generated page is left out. Rename or move the file "
                    "to get it back",
                    owner, clash, file.dest_uri, page.src_uri,
                )
                continue
            try:
                self.pages.add_page(owner, page)
            except DuplicatePage as exc:
                raise PluginError(f"{owner}: {exc}; only one plugin may generate a page") \
                    from None
            files.append(file)

    # -- rendering ---------------------------------------------------------------------------
    def read(self, src_uri: str) -> str:
        """Produce the page at ``src_uri`` (title, meta, body and the sections contributed to
        its kind) and keep it until :meth:`release`; return the source MkDocs reads. (A page
        a worker process produced is taken as it is: see :mod:`briefbook.mkdocs.workers`.)"""
        doc = self.ahead(src_uri) if self.ahead is not None else None
        if doc is not None:
            self._rendered[src_uri] = doc
            return doc.markdown
        try:
            doc = self.pages.produce(src_uri)
        except ContributionFailed as failed:
            raise PluginError(f"{failed.owner}: {self.describe(failed.problem)}") from None
        self._rendered[src_uri] = doc
        return doc.markdown

    def hold(self, src_uri: str, doc: PageDoc) -> None:
        """Keep a doc rendered into an authored page (the overview) until :meth:`release`."""
        self._rendered[src_uri] = doc

    def rendered(self, src_uri: str) -> PageDoc | None:
        return self._rendered.get(src_uri)

    def release(self, src_uri: str) -> None:
        self._rendered.pop(src_uri, None)

    # -- messages ----------------------------------------------------------------------------
    @contextmanager
    def template_errors(self, name: str) -> Iterator[None]:
        """Turn a template that cannot be rendered into a build error naming its file and line,
        with what to do (for the plugin ``name``, which renders inside the block)."""
        try:
            yield
        except TemplateProblem as problem:
            raise PluginError(f"{name}: {self.describe(problem)}") from None

    def describe(self, problem: TemplateProblem) -> str:
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


class RegistryOwner:
    """What the core plugin exposes to the others: its registry (see :func:`site_registry`)."""

    registry: SiteRegistry


def site_registry(config: MkDocsConfig, name: str) -> SiteRegistry:
    """The page registry of this build, for the plugin called ``name`` in mkdocs.yml.

    The only way other plugins reach the core. Stops the build (a :class:`PluginError`, no
    traceback) when the ``briefbook`` plugin is missing, or listed after ``name``: the core
    must load the dossier before the plugins that build on it.
    """
    names = list(config.plugins)
    owners = [key for key, plugin in config.plugins.items() if isinstance(plugin, RegistryOwner)]
    if not owners:
        raise PluginError(
            f"{name}: add the '{CORE_NAME}' plugin before '{name}' in mkdocs.yml's plugins "
            f"list; {name} builds on the dossier it loads"
        )
    if name in names and names.index(owners[0]) > names.index(name):
        raise PluginError(
            f"{name}: the '{CORE_NAME}' plugin is listed after '{name}' in mkdocs.yml's "
            f"plugins list; move '{CORE_NAME}' before '{name}', which builds on the dossier "
            f"it loads"
        )
    owner = config.plugins[owners[0]]
    assert isinstance(owner, RegistryOwner)
    return owner.registry
