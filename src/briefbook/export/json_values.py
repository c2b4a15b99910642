"""How ``dossier.json`` writes a date and a grade, for every part of the export that has one."""

from __future__ import annotations

from typing import Any

from briefbook.model.dates import FuzzyDate
from briefbook.model.grading import Grade


def json_date(date: FuzzyDate) -> dict[str, Any]:
    """``{"value": "2025-04", "precision": "month", "approximate": true}``."""
    return {
        "value": date.isoformat().lstrip("~"),
        "precision": date.precision.name.lower(),
        "approximate": date.approximate,
    }


def json_grade(grade: Grade | None) -> str | None:
    """``"B2"``, or None when ungraded."""
    return grade.label if grade else None
