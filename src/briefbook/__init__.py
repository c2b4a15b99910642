"""Briefbook: a folder of Markdown briefs → a cross-linked briefing dossier.

The pipeline, one package per stage, in order::

    load → validate → index → views → export → render → mkdocs (glue)

The public API is what this module names: :func:`load_dossier` reads and validates a dossier
folder into a :class:`Dossier` with its :class:`Diagnostics`, without MkDocs. Everything else
is internal and may move between versions.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefbook.model.diagnostics import Diagnostics
    from briefbook.model.dossier import Dossier
    from briefbook.pipeline import LoadResult, load_dossier

try:
    __version__ = version("briefbook")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = ["Diagnostics", "Dossier", "LoadResult", "__version__", "load_dossier"]

_EXPORTS = {
    "Diagnostics": "briefbook.model.diagnostics",
    "Dossier": "briefbook.model.dossier",
    "LoadResult": "briefbook.pipeline",
    "load_dossier": "briefbook.pipeline",
}


def __getattr__(name: str) -> Any:
    """Import the public names on first use, so that ``import briefbook`` stays cheap."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'briefbook' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module), name)
