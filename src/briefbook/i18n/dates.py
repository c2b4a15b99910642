"""Fuzzy dates as a reader reads them, in the site language, with exactly their precision.

``2025`` → "2025", ``2025-04`` → "April 2025", ``2025-04-10`` → "10 April 2025", ``~2025-04`` →
"c. April 2025". Month names and the order of the parts come from Babel's CLDR data, through the
patterns of a language's file (``date_formats``) or, where it gives none, CLDR's own for the
skeletons ``y``, ``yMMMM`` and ``yMMMMd``. "c." and the range dash are catalogue labels.
"""

from __future__ import annotations

import datetime as _dt
from functools import cache
from typing import Final

from babel.dates import format_date as babel_format_date

from briefbook.i18n.translator import Translator, translator
from briefbook.model.dates import FuzzyDate

#: CLDR's skeleton for each precision, used where a language's file gives no pattern.
SKELETONS: Final = {"year": "y", "month": "yMMMM", "day": "yMMMMd"}


class DateFormatter:
    """Formats fuzzy dates for one translator's language (each distinct date once)."""

    def __init__(self, t: Translator) -> None:
        self.t = t
        skeletons = t.locale.datetime_skeletons
        own = t.catalogue.date_formats
        self.patterns = {name: own.get(name) or skeletons[skeleton].pattern
                         for name, skeleton in SKELETONS.items()}
        self.patterns["first_of_month"] = own.get("first_of_month") or self.patterns["day"]
        self._cache: dict[FuzzyDate, str] = {}

    def format(self, date: FuzzyDate) -> str:
        """The date with exactly its precision; "c." before an approximate one."""
        text = self._cache.get(date)
        if text is None:
            text = self._cache[date] = self._format(date)
        return text

    def range(self, start: FuzzyDate, end: FuzzyDate | None) -> str:
        """A date, or two apart by the language's range dash (each with its own precision)."""
        if end is None or end == start:
            return self.format(start)
        return self.t("date_range", start=self.format(start), end=self.format(end))

    def _format(self, date: FuzzyDate) -> str:
        if date.day is not None:
            name = "first_of_month" if date.day == 1 else "day"
        elif date.month is not None:
            name = "month"
        else:
            name = "year"
        day = _dt.date(date.year, date.month or 1, date.day or 1)
        text = str(babel_format_date(day, self.patterns[name], locale=self.t.locale))
        return self.t("circa", date=text) if date.approximate else text


@cache
def date_formatter(language: str) -> DateFormatter:
    """The formatter of a language, made once."""
    return DateFormatter(translator(language))


def format_date(date: FuzzyDate, language: str = "en") -> str:
    """Show a date with exactly its precision, in the site language."""
    return date_formatter(language).format(date)


def format_range(start: FuzzyDate, end: FuzzyDate | None, language: str = "en") -> str:
    """Show a date or a date range (``A – B``, each date with its own precision)."""
    return date_formatter(language).range(start, end)
