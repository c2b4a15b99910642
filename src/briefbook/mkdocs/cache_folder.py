"""The files of the cache folder (``cache_dir``): read, written and pruned without trusting it.

A cache folder may come from elsewhere (restored in CI, copied, damaged by a crash). Nothing in
it is followed, run or believed: an entry is read only when it is a regular file (never through
a symbolic link, never a FIFO or a device), no larger than :data:`MAX_ENTRY_BYTES`, and its first
line is the SHA-256 digest of the rest (so an empty or truncated entry is a miss); pruning
deletes only regular files and links in the entry folders Briefbook makes, never what a link
points to.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.briefbook")

MAX_ENTRY_BYTES = 64 * 2**20
"""An entry larger than this is not read (no page's conversion comes near)."""
_SUBFOLDER = re.compile(r"[0-9a-f]{2}")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def read_entry(path: Path) -> str | None:
    """The text stored at ``path`` by :func:`write_entry`, or None (a miss)."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    digest, newline, body = data.partition(b"\n")
    if not newline or hashlib.sha256(body).hexdigest().encode() != digest:
        return None
    try:
        return body.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None


def write_entry(folder: Path, key: str, name: str, text: str) -> bool:
    """Store ``text`` as ``folder/<key[:2]>/<name>`` (through a temporary file, so a reader
    never sees half an entry). False, said at INFO level (a strict build goes on), when it
    cannot: the folder cannot be written, or the entry folder is a link."""
    sub = folder / key[:2]
    body = text.encode("utf-8", "surrogatepass")
    data = hashlib.sha256(body).hexdigest().encode() + b"\n" + body
    try:
        sub.mkdir(parents=True, exist_ok=True)
        if sub.is_symlink() or folder.is_symlink():
            raise OSError(f"{sub} is a link, not a folder")
        partial = sub / f"{name}.{os.getpid()}.tmp"
        partial.write_bytes(data)
        os.replace(partial, sub / name)
    except OSError as exc:
        log.info("briefbook: cannot write the page cache in %s (%s); set 'cache_dir' to a "
                 "folder you can write, or remove it to build without a cache on disk",
                 folder, exc.strerror or exc)
        return False
    return True


def usable(folder: Path) -> bool:
    """Whether ``folder`` (one kind of entries) may be used: absent, or a real folder."""
    return not folder.is_symlink() and (not folder.exists() or folder.is_dir())


def prune(folder: Path, used: Iterable[str], suffix: str = "") -> None:
    """Delete the entries of ``folder`` whose key is not in ``used``, left-over temporary files,
    and any link; nothing outside ``folder`` is touched."""
    keep = {f"{key}{suffix}" for key in used}
    if not usable(folder) or not folder.is_dir():
        return
    try:
        subs = [s for s in os.scandir(folder)
                if _SUBFOLDER.fullmatch(s.name) and s.is_dir(follow_symlinks=False)]
    except OSError:
        return
    for sub in subs:
        try:
            entries = list(os.scandir(sub.path))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_symlink() or (entry.is_file(follow_symlinks=False)
                                          and (entry.name not in keep
                                               or entry.name.endswith(".tmp"))):
                    os.unlink(entry.path)  # a link itself, never what it points to
            except OSError:
                continue
