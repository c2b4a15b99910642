"""Render one Markdown text on its own, with the site's Markdown extensions.

A page that joins several briefs (the printable book) renders each brief's body with this,
rather than as one Markdown document: a link reference defined in one brief (``[x]: …``) then
never resolves in another, so what sanitizing removes from one brief cannot come back through
its neighbour, and an element one body leaves open cannot reach the next.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension

from briefbook.render.sanitize import sanitize_html


class BodyRenderer:
    """Renders bodies one at a time (state such as link references is reset between them)."""

    def __init__(
        self, extensions: Sequence[str | Extension] = (),
        extension_configs: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self._extensions = list(extensions)
        self._configs = {name: dict(conf) for name, conf in (extension_configs or {}).items()}
        self._markdown: Markdown | None = None

    def __call__(self, text: str, sanitize: bool = False) -> str:
        """``text`` as HTML, sanitized when asked."""
        if self._markdown is None:
            self._markdown = Markdown(extensions=self._extensions,
                                      extension_configs=self._configs)
        self._markdown.reset()
        html = self._markdown.convert(text)
        return sanitize_html(html) if sanitize else html
