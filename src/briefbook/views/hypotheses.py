"""A page per question with competing hypotheses: the evidence × hypotheses matrix, least
contradicted hypothesis first, and how the ranking changed as evidence arrived."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from briefbook.index.hypotheses import (
    RankingStep,
    grade_weight,
    rank,
    ranking_history,
)
from briefbook.model.dossier import Question, QuestionEntry
from briefbook.model.grading import Grade
from briefbook.model.hypotheses import EvidenceRating
from briefbook.views.context import Chip, ViewContext
from briefbook.views.page import PageDoc
from briefbook.views.registry import GeneratedPage, PageKind

SECTION = "questions"


def hypotheses_src(question_id: str) -> str:
    """The page of a question's hypotheses, beside the register."""
    return f"{SECTION}/{question_id}.md"


@dataclass(frozen=True)
class EvidenceRow:
    """One brief's evidence: its ratings in the order of the ranked hypotheses."""

    entry: QuestionEntry
    brief: Chip | None
    grade: Grade | None
    weight: int
    cells: list[EvidenceRating | None]


@dataclass(frozen=True)
class HistoryStep:
    """One date of the ranking's history, with the briefs that moved it."""

    step: RankingStep
    briefs: list[Chip]


def questions_with_hypotheses(ctx: ViewContext) -> list[Question]:
    return [q for q in ctx.dossier.questions.values() if q.hypotheses]


def hypotheses_pages(ctx: ViewContext) -> list[GeneratedPage]:
    """``questions/<id>/`` for every question that lists hypotheses (outside the navigation:
    the register links to each)."""
    return [
        GeneratedPage(hypotheses_src(q.id), PageKind.HYPOTHESES,
                      partial(hypotheses_page, ctx, q.id), subject=q.id, in_nav=False)
        for q in sorted(questions_with_hypotheses(ctx), key=lambda q: q.id)
    ]


def grades_of(ctx: ViewContext) -> dict[str, Grade | None]:
    return {ident: brief.grade for ident, brief in ctx.dossier.briefs.items()}


def hypotheses_page(ctx: ViewContext, question_id: str) -> PageDoc:
    """The matrix, the ranking and its history for one question."""
    question = ctx.dossier.questions[question_id]
    src = hypotheses_src(question_id)
    briefs = ctx.dossier.briefs
    grades = grades_of(ctx)
    ranking = rank(question, grades)
    order = [score.hypothesis.id for score in ranking]
    rows = [
        EvidenceRow(
            entry=entry,
            brief=ctx.brief_link(src, briefs[entry.brief]) if entry.brief in briefs else None,
            grade=grades.get(entry.brief),
            weight=grade_weight(grades.get(entry.brief)),
            cells=[next((r for r in entry.evidence if r.hypothesis == ident), None)
                   for ident in order],
        )
        for entry in question.entries if entry.evidence
    ]
    history = [
        HistoryStep(step, [ctx.brief_link(src, briefs[e.brief]) for e in step.entries
                           if e.brief in briefs])
        for step in ranking_history(question, grades)
    ]
    labels = {score.hypothesis.id: f"H{score.number}" for score in ranking}
    doc = PageDoc(src, question.text)
    doc.html(ctx.render(
        "hypotheses_intro.html", question=question, register=ctx.question_url(src, question.id),
    ))
    doc.heading(ctx.t("hypotheses_ranked"))
    doc.html(ctx.render("hypotheses_ranking.html", ranking=ranking))
    doc.heading(ctx.t("hypotheses_matrix"))
    doc.html(ctx.render("hypotheses_matrix.html", ranking=ranking, rows=rows, labels=labels))
    doc.heading(ctx.t("hypotheses_history"))
    doc.html(ctx.render("hypotheses_history.html", history=history, labels=labels))
    return doc
