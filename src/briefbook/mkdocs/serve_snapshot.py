"""Keep ``mkdocs serve`` answering when a rebuild fails: serve the last good site meanwhile.

MkDocs empties the site folder before it rebuilds, and while a rebuild has not succeeded its
server holds every request back ("the server will appear stuck"). :func:`guarded` wraps the
server's rebuild: a failure is reported on one line, the last good site is put back, and the
server answers with it; the next good edit rebuilds as usual. Nothing here imports MkDocs.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from briefbook.model.diagnostics import printable


def _link_or_copy(src: str, dst: str) -> None:
    """Hard-link a file (MkDocs deletes the site's files before writing new ones, so a link
    keeps the old content), or copy it where links cannot be made."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


class LastGoodSite:
    """A copy of the site folder as the last successful build left it."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.store = Path(tempfile.mkdtemp(prefix="briefbook-last-good-"))
        self.saved = False

    def save(self) -> None:
        """Remember the site folder as it is now."""
        copy = self.store / "site"
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(self.site_dir, copy, copy_function=_link_or_copy, symlinks=True)
        self.saved = True

    def restore(self) -> None:
        """Put the last good site back in the site folder (which a failed build left half-made)."""
        if not self.saved:
            return
        if self.site_dir.exists():
            shutil.rmtree(self.site_dir)
        shutil.copytree(self.store / "site", self.site_dir, copy_function=_link_or_copy,
                        symlinks=True)

    def close(self) -> None:
        shutil.rmtree(self.store, ignore_errors=True)


def describe_failure(error: BaseException) -> str:
    """One line saying why a rebuild failed (MkDocs has logged the details of its own errors)."""
    text = printable(str(error))[:500]
    name = type(error).__name__
    if name == "Abort":
        return ("briefbook: the rebuild failed (see the error above); the last good site is "
                "still served. Fix the problem and save: the site rebuilds by itself")
    return (f"briefbook: the rebuild failed ({name}: {text}); the last good site is still "
            "served. Fix the problem and save: the site rebuilds by itself")


def guarded(
    rebuild: Callable[[], None], site: LastGoodSite, report: Callable[[str], None]
) -> Callable[[], None]:
    """``rebuild`` that never raises: on failure, ``report`` why and restore ``site``."""

    def guarded_rebuild() -> None:
        try:
            rebuild()
        except (Exception, SystemExit) as error:  # Abort, MkDocs's stop, is a SystemExit
            report(describe_failure(error))
            site.restore()
            return
        site.save()

    return guarded_rebuild
