"""Small typed records that several views hand to their templates: a brief or a question with
the link to it, a labelled link."""

from __future__ import annotations

from dataclasses import dataclass

from briefbook.model.dossier import Brief, Question
from briefbook.model.grading import Grade


@dataclass(frozen=True)
class BriefItem:
    """A brief in a list, the relative URL of its page, and (where the list shows it) its
    grade."""

    brief: Brief
    url: str
    grade: Grade | None = None


@dataclass(frozen=True)
class QuestionItem:
    """A question in a list, and the URL of its entry in the register (None when the register
    is not built)."""

    question: Question
    url: str | None


@dataclass(frozen=True)
class LabelledLink:
    """A link with its text (None as URL when the page it points to is not built)."""

    label: str
    url: str | None
