"""``dossier.json``: every brief, actor, topic, position, event and question, with site URLs.

The format is described by the JSON Schema shipped as ``briefbook/schema/dossier.schema.json``;
``schema_version`` changes when a field is removed or changes meaning.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any
from urllib.parse import urljoin

from briefbook.export.hypotheses_json import question_hypotheses
from briefbook.export.json_values import json_date, json_grade
from briefbook.model.dossier import Brief, Event, Position, Question
from briefbook.views.context import ViewContext
from briefbook.views.hypotheses import hypotheses_src

SCHEMA_VERSION = "1.2"  # 1.2: questions' review_by and competing hypotheses


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``dossier.json``."""
    text = (resources.files("briefbook") / "schema" / "dossier.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def dossier_json(ctx: ViewContext, site_url: str = "") -> str:
    """The export as JSON text (UTF-8, stable key order, one trailing newline)."""
    data = dossier_data(ctx, site_url)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def dossier_data(ctx: ViewContext, site_url: str = "") -> dict[str, Any]:
    """The export as plain data. URLs are site-relative, or absolute when ``site_url`` is set."""
    urls = ctx.urls
    sections = urls.sections

    def url(src: str | None) -> str | None:
        if src is None:
            return None
        path = urls.url(src)
        return urljoin(site_url if site_url.endswith("/") else site_url + "/", path) \
            if site_url else path

    def question_src(question_id: str) -> str | None:
        if "questions" not in sections:
            return None
        return ctx.question_pages.get(question_id, urls.section_src("questions"))

    dossier = ctx.dossier
    grades = {ident: brief.grade for ident, brief in dossier.briefs.items()}
    return {
        "schema_version": SCHEMA_VERSION,
        "briefs": [_brief(b, url(urls.brief_src(b.id))) for b in dossier.briefs.values()],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind.value,
                "aliases": list(a.aliases),
                "role": a.role,
                "country": a.country,
                "affiliations": list(a.affiliations),
                "external_ids": dict(sorted(a.external_ids.items())),
                "url": url(urls.actor_src(a.id) if "actors" in sections else None),
            }
            for a in dossier.actors.values()
        ],
        "topics": [
            {
                "id": t.id,
                "title": t.title,
                "summary": t.summary,
                "url": url(urls.topic_src(t.id) if "topics" in sections else None),
            }
            for t in dossier.topics.values()
        ],
        "positions": [_position(p) for b in dossier.briefs.values() for p in b.positions],
        "events": [_event(e) for e in ctx.index.events_sorted],
        "questions": [
            {**_question(q, _anchored(url(question_src(q.id)), q.id)),
             **question_hypotheses(q, grades, url(hypotheses_src(q.id))
                                   if "questions" in sections else None)}
            for q in dossier.questions.values()
        ],
    }


def _brief(brief: Brief, url: str | None) -> dict[str, Any]:
    source = brief.source
    return {
        "id": brief.id,
        "title": brief.title,
        "date": json_date(brief.date),
        "date_unknown": brief.date_unknown,
        "summary": brief.summary,
        "source": {
            "publisher": source.publisher,
            "title": source.title,
            "url": source.url,
            "language": source.language,
            "translated_from": source.translated_from,
            "authors": list(source.authors),
            "credits": list(source.credits),
            "retrieved": json_date(source.retrieved) if source.retrieved else None,
            "kind": source.kind.value if source.kind else None,
            "grade": json_grade(source.grade),
        },
        "actors": list(brief.actors),
        "topics": list(brief.topics),
        "tags": list(brief.tags),
        "body": brief.body,
        "url": url,
    }


def _position(p: Position) -> dict[str, Any]:
    return {
        "actor": p.actor,
        "topic": p.topic,
        "stance": p.stance.value,
        "summary": p.summary,
        "quote": p.quote,
        "date": json_date(p.date),
        "brief": p.brief,
        "id": p.id,
        "disputed": p.disputed,
    }


def _event(e: Event) -> dict[str, Any]:
    return {
        "title": e.title,
        "date": json_date(e.date),
        "end": json_date(e.end) if e.end else None,
        "place": e.place,
        "actors": list(e.actors),
        "brief": e.brief,
        "id": e.id,
        "disputed": e.disputed,
    }


def _question(q: Question, url: str | None) -> dict[str, Any]:
    answer = q.answer
    return {
        "id": q.id,
        "text": q.text,
        "status": q.status.value,
        "actors": list(q.actors),
        "topics": list(q.topics),
        "answer": {"text": answer.answer, "brief": answer.brief, "date": json_date(answer.date)}
        if answer else None,
        "entries": [
            {
                "brief": e.brief,
                "date": json_date(e.date),
                "status": e.status.value,
                "text": e.text,
                "answer": e.answer,
            }
            for e in q.entries
        ],
        "url": url,
    }


def _anchored(url: str | None, anchor: str) -> str | None:
    return f"{url}#{anchor}" if url is not None else None
