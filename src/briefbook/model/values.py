"""Rules that keep user-written values safe where they land: slugs and links."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA_ID_RE = re.compile(r"Q[0-9]+")
# Control characters no text of a dossier may hold (tab and line feed excepted): C0, DEL, C1.
# XML 1.0 cannot carry most of them at all, terminals obey them.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A domain name at the start of an address written without its scheme (www.lemonde.fr/...).
_HOST_RE = re.compile(r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?:[/?#]|$)")


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


def is_web_address(url: str) -> bool:
    """An absolute ``http(s)://`` address with a host: what a source's address must be.

    Stricter than :func:`is_safe_url`, which also lets relative links through: a source written
    ``www.lemonde.fr/article`` would be one, and lead nowhere.
    """
    if not is_safe_url(url):
        return False
    parts = urlsplit(url.strip())
    try:
        host = parts.hostname
    except ValueError:  # pragma: no cover - is_safe_url has split it already
        return False
    return (parts.scheme.lower() in ("http", "https") and bool(host)
            and not any(ch.isspace() for ch in parts.netloc))


def web_address_hint(url: str) -> str:
    """What to write instead of ``url`` (not a web address): the same with ``https://`` in front
    when it reads like an address without its scheme (``www.lemonde.fr/article``)."""
    text = url.strip()
    if _HOST_RE.match(text) and is_web_address(f"https://{text}"):
        return f"write it in full: 'https://{text}'"
    return "give the full address of the source, starting with https:// or http://"



def without_controls(text: str) -> str:
    """``text`` without the control characters of :data:`CONTROL_RE`."""
    return CONTROL_RE.sub("", text)
