"""Fenced code blocks in Markdown, by CommonMark's rules: the one place that knows them.

Loading, indexing, views and ingest all need to skip code (a marker, a mention or a heading
shown as code is not one); they ask :func:`in_code` rather than each matching fences its own way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_OPENING = re.compile(r" {0,3}(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_CLOSING = re.compile(r" {0,3}(?P<fence>`{3,}|~{3,})[ \t]*$")


def in_code(lines: Sequence[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block, its fence lines included.

    A fence opens with three or more backticks or tildes indented by at most three spaces (a
    backtick fence's info string holds no backtick) and closes on a line of at least as many of
    the same character with nothing after them; an unclosed fence runs to the end of the text.
    """
    flags: list[bool] = []
    fence = ""
    for line in lines:
        if fence:
            flags.append(True)
            closing = _CLOSING.match(line)
            if closing and closing["fence"][0] == fence[0] and len(closing["fence"]) >= len(fence):
                fence = ""
            continue
        opening = _OPENING.match(line)
        if opening and not (opening["fence"][0] == "`" and "`" in opening["info"]):
            fence = opening["fence"]
            flags.append(True)
        else:
            flags.append(False)
    return flags
