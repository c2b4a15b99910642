"""Turn a scraped HTML page into Markdown: sanitize with nh3 first, then convert with markdownify.

Sanitizing comes first, so that the converter never sees a script, a style sheet, an event
attribute or a ``javascript:`` link. Page furniture (navigation, footers, forms, buttons) is
dropped with its content; images are dropped too, since a dossier site makes no third-party
requests. Only http(s) and relative links survive (:func:`briefbook.safety.is_safe_url`).
"""

from __future__ import annotations

import html as _html
import re

import nh3
from markdownify import MarkdownConverter

from briefbook.model.values import is_safe_url

KEPT_TAGS = frozenset({
    "a", "abbr", "article", "b", "blockquote", "br", "cite", "code", "dd", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "li",
    "main", "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
DROPPED_WITH_CONTENT = frozenset({
    "aside", "button", "canvas", "dialog", "embed", "footer", "form", "iframe", "map", "nav",
    "noscript", "object", "option", "script", "select", "style", "svg", "template", "textarea",
    "title", "video", "audio",
})
KEPT_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"},
                   "th": {"colspan", "rowspan"}, "abbr": {"title"}}

_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_HTML_HINT_RE = re.compile(r"<(?:!doctype|html|body|p|div|h[1-6]|article)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether text read from standard input or an unknown file is HTML rather than text."""
    return bool(_HTML_HINT_RE.search(text[:5000]))


def _keep_safe_links(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href":
        return value if is_safe_url(value) else None
    return value


def sanitize(html: str) -> str:
    """The HTML with only harmless article markup left: no scripts, styles, events or images."""
    return nh3.clean(
        html,
        tags=set(KEPT_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in KEPT_ATTRIBUTES.items()},
        url_schemes={"http", "https"},
        attribute_filter=_keep_safe_links,
        link_rel=None,
        strip_comments=True,
    )


def page_title(html: str) -> str:
    """The text of the page's ``<title>``, if any (a fallback when it has no heading)."""
    match = _TITLE_RE.search(html)
    if not match:
        return ""
    return " ".join(_html.unescape(nh3.clean(match.group(1), tags=set())).split())


class _TextKeepingConverter(MarkdownConverter):
    """markdownify's converter, with ``&``, ``<`` and ``>`` of text written as entities, and
    square brackets escaped.

    The parser has already turned ``&lt;img onerror=…&gt;`` in the article's text into the
    characters ``<img onerror=…>``; written back as they are, Markdown would pass them on as a
    live HTML tag. As entities they stay text. Likewise ``[x](javascript:…)`` written in the
    text would become a Markdown link. Code is left alone: Markdown escapes it itself.
    """

    def escape(self, text: str, parent_tags: set[str]) -> str:
        text = _html.escape(text, quote=False).replace("[", "\\[").replace("]", "\\]")
        return super().escape(text, parent_tags)


def html_to_markdown(html: str) -> str:
    """Sanitized, then converted Markdown of ``html`` (ATX headings, ``-`` bullets); the text
    of the article stays text (see :class:`_TextKeepingConverter`)."""
    converter = _TextKeepingConverter(heading_style="ATX", bullets="-", strip=["span"])
    markdown = converter.convert(sanitize(html))
    lines = [line.rstrip() for line in markdown.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
