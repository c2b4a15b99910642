"""How far to trust a source: the Admiralty grading scale and the kinds of source.

A grade such as ``B2`` pairs the **reliability** of the source (``A`` completely reliable …
``F`` cannot be judged) with the **credibility** of the information (``1`` confirmed by other
sources … ``6`` truth cannot be judged). The two are judged separately: a usually reliable
outlet (``B``) can carry an improbable report (``5``).

Order: grades sort best first, by reliability then credibility (``A1`` < ``A2`` < ``B1``). A
grade *meets* a minimum when it is at least as good on both scales: ``B2`` meets ``C3`` but
``A4`` does not meet ``B3``. A claim without a grade is treated as ``F6`` (cannot be judged).
What a grade means in words, in the site's language, is :mod:`briefbook.i18n.grades`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

RELIABILITY = "ABCDEF"
CREDIBILITY = "123456"

_GRADE_RE = re.compile(r"^([A-Fa-f])\s*([1-6])$")

class SourceKind(StrEnum):
    """What sort of text a brief was written from."""

    REPORT = "report"  # news reporting
    OFFICIAL = "official"  # a government's or organisation's own statement or document
    ANALYSIS = "analysis"  # think-tank paper, expert commentary
    PRIMARY = "primary"  # original document, data, transcript
    INTERVIEW = "interview"  # what someone told the analyst or a journalist
    SOCIAL = "social"  # social media post


class GradeError(ValueError):
    """A text that is not a grade; the message says what a grade looks like."""


@dataclass(frozen=True, slots=True)
class Grade:
    """An Admiralty grade: ``reliability`` ``A``–``F`` and ``credibility`` 1–6."""

    reliability: str
    credibility: int

    @classmethod
    def parse(cls, text: str) -> Grade:
        """``B2`` (case and a space between the two parts are forgiven)."""
        cleaned = str(text).strip()
        match = _GRADE_RE.match(cleaned)
        if not match:
            swapped = _GRADE_RE.match(cleaned[::-1])
            hint = f" (did you mean '{swapped.group(1).upper()}{swapped.group(2)}'?)" \
                if swapped else ""
            raise GradeError(
                f"'{text}' is not a grade{hint}: write the source's reliability A–F followed by "
                "the information's credibility 1–6, e.g. B2"
            )
        return cls(match.group(1).upper(), int(match.group(2)))

    @property
    def label(self) -> str:
        return f"{self.reliability}{self.credibility}"

    def __str__(self) -> str:
        return self.label

    @property
    def sort_key(self) -> tuple[int, int]:
        """Best first: reliability, then credibility."""
        return (RELIABILITY.index(self.reliability), self.credibility)

    def meets(self, minimum: Grade) -> bool:
        """At least as good as ``minimum`` on both scales."""
        return (RELIABILITY.index(self.reliability) <= RELIABILITY.index(minimum.reliability)
                and self.credibility <= minimum.credibility)


UNGRADED = Grade("F", 6)


def grade_sort_key(grade: Grade | None) -> tuple[int, int, int]:
    """Best first; a missing grade sorts after ``F6``."""
    if grade is None:
        return (*UNGRADED.sort_key, 1)
    return (*grade.sort_key, 0)


def meets(grade: Grade | None, minimum: Grade | None) -> bool:
    """Whether a claim with ``grade`` passes a filter at ``minimum`` (None: no filter).

    An ungraded claim counts as ``F6``: it passes only the ``F6`` filter, which shows all.
    """
    if minimum is None:
        return True
    return (grade or UNGRADED).meets(minimum)

