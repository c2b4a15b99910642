"""A Python-Markdown extension that links the actors a brief's text names to their pages.

It works on the rendered element tree, never on the Markdown source: text inside ``code``,
``pre``, existing links and headings is left alone, attributes are never touched (only element
text is read), and text inside raw inline HTML (``<span>NATO</span>``) is skipped too. The
extension is shared by every page of a build; the page being rendered says what to link through
:attr:`MentionLinker.page`, and pages with no :class:`PageLinking` are left as they are.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from briefbook.index.mentions import MentionMatcher

MENTION_CLASS = "bb-mention"
SKIPPED_TAGS = frozenset({
    "a", "code", "pre", "kbd", "samp", "script", "style", "textarea", "button", "svg", "math",
    "h1", "h2", "h3", "h4", "h5", "h6",
})
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
})
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)\b[^>]*?(/?)>")
MODES = ("first", "all", "none")
PRIORITY = -10  # after inline patterns, escapes and MkDocs's link rewriting (0)


@dataclass
class PageLinking:
    """What to link on the page being rendered: ``first`` or ``all`` mentions per actor."""

    matcher: MentionMatcher
    href: Callable[[str], str | None]
    titles: dict[str, str]
    mode: str = "first"
    linked: set[str] = field(default_factory=set)
    key: str = ""
    """A digest of what decides the links (actors, names, mode), for a page cache's key."""


class MentionLinker:
    """The state the extension shares across pages: set ``page`` before a page renders."""

    def __init__(self) -> None:
        self.page: PageLinking | None = None


def _html_balance(raw: str) -> int:
    """How many elements a piece of raw HTML leaves open (``<span>`` 1, ``</span>`` -1)."""
    balance = 0
    for closing, name, self_closing in _TAG.findall(raw):
        if closing:
            balance -= 1
        elif not self_closing and name.lower() not in VOID_TAGS:
            balance += 1
    return balance


class MentionTreeprocessor(Treeprocessor):
    """Wraps mentions of actors in ``<a class="bb-mention">`` in the text of a brief page."""

    def __init__(self, md: Markdown, linker: MentionLinker) -> None:
        super().__init__(md)
        self.linker = linker

    def run(self, root: etree.Element) -> None:
        page = self.linker.page
        if page is None or page.mode not in ("first", "all"):
            return
        self._element(root, page)

    def _element(self, element: etree.Element, page: PageLinking) -> None:
        if not isinstance(element.tag, str) or element.tag.lower() in SKIPPED_TAGS:
            return
        depth = 0
        sequence: list[str | etree.Element] = []
        changed = False
        pieces, depth, linked = self._text(element.text, depth, page)
        sequence += pieces
        changed |= linked
        for child in list(element):
            if depth == 0:
                self._element(child, page)
            sequence.append(child)
            pieces, depth, linked = self._text(child.tail, depth, page)
            sequence += pieces
            changed |= linked
        if changed:
            _rebuild(element, sequence)

    def _text(
        self, text: str | None, depth: int, page: PageLinking
    ) -> tuple[list[str | etree.Element], int, bool]:
        """Split ``text`` into strings and mention links, tracking raw HTML left open."""
        if not text:
            return ([text] if text else []), depth, False
        if isinstance(text, AtomicString):
            return [text], depth, False
        pieces: list[str | etree.Element] = []
        linked = False
        pos = 0
        stash = self.md.htmlStash.rawHtmlBlocks
        for match in HTML_PLACEHOLDER_RE.finditer(text):
            linked |= self._plain(text[pos : match.start()], depth, page, pieces)
            pieces.append(match.group(0))
            number = int(match.group(1))
            raw = stash[number] if number < len(stash) else ""
            depth = max(0, depth + _html_balance(raw if isinstance(raw, str) else ""))
            pos = match.end()
        linked |= self._plain(text[pos:], depth, page, pieces)
        return pieces, depth, linked

    @staticmethod
    def _plain(
        text: str, depth: int, page: PageLinking, out: list[str | etree.Element]
    ) -> bool:
        if not text:
            return False
        if depth > 0:
            out.append(text)
            return False
        pos = 0
        linked = False
        for mention in page.matcher.find(text):
            if page.mode == "first" and mention.actor in page.linked:
                continue
            href = page.href(mention.actor)
            if not href:
                continue
            link = etree.Element("a", {"class": MENTION_CLASS, "href": href})
            title = page.titles.get(mention.actor)
            if title:
                link.set("title", title)
            link.text = AtomicString(text[mention.start : mention.end])
            out += [text[pos : mention.start], link]
            pos = mention.end
            page.linked.add(mention.actor)
            linked = True
        out.append(text[pos:])
        return linked


def _rebuild(element: etree.Element, sequence: list[str | etree.Element]) -> None:
    """Refill ``element`` from strings and child elements in document order."""
    for child in list(element):
        element.remove(child)
    element.text = None
    last: etree.Element | None = None
    for item in sequence:
        if isinstance(item, str):
            if not item:
                continue
            if last is None:
                element.text = (element.text or "") + item
            else:
                last.tail = (last.tail or "") + item
        else:
            item.tail = None
            element.append(item)
            last = item


class MentionLinkExtension(Extension):
    """Registers the mention treeprocessor last, after links and escapes are resolved."""

    def __init__(self, linker: MentionLinker, **kwargs: Any) -> None:
        self.linker = linker
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        processor = MentionTreeprocessor(md, self.linker)
        md.treeprocessors.register(processor, "briefbook_mentions", PRIORITY)
