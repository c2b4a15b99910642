"""A pool of forked worker processes that do per-page work ahead of MkDocs (option ``workers``).

MkDocs goes through the pages one after the other, in one process, twice: reading (produce
and convert each page) and building (template and search index). :class:`PagePool` forks
workers at the start of a pass; each inherits the whole build (configuration, files, model,
templates, navigation) and runs a *job* (:mod:`briefbook.mkdocs.page_jobs`) on blocks of pages
ahead of MkDocs, sending back what the job made. When MkDocs reaches a page a worker did,
Briefbook takes that result (:meth:`PagePool.take`) instead of doing the work again; for any
other page it does the work itself, as in one process.

Work goes in blocks of pages, in MkDocs' order. MkDocs takes a block when it reaches one no
worker took; a worker takes the farthest free block within :data:`LEAD` blocks ahead of MkDocs
(the next one is left to MkDocs), so MkDocs seldom waits for a worker and few results wait in
memory. A job that fails returns None: its worker stops, and MkDocs does that page and the rest
itself, reporting what fails as a one-process build does. A worker prints nothing; what it logs
is part of its results, logged again by the main process in page order. Workers need ``fork``
(Linux, macOS); elsewhere there are none and the build runs in one process.
"""

from __future__ import annotations

import gc
import io
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

log = logging.getLogger("mkdocs.plugins.briefbook")

BLOCK = 8
"""Pages a worker takes at a time."""
LEAD = 8
"""How many blocks ahead of MkDocs a worker may work."""
STALL_SECONDS = 300.0
"""Give up on the workers when none has sent anything for this long."""
_FREE, _MAIN = -1, -2  # owners of a block besides the workers' numbers

Job = Callable[[str], Any]
"""What a worker does for one page (by source path): a picklable result, or None on failure."""


@dataclass
class _Shared:
    """What the main process and the workers share: who took each block, where MkDocs is."""

    lock: Any
    owners: Any  # one int per block
    current: Any  # the block MkDocs is at
    stop: Any


@dataclass
class _Running:
    shared: _Shared
    order: dict[str, int]  # page source -> position in MkDocs' order
    processes: list[Any]
    connections: list[Connection]
    results: dict[str, Any] = field(default_factory=dict)
    consumed: set[str] = field(default_factory=set)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class PagePool:
    """The workers of one pass; see the module docstring."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._running: _Running | None = None
        self.taken = 0  # results MkDocs took from the workers in this pass

    @property
    def running(self) -> bool:
        return self._running is not None

    def start(self, count: int, sources: list[str], job: Job,
              setup: Callable[[], None] = lambda: None) -> bool:
        """Fork ``count - 1`` workers that run ``job`` on the pages ``sources`` (in MkDocs'
        order), after ``setup`` in each; the main process is the last of ``count``. False
        when no worker is started (one process, too few pages, or no ``fork``)."""
        self.finish()
        self.taken = 0
        workers = min(count - 1, len(sources) // (2 * BLOCK))
        if workers < 1 or not can_fork():
            return False
        context = multiprocessing.get_context("fork")
        blocks = (len(sources) + BLOCK - 1) // BLOCK
        shared = _Shared(lock=context.Lock(), owners=context.RawArray("i", [_FREE] * blocks),
                         current=context.RawValue("i", 0), stop=context.RawValue("i", 0))
        running = _Running(shared, {src: i for i, src in enumerate(sources)}, [], [])
        gc.freeze()  # the workers' collector leaves the inherited objects (and their pages) alone
        try:
            for number in range(workers):
                receive, send = context.Pipe(duplex=False)
                _widen(send)
                process = context.Process(
                    target=_work, name=f"briefbook-{self.name}-{number}", daemon=True,
                    args=(number, send, shared, sources, job, setup, os.getpid()),
                )
                process.start()
                send.close()
                running.processes.append(process)
                running.connections.append(receive)
        finally:
            gc.unfreeze()
        self._running = running
        return True

    def take(self, src_uri: str) -> Any:
        """What a worker made of the page, or None when the main process is to do it (no
        worker took it, the worker failed, or the page was asked for before)."""
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
        result = running.results.pop(src_uri, None)
        if result is not None:
            self.taken += 1
        return result

    def finish(self) -> None:
        """Stop the workers (at the end of the pass, or when the build fails)."""
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
            src_uri, result = pickle.loads(message)
            running.results[src_uri] = result
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
def _work(number: int, send: Connection, shared: _Shared, sources: list[str], job: Job,
          setup: Callable[[], None], parent: int) -> None:
    """Run the job on blocks of pages until none is left (the body of a worker process)."""
    _die_with(parent)
    _quiet()
    try:
        setup()
        while True:
            block = _claim(number, shared)
            if block is None:
                break
            for src_uri in sources[block * BLOCK:(block + 1) * BLOCK]:
                result = job(src_uri)
                send.send_bytes(pickle.dumps((src_uri, result), pickle.HIGHEST_PROTOCOL))
                if result is None:
                    return
    except (BrokenPipeError, EOFError, OSError):
        return
    finally:
        send.close()


def _claim(number: int, shared: _Shared) -> int | None:
    """The farthest free block within :data:`LEAD` blocks of MkDocs (the next is left to it),
    waiting while none is free there; None when no block is left or the pool stops."""
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
        if os.getppid() == 1 or shared.stop.value:  # the build is gone (or over)
            return None
        time.sleep(0.002)
    return None


def _die_with(parent: int) -> None:
    """End this worker when the build's process ends, however it ends (``kill``, the
    out-of-memory killer): Linux sends it SIGKILL; elsewhere it notices its parent is gone."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent ended before that took effect
        os._exit(0)


def _quiet() -> None:
    """A worker prints nothing: what it logs goes back to the main process (see page_jobs)."""
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
