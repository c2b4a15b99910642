"""Competing hypotheses on a question (Heuer's Analysis of Competing Hypotheses).

A question may list hypotheses, each an id and a statement. A brief that follows the question up
rates its evidence against some or all of them: consistent, inconsistent or neutral. The rating
inherits the brief's grade; how the ratings rank the hypotheses is
:mod:`briefbook.index.hypotheses`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from briefbook.model.diagnostics import Location


class Rating(StrEnum):
    """How one piece of evidence bears on one hypothesis."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    NEUTRAL = "neutral"


@dataclass(frozen=True, slots=True)
class Hypothesis:
    """One possible answer to a question, declared by the brief at ``location``."""

    id: str
    statement: str
    location: Location


@dataclass(frozen=True, slots=True)
class EvidenceRating:
    """What one brief's evidence says of one hypothesis, with the analyst's short note."""

    hypothesis: str
    rating: Rating
    location: Location
    note: str = ""
