"""How much work one ingest may take on: the size and nesting limits, and the error past them."""

from __future__ import annotations

MAX_HTML_BYTES = 5_000_000
"""A web page larger than this is refused (news pages weigh 0.1–2 MB, scripts included)."""
MAX_TEXT_BYTES = 1_000_000
"""Plain text or Markdown larger than this is refused (a long article is some 50 kB)."""
MAX_PAGE_TEXT = 500_000
"""A web page showing more characters of text than this is refused (a long article has some
50,000; the extractor's time grows with the text, some seconds a megabyte)."""
MAX_NESTING = 200
"""Elements nested deeper than this are refused (real pages stay under 60; the HTML parser
stops at 256 and silently drops what lies deeper)."""


class InputRefused(Exception):
    """The input is over a limit, or cannot be read as an article; the message says what to do."""


def check_size(size: int, is_html: bool, at_least: bool = False) -> None:
    """:class:`InputRefused` when an input of ``size`` bytes is over its limit; ``at_least``:
    the input was not read to its end, and is ``size`` bytes or more."""
    limit = MAX_HTML_BYTES if is_html else MAX_TEXT_BYTES
    if size > limit:
        kind = "web page" if is_html else "text"
        weight = "" if at_least else f" {size / 1e6:.1f} MB,"
        raise InputRefused(
            f"the {kind} is{weight} over the {limit / 1e6:g} MB an article can take; save the "
            "article alone (the browser's reader view, or 'Save as… text') and ingest that file")
