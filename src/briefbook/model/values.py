"""Rules that keep user-written values safe where they land: slugs and links."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA_ID_RE = re.compile(r"Q[0-9]+")
# Characters no text of a dossier may hold (tab and line feed excepted): C0, DEL, C1, which
# XML 1.0 cannot carry or terminals obey, and Unicode's noncharacters (U+FDD0–U+FDEF and the
# last two code points of every plane, U+FFFE and U+FFFF among them), which XML refuses too.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
CONTROL_RE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_NONCHARACTERS}]")
_ASCII_CONTROL_RE = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f]")
_BMP_CONTROL_RE = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\ufdd0-\\ufdef\\ufffe\\uffff]")


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character :data:`CONTROL_RE` matches; the same answer, found
    several times faster for the texts most are (ASCII, or no character beyond U+FFFF)."""
    if text.isascii():
        return _ASCII_CONTROL_RE.search(text) is not None
    if _BMP_CONTROL_RE.search(text) is not None:
        return True
    return max(text) > "\uffff" and CONTROL_RE.search(text) is not None
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
    # a protocol-relative address (//host/x, and the backslash forms browsers read the same
    # way) leads to another host: not a relative link
    return not cleaned.startswith(("\\", "//", "/\\"))


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


# Characters that show nothing, or reorder what follows: zero-width spaces and joiners, bidi
# embeddings and overrides, the BOM (Unicode "format" characters), line and paragraph separators,
# private-use and unassigned code points.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Zl", "Zp", "Co", "Cn"})
# Scripts whose letters look alike: a word mixing them is a look-alike (``nаto`` with a Cyrillic
# ``а``), not a name.
_CONFUSABLE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE"})


def invisible_characters(text: str) -> list[str]:
    """The invisible or reordering characters of ``text``, each once, in order."""
    return list(dict.fromkeys(
        ch for ch in text if unicodedata.category(ch) in _INVISIBLE_CATEGORIES
    ))


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def mixed_script_word(text: str) -> tuple[str, list[str]] | None:
    """The first word of ``text`` that mixes letters of look-alike scripts, and those scripts."""
    for word in re.split(r"[\W\d_]+", text):
        scripts = {_script(ch) for ch in word if ch.isalpha()} & _CONFUSABLE_SCRIPTS
        if len(scripts) > 1:
            return word, sorted(scripts)
    return None


def nfc(text: str) -> str:
    """``text`` in Unicode NFC: ``é`` typed as ``e`` + accent and as one character compare equal."""
    return unicodedata.normalize("NFC", text)
