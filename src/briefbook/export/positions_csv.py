"""``positions.csv``: one row per position, for spreadsheets (RFC 4180, UTF-8, CRLF)."""

from __future__ import annotations

import io
import re

from briefbook.views.context import ViewContext

COLUMNS = (
    "actor", "actor_name", "topic", "topic_title", "stance", "date", "summary", "quote",
    "brief", "brief_title", "brief_url", "current", "grade", "id",
)
# A formula starts a cell, or any piece of it that a reader splitting on another delimiter
# (``;`` in much of Europe, tab) or on lines gets as a cell of its own.
_FORMULA_START = re.compile(r"(?:^|(?<=[,;\t\r\n]))(?=[=+\-@\t\r])")
# A cell holding one of these is quoted, whichever delimiter the reader splits on.
_NEEDS_QUOTES = re.compile(r'[,;\t"\r\n]')


def csv_cell(value: str) -> str:
    """Neutralise text a spreadsheet would run as a formula (OWASP: prefix with a quote), at
    the start of the cell and after every delimiter a reader may split on."""
    return _FORMULA_START.sub("'", value)


def csv_field(value: str) -> str:
    """One field of a row: quoted (inner quotes doubled) when it holds a delimiter of any of the
    common dialects (``,`` ``;`` tab), a quote or a line end."""
    if _NEEDS_QUOTES.search(value):
        return '"' + value.replace('"', '""') + '"'
    return value


def positions_csv(ctx: ViewContext) -> str:
    """Every position, newest brief first; ``current`` says whether it is the actor's latest
    stance on the topic, ``grade`` is its brief's source grade, ``id`` its corroboration id."""
    out = io.StringIO()
    out.write(",".join(COLUMNS) + "\r\n")
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
            out.write(",".join(csv_field(csv_cell(str(value))) for value in row) + "\r\n")
    return out.getvalue()
