"""Fuzzy dates shown in the site language through Babel's CLDR data, with exactly their
precision: a year, a month and year, a day; "c." (vers, ca.) for an approximate one."""

from __future__ import annotations

import pytest

from briefbook.i18n.dates import format_date, format_range
from briefbook.model.dates import FuzzyDate


@pytest.mark.parametrize(("text", "en", "fr", "de"), [
    ("2025", "2025", "2025", "2025"),
    ("2025-03", "March 2025", "mars 2025", "März 2025"),
    ("2025-04-01", "1 April 2025", "1er avril 2025", "1. April 2025"),
    ("2025-04-10", "10 April 2025", "10 avril 2025", "10. April 2025"),
    ("2025-08-31", "31 August 2025", "31 août 2025", "31. August 2025"),
    ("~2025-03", "c. March 2025", "vers mars 2025", "ca. März 2025"),
    ("~2025-12-01", "c. 1 December 2025", "vers 1er décembre 2025", "ca. 1. Dezember 2025"),
    ("~0824", "c. 824", "vers 824", "ca. 824"),
])
def test_each_precision_in_english_french_and_german(text, en, fr, de):
    date = FuzzyDate.parse(text)
    assert (format_date(date, "en"), format_date(date, "fr"), format_date(date, "de")) == \
        (en, fr, de)


def test_every_month_has_its_cldr_name():
    months = [format_date(FuzzyDate(2025, m), "de") for m in range(1, 13)]
    assert months == [f"{name} 2025" for name in (
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember")]
    assert format_date(FuzzyDate(2025, 2), "fr") == "février 2025"


def test_regional_codes_and_languages_without_a_file():
    date = FuzzyDate.parse("2025-04-01")
    assert format_date(date, "fr-CA") == format_date(date, "fr_CA") == "1er avril 2025"
    assert format_date(date, "de-AT") == "1. April 2025"
    assert format_date(date, "it") == format_date(date, "") == "1 April 2025"


def test_ranges_keep_each_dates_own_precision():
    start, end = FuzzyDate.parse("2025-04-10"), FuzzyDate.parse("2025-04-12")
    assert format_range(start, end, "en") == "10 April 2025 – 12 April 2025"
    assert format_range(start, FuzzyDate.parse("~2025-05"), "de") == "10. April 2025 – ca. Mai 2025"
    assert format_range(start, None, "fr") == format_range(start, start, "fr") == "10 avril 2025"
