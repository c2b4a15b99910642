"""Read a web page: the article's main text and its metadata, through trafilatura.

trafilatura finds the main content (dropping navigation, cookie banners, share bars, related
links and comments) and the metadata: title, authors, date (htmldate), site name, language and
canonical address. What it writes is then turned into Markdown here, as before: sanitized with
nh3 first (no script, style, event attribute or ``javascript:`` link ever reaches the converter),
then converted with markdownify. Hand-written code is kept only where trafilatura has no answer:

- trafilatura's own Markdown writer drops the ``>`` of quotes and leaves ``<`` in text
  unescaped, so its HTML output is converted by markdownify (:class:`_TextKeepingConverter`);
- with ``favor_precision`` it drops many pages' lead paragraph: :func:`_lead` puts it back;
- it writes code in a sentence as a ``<pre>`` block: :func:`_inline_code` gives back ``<code>``;
- it neither resolves relative links nor limits nesting: :func:`_resolve_links` and
  :func:`_depth` do;
- it reads no ``<html lang>``, and gives every date to the day: :func:`_page_language` and
  :func:`_date_precision` do;
- it keeps the site's name in the title (``Story | CNN``): :func:`without_site_name` drops it;
  and it prefers ``og:title`` to the headline the page shows: :func:`_headline`.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import nh3
from lxml import etree
from lxml.html import HtmlElement
from markdownify import MarkdownConverter

from briefbook.authoring.ingest.limits import MAX_NESTING, MAX_PAGE_TEXT, InputRefused
from briefbook.model.values import CONTROL_RE, is_web_address

KEPT_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "dl", "dt", "em", "h1",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "q", "s", "strong", "sub",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
DROPPED_WITH_CONTENT = frozenset({
    "aside", "button", "canvas", "dialog", "embed", "footer", "form", "iframe", "map", "nav",
    "noscript", "object", "option", "script", "select", "style", "svg", "template", "textarea",
    "title", "video", "audio",
})
KEPT_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"},
                   "th": {"colspan", "rowspan"}, "abbr": {"title"}}

_HTML_HINT_RE = re.compile(r"<(?:!doctype|html|body|p|div|h[1-6]|article)\b", re.IGNORECASE)
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


@dataclass
class WebPage:
    """What a web page says about its article: the text as Markdown, and its metadata."""

    markdown: str
    title: str = ""
    authors: list[str] = field(default_factory=list)
    date: str = ""  # YYYY-MM-DD or YYYY-MM, as precise as the page is
    publisher: str = ""
    language: str = ""
    url: str = ""  # the canonical address, else the one given
    links_unresolved: int = 0  # relative links turned into text (no base address)


def looks_like_html(text: str) -> bool:
    """Whether text read from standard input or an unknown file is HTML rather than text."""
    return bool(_HTML_HINT_RE.search(text[:5000]))


def _absolute_only(tag: str, attribute: str, value: str) -> str | None:
    """Only absolute http(s) links survive: a relative one would point into the dossier's site."""
    if attribute == "href":
        return value if is_web_address(value) else None
    return value


def sanitize(html: str) -> str:
    """The HTML with only harmless article markup left: no scripts, styles, events or images,
    and no link other than an absolute http(s) one."""
    return nh3.clean(
        html,
        tags=set(KEPT_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in KEPT_ATTRIBUTES.items()},
        url_schemes={"http", "https"},
        attribute_filter=_absolute_only,
        link_rel=None,
        strip_comments=True,
    )


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
        # markdownify's stub leaves escape() out, though the converter has it
        escaped: str = super().escape(text, parent_tags)  # type: ignore[misc]
        return escaped


def html_to_markdown(html: str) -> str:
    """Sanitized, then converted Markdown of ``html`` (ATX headings, ``-`` bullets); the text
    of the article stays text (see :class:`_TextKeepingConverter`)."""
    converter = _TextKeepingConverter(heading_style="ATX", bullets="-", strip=["span"])
    markdown = converter.convert(sanitize(html))
    lines = [line.rstrip() for line in markdown.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _depth(tree: HtmlElement) -> int:
    """How deep the page's elements nest (libxml2 stops at 256 and drops what lies below)."""
    depth = deepest = 0
    for event, _element in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _text_size(tree: HtmlElement) -> int:
    """How many characters of text the page shows (scripts, styles and templates aside)."""
    return sum(len(text) for text in tree.xpath(
        "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript "
        "or ancestor::template)]"))


def _base_address(tree: HtmlElement, given: str) -> str:
    """The address relative links are read against: ``<base href>``, else the canonical address
    (``<link rel=canonical>``, ``og:url``), else ``given`` (``--url`` or the fetched address)."""
    candidates = [
        *tree.xpath("//head/base/@href"),
        *tree.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]"
                    "/@href"),
        *tree.xpath("//meta[@property='og:url']/@content"),
    ]
    for candidate in candidates:
        address = urljoin(given, str(candidate).strip()) if given else str(candidate).strip()
        if is_web_address(address):
            return address
    return given if is_web_address(given) else ""


def _resolve_links(tree: HtmlElement, base: str) -> None:
    """Make every relative link absolute against ``base``, when there is one."""
    if not base:
        return
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if href and not href.startswith("#") and not urlsplit(href).scheme:
            anchor.set("href", urljoin(base, href))


def _relative_links(body: etree._Element) -> int:
    """How many links of the article are relative (and so become text): there was no base
    address to read them against. In-page anchors (``#x``) are not counted: the brief's
    headings have other ids than the page's, so they become text anyway. (``body`` is
    trafilatura's tree, where a link is ``<ref target=…>``.)"""
    return sum(1 for anchor in body.iter("ref")
               if (href := (anchor.get("target") or "").strip())
               and not href.startswith("#") and not urlsplit(href).scheme)


def _inline_code(tree: etree._Element) -> etree._Element:
    """Give back ``<code>`` to code inside a sentence: trafilatura writes all code as ``<pre>``,
    which would cut the sentence into a code block."""
    for pre in tree.iter("pre"):
        parent = pre.getparent()
        if parent is not None and parent.tag in ("p", "li", "td", "th", "a", "b", "i", "em",
                                                  "strong", "q") and "\n" not in (pre.text or ""):
            pre.tag = "code"
    return tree


def _lead(tree: HtmlElement, description: str, extracted: str) -> str:
    """The page's lead paragraph, when trafilatura left it out: its precision mode drops the
    ``article__lead`` or ``teaser`` paragraphs of many pages. The page's description is taken
    for the lead when the page's body shows it and the extracted article does not."""
    lead = " ".join(description.split())
    if len(lead.split()) < 8:
        return ""
    body = tree.find("body")
    visible = " ".join((body.text_content() if body is not None else "").split())
    shown = " ".join(extracted.split())
    return lead if lead in visible and lead[:60] not in shown else ""


def _page_language(tree: HtmlElement) -> str:
    """``<html lang>`` (trafilatura reads only ``<meta>`` tags for the language)."""
    value = str(tree.get("lang") or "").strip().replace("_", "-")
    return value if _LANG_RE.match(value) else ""


def _date_precision(date: str, html: str) -> str:
    """``YYYY-MM`` when htmldate filled in the first of the month without seeing a day.

    htmldate always answers with a day: from an address like ``/2025/03/`` it gives
    ``2025-03-01``. A date on the first of the month that the page never writes in full
    (``2025-03-01``, ``2025/03/01``, ``20250301``) is therefore kept to its month.
    """
    year, month, day = date.split("-")
    if day != "01":
        return date
    forms = (f"{year}-{month}-01", f"{year}/{month}/01", f"{year}{month}01", f"{year}.{month}.01")
    return date if any(form in html for form in forms) else f"{year}-{month}"


_TITLE_SEPARATORS_RE = re.compile(r"\s+[|–—·»:-]\s+|\s*[：|]\s*")


def without_site_name(title: str, site_name: str, address: str = "") -> str:
    """The title without the site's name that pages add before or after it (``Story | CNN
    Politics``, ``LinkNaija | Story``): trafilatura keeps what ``og:title`` or ``<title>`` say."""
    host = (urlsplit(address).hostname or "").removeprefix("www.").split(".")[0]
    names = [n.casefold() for n in (site_name, host) if len(n) >= 2]
    if not names:
        return title
    parts = _TITLE_SEPARATORS_RE.split(title)
    if len(parts) < 2:
        return title

    def is_site(part: str) -> bool:
        folded = part.casefold().replace(" ", "")
        return len(part.split()) <= 6 and any(name.replace(" ", "") in folded
                                              or folded in name.replace(" ", "")
                                              for name in names if folded)

    for index in (len(parts) - 1, 0):
        if is_site(parts[index]):
            separator = _TITLE_SEPARATORS_RE.search(title) if index == 0 else None
            if index == 0 and separator:
                return title[separator.end():].strip()
            cut = [m for m in _TITLE_SEPARATORS_RE.finditer(title)][-1]
            return title[:cut.start()].strip()
    return title


def _headline(tree: HtmlElement, title: str) -> str:
    """The page's one ``<h1>`` when ``title`` is that headline with more around it: a rubric
    (``Analysis: …``) or the site's name, which ``og:title`` (trafilatura's first choice) often
    adds. A page with several ``<h1>``, or one that says something else, keeps ``title``."""
    headings = {" ".join(h.text_content().split()) for h in tree.iter("h1")}
    headings = {h for h in headings if len(h.split()) >= 3}
    if len(headings) != 1:
        return title
    headline = headings.pop()
    ours = " ".join(re.findall(r"\w+", headline.casefold()))
    theirs = " ".join(re.findall(r"\w+", title.casefold()))
    if ours and ours != theirs and f" {ours} " in f" {theirs} " and len(ours) >= len(theirs) / 2:
        return headline
    return title


def _authors(value: str | None) -> list[str]:
    """trafilatura's ``author`` field (``A; B``) as a list of names."""
    return [name.strip() for name in (value or "").split(";") if name.strip()]


_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));?")


def _xml_invalid(code: int) -> bool:
    return (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or 0xD800 <= code <= 0xDFFF \
        or code in (0xFFFE, 0xFFFF) or code > 0x10FFFF


def xml_safe(html: str) -> str:
    """``html`` without the characters XML cannot hold, raw or as character references
    (``&#x1b;``): lxml, under trafilatura, drops a whole article that holds one. Hand-written
    because neither trafilatura nor lxml cleans them; each becomes a space."""
    html = CONTROL_RE.sub(" ", html)

    def replace(match: re.Match[str]) -> str:
        hexadecimal, decimal = match.groups()
        code = int(hexadecimal, 16) if hexadecimal else int(decimal)
        return " " if _xml_invalid(code) else match.group(0)

    return _CHARACTER_REFERENCE.sub(replace, html) if "&#" in html else html


def read_page(html: str, url: str = "") -> WebPage:
    """The article of a web page and its metadata; :class:`InputRefused` for a page nested too
    deeply to read whole. ``url`` is where the page was found (``--url`` or the fetched one)."""
    import trafilatura
    from trafilatura.htmlprocessing import convert_to_html
    from trafilatura.settings import Document
    from trafilatura.utils import load_html

    tree = load_html(xml_safe(html))
    if tree is None:
        return WebPage(markdown="")
    if _depth(tree) > MAX_NESTING:
        raise InputRefused(
            f"the page nests its elements more than {MAX_NESTING} deep; it cannot be read "
            "without losing text. Save the article alone (the browser's reader view, 'Save "
            "as… text') and ingest that file")
    shown = _text_size(tree)
    if shown > MAX_PAGE_TEXT:
        raise InputRefused(
            f"the page shows {shown:,} characters of text, more than an article holds "
            f"({MAX_PAGE_TEXT:,} at most); save the article alone (the browser's reader view, "
            "'Save as… text') and ingest that file")
    base = _base_address(tree, url)
    _resolve_links(tree, base)
    language = _page_language(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=base or None,
        output_format="html",
        with_metadata=True,
        include_comments=False,
        include_links=True,
        include_tables=True,
        include_formatting=True,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    if not isinstance(document, Document):  # None: no article found
        return WebPage(markdown="", url=base, language=language)
    body = getattr(document, "body", None)
    if body is None:
        return WebPage(markdown="", url=base, language=language)
    unresolved = _relative_links(body)
    lead = _lead(tree, str(document.description or ""), etree.tostring(
        body, encoding="unicode", method="text"))
    converted = _inline_code(convert_to_html(body))
    if lead:
        container = converted.find("body")
        paragraph = etree.Element("p")
        paragraph.text = lead
        first = container[0] if container is not None and len(container) else None
        heading_first = first is not None and str(first.tag) in {f"h{n}" for n in range(1, 7)}
        if container is not None:
            container.insert(1 if heading_first else 0, paragraph)
    extracted = etree.tostring(converted, encoding="unicode")
    date = str(document.date or "")
    publisher = " ".join((document.sitename or "").split())
    return WebPage(
        markdown=html_to_markdown(extracted),
        title=without_site_name(_headline(tree, " ".join((document.title or "").split())),
                                publisher, base),
        authors=_authors(document.author),
        date=_date_precision(date, html) if re.fullmatch(r"\d{4}-\d\d-\d\d", date) else "",
        publisher=publisher,
        language=str(document.language or "") or language,
        url=base,
        links_unresolved=unresolved,
    )
