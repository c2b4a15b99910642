"""Diagnostics: what is wrong in a dossier, where, and what to do about it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import fuzz, process

SHORTLIST = 10
"""How many candidates, the closest by edit distance (in C), difflib compares for a hint."""


class Severity(StrEnum):
    """How much a diagnostic matters: errors stop a build, warnings fail ``--strict``, notes
    (suggestions such as an actor named in a text but not listed) never fail anything."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a dossier file; ``line`` and ``col`` are 1-based (0 when unknown)."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col or 1}"
        return self.path

    @classmethod
    def in_text(cls, path: str, text: str, offset: int, first_line: int = 1) -> Location:
        """The place of ``text[offset]``, for a ``text`` whose first line is ``first_line``."""
        line, col = line_and_column(text, offset)
        return cls(path, first_line + line - 1, col)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[offset]``."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in a dossier."""

    location: Location
    severity: Severity
    message: str
    code: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_note(self) -> bool:
        return self.severity is Severity.NOTE

    def format(self) -> str:
        """``path:line:col: error|warning|note: message``, the form editors and CI understand.

        Always one line: a newline, an ANSI escape or a bidi override in a value the user wrote
        is shown as an escape (``\\n``, ``\\x1b``), so that no value can forge a diagnostic,
        a CI log command (a line starting with ``::``) or colours in a terminal.
        """
        loc = self.location
        path = printable(loc.path)
        if path.startswith(":"):
            path = "./" + path
        return (f"{path}:{loc.line or 1}:{loc.col or 1}: {self.severity.value}: "
                f"{printable(self.message)}")

    def to_json(self) -> dict[str, object]:
        loc = self.location
        return {
            "path": loc.path,
            "line": loc.line or 1,
            "col": loc.col or 1,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


@dataclass
class Diagnostics:
    """An ordered collection of diagnostics, gathered across the whole run."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, location: Location, message: str, code: str = "") -> None:
        self.items.append(Diagnostic(location, Severity.ERROR, message, code))

    def warning(self, location: Location, message: str, code: str = "") -> None:
        self.items.append(Diagnostic(location, Severity.WARNING, message, code))

    def note(self, location: Location, message: str, code: str = "") -> None:
        """A suggestion: printed, never failing a build, not even with ``--strict``."""
        self.items.append(Diagnostic(location, Severity.NOTE, message, code))

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Diagnostic]:
        return [d for d in self.items if d.is_note]

    def sorted(self) -> list[Diagnostic]:
        """By file, then line, then column; the order a reader fixes them in."""
        return sorted(
            self.items, key=lambda d: (d.location.path, d.location.line, d.location.col)
        )

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def summary(self) -> str:
        errors, warnings, notes = len(self.errors), len(self.warnings), len(self.notes)
        text = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        return text + (f", {notes} note{'s' * (notes != 1)}" if notes else "")


def did_you_mean(
    word: str, candidates: Iterable[str], aliases: dict[str, str] | None = None
) -> str:
    """A hint like `` (did you mean 'nato'?)`` or an empty string.

    ``aliases`` maps casefolded names and aliases to ids, so that ``OTAN`` suggests ``nato``.
    """
    if aliases:
        hit = aliases.get(word.casefold())
        if hit:
            return f" (did you mean '{hit}'?)"
    # difflib's ratio is never above rapidfuzz's (matching blocks are a common subsequence),
    # so the shortlist holds every candidate difflib would accept, unless more than SHORTLIST
    # are that close: the work stays bounded with thousands of ids and unknown references.
    shortlist = [match for match, _, _ in process.extract(
        word.lower(), candidates if isinstance(candidates, (list, tuple)) else list(candidates),
        scorer=fuzz.ratio, score_cutoff=59, limit=SHORTLIST,
    )]
    close = difflib.get_close_matches(word.lower(), shortlist, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def printable(text: str) -> str:
    """``text`` with invisible characters shown as escapes (a tab as ``\\t``), for messages.

    Control characters, line and paragraph separators, zero-width and bidi control characters
    (Unicode categories Cc, Cf, Zl, Zp and unassigned ones) are not printable.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)
