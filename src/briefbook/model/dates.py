"""Dates with the precision an analyst knows: a year, a month or a day, possibly approximate.

Written in a dossier as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, with a leading ``~`` for
"circa" (``~2025-04``). They order deterministically: a year sorts before the months of that year,
a month before its days; an approximate date sorts right after the exact one it stands beside.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from enum import IntEnum

_PATTERN = re.compile(r"(~)? *([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class Precision(IntEnum):
    """How much of a date is known."""

    YEAR = 1
    MONTH = 2
    DAY = 3


class DateError(ValueError):
    """A date string that is not a valid fuzzy date; the message says what is wrong."""


@dataclass(frozen=True, slots=True, order=False)
class FuzzyDate:
    """A calendar date known to a year, a month or a day; ``approximate`` means "circa"."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, optionally prefixed with ``~``."""
        match = _PATTERN.fullmatch(text.strip(" \t\r\n"))
        odd_space = next((ch for ch in text if ch.isspace() and ch not in " \t\r\n"), None)
        if not match and odd_space is not None:
            raise DateError(
                f"'{text.strip()}' holds an invisible space (U+{ord(odd_space):04X}); "
                "delete it and write YYYY, YYYY-MM or YYYY-MM-DD"
            )
        if not match and any(ch.isdigit() and not "0" <= ch <= "9" for ch in text):
            raise DateError(
                f"'{text}' uses digits other than 0-9; write the date with ASCII digits "
                "(YYYY, YYYY-MM or YYYY-MM-DD)"
            )
        if not match:
            raise DateError(
                f"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, "
                "with a leading ~ if approximate (e.g. ~2025-04)"
            )
        approx, year_s, month_s, day_s = match.groups()
        year = int(year_s)
        month = int(month_s) if month_s else None
        day = int(day_s) if day_s else None
        if year < 1:
            raise DateError(f"'{text}': year 0000 does not exist")
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"'{text}': month {month} does not exist (use 01 to 12)")
        if day is not None:
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(
                    f"'{text}': day {day} does not exist in {calendar.month_name[month]} {year} "
                    f"(it has {last} days)"
                )
        return cls(year, month, day, approximate=bool(approx))

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        """Chronological key: year, month (0 = whole year), day (0 = whole month), circa last."""
        return (self.year, self.month or 0, self.day or 0, int(self.approximate))

    def __lt__(self, other: FuzzyDate) -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: FuzzyDate) -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: FuzzyDate) -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: FuzzyDate) -> bool:
        return self.sort_key >= other.sort_key

    def isoformat(self) -> str:
        """The canonical text form, as written in a dossier (``~2025-04``)."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return ("~" if self.approximate else "") + text

    def __str__(self) -> str:
        return self.isoformat()

    def first_day(self) -> _dt.date:
        """The earliest calendar day the date may stand for."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> _dt.date:
        """The latest calendar day the date may stand for."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return _dt.date(self.year, month, day)

    def month_key(self) -> str:
        """``YYYY-MM`` (or ``YYYY`` for a year-precision date): a stable anchor for grouping."""
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

