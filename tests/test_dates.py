import pytest

from briefbook.model.dates import DateError, FuzzyDate, Precision


@pytest.mark.parametrize(
    ("text", "precision", "approx"),
    [("2025", Precision.YEAR, False), ("2025-04", Precision.MONTH, False),
     ("2025-04-10", Precision.DAY, False), ("~2025-04", Precision.MONTH, True)],
)
def test_parse_keeps_precision(text, precision, approx):
    date = FuzzyDate.parse(text)
    assert date.precision is precision
    assert date.approximate is approx
    assert date.isoformat() == text


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("2025-02-30", "day 30 does not exist in February 2025"),
     ("2025-13", "month 13 does not exist"), ("April 2025", "is not a date"),
     ("2025/04/01", "is not a date"), ("0000", "year 0000"),
     # digits of other scripts would be read as 0-9 by int(): refused, not converted silently
     ("\u0662\u0660\u0662\u0665-04", "digits other than 0-9"), ("\uff12\uff10\uff12\uff15",
     "digits other than 0-9"), ("\u00a02025-04", "invisible space \\(U\\+00A0\\)"),
     ("2025-04\u2009", "invisible space \\(U\\+2009\\)"), ("2025\n04", "is not a date")],
)
def test_parse_rejects_impossible_dates(text, fragment):
    with pytest.raises(DateError, match=fragment):
        FuzzyDate.parse(text)


def test_leap_day_only_in_leap_years():
    assert FuzzyDate.parse("2024-02-29").day == 29
    with pytest.raises(DateError):
        FuzzyDate.parse("2025-02-29")


def test_order_year_before_month_before_day_and_circa_after_exact():
    texts = ["2025-04-02", "~2025-04", "2025", "2025-04", "2024-12-31", "2025-04-01"]
    ordered = sorted(FuzzyDate.parse(t) for t in texts)
    assert [d.isoformat() for d in ordered] == [
        "2024-12-31", "2025", "2025-04", "~2025-04", "2025-04-01", "2025-04-02",
    ]


def test_bounds():
    d = FuzzyDate.parse("2024-02")
    assert (d.first_day().isoformat(), d.last_day().isoformat()) == ("2024-02-01", "2024-02-29")
