"""The positions matrix: one row per actor with positions, one column per topic.

Actors are the rows because a dossier follows many more actors than topics: the table grows
downwards, split into pages of ``page_size`` actors, while its header row stays in view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from briefbook.model.dossier import Brief, Position, Stance
from briefbook.model.grading import Grade, grade_sort_key
from briefbook.views.claims import (
    StanceVersion,
    claim_grade,
    filter_fallbacks,
    grade_of,
    position_provenance,
)
from briefbook.views.context import Chip, ViewContext
from briefbook.views.page import PageDoc
from briefbook.views.paging import chunked_by_weight, pager, section_page_srcs
from briefbook.views.registry import GeneratedPage, PageKind
from briefbook.views.stances import StanceRecord


@dataclass(frozen=True)
class Fallback:
    """An earlier position a grade filter in the browser falls back to."""

    position: Position
    grade: Grade | None
    filter_grade: Grade | None
    brief: Chip


@dataclass(frozen=True)
class StanceCell:
    """An actor's current stance on a topic: its brief and grade, the grade the filter judges
    it by, the earlier stance if it changed, the stances its sources give when they disagree,
    and (``filterable``) the earlier positions the grade filter falls back to."""

    record: StanceRecord
    stance: Stance
    brief: Chip
    grade: Grade | None
    filter_grade: Grade | None
    previous: Position | None
    previous_brief: Brief | None
    path: tuple[Stance, ...]
    dispute: list[StanceVersion]
    filterable: bool
    fallbacks: list[Fallback] = field(default_factory=list)


@dataclass(frozen=True)
class MatrixRow:
    """An actor's row of the matrix: its chip, then a cell (or None) per topic."""

    actor: Chip
    cells: list[StanceCell | None]


@dataclass(frozen=True)
class ChangedStance:
    """An actor-topic pair whose stance changed."""

    actor: Chip
    topic: Chip
    cell: StanceCell


def matrix_actors(ctx: ViewContext) -> list[str]:
    """Ids of the actors with at least one position, by name."""
    ids = {actor for actor, _ in ctx.stances}
    return sorted(ids, key=lambda a: (_actor_name(ctx, a).casefold(), a))


def matrix_topics(ctx: ViewContext) -> list[str]:
    """Ids of the topics with at least one position, in the dossier's topic order."""
    ids = {topic for _, topic in ctx.stances}
    ordered = [t for t in ctx.dossier.topics if t in ids]
    return ordered + sorted(ids - set(ordered))


def stance_cell(
    ctx: ViewContext, src: str, record: StanceRecord, filterable: bool = False
) -> StanceCell:
    """A cell's data: the current stance, its brief and grade, the earlier stance if it
    changed, the stances its sources give when they disagree on it.

    ``filterable`` adds the earlier positions a grade filter in the browser falls back to
    (see :func:`filter_fallbacks`).
    """
    latest = record.latest
    brief = ctx.dossier.briefs.get(latest.brief)
    provenance = position_provenance(ctx, src, latest)
    previous = record.previous
    if provenance.dispute:
        # the other stances of the same day are a disagreement, not a change of mind
        earlier = [p for p in record.history if p.date < latest.date]
        disputed = {d.stance for d in provenance.dispute}
        previous = earlier[-1] if earlier and earlier[-1].stance not in disputed else None
    fallbacks = []
    if filterable:
        fallbacks = [
            Fallback(position=p, grade=grade_of(ctx, p.brief),
                     filter_grade=claim_grade(ctx, p), brief=_brief_chip(ctx, src, p.brief))
            for p in filter_fallbacks(ctx, list(reversed(record.history)))[1:]
        ]
    filter_grade = claim_grade(ctx, latest)
    if provenance.dispute:  # the filter keeps a disputed claim while one of its sources passes
        filter_grade = min((d.grade for d in provenance.dispute), key=grade_sort_key)
    return StanceCell(
        record=record,
        stance=record.stance,
        brief=ctx.brief_link(src, brief) if brief else Chip(latest.brief),
        grade=brief.grade if brief else None,
        filter_grade=filter_grade,
        previous=previous,
        previous_brief=ctx.dossier.briefs.get(previous.brief) if previous else None,
        path=record.stance_path,
        dispute=provenance.dispute,
        filterable=filterable,
        fallbacks=fallbacks,
    )


def _brief_chip(ctx: ViewContext, src: str, brief_id: str) -> Chip:
    brief = ctx.dossier.briefs.get(brief_id)
    return ctx.brief_link(src, brief) if brief else Chip(brief_id)


def matrix_rows(
    ctx: ViewContext,
    src: str,
    actors: list[str],
    topics: list[str],
    filterable: bool = False,
    pairs: set[tuple[str, str]] | None = None,
) -> list[MatrixRow]:
    """One row per actor: its chip, then a cell (or None) per topic; with ``pairs``, only the
    (actor, topic) cells named there are filled."""
    rows = []
    for actor in actors:
        cells: list[StanceCell | None] = []
        for topic in topics:
            wanted = pairs is None or (actor, topic) in pairs
            record = ctx.stances.get((actor, topic)) if wanted else None
            cells.append(stance_cell(ctx, src, record, filterable) if record else None)
        rows.append(MatrixRow(ctx.actor_chip(src, actor), cells))
    return rows


# The matrix page lists this many of the latest changes of stance; the changes page has all.
CHANGES_SHOWN = 50
# A change shows at most this many stances of its history (the latest ones).
PATH_SHOWN = 6


def changed_stances(
    ctx: ViewContext, src: str, limit: int | None = None
) -> tuple[list[ChangedStance], int]:
    """Actor-topic pairs whose stance changed, most recent change first (the ``limit`` latest),
    and how many there are in all."""
    records = [r for r in ctx.stances.values() if r.changed]
    records.sort(key=lambda r: (r.actor, r.topic))
    records.sort(key=lambda r: r.latest.date.sort_key, reverse=True)
    total = len(records)
    return [
        ChangedStance(
            actor=ctx.actor_chip(src, r.actor),
            topic=ctx.topic_chip(src, r.topic),
            cell=stance_cell(ctx, src, r),
        )
        for r in records[:limit]
    ], total


# A matrix page holds at most this many positions in its cells (each cell keeps its stance
# history for the grade filter), which keeps a page under about 500 KB.
POSITIONS_PER_PAGE = 600


def positions_pages(ctx: ViewContext, page_size: int = 50) -> list[GeneratedPage]:
    """``positions/`` (and ``positions/page/N/``): the matrix, at most ``page_size`` actors
    and :data:`POSITIONS_PER_PAGE` positions per page."""
    by_actor = ctx.index.positions_by_actor
    chunks = chunked_by_weight(
        matrix_actors(ctx), page_size, lambda a: len(by_actor.get(a, ())), POSITIONS_PER_PAGE
    )
    srcs = section_page_srcs(ctx, "positions", len(chunks))
    return [
        GeneratedPage(src, PageKind.POSITIONS, partial(positions_page, ctx, srcs, number, actors),
                      in_nav=number == 1)
        for number, (src, actors) in enumerate(zip(srcs, chunks, strict=True), start=1)
    ]


def positions_page(ctx: ViewContext, srcs: list[str], number: int, actors: list[str]) -> PageDoc:
    """Page ``number`` of the matrix (whose pages are at ``srcs``): the rows of ``actors``."""
    src = srcs[number - 1]
    topics = matrix_topics(ctx)
    counts = {stance: 0 for stance in Stance}
    for record in ctx.stances.values():
        counts[record.stance] += 1
    doc = PageDoc(src, ctx.t("positions"), meta={"hide": ["toc"]})
    doc.html(ctx.render(
        "positions_matrix.html",
        topics=[ctx.topic_chip(src, t) for t in topics],
        rows=matrix_rows(ctx, src, actors, topics, filterable=True),
        counts=counts,
        pager=pager(ctx, src, number, srcs),
    ), searchable=False)
    changes, total = changed_stances(ctx, src, CHANGES_SHOWN) if number == 1 else ([], 0)
    if changes:
        doc.heading(ctx.t("changed_stances"))
        doc.html(ctx.render(
            "stance_changes.html", changes=changes, path_shown=PATH_SHOWN,
            more=total - len(changes), changes_url=ctx.urls.section(src, "changes"),
        ), searchable=False)
    return doc


def _actor_name(ctx: ViewContext, actor_id: str) -> str:
    actor = ctx.dossier.actors.get(actor_id)
    return actor.name if actor else actor_id
