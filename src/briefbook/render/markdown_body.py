"""Render one Markdown text on its own, with the site's Markdown extensions.

A page that joins several briefs (the printable book) renders each brief's body with this,
rather than as one Markdown document: a link reference defined in one brief (``[x]: …``) then
never resolves in another, so what sanitizing removes from one brief cannot come back through
its neighbour, and an element one body leaves open cannot reach the next.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension

from briefbook.render.sanitize import sanitize_html

_ID = re.compile(r'(\sid=")([^"]*)(")')
_FRAGMENT_HREF = re.compile(r'(\shref="#)([^"]*)(")')


def prefix_ids(html: str, prefix: str) -> str:
    """``html`` with every ``id`` prefixed, and the links to those ids within it: bodies that
    share a page (the book) keep their heading and footnote anchors apart."""
    ids = {m.group(2) for m in _ID.finditer(html)}
    if not ids:
        return html
    html = _ID.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}{m.group(3)}", html)
    return _FRAGMENT_HREF.sub(
        lambda m: m.group(1) + (prefix if m.group(2) in ids else "") + m.group(2) + m.group(3),
        html,
    )


class BodyRenderer:
    """Renders bodies one at a time (state such as link references is reset between them)."""

    def __init__(
        self, extensions: Sequence[str | Extension] = (),
        extension_configs: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self._extensions = list(extensions)
        self._configs = {name: dict(conf) for name, conf in (extension_configs or {}).items()}
        self._markdown: Markdown | None = None

    def __call__(self, text: str, sanitize: bool = False, id_prefix: str = "") -> str:
        """``text`` as HTML, sanitized when asked, its anchors prefixed with ``id_prefix``."""
        if self._markdown is None:
            self._markdown = Markdown(extensions=self._extensions,
                                      extension_configs=self._configs)
        self._markdown.reset()
        html = self._markdown.convert(text)
        if sanitize:
            html = sanitize_html(html)
        return prefix_ids(html, id_prefix) if id_prefix else html
