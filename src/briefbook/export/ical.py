"""Just enough RFC 5545 to write a calendar: escaped TEXT values, folded lines, CRLF ends."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

MAX_OCTETS = 75


def escape_text(value: str) -> str:
    r"""A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, newlines ``\n``."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(c for c in value if c >= " " or c in "\t\n")  # no other control characters
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into lines of at most 75 octets (§3.1), never inside a character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= MAX_OCTETS:
        return line
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1  # continuation lines start with a space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def date_value(day: _dt.date) -> str:
    """A DATE value: ``20250401``."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"  # strftime drops the zeros of year 1


def utc_value(moment: _dt.datetime) -> str:
    """A DATE-TIME value in UTC: ``20250401T000000Z``."""
    moment = moment.astimezone(_dt.UTC)
    return f"{date_value(moment.date())}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z"


class CalendarWriter:
    """Collects content lines and serialises them, each folded and ended with CRLF."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def prop(self, name: str, content: str, **params: str) -> None:
        """Add ``NAME;PARAM=V:content``; ``content`` must already be in its value type's syntax."""
        head = name + "".join(f";{key.upper()}={val}" for key, val in params.items())
        self.lines.append(f"{head}:{content}")

    def text(self, name: str, value: str) -> None:
        """Add a TEXT property, escaped; an empty value is left out."""
        if value:
            self.prop(name, escape_text(value))

    def text_list(self, name: str, values: Iterable[str]) -> None:
        """Add a property holding a comma-separated list of TEXT values (CATEGORIES)."""
        escaped = [escape_text(v) for v in values if v]
        if escaped:
            self.prop(name, ",".join(escaped))

    def begin(self, component: str) -> None:
        self.lines.append(f"BEGIN:{component}")

    def end(self, component: str) -> None:
        self.lines.append(f"END:{component}")

    def to_bytes(self) -> bytes:
        return "".join(fold(line) + "\r\n" for line in self.lines).encode("utf-8")
