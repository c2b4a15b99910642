"""Links in brief texts that the built site cannot follow, found before MkDocs finds them.

MkDocs checks the links of every page it builds, and ``mkdocs build --strict`` stops on a
relative link to a file that is not among its pages. A brief's text is shown on the brief's own
page (``briefs/<id>/``) and again in the printable book (``print/``), so a link relative to a
file, which at best works from one of them, is refused. An actor's or topic's text is shown on
its page only: a link from it to another page of the dossier (``../briefs/<id>.md``) works, one
to a file that is not a page is refused. Each such link is a warning here, at
its file, line and column, so that ``briefbook check --strict`` fails where the strict build
would. Two kinds of links MkDocs lets through but that lead nowhere on the site are warnings
too: an absolute path (``/world/story``, the page's own site, not the dossier's) and an anchor
(``#part``) that no heading of the brief has.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from markdown.extensions.toc import slugify

from briefbook.model.diagnostics import Diagnostics, Location
from briefbook.model.dossier import Brief

_FENCE_RE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN_RE = re.compile(r"(`+).+?\1")
# [text](target "title") and ![alt](target); the target may be in <...>
_INLINE_RE = re.compile(
    r"!?\[(?:[^\[\]\\]|\\.)*\]\(\s*(<[^>\n]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)")
_REFERENCE_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>\n]*>|\S+)")
_HEADING_RE = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_ATTR_ID_RE = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}")
_HTML_ID_RE = re.compile(r"\bid=[\"']([^\"']+)[\"']")


def _links(body: str) -> Iterator[tuple[int, int, str]]:
    """(line index, column, target) of each Markdown link and image outside code."""
    in_code = False
    for index, line in enumerate(body.split("\n")):
        if _FENCE_RE.match(line):
            in_code = not in_code
            continue
        if in_code or line.startswith(("    ", "\t")):
            continue
        visible = _CODE_SPAN_RE.sub(lambda m: " " * len(m.group()), line)
        for match in _INLINE_RE.finditer(visible):
            yield index, match.start(1), match.group(1).strip("<>")
        reference = _REFERENCE_RE.match(visible)
        if reference:
            yield index, reference.start(1), reference.group(1).strip("<>")


def heading_ids(body: str) -> set[str]:
    """The ids the brief's text gives its page: its headings' (as MkDocs' ``toc`` makes them)
    and explicit ``{#id}`` and ``id="…"`` ones."""
    ids: set[str] = set()
    in_code = False
    for line in body.split("\n"):
        if _FENCE_RE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        heading = _HEADING_RE.match(line)
        if heading:
            text = _ATTR_ID_RE.sub("", heading.group(1))
            base = slugify(re.sub(r"[*_`\[\]]|\]\([^)]*\)", "", text), "-")
            ids.add(base)
            ids.update(f"{base}_{n}" for n in range(1, 10))
        ids.update(_ATTR_ID_RE.findall(line))
        ids.update(_HTML_ID_RE.findall(line))
    return ids


def check_body_links(brief: Brief, diags: Diagnostics) -> None:
    """Warn about each link of ``brief``'s text that the built site cannot follow."""
    _check(brief.body, brief.location.path, brief.body_line, diags, None, "")


def check_page_links(
    path: str, body: str, body_line: int, src: str, pages: set[str], diags: Diagnostics
) -> None:
    """Warn about each link of an actor's or topic's text (shown on its page only, at ``src``)
    that leads to none of the generated ``pages`` (``briefs/<id>.md``, ``actors/<id>.md`` …)."""
    _check(body, path, body_line, diags, pages, src)


def _check(
    body: str, path: str, body_line: int, diags: Diagnostics, pages: set[str] | None, src: str
) -> None:
    ids: set[str] | None = None
    for index, column, target in _links(body):
        try:
            parts = urlsplit(target)
        except ValueError:
            continue  # an unreadable address never becomes a link: the sanitizer drops it
        if parts.scheme or parts.netloc:
            continue
        where = Location(path, body_line + index, column + 1)
        if target.startswith(("/", "\\")):
            diags.warning(where, f"link '{target}' is an absolute path: on the dossier's site it "
                          "leads to a page that does not exist; write the full address "
                          "(https://…) of the page it comes from", "absolute-link")
        elif not parts.path:
            if ids is None:
                ids = heading_ids(body)
            if parts.fragment and parts.fragment not in ids:
                known = ", ".join(sorted(i for i in ids if i[-2:-1] != "_")) or "none"
                diags.warning(where, f"link '{target}': no heading of this text has the id "
                              f"'{parts.fragment}' (its headings' ids: {known})", "broken-anchor")
        elif pages is None and posixpath.splitext(parts.path)[1]:
            diags.warning(where, f"link '{target}' points to a file: `mkdocs build --strict` "
                          "refuses it, since the brief's text is shown both on its page and in "
                          "the printable book; write the full address (https://…)",
                          "relative-link")
        elif pages is not None and posixpath.splitext(parts.path)[1]:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), parts.path))
            if resolved not in pages:
                diags.warning(where, f"link '{target}' leads to '{resolved}', which is no page "
                              "of the dossier's site: `mkdocs build --strict` refuses it; link "
                              "to a brief, actor or topic (e.g. ../briefs/ID.md), or write the "
                              "full address (https://…)", "relative-link")
        elif pages is None:
            diags.warning(where, f"link '{target}' is relative: on the dossier's site it "
                          "leads to a page that does not exist; write the full address "
                          "(https://…) of the page it comes from", "relative-link")


def link_targets(body: str) -> Iterator[tuple[int, int, str]]:
    """(line index, column, target) of each Markdown link and image of a text, outside code."""
    return _links(body)
