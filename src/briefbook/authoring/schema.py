"""The JSON Schema (draft 2020-12) of brief, actor and topic front-matter, for editors and CI.

Built from the same field lists and choices as :mod:`briefbook.validate`, so the two cannot drift
apart; ``tests/test_schema.py`` runs both over the same good and broken files. The schema checks
one file at a time: a file it accepts gets no error or warning of its own from ``briefbook
check``. What needs the whole dossier (whether an id names an existing actor, duplicate ids,
shared aliases, question follow-ups, an event ending before it starts, days that do not exist in
their month) only ``briefbook check`` can see.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from briefbook.model.dossier import ActorKind, QuestionStatus, Stance
from briefbook.model.grading import SourceKind
from briefbook.model.hypotheses import Rating
from briefbook.validate.fields import (
    ACTOR_FIELDS,
    BRIEF_FIELDS,
    EVENT_FIELDS,
    POSITION_FIELDS,
    QUESTION_FIELDS,
    RESERVED_IDS,
    SOURCE_FIELDS,
    TOPIC_FIELDS,
    WINDOWS_RESERVED,
)
from briefbook.validate.hypotheses import EVIDENCE_FIELDS, HYPOTHESIS_FIELDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("brief", "actor", "topic")

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_DATE = (
    r"^\s*~?\s*(?!0000)[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?\s*$"
)
_LANGUAGE = r"^\s*[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\s*$"
_WEB_ADDRESS = (  # as briefbook.safety.is_web_address: absolute http(s), with a host
    r"^\s*[hH][tT][tT][pP][sS]?://(?:[^/?#\s]*@)?[^/?#\s@:][^/?#\s@]*"
    r"(?:[/?#][^\u0000-\u001f\u007f]*)?\s*$"
)


_BLANK = {"type": "string", "pattern": r"^\s*$"}
"""Blank text, which validation reads as a missing value."""


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _any_case(enum: type[StrEnum]) -> str:
    """A pattern for the enum's values in any letter case (validation lower-cases them)."""
    words = ["".join(f"[{c}{c.upper()}]" if c.isalpha() else c for c in m.value) for m in enum]
    return r"^\s*(?:" + "|".join(words) + r")\s*$"


def _choice(enum: type[StrEnum], description: str) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [
            {"enum": [m.value for m in enum]},
            {"type": "string", "pattern": _any_case(enum)},
        ],
    }


def _object(
    fields: tuple[str, ...], properties: dict[str, Any], required: tuple[str, ...] = (),
    description: str = "",
) -> dict[str, Any]:
    """A mapping whose keys are exactly ``fields`` (unknown fields are reported by check)."""
    missing = set(fields) ^ set(properties)
    if missing:  # pragma: no cover - a programming error caught by the tests
        raise AssertionError(f"schema and validation disagree on fields: {sorted(missing)}")
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {name: properties[name] for name in fields},
        "additionalProperties": False,
    }
    if description:
        schema = {"description": description, **schema}
    if required:
        schema["required"] = list(required)
    return schema


def _defs() -> dict[str, Any]:
    text = {"type": ["string", "number", "null"], "description": "Text."}
    required_text = {
        "type": ["string", "number"], "pattern": r"\S", "description": "Text (required).",
    }
    defs: dict[str, Any] = {
        "text": text,
        "requiredText": required_text,
        "date": {
            "description": "YYYY, YYYY-MM or YYYY-MM-DD, with a leading ~ when approximate. "
                           "Quote it: \"2025-04-10\".",
            "anyOf": [
                {"type": "string", "pattern": _DATE},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
        },
        "slug": {
            "description": "An id: lowercase letters, digits and single hyphens.",
            "type": ["string", "integer"], "pattern": rf"^\s*{_SLUG}\s*$", "maxLength": 120,
        },
        "idRef": {
            "description": "The id of a file in the dossier (its file name without .md).",
            "type": ["string", "integer"], "pattern": rf"^\s*{_SLUG}\s*$",
        },
        "idRefs": {
            "description": "A list of ids, like [nato, france]; a single id is accepted too.",
            "anyOf": [
                {"type": "array", "items": _ref("idRef")},
                _ref("idRef"),
                {"type": "null"},
            ],
        },
        "slugs": {
            "description": "A list of slugs (lowercase letters, digits and single hyphens), "
                           "like [coalition, isr]; a single one is accepted too.",
            "anyOf": [
                {"type": "array", "items": _ref("slug")},
                _ref("slug"),
                {"type": "null"},
            ],
        },
        "texts": {
            "description": "A list of texts; a single text is accepted too.",
            "anyOf": [
                {"type": "array", "items": {"type": ["string", "number"]}},
                {"type": ["string", "number", "null"]},
            ],
        },
        "language": {
            "description": "A BCP 47 language code such as en, fr or pt-BR.",
            "anyOf": [{"type": "string", "pattern": _LANGUAGE}, {"type": "null"}, _BLANK],
        },
        "stance": _choice(Stance, "Where the actor stands."),
        "questionStatus": {"anyOf": [
            _choice(QuestionStatus, "Where the question stands as of this brief."),
            {"type": "null"}, _BLANK,
        ]},
        "actorKind": _choice(ActorKind, "What sort of actor it is."),
        "wikidata": {"description": "A Wikidata id: Q followed by digits.",
                     "anyOf": [{"type": "string", "pattern": r"^\s*Q[0-9]+\s*$"},
                               {"type": "null"}, _BLANK]},
        "claimId": {
            "description": "Optional id shared by the briefs that report the same position or "
                           "event (corroboration).",
            "anyOf": [{"$ref": "#/$defs/slug"}, {"type": "null"}, _BLANK],
        },
        "audience": {
            "description": "Who may read it: one of the audiences the dossier declares "
                           "(mkdocs.yml, plugin option 'audiences'), e.g. internal; without "
                           "it, the most open audience (inside a brief: the brief's).",
            "anyOf": [{"$ref": "#/$defs/slug"}, {"type": "null"}, _BLANK],
        },
    }
    defs["source"] = _object(SOURCE_FIELDS, {
        "publisher": text,
        "title": text,
        "url": {
            "description": "The source's full address, starting with https:// or http://.",
            "anyOf": [{"type": "string", "pattern": _WEB_ADDRESS}, {"type": "null"}, _BLANK],
        },
        "language": _ref("language"),
        "translated_from": _ref("language"),
        "authors": _ref("texts"),
        "credits": {**_ref("texts"),
                    "description": "Credit lines such as 'Additional reporting by …'."},
        "retrieved": {"anyOf": [_ref("date"), {"type": "null"}],
                      "description": "The day the article was read (written by ingest)."},
        "kind": {"anyOf": [_choice(SourceKind, "What sort of text the source is."),
                           {"type": "null"}, _BLANK]},
        "grade": {
            "description": "Admiralty grade: source reliability A-F, then information "
                           "credibility 1-6, e.g. B2.",
            "anyOf": [{"type": "string", "pattern": r"^\s*[A-Fa-f]\s*[1-6]\s*$"},
                      {"type": "null"}, _BLANK],
        },
    }, description="The source the brief was written from.")
    defs["position"] = _object(POSITION_FIELDS, {
        "actor": _ref("idRef"),
        "topic": _ref("idRef"),
        "stance": _ref("stance"),
        "summary": required_text,
        "quote": text,
        "date": {"anyOf": [_ref("date"), {"type": "null"}]},
        "id": _ref("claimId"),
        "disputed": {"type": "boolean", "description": "true: other reports of this id "
                     "disagree and both are kept on purpose (a note, not a warning)."},
        "audience": _ref("audience"),
    }, required=("actor", "topic", "stance", "summary"),
        description="Where an actor stands on a topic, as this brief reports it.")
    defs["event"] = _object(EVENT_FIELDS, {
        "date": _ref("date"),
        "end": {"anyOf": [_ref("date"), {"type": "null"}]},
        "title": required_text,
        "actors": _ref("idRefs"),
        "place": text,
        "id": _ref("claimId"),
        "disputed": {"type": "boolean", "description": "true: other reports of this id "
                     "disagree and both are kept on purpose (a note, not a warning)."},
        "audience": _ref("audience"),
    }, required=("date", "title"), description="A dated event reported by this brief.")
    question = _object(QUESTION_FIELDS, {
        "id": {**_ref("slug")},
        "text": text,
        "status": _ref("questionStatus"),
        "actors": _ref("idRefs"),
        "topics": _ref("idRefs"),
        "answer": text,
        "hypotheses": {"anyOf": [{"type": "array", "items": _ref("hypothesis")},
                                 {"type": "null"}],
                       "description": "Competing hypotheses on the question (each id once "
                                      "across its briefs)."},
        "evidence": {"anyOf": [{"type": "array", "items": _ref("evidence")}, {"type": "null"}],
                     "description": "This brief's evidence rated against the hypotheses."},
        "review_by": {"anyOf": [_ref("date"), {"type": "null"}],
                      "description": "The question should be settled by this date; open "
                                     "after it, it is listed as needing review."},
        "audience": _ref("audience"),
    }, required=("id",), description="A question raised, followed up or answered by this brief.")
    defs["hypothesis"] = _object(HYPOTHESIS_FIELDS, {
        "id": _ref("slug"),
        "statement": required_text,
    }, required=("id", "statement"), description="One possible answer to the question.")
    defs["evidence"] = _object(EVIDENCE_FIELDS, {
        "hypothesis": _ref("idRef"),
        "rating": _choice(Rating, "How this brief's evidence bears on the hypothesis."),
        "note": text,
    }, required=("hypothesis", "rating"),
        description="How this brief's evidence bears on one hypothesis.")
    answered = {"required": ["status"], "properties": {
        "status": {"type": "string", "pattern": _any_case(_Answered)}}}
    has_answer = {"required": ["answer"], "properties": {"answer": required_text}}
    open_status = {"anyOf": [
        {"not": {"required": ["status"]}},
        {"properties": {"status": {"anyOf": [
            {"type": "null"}, _BLANK,
            {"type": "string", "pattern": _any_case(_Open)},
        ]}}},
    ]}
    question["allOf"] = [
        {"if": answered, "then": has_answer},
        {"if": {"allOf": [has_answer, open_status]}, "then": False},
    ]
    defs["question"] = question
    list_of = {name: {"anyOf": [{"type": "array", "items": _ref(name)}, {"type": "null"}]}
               for name in ("position", "event", "question")}
    defs["brief"] = _object(BRIEF_FIELDS, {
        "title": required_text,
        "date": _ref("date"),
        "summary": text,
        "source": {"anyOf": [_ref("source"), {"type": "null"}]},
        "actors": _ref("idRefs"),
        "topics": _ref("idRefs"),
        "tags": _ref("slugs"),
        "positions": list_of["position"],
        "events": list_of["event"],
        "questions": list_of["question"],
        "slug": {"anyOf": [
            {"allOf": [_ref("slug"), {"not": {"enum": sorted(RESERVED_IDS | WINDOWS_RESERVED)}}]},
            {"type": "null"}, _BLANK,
        ]},
        "sanitize": {"type": "boolean",
                     "description": "true: strip raw HTML from the body (pasted articles)."},
        "date_unknown": {"type": "boolean",
                         "description": "true: the source states no publication date, and "
                                        "'date' is the day it was read."},
        "audience": _ref("audience"),
    }, required=("title", "date"), description="Front-matter of a brief (briefs/**/*.md).")
    defs["actor"] = _object(ACTOR_FIELDS, {
        "name": required_text,
        "kind": _ref("actorKind"),
        "aliases": _ref("texts"),
        "role": text,
        "country": {"description": "ISO 3166-1 alpha-2 code, e.g. FR or GB.",
                    "anyOf": [{"type": "string", "pattern": r"^\s*[A-Za-z]{2}\s*$"},
                              {"type": "null"}, _BLANK]},
        "affiliations": _ref("idRefs"),
        "wikidata": _ref("wikidata"),
        "external_ids": {
            "description": "Identifiers in other registers, shown as text; a wikidata entry "
                           "is a Q-id like the wikidata field, and the only one linked.",
            "anyOf": [
                {"type": "object", "properties": {"wikidata": _ref("wikidata")},
                 "additionalProperties": text},
                {"type": "null"},
            ],
        },
        "audience": _ref("audience"),
    }, required=("name", "kind"), description="Front-matter of an actor (briefs/actors/*.md).")
    defs["topic"] = _object(TOPIC_FIELDS, {
        "title": required_text,
        "summary": text,
        "audience": _ref("audience"),
    }, required=("title",), description="Front-matter of a topic (briefs/topics/*.md).")
    return defs


class _Answered(StrEnum):
    ANSWERED = QuestionStatus.ANSWERED.value


class _Open(StrEnum):
    OPEN = QuestionStatus.OPEN.value


def build_schema(kind: str | None = None) -> dict[str, Any]:
    """The schema of one kind of file, or of any of the three (``kind=None``)."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "title": f"Briefbook {kind} front-matter" if kind else "Briefbook front-matter",
        "description": (
            "The YAML front-matter of a Briefbook dossier file. Generated by `briefbook schema`; "
            "`briefbook check` also checks what a schema cannot (references between files)."
        ),
    }
    if kind:
        schema["$ref"] = f"#/$defs/{kind}"
    else:
        schema["oneOf"] = [_ref(k) for k in KINDS]
    schema["$defs"] = _defs()
    return schema


def schema_json(kind: str | None = None) -> str:
    """The schema as the JSON text the repository ships (stable key order, final newline)."""
    return json.dumps(build_schema(kind), indent=2, ensure_ascii=False) + "\n"
