"""Checks shared by the tests of generated pages: every link of a built page resolves."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

HREF = re.compile(r'\bhref="([^"]*)"')


def page_file(site: Path, url_path: str) -> Path:
    path = site / url_path
    return path / "index.html" if url_path.endswith("/") or not url_path else path


def broken_links(site: Path, url_path: str) -> list[str]:
    """Every relative ``href`` of the page at ``url_path`` whose file or ``#anchor`` is missing."""
    source = page_file(site, url_path).read_text(encoding="utf-8")
    base = url_path if url_path.endswith("/") or not url_path else posixpath.dirname(url_path)
    broken = []
    for raw in HREF.findall(source):
        href = html.unescape(raw)
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("/"):
            continue  # external (http, mailto) or root-relative: not produced by Briefbook
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path \
            else url_path.rstrip("/")
        if parts.path.endswith("/") or not parts.path:
            target = target + "/" if target not in (".", "") else ""
        if target.startswith(".."):
            broken.append(f"{href} (outside the site)")
            continue
        file = page_file(site, "" if target in (".", "./") else target)
        if not file.exists():
            broken.append(href)
            continue
        if parts.fragment and file.suffix == ".html":
            ids = set(re.findall(r'\bid="([^"]*)"', file.read_text(encoding="utf-8")))
            if unquote(parts.fragment) not in ids:
                broken.append(f"{href} (no such anchor)")
    return broken
