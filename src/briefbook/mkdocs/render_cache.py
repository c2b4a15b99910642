"""Skip the theme template and the search indexing of a page whose inputs did not change.

After the Markdown conversion (see :mod:`briefbook.mkdocs.page_cache`), the costliest steps of a
build are the theme's page template (Material renders the whole navigation into every page) and
the search plugin parsing every page's HTML. Both are functions of what they are given:

- the template renders a *context*: the page (its final HTML, table of contents, title, meta,
  addresses, neighbours and parents), the navigation, the list of pages, the configuration and
  whatever other plugins put in it, with the theme's template files;
- Material's search index adds a page's entries from its HTML, table of contents, address,
  title and meta.

:class:`RenderCache` keys each by a digest of those inputs and keeps the result: the rendered
page (before ``on_post_page``, which runs as usual) and the search entries (put back into the
index in page order, so the index is the one a cold build writes). Anything in a context that
has no stable picture (an object without a value-like ``repr``) makes a different key in every
process, so it can only cause a miss, never a stale page. Entries live in memory while
``mkdocs serve`` runs (compressed), and with ``cache_dir`` in plain files; each build keeps only
the entries it used.
"""

from __future__ import annotations

import copy
import datetime as _dt
import enum
import functools
import hashlib
import importlib.metadata
import itertools
import json
import logging
import os
import types
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
import markdown
import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from briefbook import __version__
from briefbook.mkdocs.cache_folder import prune, read_entry, usable, write_entry
from briefbook.mkdocs.page_cache import _STABLE_NONCE, _extension_key, toc_tokens
from briefbook.views.page import NONCE

FORMAT = 2
"""The layout of an entry; a change starts fresh subfolders."""
_TEMPLATE_SUFFIXES = {".html", ".xml", ".j2", ".jinja", ".txt", ".js", ".json"}
_PER_PROCESS_KEYS = {"site_dir", "docs_dir", "config_file_path"}  # paths no template shows
_TIME_KEYS = ("build_date_utc", "update_date")  # keyed only when a template names them

_HOW_NOT_WHAT = {"workers", "cache_dir"}  # Briefbook options no page shows
_VALUE_TYPES = {"babel.core.Locale"}  # other types whose repr shows their whole value
_UNKNOWN = itertools.count()

log = logging.getLogger("mkdocs.plugins.briefbook")


def stable(value: Any) -> Any:
    """A JSON-able picture of ``value`` that is the same in every process for the same value.

    An object of a type not known to have a ``repr`` that shows its whole value (a page object
    another plugin put in the context shows only its title and address) gets a picture of its
    own each time: a miss, never a stale match."""
    if isinstance(value, Mapping):
        return {str(k): stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [stable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((stable(v) for v in value), key=repr)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    kind = f"{type(value).__module__}.{type(value).__qualname__}"
    if isinstance(value, (_dt.date, _dt.time, _dt.timedelta, enum.Enum)) or kind in _VALUE_TYPES:
        return f"{kind}:{value!r}"
    return f"{kind}:unknown:{os.getpid()}:{next(_UNKNOWN)}"


def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class _Store:
    """Entries of one kind, by key: in memory (compressed) and/or as files in a folder."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.memory: dict[str, bytes] = {}
        self.folder: Path | None = None
        self.keep_in_memory = False
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0
        self.prepared: dict[str, str] = {}  # made by worker processes (mkdocs/workers.py)
        self.from_workers = 0
        self.collected: list[tuple[str, str]] | None = None  # in a worker: what it made

    def start(self, folder: Path | None, keep_in_memory: bool) -> None:
        self.folder = folder / f"{self.kind}-v{FORMAT}" if folder is not None else None
        if self.folder is not None and not usable(self.folder):  # a link, or a file
            self.folder = None
        self.keep_in_memory = keep_in_memory
        if not keep_in_memory:
            self.memory = {}
        self.used = set()
        self.hits = self.misses = self.from_workers = 0
        self.prepared = {}

    @property
    def active(self) -> bool:
        return self.keep_in_memory or self.folder is not None

    def get(self, key: str) -> str | None:
        self.used.add(key)
        made = self.prepared.pop(key, None)
        if made is not None:
            self.from_workers += 1
            self.put(key, made)  # kept as if made here
            return made
        packed = self.memory.get(key)
        if packed is not None:
            self.hits += 1
            return zlib.decompress(packed).decode("utf-8", "surrogatepass")
        if self.folder is not None:
            text = read_entry(self.folder / key[:2] / key)
            if text is not None:
                self.hits += 1
                if self.keep_in_memory:
                    self.memory[key] = zlib.compress(text.encode("utf-8", "surrogatepass"), 1)
                return text
        self.misses += 1
        return None

    def put(self, key: str, text: str) -> None:
        if self.collected is not None:
            self.collected.append((key, text))
            return
        if self.keep_in_memory:
            self.memory[key] = zlib.compress(text.encode("utf-8", "surrogatepass"), 1)
        if self.folder is None:
            return
        if not write_entry(self.folder, key, key, text):
            self.folder = None  # (said once)

    def holds_about(self, count: int) -> bool:
        """Whether the store holds entries for at least half of ``count`` pages (then most
        pages of this build will be hits: workers would only look them up twice)."""
        if len(self.memory) * 2 >= count:
            return True
        if self.folder is None or not self.folder.is_dir():
            return False
        found = 0
        for sub in self.folder.iterdir():
            if sub.is_dir():
                found += sum(1 for _ in os.scandir(sub))
                if found * 2 >= count:
                    return True
        return False

    def prune(self) -> None:
        self.prepared = {}
        self.memory = {k: v for k, v in self.memory.items() if k in self.used}
        if self.folder is not None:
            prune(self.folder, self.used)


class RenderCache:
    """Rendered pages and search entries of this build's pages, by content (module docstring)."""

    def __init__(self) -> None:
        self.pages = _Store("renders")
        self.search = _Store("search")
        self._site = ""  # digest of what every page's template sees alike
        self._time_keys: tuple[str, ...] = ()
        self.enabled = False
        self.pooled = False  # worker processes render pages ahead (mkdocs/workers.py)

    def start_build(self, folder: Path | None, keep_in_memory: bool, pooled: bool = False) -> None:
        """Set up for a build (from the core's ``on_files``); ``pooled`` when worker
        processes may render pages (the keys are needed even without a cache)."""
        self.pages.start(folder, keep_in_memory)
        self.search.start(folder, keep_in_memory)
        self.pooled = pooled
        self.enabled = False
        self._site = ""

    def prepare(
        self, env: jinja2.Environment, config: MkDocsConfig, nav: Navigation, files: Files
    ) -> None:
        """Once every page is read (``on_env``): digest what all pages share, and hook the
        environment and the search index."""
        if not self.pages.active and not self.pooled:
            return
        templates = _template_digest(env)
        if templates is None:
            return
        digest, times = templates
        self._time_keys = times
        self._site = _digest(
            __version__, mkdocs.__version__, markdown.__version__, digest,
            _dumps(_config_picture(config)), _dumps(_nav_picture(nav)),
            _dumps([[f.src_uri, f.url, str(f.page.title) if f.page else None]
                    for f in files.documentation_pages()]),
            _dumps(stable(env.globals)), _dumps(sorted(env.filters)),
        )
        self.enabled = True
        _hook_environment(env, self)
        for plugin in config.plugins.values():
            index = getattr(plugin, "search_index", None)
            if type(index).__module__.startswith("material.plugins.search") and hasattr(
                index, "entries"
            ):
                _hook_search(index, self, _dumps(stable(getattr(index, "config", {}))))

    # -- worker processes (mkdocs/workers.py) ------------------------------------------------
    def start_collecting(self) -> None:
        """In a worker: keep what is rendered and indexed for :meth:`take_collected`, and
        store nothing (the cache folder is still read)."""
        for store in (self.pages, self.search):
            store.keep_in_memory, store.collected = False, []

    def take_collected(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """In a worker: the rendered pages and search entries made since the last call."""
        made = (self.pages.collected or [], self.search.collected or [])
        self.pages.collected, self.search.collected = [], []
        return made

    def add_prepared(self, renders: list[tuple[str, str]],
                     searches: list[tuple[str, str]]) -> None:
        """What a worker made for the page about to be built."""
        self.pages.prepared.update(renders)
        self.search.prepared.update(searches)

    def end_build(self, prune: bool = True) -> None:
        self.enabled = False
        self.pages.prepared, self.search.prepared = {}, {}
        if prune:
            self.pages.prune()
            self.search.prune()

    # -- keys --------------------------------------------------------------------------------
    def page_key(self, name: str, context: Mapping[str, Any]) -> str | None:
        page = context.get("page")
        if not self.enabled or not isinstance(page, Page) or page.content is None:
            return None
        if NONCE in page.content:  # a placeholder left in the page: differs in every process
            return None
        rest = {k: stable(v) for k, v in context.items()
                if k not in {"page", "nav", "pages", "config", *_TIME_KEYS}}
        rest.update({k: str(context.get(k)) for k in _TIME_KEYS if k in self._time_keys})
        return _digest(self._site, name, _dumps(_page_picture(page, self._time_keys)),
                       _dumps(rest), page.content)

    def search_key(self, page: Page, settings: str) -> str | None:
        if not self.enabled or page.content is None or _STABLE_NONCE in page.content:
            return None
        # the placeholders still in the page (comments, which the index skips) carry this
        # process's nonce: key them as every process writes them
        content = page.content.replace(NONCE, _STABLE_NONCE)
        return _digest(self._site, settings, page.url, str(page.title), _dumps(stable(page.meta)),
                       _dumps(toc_tokens(list(page.toc))), content)


class _CachedTemplate:
    """A page template whose ``render`` is looked up in the cache first."""

    def __init__(self, template: jinja2.Template, cache: RenderCache) -> None:
        self._template = template
        self._cache = cache

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)

    def render(self, *args: Any, **kwargs: Any) -> str:
        context = dict(*args, **kwargs)
        key = self._cache.page_key(str(self._template.name), context)
        if key is None:
            return self._template.render(context)
        found = self._cache.pages.get(key)
        if found is not None:
            return found
        output = self._template.render(context)
        self._cache.pages.put(key, output)
        return output


def _hook_environment(env: jinja2.Environment, cache: RenderCache) -> None:
    """Wrap the templates MkDocs asks for by name alone (a page's); Jinja's own lookups (for
    ``extends`` and ``include``) name a parent, and plugins' pass globals: left as they are."""
    original: Callable[..., Any] = type(env).get_template.__get__(env)

    def get_template(name: Any, parent: Any = None, globals: Any = None) -> Any:
        template = original(name, parent, globals)
        if parent is None and globals is None and cache.enabled:
            return _CachedTemplate(template, cache)
        return template

    env.get_template = get_template  # type: ignore[method-assign]


def _hook_search(index: Any, cache: RenderCache, settings: str) -> None:
    """Wrap Material's ``add_entry_from_context``: a page's entries come from the cache."""
    original: Callable[[Page], None] = index.add_entry_from_context

    def add_entry_from_context(page: Page) -> None:
        key = cache.search_key(page, settings)
        if key is None:
            original(page)
            return
        found = _search_entries(cache.search.get(key))
        if found is not None:
            index.entries.extend(found)
            return
        start = len(index.entries)
        original(page)
        cache.search.put(key, json.dumps(copy.deepcopy(index.entries[start:]),
                                         ensure_ascii=False))

    index.add_entry_from_context = add_entry_from_context


def _search_entries(text: str | None) -> list[dict[str, Any]] | None:
    """Cached search entries, when they read as what the index holds: a list of objects whose
    values are text or lists of text (else a miss)."""
    if text is None:
        return None
    try:
        entries = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("location"), str) and all(
            isinstance(v, (str, int, float)) or (isinstance(v, list) and all(
                isinstance(x, str) for x in v)) for v in e.values())
        for e in entries
    ):
        return None
    return entries


def _template_digest(env: jinja2.Environment) -> tuple[str, tuple[str, ...]] | None:
    """A digest of the theme's files (template text in full, other files by size and time),
    and which time values the templates name; None when the loader is not one of folders."""
    loader = env.loader
    if not isinstance(loader, jinja2.FileSystemLoader):
        return None
    digest = hashlib.sha256()
    named: set[str] = set()
    for number, folder in enumerate(loader.searchpath):
        digest.update(f"\0folder {number} {folder}\0".encode())
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                path = Path(root, name)
                digest.update(f"\0{path}\0".encode("utf-8", "surrogateescape"))
                try:
                    if path.suffix in _TEMPLATE_SUFFIXES:
                        data = path.read_bytes()
                        digest.update(data)
                        named.update(k for k in _TIME_KEYS if k.encode() in data)
                    else:
                        info = path.stat()
                        digest.update(f"{info.st_size}:{info.st_mtime_ns}".encode())
                except OSError:
                    return None
    return digest.hexdigest(), tuple(sorted(named))


def _config_picture(config: MkDocsConfig) -> Any:
    picture: dict[str, Any] = {}
    for key, value in config.items():
        if key in _PER_PROCESS_KEYS:
            continue
        if key == "plugins":
            picture[key] = [_plugin_picture(name, p) for name, p in value.items()]
        elif key == "markdown_extensions":
            picture[key] = [stable(_extension_key(e)) for e in value]
        else:
            picture[key] = stable(value)
    return picture


def _plugin_picture(name: str, plugin: Any) -> Any:
    """A plugin by its name, code and options: a hooks file (``hooks:`` in mkdocs.yml, a
    module) by a digest of its text, a plugin by its distribution's version."""
    if isinstance(plugin, types.ModuleType):
        try:
            code = hashlib.sha256(Path(plugin.__file__ or "").read_bytes()).hexdigest()
        except OSError:
            code = f"unreadable:{os.getpid()}:{next(_UNKNOWN)}"  # never matches: a miss
        return [name, "hooks", code]
    module = type(plugin).__module__
    top = module.split(".")[0]
    versions = sorted(f"{dist}=={_version(dist)}" for dist in _distributions().get(top, []))
    options = dict(getattr(plugin, "config", None) or {})
    if module.startswith("briefbook."):  # how a site is built, not what it shows
        options = {k: v for k, v in options.items() if k not in _HOW_NOT_WHAT}
    return [name, module, versions, stable(options)]


@functools.cache
def _distributions() -> Mapping[str, list[str]]:
    return importlib.metadata.packages_distributions()


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _link_picture(page: Any) -> Any:
    if page is None:
        return None
    return [type(page).__name__, str(getattr(page, "title", "")), getattr(page, "url", None)]


def _nav_picture(nav: Navigation) -> Any:
    def item(entry: Any) -> Any:
        picture = [type(entry).__name__, str(entry.title), getattr(entry, "url", None)]
        if isinstance(entry, Page):
            picture += [entry.file.src_uri, stable(entry.meta)]
        children = getattr(entry, "children", None)
        if children:
            picture.append([item(child) for child in children])
        return picture

    return [[item(entry) for entry in nav.items], _link_picture(nav.homepage),
            [p.file.src_uri for p in nav.pages]]


def _page_picture(page: Page, time_keys: tuple[str, ...]) -> Any:
    picture = {
        "src": page.file.src_uri, "url": page.url, "abs_url": page.abs_url,
        "canonical_url": page.canonical_url, "edit_url": page.edit_url,
        "title": str(page.title), "meta": stable(page.meta),
        "toc": toc_tokens(list(page.toc)), "is_homepage": page.is_homepage,
        "previous": _link_picture(page.previous_page), "next": _link_picture(page.next_page),
        "parents": [_link_picture(p) for p in page.ancestors],
        "excluded": bool(page.file.inclusion.is_excluded()),  # type: ignore[no-untyped-call]
    }
    if "update_date" in time_keys:
        picture["update_date"] = str(page.update_date)
    return picture
