"""``previews/*.json``: what the hover and focus cards of actor and brief links show.

An actor's card gives its kind, role, and latest stance with its topic and grade; a brief's its
date, source and summary. The records are split into shards of about :data:`PER_SHARD` so a
card costs one small request on a dossier of any size; ``previews/index.json`` says how many
shards there are, and :func:`shard_of` (mirrored in ``assets/pictures.js``) which one holds a
key (``actor:<id>`` or ``brief:<id>``). Texts are plain: the script sets them as text.
"""

from __future__ import annotations

import json
import math

from briefbook.views.context import ViewContext
from briefbook.views.stances import StanceRecord

PER_SHARD = 300
SUMMARY_LIMIT = 280


def shard_of(key: str, count: int) -> int:
    """A stable shard number for ``key``: a 31-multiplier hash over its UTF-16 code units."""
    data = key.encode("utf-16-le")
    value = 0
    for low, high in zip(data[::2], data[1::2], strict=True):
        value = (value * 31 + (low | high << 8)) & 0xFFFFFFFF
    return value % count


def preview_records(ctx: ViewContext) -> dict[str, dict[str, object]]:
    """Every actor's and brief's card, keyed ``actor:<id>`` / ``brief:<id>``."""
    t, dossier = ctx.t, ctx.dossier
    records: dict[str, dict[str, object]] = {}
    latest: dict[str, StanceRecord] = {}
    for record in ctx.stances.values():
        current = latest.get(record.actor)
        if current is None or record.latest.date.sort_key > current.latest.date.sort_key:
            latest[record.actor] = record
    for actor in dossier.actors.values():
        kind = t.label(actor.kind)
        meta = kind[:1].upper() + kind[1:]  # the card's line starts with it
        if actor.role:
            meta += f" · {actor.role}"
        lines = []
        newest = latest.get(actor.id)
        if newest is not None:
            position = newest.latest
            topic = dossier.topics.get(position.topic)
            brief = dossier.briefs.get(position.brief)
            grade = brief.grade.label if brief and brief.grade else ""
            text = (f"{t('preview_latest_stance')}: {t.label(position.stance)} "
                    f"{t('on')} {topic.title if topic else position.topic}"
                    f" ({ctx.renderer.format_date(position.date)}")
            text += f", {t('grade')} {grade})" if grade else ")"
            lines.append(text)
        records[f"actor:{actor.id}"] = {"title": actor.name, "meta": meta, "lines": lines}
    for brief in dossier.briefs.values():
        source = brief.source.publisher or brief.source.title
        meta = ctx.renderer.format_date(brief.date)
        if source:
            meta += f" · {source}"
        if brief.grade:
            meta += f" · {t('grade')} {brief.grade.label}"
        summary = brief.summary.strip()
        if len(summary) > SUMMARY_LIMIT:
            summary = summary[: SUMMARY_LIMIT - 1].rstrip() + "…"
        records[f"brief:{brief.id}"] = {"title": brief.title, "meta": meta,
                                         "lines": [summary] if summary else []}
    return records


def preview_files(ctx: ViewContext) -> dict[str, str]:
    """The files to write, by path: ``previews/index.json`` and ``previews/<n>.json``."""
    records = preview_records(ctx)
    count = max(1, math.ceil(len(records) / PER_SHARD))
    shards: list[dict[str, dict[str, object]]] = [{} for _ in range(count)]
    for key in sorted(records):
        shards[shard_of(key, count)][key] = records[key]
    files = {"previews/index.json": json.dumps({"shards": count})}
    for number, shard in enumerate(shards):
        files[f"previews/{number}.json"] = json.dumps(
            shard, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return files
