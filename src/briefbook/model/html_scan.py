"""Raw HTML in a Markdown body that would break the page around it, or call another host.

Markdown lets raw HTML through. An element left open whose content the browser never shows
(``<textarea>``, ``<template>``, ``<style>``, ``<script>``, ``<title>``, ``<xmp>``, ``<iframe>``,
``<noscript>``, a ``<div hidden>``, an unclosed ``<!--``) swallows the rest of the brief and the
panels after it. :func:`unclosed_elements` finds them (outside code), with their line and column,
and :func:`closing_tags` gives what closes them, so a page can be put right and the analyst told.
:func:`remote_resources` finds images and other resources a reader's browser would fetch from
another host.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Elements whose content is not shown as the page's text (raw text, escapable raw text, inert or
# replaced content): left open, they hide everything after them.
SWALLOWING = ("textarea", "template", "style", "script", "title", "xmp", "iframe", "noscript",
              "noembed", "noframes", "select", "object", "listing", "plaintext", "svg", "math",
              "video", "audio", "canvas", "option", "datalist")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_OPEN = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_CLOSE = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>")
_HIDING = re.compile(r"\bhidden\b|display\s*:\s*none|visibility\s*:\s*hidden|content-visibility",
                     re.I)
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"
_REMOTE = r"\s*[\"']?\s*(?:(?:https?:)?//|\\\\)"
_REMOTE_RESOURCES = re.compile(
    r"!\[[^\]\n]*\]\(\s*<?\s*(?P<md>(?:https?:)?//[^)\s>]*)"  # ![alt](https://host/x.png)
    r"|<(?:img|image|script|iframe|frame|embed|source|video|audio|track|input|object|link|use)"
    rf"\b[^>]*?\b(?:src|srcset|href|data|poster|background|xlink:href)\s*={_REMOTE}"
    rf"|<[a-z][a-z0-9]*\b[^>]*?\bbackground\s*={_REMOTE}"  # <table background>, <td>, <body>
    rf"|url\({_REMOTE}|@import{_REMOTE}",
    re.I,
)


@dataclass(frozen=True, slots=True)
class OpenElement:
    """An element (or ``<!--``) left open in a body, where it was opened (1-based line, col)."""

    tag: str
    line: int
    col: int

    @property
    def shown(self) -> str:
        return "<!--" if self.tag == "!--" else f"<{self.tag}>"

    @property
    def closing(self) -> str:
        return "-->" if self.tag == "!--" else f"</{self.tag}>"


def prose_lines(body: str) -> Iterator[tuple[int, str]]:
    """Each line of ``body`` outside fenced code, with code spans blanked (0-based numbers)."""
    fence = ""
    for number, line in enumerate(body.split("\n")):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
            continue
        if match:
            fence = match.group(1)
            continue
        yield number, _CODE_SPAN.sub(lambda m: " " * len(m.group()), line)


def unclosed_elements(body: str) -> list[OpenElement]:
    """The swallowing elements ``body`` leaves open, in the order they were opened."""
    stacks: dict[str, list[OpenElement]] = {}
    hiding: dict[str, list[bool]] = {}
    comment: OpenElement | None = None
    for number, line in prose_lines(body):
        pos = 0
        while pos < len(line):
            if comment is not None:
                end = line.find(_COMMENT_CLOSE, pos)
                if end < 0:
                    break
                comment, pos = None, end + len(_COMMENT_CLOSE)
                continue
            start = line.find("<", pos)
            if start < 0:
                break
            if line.startswith(_COMMENT_OPEN, start):
                comment = OpenElement("!--", number + 1, start + 1)
                pos = start + len(_COMMENT_OPEN)
                continue
            opened, closed = _OPEN.match(line, start), _CLOSE.match(line, start)
            if closed:
                tag = closed.group(1).lower()
                if stacks.get(tag):
                    stacks[tag].pop()
                    hiding[tag].pop()
                pos = closed.end()
            elif opened:
                tag, attrs = opened.group(1).lower(), opened.group(2)
                if not attrs.rstrip().endswith("/"):
                    stacks.setdefault(tag, []).append(OpenElement(tag, number + 1, start + 1))
                    hiding.setdefault(tag, []).append(bool(_HIDING.search(attrs)))
                pos = opened.end()
            else:
                pos = start + 1
    found = [
        element
        for tag, elements in stacks.items()
        for element, hides in zip(elements, hiding[tag], strict=True)
        if tag in SWALLOWING or hides
    ]
    if comment is not None:
        found.append(comment)
    return sorted(found, key=lambda e: (e.line, e.col))


def closing_tags(body: str) -> str:
    """What closes the elements :func:`unclosed_elements` finds (innermost first), or ``""``."""
    return "".join(element.closing for element in reversed(unclosed_elements(body)))


def balanced(body: str) -> str:
    """``body`` followed, when it leaves swallowing elements open, by their closing tags."""
    closing = closing_tags(body)
    return f"{body}\n\n{closing}\n" if closing else body


def remote_resources(body: str) -> list[tuple[int, int, str]]:
    """Line (1-based), column and text of each image or resource ``body`` loads from another
    host when the page is read (``![](https://…)``, ``<img src>``, ``<iframe>``, CSS ``url()``)."""
    found: list[tuple[int, int, str]] = []
    if "//" not in body and "\\\\" not in body:  # every pattern needs one (a host)
        return found
    for number, line in prose_lines(body):
        for match in _REMOTE_RESOURCES.finditer(line):
            found.append((number + 1, match.start() + 1, match.group()[:80]))
    return found


# Python-Markdown's inline parsing slows down with the square of the number of candidates for
# inline markup in one paragraph (50,000 '[' take minutes). A paragraph with more than this many
# is shown as preformatted text instead, and named in a warning.
MAX_INLINE_MARKS = 1_000
_INLINE_MARK = re.compile(r"[\[\]&<>`*_!\\]")


def crowded_paragraphs(body: str) -> list[tuple[int, int]]:
    """Line (1-based) and count of inline markup characters of each paragraph of ``body`` that
    holds more than :data:`MAX_INLINE_MARKS` of them (outside fenced code)."""
    found: list[tuple[int, int]] = []
    if sum(body.count(mark) for mark in "[]&<>`*_!\\") <= MAX_INLINE_MARKS:
        return found  # no paragraph can hold more than the whole text
    start, count, previous = 0, 0, -1
    for number, line in prose_lines(body):
        if not line.strip() or number != previous + 1:
            if count > MAX_INLINE_MARKS:
                found.append((start + 1, count))
            start, count = number, 0
        if not line.strip():
            start = number + 1
        previous = number
        count += len(_INLINE_MARK.findall(line))
    if count > MAX_INLINE_MARKS:
        found.append((start + 1, count))
    return found


def tamed(body: str) -> str:
    """``body`` with each crowded paragraph (:func:`crowded_paragraphs`) in a code block."""
    crowded = {line - 1 for line, _ in crowded_paragraphs(body)}
    if not crowded:
        return body
    lines = body.split("\n")
    out: list[str] = []
    inside = False
    fence = "`" * (max((len(m) for m in re.findall(r"`+", body)), default=0) + 3)
    for number, line in enumerate(lines):
        if number in crowded and not inside:
            out.append(fence)
            inside = True
        elif inside and not line.strip():
            out.append(fence)
            inside = False
        out.append(line)
    if inside:
        out.append(fence)
    return "\n".join(out)


def prepared(body: str) -> str:
    """A body as the pages render it: crowded paragraphs tamed, open elements closed."""
    return balanced(tamed(body))
