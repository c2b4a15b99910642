"""Rules that keep user-written values safe where they land: slugs and links."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA_ID_RE = re.compile(r"Q[0-9]+")


def is_slug(value: str) -> bool:
    """Lowercase ASCII letters and digits in hyphen-separated words: safe as a file and URL part."""
    return bool(SLUG_RE.match(value)) and len(value) <= 120


def is_wikidata_id(value: str) -> bool:
    """``Q`` and digits: safe to append to the address of a Wikidata item."""
    return bool(WIKIDATA_ID_RE.fullmatch(value))


def slugify(text: str, max_length: int = 80) -> str:
    """A safe slug for ``text``: accents folded, anything else turned into single hyphens."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    slug = slug[:max_length].rstrip("-")
    return slug or "untitled"


def is_safe_url(url: str) -> bool:
    """Only http(s) URLs and relative links may reach a page; ``javascript:``, ``data:`` never."""
    cleaned = "".join(ch for ch in url if ch >= " " and ch != "\x7f").strip()
    if not cleaned or cleaned != url.strip():
        return False
    try:
        parts = urlsplit(cleaned)
    except ValueError:  # e.g. "http://[x": an unclosed IPv6 host
        return False
    if parts.scheme:
        return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
    return not cleaned.startswith("\\")
