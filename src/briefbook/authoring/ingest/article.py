"""Make a brief from a raw article: plain text, Markdown or a web page.

A web page goes through trafilatura (:mod:`~briefbook.authoring.ingest.html_page`): its main
text becomes Markdown, and its title, authors, date, site name, language and canonical address
become the brief's metadata. Text and Markdown are cleaned of scraping debris line by line
(:mod:`~briefbook.authoring.ingest.debris`: newsletter, paywall and share lines; credits become
a source field), and titled by their headline. Then the language (given or detected) and the
known actors named in the article's text are found; recurring unknown names are suggested as new
actors (:mod:`~briefbook.authoring.ingest.candidates`). Writing the file is
:mod:`~briefbook.authoring.new`'s job.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise

import yaml

from briefbook.authoring.ingest import debris
from briefbook.authoring.ingest.candidates import Candidate, find_candidates
from briefbook.authoring.ingest.datelines import publication_date
from briefbook.authoring.ingest.limits import check_size
from briefbook.index.mentions import MentionMatcher
from briefbook.model.dates import DateError, FuzzyDate
from briefbook.model.dossier import Actor
from briefbook.model.fences import in_code

TITLE_MAX = 150
"""A first line longer than this is a paragraph: the title is then cut from its first sentence."""
TITLE_MIN_WORDS = 3

_ATX_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT_RE = re.compile(r"^(?:=+|-+)\s*$")
_LINK_TARGET_RE = re.compile(r"\]\([^)]*\)")
_INLINE_MARKUP_RE = re.compile(r"[\[\]*_`]+")
# A backslash-escaped character is text, not markup: ``\*``, ``\_``, ``\[`` …
_ESCAPED_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_PLAIN_ESCAPE_RE = re.compile(r"^(\s*)([#>])", re.MULTILINE)
_BYLINE_RE = re.compile(r"^(?:by|par|von|por|di)\s+(.+?)\.?$", re.IGNORECASE)
_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:,|;|\s+(?:and|et|und|y|e)\s+|&)\s*")
_NAME_RE = re.compile(r"^(?:[A-ZÀ-Ý][\w'’.\-]*)(?:\s+(?:[A-ZÀ-Ý][\w'’.\-]*|de|da|van|von|le|la))"
                      r"{0,3}$")
BYLINE_WINDOW = 8
"""A byline is looked for among the first lines with text."""


class InputFormat(StrEnum):
    AUTO = "auto"
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


SUFFIXES = {
    ".html": InputFormat.HTML, ".htm": InputFormat.HTML, ".xhtml": InputFormat.HTML,
    ".md": InputFormat.MARKDOWN, ".markdown": InputFormat.MARKDOWN,
    ".txt": InputFormat.TEXT, ".text": InputFormat.TEXT,
}


@dataclass
class Article:
    """A raw article made ready for a brief."""

    title: str
    body: str
    format: InputFormat
    removed: list[tuple[str, str]] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    language_detected: bool = False
    language_from: str = ""  # "given", "the page" or "detected"
    actors: Counter[str] = field(default_factory=Counter)
    candidates: list[Candidate] = field(default_factory=list)
    date: str = ""  # the publication date found in the page, as precise as it is; "" if none
    publisher: str = ""
    url: str = ""  # the canonical address, else the one given
    credits: list[str] = field(default_factory=list)  # "Additional reporting by …" lines
    links_unresolved: int = 0  # relative links turned into text: no base address to read them
    date_from: str = ""  # where ``date`` was found: "dateline", "front-matter" or "page"
    front_matter: list[str] = field(default_factory=list)  # the fields of a Markdown file's
    # front-matter, left out of the body (its title used when none is given)


def guess_format(text: str, filename: str | None = None) -> InputFormat:
    """The format from the file name's extension, else from the content."""
    from briefbook.authoring.ingest.html_page import looks_like_html

    if filename:
        for suffix, fmt in SUFFIXES.items():
            if filename.lower().endswith(suffix):
                return fmt
    if looks_like_html(text):
        return InputFormat.HTML
    if _ATX_RE.match(text.lstrip().split("\n", 1)[0]):
        return InputFormat.MARKDOWN
    return InputFormat.TEXT


def text_to_markdown(text: str) -> str:
    """Plain text as Markdown: one paragraph per line unless blank lines already separate them.

    Text stays text: ``&`` and ``<`` become entities (``<img onerror=…>`` in an article is not a
    tag), and a line's leading ``#`` or ``>`` is escaped (it is no heading or quote).
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _PLAIN_ESCAPE_RE.sub(r"\1\\\2", text)
    lines = [line.strip() for line in text.split("\n")]
    if any(not line for line in lines[1:-1]) and _wrapped(lines):
        return "\n".join(lines)
    return "\n\n".join(line for line in lines if line)


WRAP_WIDTH = 100
"""Hard-wrapped text has lines no longer than this; longer lines are paragraphs of their own."""


def _wrapped(lines: list[str]) -> bool:
    """Whether blank lines separate paragraphs that run over several short lines (hard-wrapped
    text), rather than one paragraph a line with a stray blank line (text from a reader app)."""
    filled = sorted(len(line) for line in lines if line)
    if not filled or filled[len(filled) // 2] > WRAP_WIDTH:
        return False
    return any(a and b for a, b in pairwise(lines))


def _plain(line: str) -> str:
    r"""A line's text without Markdown markup; escaped characters (``\_``) and entities
    (``&amp;``) read as the characters they stand for."""
    pieces = _ESCAPED_RE.split(_LINK_TARGET_RE.sub("]", line))
    # split() puts each escaped character at an odd index: kept; markup elsewhere is dropped
    text = "".join(piece if index % 2 else _INLINE_MARKUP_RE.sub("", piece)
                   for index, piece in enumerate(pieces))
    return " ".join(html.unescape(text).split())


def split_title(markdown: str) -> tuple[str, str, bool]:
    """(title, body without it, whether it was a heading): the first heading, else the first
    meaningful line; a first line too long for a title gives its first sentence, and stays."""
    lines = markdown.split("\n")
    code = in_code(lines)
    for index, line in enumerate(lines):
        if code[index] or not line.strip():
            continue
        atx = _ATX_RE.match(line)
        if atx and _plain(atx.group(2)):
            return _plain(atx.group(2)), "\n".join(lines[:index] + lines[index + 1 :]), True
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _SETEXT_RE.match(following) and following.strip() and _plain(line):
            return _plain(line), "\n".join(lines[:index] + lines[index + 2 :]), True
        if len(line) > TITLE_MAX:
            break
    for index, line in enumerate(lines):
        text = _plain(line)
        if len(text.split()) < TITLE_MIN_WORDS or line.lstrip().startswith(("```", "~~~", "|")):
            continue
        if len(text) <= TITLE_MAX:
            return text, "\n".join(lines[:index] + lines[index + 1 :]), False
        return _first_sentence(text), markdown, False
    return "", markdown, False


def take_byline(markdown: str) -> tuple[list[str], str]:
    """(authors, text without the line) when an early line reads ``By A and B`` / ``Par A et B``."""
    lines = markdown.split("\n")
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > BYLINE_WINDOW:
            break
        match = _BYLINE_RE.match(_plain(line))
        if not match:
            continue
        names = [n for n in _AUTHOR_SPLIT_RE.split(match.group(1)) if n]
        if names and all(_NAME_RE.match(n) for n in names):
            return names, "\n".join(lines[:index] + lines[index + 1 :])
    return [], markdown


def _first_sentence(text: str) -> str:
    sentence = re.split(r"(?<=[.!?…])\s", text, maxsplit=1)[0]
    if len(sentence) <= TITLE_MAX:
        return sentence.rstrip(".")
    # the longest opening clause that fits ("X could do Y, officials said" → "X could do Y")
    clauses = [m.start() for m in re.finditer(r"[,;:]\s|\s[–—]\s", sentence[:TITLE_MAX + 1])]
    if clauses and len(sentence[: clauses[-1]].split()) >= TITLE_MIN_WORDS + 2:
        return sentence[: clauses[-1]]
    cut = sentence[: TITLE_MAX - 1].rsplit(" ", 1)[0]
    return cut + "…"


def demote_headings(markdown: str) -> str:
    """Shift headings so that the highest is ``##``: the page title is the brief's own ``#``."""
    lines = markdown.split("\n")
    code = in_code(lines)
    levels = [len(m.group(1)) for line, c in zip(lines, code, strict=True)
              if not c and (m := _ATX_RE.match(line))]
    if not levels or min(levels) >= 2:
        return markdown
    shift = 2 - min(levels)
    out = []
    for line, c in zip(lines, code, strict=True):
        if not c and (m := _ATX_RE.match(line)):
            level = min(len(m.group(1)) + shift, 6)
            line = "#" * level + " " + m.group(2)
        out.append(line)
    return "\n".join(out)


def prose(text: str) -> str:
    """Text to look for names in: without Markdown link targets (a URL mentions no one), with
    entities read as the characters they stand for."""
    return html.unescape(_LINK_TARGET_RE.sub("]", text))


def read_article(
    text: str,
    fmt: InputFormat = InputFormat.AUTO,
    *,
    filename: str | None = None,
    title: str | None = None,
    url: str = "",
) -> Article:
    """Convert, clean and title an article (language and actors are left to :func:`annotate`).

    ``url`` is where the article was found: relative links of a web page are read against its
    canonical address, else against ``url``. :class:`~briefbook.authoring.ingest.limits.
    InputRefused` for an input over a size or nesting limit.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if fmt is InputFormat.AUTO:
        fmt = guess_format(text, filename)
    check_size(len(text.encode("utf-8", errors="replace")), fmt is InputFormat.HTML)
    if fmt is InputFormat.HTML:
        return _read_web_page(text, title, url)
    front: dict[str, object] = {}
    if fmt is InputFormat.MARKDOWN:
        front, text = split_front_matter(text)
        given = front.get("title")
        if not (title and title.strip()) and isinstance(given, str) and given.strip():
            title = given
    markdown = text_to_markdown(text) if fmt is InputFormat.TEXT else text
    cleaned = debris.clean(markdown)
    authors, text = take_byline(cleaned.text)
    guessed, body, from_heading = split_title(text)
    if title and title.strip():
        chosen = " ".join(title.split())
        if not from_heading:
            body = text
    else:
        chosen = guessed
    body = debris.tidy_blank_lines(demote_headings(body)) if body.strip() else ""
    return Article(
        title=chosen, body=body, format=fmt, removed=cleaned.removed, authors=authors,
        credits=_credits(cleaned.removed), url=url,
        date=publication_date(cleaned.removed) or _front_matter_date(front),
        date_from=("dateline" if publication_date(cleaned.removed)
                   else "front-matter" if _front_matter_date(front) else ""),
        front_matter=[str(key) for key in front],
    )


def _front_matter_date(front: dict[str, object]) -> str:
    """The ``date`` of a Markdown file's front-matter when it is a calendar date (YAML reads
    ``2025-04-01`` unquoted as one; a quoted one must parse the same), else ``""``."""
    value = front.get("date")
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return FuzzyDate.parse(value).isoformat()
        except DateError:
            return ""
    return ""


_FRONT_MATTER_RE = re.compile(r"---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)", re.S)


def split_front_matter(markdown: str) -> tuple[dict[str, object], str]:
    """A Markdown file's YAML front-matter (a mapping, else empty) and the text after it; text
    without a front-matter block, or whose block is not a YAML mapping, is returned whole."""
    match = _FRONT_MATTER_RE.match(markdown)
    if not match:
        return {}, markdown
    try:
        data = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError:
        return {}, markdown
    if not isinstance(data, dict) or not data:
        return {}, markdown
    return data, markdown[match.end():]


def _read_web_page(html_text: str, title: str | None, url: str) -> Article:
    """A web page's article and metadata, through trafilatura; its first heading is dropped when
    it repeats the title."""
    from briefbook.authoring.ingest.html_page import read_page

    page = read_page(html_text, url)
    comments = debris.cut_comments(page.markdown)
    cleaned = debris.clean(comments.text)
    cleaned.removed[:0] = comments.removed
    authors, text = take_byline(cleaned.text)
    guessed, rest, from_heading = split_title(text)
    chosen = " ".join(title.split()) if title and title.strip() else page.title or guessed
    if from_heading and _same_words(guessed, chosen or guessed):
        text = rest
    body = debris.tidy_blank_lines(demote_headings(text)) if text.strip() else ""
    return Article(
        title=chosen, body=body, format=InputFormat.HTML, removed=cleaned.removed,
        authors=page.authors or authors, language=page.language or None, date=page.date,
        publisher=page.publisher, url=page.url or url, credits=_credits(cleaned.removed),
        links_unresolved=page.links_unresolved,
    )


def _same_words(a: str, b: str) -> bool:
    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.casefold())

    return words(a) == words(b)


def _credits(removed: list[tuple[str, str]]) -> list[str]:
    """The credit lines debris cleaning took out of the text, in their reading order."""
    return [_plain(line) for rule, line in removed if rule == "credit"]


def annotate(article: Article, actors: Iterable[Actor], language: str | None = None) -> Article:
    """Fill in the language (given, else the page's, else detected), the known actors and the
    candidate new actors named in the article's text."""
    text = prose(f"{article.title}\n\n{article.body}")
    if language:
        article.language = language
        article.language_from = "given"
    elif article.language:
        article.language_from = "the page"
    else:
        from briefbook.authoring.ingest.language import detect_language

        article.language = detect_language(text)
        article.language_detected = article.language is not None
        article.language_from = "detected" if article.language_detected else ""
    matcher = MentionMatcher(actors)
    article.actors = matcher.count(text)
    article.candidates = find_candidates(text, matcher)
    return article
