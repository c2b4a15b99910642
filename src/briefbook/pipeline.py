"""The front of the pipeline: read a dossier folder into a validated model, with a parse cache."""

from __future__ import annotations

import datetime as _dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from briefbook.index.lookups import Index, build_index
from briefbook.index.mention_index import MentionStat
from briefbook.index.suggestions import unlisted_mentions
from briefbook.load.files import (
    MAX_FILE_BYTES,
    RawFile,
    Skipped,
    content_digest,
    discover,
    display_path,
    load_file,
    misnamed,
    oversized_file,
    unreadable_file,
)
from briefbook.model.audience import Audiences
from briefbook.model.diagnostics import Diagnostics, Location
from briefbook.model.dossier import Dossier
from briefbook.validate.as_of import as_of_filter
from briefbook.validate.audiences import check_audiences, restrict
from briefbook.validate.fields import validate


@dataclass
class LoadResult:
    """A validated dossier, its index, every diagnostic, and how many files were parsed."""

    dossier: Dossier
    index: Index
    diagnostics: Diagnostics
    files_seen: int
    files_parsed: int
    checked: Dossier | None = None  # every file validated, before as_of and audience


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a dossier loads.

    Loading builds hundreds of thousands of small objects that all stay alive (values, marks,
    records), so every collection walks a growing heap and finds nothing: a fifth of the
    load's time at 10,000 briefs. Parsing makes no reference cycles worth collecting, and the
    collector runs again as soon as the dossier is loaded.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class DossierLoader:
    """Loads a dossier; keeps parsed files keyed by content so that a rebuild parses only edits."""

    def __init__(self) -> None:
        self._cache: dict[Path, RawFile] = {}
        self._mention_cache: dict[str, dict[str, MentionStat]] = {}
        self._names: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def forget(self) -> None:
        """Drop what is kept for the next load (one build only: its memory is worth more)."""
        self._cache, self._mention_cache, self._names = {}, {}, ()

    def load(
        self, root: Path, base: Path | None = None, as_of: _dt.date | None = None,
        scan_mentions: bool = True, audiences: Audiences | None = None, audience: str = "",
    ) -> LoadResult:
        """Load, validate and index the dossier at ``root``.

        ``scan_mentions=False`` skips reading brief texts for actors' names, and so the notes
        about actors named but not listed.

        With ``as_of``, every file is still checked, but the dossier keeps only the briefs
        dated on or before that day (see :func:`briefbook.validate.as_of.as_of_filter`).

        With ``audiences`` (the dossier's declared list, empty when it declares none), every
        audience mark is checked; with ``audience`` too, the dossier keeps only what that
        audience may read (see :func:`briefbook.validate.audiences.restrict`), before it is
        indexed. Without ``audiences``, marks are neither checked nor applied.
        """
        with _collector_paused():
            return self._load(root, base, as_of, scan_mentions, audiences, audience)

    def _load(
        self, root: Path, base: Path | None, as_of: _dt.date | None, scan_mentions: bool,
        audiences: Audiences | None = None, audience: str = "",
    ) -> LoadResult:
        root = root.resolve()
        base = (base or root.parent).resolve()
        if not root.is_dir():
            diags = Diagnostics()
            diags.error(
                Location(str(root)),
                f"the dossier folder '{root}' does not exist; create it or set 'briefs_dir'",
                "no-dossier",
            )
            dossier = Dossier()
            return LoadResult(dossier, build_index(dossier), diags, 0, 0)
        raws: list[RawFile] = []
        parsed = 0
        fresh: dict[Path, RawFile] = {}
        skipped: list[Skipped] = []
        for path in discover(root, skipped):
            try:
                size = path.stat().st_size
                if size > MAX_FILE_BYTES:
                    raws.append(oversized_file(path, root, base, size))
                    continue
                data = path.read_bytes()
            except OSError as exc:
                raws.append(unreadable_file(path, root, base, exc))
                continue
            raw = self._cache.get(path)
            if raw is None or raw.digest != content_digest(data):
                raw = load_file(path, root, base, data)
                parsed += 1
            fresh[path] = raw
            raws.append(raw)
        self._cache = fresh
        dossier, diags = validate(raws)
        for path in misnamed(root):
            diags.warning(
                Location(display_path(path, base), 1, 1),
                f"'{path.name}' is not read: only files ending in '.md' belong to the dossier; "
                f"rename it to '{path.stem}.md'",
                "not-read",
            )
        for item in skipped:
            where = Location(display_path(item.path, base), 1, 1)
            if item.is_error:
                diags.error(where, item.message, "outside-dossier")
            else:
                diags.warning(where, item.message, "not-read")
        checked = dossier
        if audiences is not None:
            body_lines = {raw.display: raw.body_line for raw in raws}
            diags.extend(check_audiences(dossier, audiences, body_lines))
            if audience:
                dossier = restrict(dossier, audiences, audience)
        if as_of is not None:
            dossier = as_of_filter(dossier, as_of)
        names = tuple((a.id, a.names) for a in dossier.actors.values())
        if names != self._names:  # other names, other mentions: scan every brief again
            self._mention_cache = {}
            self._names = names
        index = build_index(
            dossier, mention_cache=self._mention_cache, scan_mentions=scan_mentions
        )
        if scan_mentions:
            diags.extend(unlisted_mentions(index))
        return LoadResult(dossier, index, diags, len(raws), parsed, checked)


def load_dossier(
    root: Path, base: Path | None = None, as_of: _dt.date | None = None,
    scan_mentions: bool = True, audiences: Audiences | None = None, audience: str = "",
) -> LoadResult:
    """Load a dossier once, without a cache (as of a day, for an audience, if given)."""
    return DossierLoader().load(root, base, as_of, scan_mentions, audiences, audience)
