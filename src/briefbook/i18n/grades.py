"""What a source grade means, in the site language: ``B2`` → "source: usually reliable;
information: probably true". The texts are catalogue labels (``reliability_b``,
``credibility_2``, ``grade_meaning``)."""

from __future__ import annotations

from briefbook.i18n.key_tables import CREDIBILITY_MEANING, RELIABILITY_MEANING
from briefbook.i18n.translator import Translator
from briefbook.model.grading import Grade

#: The two scales, each as (value, meaning) pairs, best first: for legends and filter menus.
Scale = dict[str, list[tuple[str, str]]]


def reliability_meaning(t: Translator, grade: Grade) -> str:
    return t(RELIABILITY_MEANING[grade.reliability])


def credibility_meaning(t: Translator, grade: Grade) -> str:
    return t(CREDIBILITY_MEANING[grade.credibility])


def grade_meaning(t: Translator, grade: Grade) -> str:
    """Both halves of a grade in words."""
    return t("grade_meaning", source=reliability_meaning(t, grade),
             information=credibility_meaning(t, grade))


def scale(t: Translator) -> Scale:
    """The two scales with their meanings, best first."""
    return {
        "reliability": [(letter, t(RELIABILITY_MEANING[letter]))
                        for letter in RELIABILITY_MEANING.values],
        "credibility": [(str(digit), t(CREDIBILITY_MEANING[digit]))
                        for digit in CREDIBILITY_MEANING.values],
    }
