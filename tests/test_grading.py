"""The Admiralty grading scale: parsing, order and the filter's rule (meanings: test_catalogue)."""

import pytest

from briefbook.model.grading import (
    UNGRADED,
    Grade,
    GradeError,
    SourceKind,
    grade_sort_key,
    meets,
)


@pytest.mark.parametrize(("text", "label"), [("B2", "B2"), ("b2", "B2"), (" A 1 ", "A1"),
                                             ("F6", "F6")])
def test_parse_accepts_letter_then_digit(text, label):
    assert Grade.parse(text).label == label


@pytest.mark.parametrize("text", ["G1", "A7", "A0", "AB", "B22", "", "2"])
def test_parse_rejects_what_is_not_a_grade(text):
    with pytest.raises(GradeError, match="reliability A–F followed by"):
        Grade.parse(text)


def test_parse_suggests_the_right_order():
    with pytest.raises(GradeError, match=r"did you mean 'B2'\?"):
        Grade.parse("2b")


def test_grades_sort_best_first_and_ungraded_last():
    grades = [Grade.parse(t) for t in ("C1", "A2", "B1", "A1", "F6")] + [None]
    ordered = sorted(grades, key=grade_sort_key)
    assert [g.label if g else None for g in ordered] == ["A1", "A2", "B1", "C1", "F6", None]


def test_meets_needs_both_scales_at_least_as_good():
    minimum = Grade.parse("B3")
    assert Grade.parse("B3").meets(minimum)
    assert Grade.parse("A1").meets(minimum)
    assert not Grade.parse("A4").meets(minimum)  # credibility too low
    assert not Grade.parse("C1").meets(minimum)  # reliability too low


def test_ungraded_counts_as_f6():
    assert Grade.parse("F6") == UNGRADED
    assert meets(None, None)
    assert not meets(None, Grade.parse("E5"))
    assert meets(None, Grade.parse("F6"))


def test_source_kinds():
    assert [k.value for k in SourceKind] == [
        "report", "official", "analysis", "primary", "interview", "social",
    ]
