"""A generated page: Markdown for MkDocs to render, with HTML blocks spliced in afterwards.

Views write their panels as HTML from autoescaped templates. Passing that HTML through Markdown
would cost time and risk mangling it, so each block stands in the Markdown as a placeholder
comment and is put back into the rendered page by :func:`splice`. Headings stay Markdown, so that
they reach the page's table of contents.

Blocks that only repeat what other pages say (chips, lists of other briefs, the positions of an
actor that its briefs already hold) are marked ``searchable=False``: they are spliced in after
the search index has read the page, which keeps search results to the page that owns a text and
spares the indexer most of Briefbook's markup.

User Markdown that must be sanitized (a brief's body pasted from the web) is written between two
region markers; :func:`splice` passes the HTML rendered between them through
:func:`briefbook.sanitize.sanitize_html`, and only that HTML.
"""

from __future__ import annotations

import html
import json
import pickle
import re
import secrets
import zlib
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from briefbook.render.sanitize import sanitize_html

_NONCE = secrets.token_hex(6)
NONCE = _NONCE
"""This process's mark in placeholders (a page cache stores pages without it)."""
_NEEDLE = f"bb:{_NONCE}:"
_PLACEHOLDER = re.compile(rf"<!--{_NEEDLE}(\d+)-->")  # as :meth:`PageDoc.html` writes it
_WRAPPED = f"<p><!--{_NEEDLE}"
# Splicing runs twice on every generated page, so its pattern starts with a literal (which the
# regex engine finds with a fast scan): a placeholder Markdown wrapped in a paragraph is first
# marked with "p" (``<!--bb:nonce:p3-->``), and its closing ``</p>`` is dropped with it.
_FAST_PLACEHOLDER = re.compile(rf"<!--{_NEEDLE}(p?)(\d+)-->(</p>)?")
_SANITIZE_START = f"<!--bb:{_NONCE}:sanitize-->"
_SANITIZE_END = f"<!--bb:{_NONCE}:end-sanitize-->"
# The region runs to its end marker or, when the body swallowed it (an unclosed HTML block),
# to the end of the page: what is not proven safe is sanitized.
_SANITIZE_REGION = re.compile(
    rf"(?:<p>)?{_SANITIZE_START}(?:</p>)?(.*?)(?:(?:<p>)?{_SANITIZE_END}(?:</p>)?|\Z)", re.S
)
# What is left of a placeholder that Markdown turned into text (inside a code block, say).
# (A placeholder kept for a later splice is a comment, and stays.)
_MARK = rf"bb:{_NONCE}:(?:\d+|sanitize|end-sanitize)"
_LEFTOVER = re.compile(rf"(?:&lt;!--{_MARK}--&gt;|(?<!<!--){_MARK})\n?")


class Listing(Enum):
    """Kinds of dossier records a page lists in a section of its own, so that a section
    contributed later (see :mod:`briefbook.views.registry`) can avoid showing them twice."""

    EVENTS = "events"
    POSITIONS = "positions"
    BRIEFS = "briefs"
    QUESTIONS = "questions"


@dataclass
class PageDoc:
    """What a view produces for one page: its title, meta and body, made together.

    ``meta`` adds front-matter keys (JSON values). ``toc`` holds table-of-contents tokens (as
    MkDocs takes them) for a page whose headings are inside its HTML blocks; ``listings`` says
    what the page lists already.
    """

    src_uri: str
    title: str
    markdown_parts: list[str] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    unsearchable: set[int] = field(default_factory=set)
    toc: list[dict[str, Any]] | None = None
    listings: set[Listing] = field(default_factory=set)
    packed: bytes | None = field(default=None, repr=False)  # see drop_searchable

    def md(self, text: str, sanitize: bool = False) -> PageDoc:
        """Append Markdown written by the user or by a view.

        With ``sanitize``, the HTML that MkDocs renders from ``text`` is sanitized by
        :func:`splice`: raw HTML in the text cannot run script.
        """
        if sanitize:
            self.markdown_parts.extend((_SANITIZE_START, text, _SANITIZE_END))
        else:
            self.markdown_parts.append(text)
        return self

    def heading(self, text: str, level: int = 2) -> PageDoc:
        """Append a heading with a label of Briefbook's own (never user text)."""
        self.markdown_parts.append(f"{'#' * level} {text}")
        return self

    def html(self, html: str, searchable: bool = True) -> PageDoc:
        """Append a block of rendered HTML, kept away from Markdown processing.

        ``searchable=False`` keeps the block out of the site's search index.
        """
        if html:
            if not searchable:
                self.unsearchable.add(len(self.blocks))
            self.markdown_parts.append(f"<!--{_NEEDLE}{len(self.blocks)}-->")
            self.blocks.append(html)
        return self

    def extend(self, other: PageDoc) -> PageDoc:
        """Append another page's content (Markdown and HTML blocks) to this one."""
        for part in other.markdown_parts:
            match = _PLACEHOLDER.fullmatch(part)
            if match and int(match.group(1)) < len(other.blocks):
                number = int(match.group(1))
                self.html(other.blocks[number], searchable=number not in other.unsearchable)
            else:
                self.md(part)
        return self

    def drop_searchable(self) -> None:
        """Forget the Markdown and the searchable blocks once they are in the rendered page
        (the first :func:`splice`): only the blocks still to come are kept, compressed until
        :meth:`unpack` (every page's are held between MkDocs' two passes)."""
        self.markdown_parts = []
        kept = [b if i in self.unsearchable else "" for i, b in enumerate(self.blocks)]
        self.blocks = []
        self.packed = zlib.compress(pickle.dumps(kept, pickle.HIGHEST_PROTOCOL), 1)

    def unpack(self) -> None:
        """The blocks :meth:`drop_searchable` compressed, back for the second :func:`splice`."""
        if self.packed is not None:
            self.blocks = pickle.loads(zlib.decompress(self.packed))
            self.packed = None

    @property
    def body(self) -> str:
        """The page's Markdown without front-matter: what is embedded in an authored page."""
        return "\n\n".join(self.markdown_parts)

    @property
    def markdown(self) -> str:
        """The page source handed to MkDocs, with the title in front-matter.

        Themes print ``page.meta.title`` unescaped (Material puts it in ``<title>``), and the
        search index shows titles as HTML, so the title is HTML-escaped here.
        """
        title = json.dumps(html.escape(self.title, quote=False), ensure_ascii=False)
        extra = "".join(
            f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in self.meta.items()
        )
        return f"---\ntitle: {title}\n{extra}---\n\n{self.body}\n"


def splice(html: str, doc: PageDoc, searchable: bool | None = None) -> str:
    """Sanitize the regions marked for it, then put the view's HTML blocks back in place.

    ``searchable=True`` puts back only the blocks the search index may read (before it reads
    the page), ``False`` only the others (after), ``None`` all of them. A block whose placeholder
    did not survive rendering (for example swallowed by an unclosed code fence in a brief's
    body) is appended at the end rather than lost, and what is left of its placeholder is
    removed: the per-process nonce never reaches the output, so builds stay reproducible.
    """
    if _SANITIZE_START in html:  # the first pass; markers do not survive it
        html = _SANITIZE_REGION.sub(lambda match: sanitize_html(match.group(1)), html)
    wanted = {
        i for i in range(len(doc.blocks))
        if searchable is None or (i not in doc.unsearchable) == searchable
    }
    used: set[int] = set()
    seen: set[int] = set()

    def replace(match: re.Match[str]) -> str:
        wrapped, number, closing = match.group(1), int(match.group(2)), match.group(3) or ""
        seen.add(number)
        if number not in wanted:
            if number >= len(doc.blocks):
                return closing if not wrapped else ""
            return f"<p><!--{_NEEDLE}{number}-->{closing}" if wrapped else match.group(0)
        if number in used:
            return "" if wrapped else closing
        used.add(number)
        return doc.blocks[number] + ("" if wrapped else closing)

    if _NEEDLE in html:
        html = _FAST_PLACEHOLDER.sub(replace, html.replace(_WRAPPED, f"<!--{_NEEDLE}p"))
        if html.count(_NEEDLE) != html.count(f"<!--{_NEEDLE}"):
            html = _LEFTOVER.sub("", html)
    if searchable:
        # Blocks whose placeholders were lost go at the end, in their order: the searchable
        # ones now, the others as fresh placeholders for the second pass.
        lost = sorted(set(range(len(doc.blocks))) - seen)
        return html + "".join(
            doc.blocks[i] if i in wanted else f"<!--{_NEEDLE}{i}-->" for i in lost
        )
    return html + "".join(doc.blocks[i] for i in sorted(wanted - used))
