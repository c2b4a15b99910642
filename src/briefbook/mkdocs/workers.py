"""Produce and convert generated pages in worker processes, on every core (option ``workers``).

MkDocs reads and converts pages one after the other, in one process. For a generated page that
is most of the build: Briefbook producing its Markdown and panels from the model, then
Python-Markdown converting it. :class:`PagePool` forks worker processes once the files and the
navigation are final (the last ``on_nav``); each worker inherits the whole build (configuration,
files, model, templates) and does, for a block of pages ahead of MkDocs, what MkDocs and
Briefbook's own hooks would do: produce the page, run Briefbook's ``on_page_markdown`` hooks,
convert it. It sends back the produced page and the conversion, as the page cache
(:mod:`briefbook.mkdocs.page_cache`) keeps it.

MkDocs then goes through every page as usual, every plugin's hooks included. For a page a
worker did, reading the source takes the produced page instead of producing it again, and the
conversion is found by the page cache under its usual key: the Markdown as every plugin left
it, the page's address, the settings, and what its links pointed to. A page that another plugin
rewrote in its ``on_page_markdown`` has another key and is converted in the main process, so
the site is the same, byte for byte, as a one-process build. What a worker logged is logged
again by the main process when the page comes in, in page order.

Work goes in blocks of pages: MkDocs takes the next block itself when it reaches one that no
worker took, and a worker takes the farthest free block within a few blocks ahead of MkDocs,
so that MkDocs seldom waits and little is held in memory. A worker that fails (a template
that cannot be rendered, say) stops, and MkDocs produces its pages itself, reporting the error
as a one-process build does. Workers need ``fork`` (Linux and macOS); elsewhere the build uses one
process.
"""

from __future__ import annotations

import gc
import io
import logging
import multiprocessing
import os
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from briefbook.mkdocs.page_cache import PageCache, Rendering
from briefbook.views.page import PageDoc

log = logging.getLogger("mkdocs.plugins.briefbook")

BLOCK = 8
"""Pages a worker takes at a time."""
LEAD = 8
"""How many blocks ahead of MkDocs a worker may work."""
STALL_SECONDS = 300.0
"""Give up on the workers when none has sent anything for this long."""
_FREE, _MAIN = -1, -2  # owners of a block besides the workers' numbers
LogEntry = tuple[str, int, str]


@dataclass
class Prepared:
    """What a worker made of one page."""

    produced: bytes  # the pickled PageDoc, as it was produced
    logs: list[LogEntry]
    conversion: tuple[str, Rendering] | None  # page cache key and entry

    @property
    def doc(self) -> PageDoc:
        doc = pickle.loads(self.produced)
        assert isinstance(doc, PageDoc)
        return doc


@dataclass
class _Shared:
    """The state the main process and the workers share: who took each block, and where
    MkDocs is."""

    lock: Any
    owners: Any  # one int per block
    current: Any  # the block MkDocs is reading
    stop: Any


@dataclass
class _Running:
    shared: _Shared
    order: dict[str, int]  # page source -> position in MkDocs' reading order
    processes: list[Any]
    connections: list[Connection]
    results: dict[str, Prepared | None] = field(default_factory=dict)
    consumed: set[str] = field(default_factory=set)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class PagePool:
    """The build's worker processes; see the module docstring."""

    def __init__(self) -> None:
        self._running: _Running | None = None
        self.prepared_pages = 0

    @property
    def running(self) -> bool:
        return self._running is not None

    def start(
        self, count: int, sources: list[str], config: MkDocsConfig, files: Files,
        produce: Callable[[str], PageDoc], page_cache: PageCache,
    ) -> None:
        """Fork ``count - 1`` workers for the generated pages ``sources`` (in MkDocs' reading
        order); the main process is the last of ``count``."""
        self.finish()
        self.prepared_pages = 0
        workers = min(count - 1, len(sources) // (2 * BLOCK))
        if workers < 1 or not can_fork():
            return
        context = multiprocessing.get_context("fork")
        blocks = (len(sources) + BLOCK - 1) // BLOCK
        shared = _Shared(lock=context.Lock(), owners=context.RawArray("i", [_FREE] * blocks),
                         current=context.RawValue("i", 0), stop=context.RawValue("i", 0))
        running = _Running(shared, {src: i for i, src in enumerate(sources)}, [], [])
        page_cache.pooled = True
        gc.freeze()  # the workers' collector leaves the inherited objects (and their pages) alone
        for number in range(workers):
            receive, send = context.Pipe(duplex=False)
            _widen(send)
            process = context.Process(
                target=_work, name=f"briefbook-worker-{number}", daemon=True,
                args=(number, send, shared, sources, config, files, produce, page_cache),
            )
            process.start()
            send.close()
            running.processes.append(process)
            running.connections.append(receive)
        self._running = running

    def take(self, src_uri: str) -> Prepared | None:
        """The page a worker prepared, or None when the main process is to produce it (no
        worker took it, the worker failed, or the page was read before)."""
        running = self._running
        if running is None or src_uri in running.consumed:
            return None
        position = running.order.get(src_uri)
        if position is None:
            return None
        running.consumed.add(src_uri)
        shared, block = running.shared, position // BLOCK
        with shared.lock:
            shared.current.value = max(shared.current.value, block)
            mine = shared.owners[block] in (_FREE, _MAIN)
            if mine:
                shared.owners[block] = _MAIN
        _receive(running, timeout=0)  # keep the pipes flowing
        if mine:
            return None
        while src_uri not in running.results and running.connections:
            if not _receive(running, timeout=STALL_SECONDS):
                log.warning("briefbook: the page workers sent nothing for %d s; the build "
                            "goes on in one process", STALL_SECONDS)
                self.finish()
                return None
        prepared = running.results.pop(src_uri, None)
        if prepared is not None:
            self.prepared_pages += 1
            for name, level, message in prepared.logs:
                logging.getLogger(name).log(level, message)
        return prepared

    def finish(self) -> None:
        """Stop the workers (once every page is read, or when the build fails)."""
        running, self._running = self._running, None
        if running is None:
            return
        running.shared.stop.value = 1
        for connection in running.connections:  # a worker blocked on a full pipe stops
            connection.close()
        for process in running.processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
                process.join()
        running.connections, running.results = [], {}
        gc.unfreeze()


def _receive(running: _Running, timeout: float) -> bool:
    """Take in what the workers sent, waiting up to ``timeout`` seconds for something; False
    when nothing came."""
    came = False
    while running.connections:
        try:
            ready = wait(running.connections, timeout=0 if came else timeout)
        except OSError:
            ready = list(running.connections)
        if not ready:
            return came
        for connection in ready:
            assert isinstance(connection, Connection)
            try:
                message = connection.recv_bytes()
            except (EOFError, OSError):  # the worker is done (or gone)
                running.connections.remove(connection)
                connection.close()
                came = True
                continue
            src_uri, prepared = pickle.loads(message)
            running.results[src_uri] = prepared
            came = True
    return came


def _widen(connection: Connection) -> None:
    """A larger pipe buffer (Linux), so that a worker seldom waits for MkDocs to read."""
    try:
        import fcntl

        fcntl.fcntl(connection.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (ImportError, OSError):
        pass


# -- in a worker -------------------------------------------------------------------------------
def _work(
    number: int, send: Connection, shared: _Shared, sources: list[str], config: MkDocsConfig,
    files: Files, produce: Callable[[str], PageDoc], page_cache: PageCache,
) -> None:
    """Prepare blocks of pages until none is left (the body of a worker process)."""
    _quiet()
    page_cache.start_collecting()
    markdown_hooks = _own_hooks(config, "page_markdown")
    content_hooks = _own_hooks(config, "page_content")
    try:
        while True:
            block = _claim(number, shared)
            if block is None:
                break
            for src_uri in sources[block * BLOCK:(block + 1) * BLOCK]:
                prepared = _prepare(src_uri, config, files, produce, page_cache,
                                    markdown_hooks, content_hooks)
                send.send_bytes(pickle.dumps((src_uri, prepared), pickle.HIGHEST_PROTOCOL))
                if prepared is None:
                    return
    except (BrokenPipeError, EOFError, OSError):
        return
    finally:
        send.close()


def _claim(number: int, shared: _Shared) -> int | None:
    """The farthest free block within :data:`LEAD` blocks of MkDocs (whose next blocks are
    left to it, so that it finds work of its own rather than waiting for a worker), waiting
    while none is free there; None when no block is left or the pool stops."""
    owners = shared.owners
    while not shared.stop.value:
        with shared.lock:
            current = int(shared.current.value)
            last = min(current + LEAD, len(owners) - 1)
            for block in range(last, current + 1, -1):
                if owners[block] == _FREE:
                    owners[block] = number
                    return block
            if all(owners[b] != _FREE for b in range(last + 1, len(owners))):
                return None
        time.sleep(0.002)
    return None


def _prepare(
    src_uri: str, config: MkDocsConfig, files: Files, produce: Callable[[str], PageDoc],
    page_cache: PageCache, markdown_hooks: list[Callable[..., Any]],
    content_hooks: list[Callable[..., Any]],
) -> Prepared | None:
    """What MkDocs' reading of one page does, with Briefbook's hooks only; None on failure."""
    file = files.get_file_from_path(src_uri)
    if file is None:
        return None
    page = file.page if file.page is not None else Page(None, file, config)
    capture = _Capture()
    logging.getLogger().addHandler(capture)
    config._current_page = page
    try:
        doc = produce(src_uri)
        produced = pickle.dumps(doc, pickle.HIGHEST_PROTOCOL)  # before the hooks change it
        logs = list(capture.records)
        page.markdown, page.meta = meta.get_data(doc.markdown)  # as Page.read_source does
        for hook in markdown_hooks:
            changed = hook(page.markdown, page=page, config=config, files=files)
            if changed is not None:
                page.markdown = changed
        page.render(config, files)
        assert page.content is not None
        for hook in content_hooks:
            changed = hook(page.content, page=page, config=config, files=files)
            if changed is not None:
                page.content = changed
    except Exception:  # the main process does the page again, and reports what fails
        return None
    finally:
        config._current_page = None
        logging.getLogger().removeHandler(capture)
    return Prepared(produced=produced, logs=logs, conversion=page_cache.take_collected())


def _own_hooks(config: MkDocsConfig, event: str) -> list[Callable[..., Any]]:
    """Briefbook's plugins' handlers of ``event``, in MkDocs' order (another plugin's hooks
    may write files or hold state: they run in the main process only)."""
    return [hook for hook in config.plugins.events[event]
            if type(getattr(hook, "__self__", None)).__module__.startswith("briefbook.")]


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[LogEntry] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _quiet() -> None:
    """A worker prints nothing: what it logs goes back to the main process."""
    loggers = [logging.getLogger(), *(logger for logger in logging.Logger.manager.loggerDict
                                      .values() if isinstance(logger, logging.Logger))]
    for logger in loggers:
        logger.handlers = []
        logger.propagate = True
    logging.getLogger().setLevel(logging.INFO)
    logging.lastResort = logging.NullHandler()
    sys.stdout = sys.stderr = io.StringIO()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
