"""A content-keyed cache of each page's Markdown conversion, the costliest step of a build.

MkDocs converts every page's Markdown on every build, and during ``mkdocs serve`` on every
rebuild. A page's HTML is a function of its Markdown source and of what the conversion reads
besides: the Markdown settings of ``mkdocs.yml``, Briefbook's version, the page's address
(links are written relative to it), the mention linker's actors and mode, and the documentation
files its links point to. :class:`PageCache` keys each conversion by a digest of the first ones
and records, with the result, every file lookup the conversion made (what the link pointed to
then); a page whose key matches and whose lookups still give the same answers is not
converted again. What the conversion gives besides the HTML is kept too and put back: the table
of contents, the title found in the text, the anchors, the links to other pages' anchors and the
messages logged (broken links), so that a cached build logs, indexes and writes exactly what a
cold one does.

Entries live in memory while ``mkdocs serve`` runs, and, with the ``cache_dir`` option, in a
folder of plain JSON files (never pickle: a cache folder may come from elsewhere; an entry that
does not read as expected is a miss). Each build keeps only the entries it used.

How it hooks in: :meth:`before_render` (the last ``on_page_markdown``) hands MkDocs an empty
source for a page found in the cache, and :meth:`after_render` (the first ``on_page_content``)
gives the page back its source and the cached results, before any plugin (the search index
included) reads them.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from briefbook import __version__
from briefbook.mkdocs import cache_folder
from briefbook.mkdocs.cache_folder import read_entry, usable, write_entry
from briefbook.model.diagnostics import printable
from briefbook.render.mention_links import MentionLinkExtension
from briefbook.views.page import NONCE

FORMAT = 2
"""The layout of an entry; a change starts a fresh subfolder."""
_STABLE_NONCE = "@" * len(NONCE)  # what the per-process placeholder nonce is stored as
Lookup = tuple[str, bool] | None  # a looked-up file's URL and whether it is excluded, or none


@dataclass
class Rendering:
    """What converting one page's Markdown gave, besides the page itself."""

    html: str
    toc: list[dict[str, Any]]
    title: str | None
    anchors: list[str]
    links_to_anchors: dict[str, dict[str, str]]
    lookups: dict[str, Lookup]
    logs: list[tuple[str, int, str]] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps({
            "format": FORMAT, "html": self.html, "toc": self.toc, "title": self.title,
            "anchors": self.anchors, "links_to_anchors": self.links_to_anchors,
            "lookups": {k: list(v) if v else None for k, v in self.lookups.items()},
            "logs": [list(entry) for entry in self.logs],
        }, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Rendering | None:
        """The entry in ``text``, or None when it is not one this version wrote."""
        try:
            data = json.loads(text)
            if data["format"] != FORMAT:
                return None
            lookups: dict[str, Lookup] = {}
            for path, found in data["lookups"].items():
                lookups[str(path)] = None if found is None else (str(found[0]), bool(found[1]))
            rendering = cls(
                html=_str(data["html"]), toc=_toc(data["toc"]),
                title=None if data["title"] is None else _str(data["title"]),
                anchors=[_str(a) for a in data["anchors"]],
                links_to_anchors={_str(k): {_str(a): _str(u) for a, u in v.items()}
                                  for k, v in data["links_to_anchors"].items()},
                lookups=lookups,
                logs=[(_str(n), int(level), _str(m)) for n, level, m in data["logs"]],
            )
        except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
            return None
        return rendering


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _toc(tokens: Any) -> list[dict[str, Any]]:
    if not isinstance(tokens, list):
        raise TypeError("not a list")
    return [{"level": int(t["level"]), "id": _str(t["id"]), "name": _str(t["name"]),
             "children": _toc(t["children"])} for t in tokens]


def toc_tokens(items: list[AnchorLink]) -> list[dict[str, Any]]:
    """A page's table of contents as the tokens :func:`mkdocs.structure.toc.get_toc` reads."""
    return [{"level": item.level, "id": item.id, "name": item.title,
             "children": toc_tokens(item.children)} for item in items]


def _stable(value: Any) -> Any:
    """A JSON-able picture of a configuration value that is the same in every process."""
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_stable(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    return f"{type(value).__module__}.{type(value).__qualname__}:{value!r}"


class LogCapture(logging.Handler):
    """Keeps the messages logged while it is attached (a page's conversion, or a worker's job),
    to log them again later; a record that reaches it through two loggers is kept once."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []
        # the records themselves are kept: an id is unique only while its record lives
        self._seen: dict[int, logging.LogRecord] = {}

    def emit(self, record: logging.LogRecord) -> None:
        if self._seen.get(id(record)) is not record:  # (each logger it reaches calls emit)
            self._seen[id(record)] = record
            self.records.append((record.name, record.levelno, record.getMessage()))


_CAPTURED = (logging.getLogger(), logging.getLogger("mkdocs"))


class PageCache:
    """Markdown conversions of this build's pages, by content; see the module docstring."""

    def __init__(self) -> None:
        self.memory: dict[str, Rendering] = {}
        self.keep_in_memory = False
        self.folder: Path | None = None
        self.disabled_by: str | None = None
        self._settings = ""
        self._used: set[str] = set()
        self._hits: dict[str, tuple[Rendering, str]] = {}
        self._converting: dict[str, str] = {}
        self._capture: LogCapture | None = None
        self._lookups: dict[str, Lookup] = {}
        self._files: Files | None = None
        self.converted = 0
        self.reused = 0
        self.pooled = False  # worker processes convert pages ahead (mkdocs/workers.py)
        self.prepared: dict[str, tuple[str, Rendering]] = {}  # their conversions: page -> key
        self.from_workers = 0
        self._collected: list[tuple[str, Rendering]] | None = None  # in a worker

    def start_build(self, config: MkDocsConfig, folder: Path | None, keep_in_memory: bool) -> None:
        """Set up for a build (from the core's ``on_files``, after every ``on_config``)."""
        self._stop_recording()
        self.folder = folder / f"pages-v{FORMAT}" if folder is not None else None
        if self.folder is not None and not usable(self.folder):  # a link, or a file
            self.folder = None
        self.keep_in_memory = keep_in_memory
        if not keep_in_memory:
            self.memory = {}
        self._used, self._hits, self._converting = set(), {}, {}
        self.converted = self.reused = self.from_workers = 0
        self.pooled, self.prepared = False, {}
        extensions = [_extension_key(e) for e in config.markdown_extensions]
        # an extension that reads files of its own (snippets) makes a page depend on them
        self.disabled_by = next((name for name in map(_extension_module, extensions)
                                 if set(name.split(".")) & _READS_FILES), None)
        self._settings = json.dumps(_stable({
            "briefbook": __version__, "extensions": extensions,
            "configs": config.mdx_configs or {}, "validation": config.validation,
            "use_directory_urls": config.use_directory_urls,
        }), ensure_ascii=False)

    @property
    def active(self) -> bool:
        kept = self.keep_in_memory or self.folder is not None
        return (kept or self.pooled or self._collected is not None) and self.disabled_by is None

    # -- worker processes (mkdocs/workers.py) ------------------------------------------------
    def start_collecting(self) -> None:
        """In a worker: keep each conversion for :meth:`take_collected` and store nothing
        (the cache folder is still read: a page found there is not converted)."""
        self.keep_in_memory, self._collected = False, []

    def take_collected(self) -> tuple[str, Rendering] | None:
        """In a worker: the conversion just made, with its key, if any."""
        collected = self._collected.pop() if self._collected else None
        self._collected = []
        return collected

    def add_prepared(self, src_uri: str, key: str, rendering: Rendering) -> None:
        """A conversion a worker made of the page about to be read (used when the page's key,
        once every plugin has had its say, is ``key``)."""
        self.prepared[src_uri] = (key, rendering)

    # -- the two hooks -----------------------------------------------------------------------
    def before_render(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The source MkDocs converts: empty when the page's conversion is in the cache."""
        self._stop_recording()
        if not self.active:
            return markdown
        stable = markdown.replace(NONCE, _STABLE_NONCE)
        if _STABLE_NONCE in markdown:  # the text holds what stands for the nonce: no caching
            return markdown
        key = self._key(stable, page, config)
        self._used.add(key)
        found = self._find(key)
        if found is not None and _same_lookups(found.lookups, files):
            self.prepared.pop(page.file.src_uri, None)
            self._hits[page.file.src_uri] = (found, markdown)
            self.reused += 1
            return ""
        prepared_key, prepared = self.prepared.pop(page.file.src_uri, ("", None))
        if prepared is not None and prepared_key == key and _same_lookups(prepared.lookups,
                                                                           files):
            self._store(key, prepared)  # kept as if converted here
            self._hits[page.file.src_uri] = (prepared, markdown)
            self.from_workers += 1
            return ""
        self._converting[page.file.src_uri] = key
        self._record(files)
        return markdown

    def after_render(self, html: str, page: Page, files: Files) -> str:
        """The page's HTML, from the cache or just converted (and then kept)."""
        lookups, logs = self._stop_recording()
        src = page.file.src_uri
        hit = self._hits.pop(src, None)
        if hit is not None:
            rendering, markdown = hit
            page.markdown = markdown
            page.toc = get_toc(rendering.toc)  # type: ignore[arg-type]
            page._title_from_render = rendering.title
            page.present_anchor_ids = set(rendering.anchors)
            if page.links_to_anchors is not None:  # as MkDocs does: unless logging DEBUG
                page.links_to_anchors = _links_to_anchors(rendering.links_to_anchors, files)
            for name, level, message in rendering.logs:
                replay_log(name, level, message)
            return rendering.html.replace(_STABLE_NONCE, NONCE)
        key = self._converting.pop(src, None)
        if key is None or _STABLE_NONCE in html:
            return html
        self.converted += 1
        rendering = Rendering(
            html=html.replace(NONCE, _STABLE_NONCE), toc=toc_tokens(list(page.toc)),
            title=page._title_from_render, anchors=sorted(page.present_anchor_ids or ()),
            links_to_anchors={f.src_uri: dict(v) for f, v in (page.links_to_anchors or {}).items()},
            lookups=lookups, logs=logs,
        )
        self._store(key, rendering)
        return html

    def end_build(self, prune: bool = True) -> None:
        """Forget the entries this build did not use (in memory and in the folder)."""
        self._stop_recording()
        if not prune:
            return
        self.memory = {k: v for k, v in self.memory.items() if k in self._used}
        if self.folder is None or not self.folder.is_dir():
            return
        cache_folder.prune(self.folder, self._used, ".json")

    def abandon_build(self) -> None:
        """After a failed build: stop watching, keep every entry."""
        self._stop_recording()
        self._hits, self._converting = {}, {}

    # -- helpers -----------------------------------------------------------------------------
    def _key(self, stable_markdown: str, page: Page, config: MkDocsConfig) -> str:
        digest = hashlib.sha256()
        linking = _linking_key(config)
        for part in (self._settings, page.file.src_uri, page.file.url,
                     str(page.file.inclusion.is_excluded()),  # type: ignore[no-untyped-call]
                     linking, stable_markdown):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def _find(self, key: str) -> Rendering | None:
        found = self.memory.get(key)
        if found is not None or self.folder is None:
            return found
        text = read_entry(self.folder / key[:2] / f"{key}.json")
        if text is None:
            return None
        found = Rendering.from_json(text)
        if found is not None and self.keep_in_memory:
            self.memory[key] = found
        return found

    def _store(self, key: str, rendering: Rendering) -> None:
        if self._collected is not None:
            self._collected.append((key, rendering))
            return
        if self.keep_in_memory:
            self.memory[key] = rendering
        if self.folder is None:
            return
        if not write_entry(self.folder, key, f"{key}.json", rendering.to_json()):
            self.folder = None  # (said once)

    def _record(self, files: Files) -> None:
        """Watch the file lookups and the messages of the conversion about to run."""
        self._lookups = {}
        lookups = self._lookups
        find: Callable[[str], File | None] = type(files).get_file_from_path.__get__(files)

        def recording(path: str) -> File | None:
            found = find(path)
            lookups[path] = _lookup(found)
            return found

        files.get_file_from_path = recording  # type: ignore[method-assign]
        self._files = files
        self._capture = LogCapture()
        for logger in _CAPTURED:
            logger.addHandler(self._capture)

    def _stop_recording(self) -> tuple[dict[str, Lookup], list[tuple[str, int, str]]]:
        lookups, logs = self._lookups, []
        if self._files is not None:
            self._files.__dict__.pop("get_file_from_path", None)
            self._files = None
        if self._capture is not None:
            for logger in _CAPTURED:
                logger.removeHandler(self._capture)
            logs = self._capture.records
            self._capture = None
        self._lookups = {}
        return lookups, logs


_LOGGERS = ("mkdocs", "markdown", "pymdownx", "briefbook")


def replay_log(name: str, level: int, message: str) -> None:
    """Log again a message kept with a cached conversion: on a logger of MkDocs, Markdown or
    Briefbook, at most a warning, on one line (an entry may come from elsewhere)."""
    if not name.startswith(_LOGGERS):
        name = "mkdocs.plugins.briefbook"
    logging.getLogger(name).log(min(max(level, logging.DEBUG), logging.WARNING),
                                printable(message))


def _lookup(found: File | None) -> Lookup:
    excluded = found is not None and found.inclusion.is_excluded()  # type: ignore[no-untyped-call]
    return None if found is None else (found.url, bool(excluded))


def _same_lookups(lookups: dict[str, Lookup], files: Files) -> bool:
    return all(_lookup(files.get_file_from_path(path)) == was for path, was in lookups.items())


def _links_to_anchors(links: dict[str, dict[str, str]], files: Files) -> dict[File, dict[str, str]]:
    found: dict[File, dict[str, str]] = {}
    for src, anchors in links.items():
        file = files.get_file_from_path(src)
        if file is not None:
            found[file] = dict(anchors)
    return found


_READS_FILES = {"snippets", "markdown_include", "b64", "include"}
"""Markdown extensions (by a part of their module's name) that read files of their own."""


def _extension_module(key: Any) -> str:
    """The module of an extension as :func:`_extension_key` pictures it."""
    name = key if isinstance(key, str) else str(key[0]) if isinstance(key, list) else ""
    return name.split(":")[0]


def _extension_key(extension: Any) -> Any:
    if isinstance(extension, MentionLinkExtension):
        return "briefbook.mentions"  # what it links on a page is in the page's key
    if isinstance(extension, str):
        return extension
    return [f"{type(extension).__module__}.{type(extension).__qualname__}",
            _stable(getattr(extension, "config", {}))]


def _linking_key(config: MkDocsConfig) -> str:
    """What the mention linker links on the page about to be converted."""
    keys = [e.linker.page.key if e.linker.page is not None else "-"
            for e in config.markdown_extensions if isinstance(e, MentionLinkExtension)]
    return "|".join(keys)
