"""``positions.csv``: one row per position, for spreadsheets (RFC 4180, UTF-8, CRLF)."""

from __future__ import annotations

import csv
import io

from briefbook.views.context import ViewContext

COLUMNS = (
    "actor", "actor_name", "topic", "topic_title", "stance", "date", "summary", "quote",
    "brief", "brief_title", "brief_url", "current", "grade", "id",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """Neutralise text a spreadsheet would run as a formula (OWASP: prefix with a quote)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def positions_csv(ctx: ViewContext) -> str:
    """Every position, newest brief first; ``current`` says whether it is the actor's latest
    stance on the topic, ``grade`` is its brief's source grade, ``id`` its corroboration id."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    dossier, urls = ctx.dossier, ctx.urls
    for brief in dossier.briefs.values():
        for p in brief.positions:
            actor = dossier.actors.get(p.actor)
            topic = dossier.topics.get(p.topic)
            record = ctx.stances.get((p.actor, p.topic))
            row = (
                p.actor, actor.name if actor else "", p.topic, topic.title if topic else "",
                p.stance.value, p.date.isoformat(), p.summary, p.quote, brief.id, brief.title,
                urls.url(urls.brief_src(brief.id)),
                "yes" if record is not None and record.latest is p else "no",
                brief.grade.label if brief.grade else "", p.id,
            )
            writer.writerow([csv_cell(str(value)) for value in row])
    return out.getvalue()
