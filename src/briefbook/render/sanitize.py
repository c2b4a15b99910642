"""Sanitize the rendered HTML of a brief's body: keep what Markdown makes, drop what runs script.

Used for text pasted from the web (``ingest`` marks such briefs ``sanitize: true``) or for a whole
dossier when the ``briefbook`` plugin's ``sanitize`` option is on. The sanitizer is ammonia
(through ``nh3``), an HTML5 parser with an allow-list, not a regular expression.
"""

from __future__ import annotations

import nh3

# Attributes any element may keep: classes (admonitions, code highlighting), ids (heading
# anchors that the table of contents links to), and text-only attributes.
_GLOBAL_ATTRIBUTES = {"class", "id", "title", "lang", "dir"}

# Only links and images to http(s) addresses or relative paths survive; ``javascript:``,
# ``data:``, ``vbscript:`` and every other scheme lose their attribute.
URL_SCHEMES = frozenset({"http", "https"})


def _attributes() -> dict[str, set[str]]:
    attributes = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
    attributes["*"] = set(_GLOBAL_ATTRIBUTES)
    for tag in ("a", "img"):
        attributes.setdefault(tag, set()).add("title")
    for cell in ("th", "td"):
        attributes[cell].add("style")  # Markdown tables align columns with text-align
    return attributes


# Attributes whose address a browser fetches as the page loads (an image, a video's poster):
# only an address inside the site may stay, so that reading a sanitized brief calls no other host.
_FETCHED = frozenset({"src", "srcset", "poster", "background", "data", "longdesc"})


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Drop protocol-relative addresses (``//host/x``) everywhere, and any address of another
    host where the browser would fetch it without a click."""
    address = "".join(value.split()).lower()
    if address.startswith(("//", "\\\\", "/\\", "\\/")):
        return None
    if attribute in _FETCHED and (address.startswith(("http:", "https:")) or "//" in address):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(nh3.ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes=_attributes(),
    url_schemes=set(URL_SCHEMES),
    filter_style_properties={"text-align"},
    strip_comments=True,
    link_rel="noopener noreferrer",
    attribute_filter=_keep_attribute,
)


def sanitize_html(html: str) -> str:
    """``html`` with scripts, styles, event attributes, forms, frames and unsafe URLs removed.

    Headings with their ids, paragraphs, lists, tables, code blocks, quotes, admonitions, links
    and images with http(s) or relative addresses are kept as Markdown rendered them.
    """
    if not html:
        return html
    return _CLEANER.clean(html)
