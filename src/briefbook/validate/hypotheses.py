"""Reading and checking competing hypotheses and the evidence rated against them.

A question entry may declare ``hypotheses`` (each an ``id`` and a ``statement``) and rate this
brief's ``evidence`` against them (each a ``hypothesis``, a ``rating`` and an optional ``note``).
Entries are read one by one (:func:`entry_hypotheses`, :func:`entry_evidence`); once every brief
is read, :func:`check_question` checks a question's entries together: a hypothesis declared twice,
evidence for a hypothesis no entry declares (with a "did you mean"). Whatever is wrong is named
and left out; nothing is changed silently.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from briefbook.model.diagnostics import Diagnostics, did_you_mean
from briefbook.model.dossier import QuestionEntry
from briefbook.model.hypotheses import EvidenceRating, Hypothesis, Rating
from briefbook.model.values import is_slug, slugify

if TYPE_CHECKING:
    from briefbook.validate.fields import _Reader

HYPOTHESIS_FIELDS = ("id", "statement")
EVIDENCE_FIELDS = ("hypothesis", "rating", "note")


def entry_hypotheses(r: _Reader, question: str) -> tuple[Hypothesis, ...]:
    """The hypotheses one question entry declares, each id once."""
    found: dict[str, Hypothesis] = {}
    for h in r.mappings("hypotheses"):
        h.check_fields(HYPOTHESIS_FIELDS)
        ident = h.text("id", required=True)
        statement = h.text("statement", required=True)
        if ident and not is_slug(ident):
            h.diags.error(h.loc("id"), f"hypothesis id '{ident}' of question '{question}' is "
                          "not a valid id: use lowercase letters, digits and hyphens, e.g. "
                          f"'{slugify(ident)}'", "bad-id")
            continue
        if not (ident and statement):
            continue
        if ident in found:
            h.diags.error(h.loc("id"), f"hypothesis '{ident}' is declared twice for question "
                          f"'{question}' in this brief; give it another id or remove one",
                          "duplicate-id")
            continue
        found[ident] = Hypothesis(ident, statement, h.loc())
    return tuple(found.values())


def entry_evidence(r: _Reader, question: str) -> tuple[EvidenceRating, ...]:
    """The ratings of this brief's evidence, one per hypothesis at most."""
    found: dict[str, EvidenceRating] = {}
    for e in r.mappings("evidence"):
        e.check_fields(EVIDENCE_FIELDS)
        ident = e.text("hypothesis", required=True)
        rating = e.choice("rating", Rating, required=True)
        if not (ident and rating):
            continue
        if ident in found:
            e.diags.error(e.loc("hypothesis"), f"the evidence of this brief is rated twice "
                          f"against hypothesis '{ident}' of question '{question}'; keep one "
                          "rating", "duplicate-id")
            continue
        found[ident] = EvidenceRating(ident, rating, e.loc("hypothesis"), e.text("note") or "")
    return tuple(found.values())


def check_question(
    question: str, entries: list[QuestionEntry], diags: Diagnostics
) -> list[QuestionEntry]:
    """The entries of one question (in date order) with every hypothesis declared once and
    every rating naming a declared hypothesis; each problem is an error, its item left out."""
    declared: dict[str, Hypothesis] = {}
    kept: list[QuestionEntry] = []
    for entry in entries:
        own: list[Hypothesis] = []
        for hypothesis in entry.hypotheses:
            first = declared.get(hypothesis.id)
            if first is not None:
                diags.error(hypothesis.location, f"hypothesis '{hypothesis.id}' of question "
                            f"'{question}' is already declared at {first.location}; give this "
                            "one another id, or remove it", "duplicate-id")
                continue
            declared[hypothesis.id] = hypothesis
            own.append(hypothesis)
        kept.append(replace(entry, hypotheses=tuple(own)))
    ids = list(declared)
    if declared and question == "index":
        first = next(iter(declared.values()))
        diags.error(first.location, "a question with hypotheses cannot have the id 'index': "
                    "its page would take the register's address (questions/index.md); give "
                    "the question another id", "reserved-id")
    result: list[QuestionEntry] = []
    for entry in kept:
        ratings: list[EvidenceRating] = []
        for rating in entry.evidence:
            if rating.hypothesis in declared:
                ratings.append(rating)
                continue
            if ids:
                hint = did_you_mean(rating.hypothesis, ids)
                known = ", ".join(ids)
                diags.error(rating.location, f"unknown hypothesis '{rating.hypothesis}' of "
                            f"question '{question}'{hint}; its hypotheses are: {known}",
                            "unknown-hypothesis")
            else:
                diags.error(rating.location, f"evidence rated against hypothesis "
                            f"'{rating.hypothesis}', but question '{question}' has no "
                            "hypotheses; declare them under 'hypotheses:' in the question "
                            "(each an id and a statement)", "unknown-hypothesis")
        result.append(replace(entry, evidence=tuple(ratings)))
    return result
