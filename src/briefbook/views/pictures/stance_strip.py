"""Stances over time: one strip per actor (on a topic page) or per topic (on an actor page).

Each position is a point on a shared time axis, coloured by its stance, with its source grade
written above it and a link to the brief that reports it; the line between two points takes
the colour of the earlier stance, and a change of stance is ringed and labelled. Points carry
``data-bb-grade`` for the grade filter (``?min_grade=``, ``assets/grade-filter.js``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefbook.model.dates import FuzzyDate
from briefbook.views.pictures.svg import Frame, attrs, esc, figure, shorten
from briefbook.views.pictures.timeline_svg import LABEL_WIDTH, axis, month_ceil, month_floor

ROW_HEIGHT = 40
AXIS_HEIGHT = 34
MIN_PLOT = 600
MAX_PLOT = 4000
PX_PER_DAY = 1.2
POINT_GAP = 14.0


@dataclass(frozen=True)
class StancePoint:
    date: FuzzyDate
    stance: str  # supports, opposes …: the CSS class
    stance_label: str
    href: str  # the brief that reports it
    brief: str  # its title
    grade: str = ""  # B2, or "" when ungraded
    changed_from: str = ""  # the translated earlier stance when this point changes it
    date_label: str = ""


@dataclass(frozen=True)
class StanceRow:
    key: str
    label: str
    href: str | None
    points: tuple[StancePoint, ...]  # oldest first


@dataclass(frozen=True)
class StripLabels:
    title: str
    description: str
    alternative: str
    row: str  # "Topic" or "Actor"
    date: str
    stance: str
    brief: str
    grade: str
    changed: str  # "changed from {stance}"
    ungraded: str = "—"


def midpoint(date: FuzzyDate) -> _dt.date:
    """The middle of the days a date may stand for: where its point is drawn."""
    first, last = date.first_day(), date.last_day()
    return first + (last - first) / 2


def stance_strip_svg(
    rows: Sequence[StanceRow], labels: StripLabels, tick_label: Callable[[FuzzyDate], str],
    prefix: str = "bb-strip",
) -> str:
    """The strips as a ``<figure>``; a ``<details>`` table lists every point. Nothing when no
    row has a point."""
    rows = [row for row in rows if row.points]
    if not rows:
        return ""
    days_all = [p.date for row in rows for p in row.points]
    start = month_floor(min(d.first_day() for d in days_all))
    stop = month_ceil(max(d.last_day() for d in days_all))
    days = (stop - start).days
    plot = min(MAX_PLOT, max(MIN_PLOT, days * PX_PER_DAY))
    scale = plot / max(days, 1)
    crowded = max(len(row.points) for row in rows) * POINT_GAP
    width = LABEL_WIDTH + plot + 30 + crowded
    height = AXIS_HEIGHT + ROW_HEIGHT * len(rows) + 10

    def x_of(day: _dt.date) -> float:
        return LABEL_WIDTH + (day - start).days * scale

    body = [axis(start, stop, x_of, height, tick_label, plot, width)]
    for number, row in enumerate(rows):
        top = AXIS_HEIGHT + number * ROW_HEIGHT
        y = top + 24
        if number % 2:
            band = attrs(x=0, y=top, width=width, height=ROW_HEIGHT)
            body.append(f'<rect class="bb-pic-band"{band}/>')
        short = esc(shorten(row.label, 24))
        name = f'<text class="bb-pic-lane"{attrs(x=6, y=y + 4)}>{short}</text>'
        if row.href:
            name = f'<a xlink:href="{esc(row.href)}"><title>{esc(row.label)}</title>{name}</a>'
        body.append(name)
        xs = _spread([x_of(midpoint(p.date)) for p in row.points])
        for (x1, before), x2 in zip(zip(xs, row.points, strict=True), xs[1:], strict=False):
            body.append(f'<line class="bb-strip-line bb-stance-stroke--{esc(before.stance)}"'
                        f'{attrs(x1=x1, y1=y, x2=x2, y2=y)}/>')
        last_x = float("-inf")
        for x, point in zip(xs, row.points, strict=True):
            body.append(_point(point, x, y, labels, show_grade=x - last_x > 18))
            last_x = x
    frame = Frame("stances", prefix, labels.title, labels.description)
    return figure(frame, "".join(body), width, height, _table(rows, labels), zoom=False)


def _spread(xs: list[float], gap: float = POINT_GAP) -> list[float]:
    """Points of one strip at least ``gap`` apart: positions reported on the same date sit
    side by side, in order, rather than on top of each other."""
    spread: list[float] = []
    for x in xs:
        spread.append(max(x, spread[-1] + gap) if spread else x)
    return spread


def _point(point: StancePoint, x: float, y: float, labels: StripLabels, show_grade: bool) -> str:
    label = f"{point.date_label or point.date.isoformat()}: {point.stance_label}"
    if point.changed_from:
        label += f" ({labels.changed.format(stance=point.changed_from)})"
    label += f" — {point.brief}"
    if point.grade:
        label += f", {labels.grade} {point.grade}"
    ring = (f'<circle class="bb-strip-change"{attrs(cx=x, cy=y, r=9)}/>'
            if point.changed_from else "")
    grade = (f'<text class="bb-strip-grade"{attrs(x=x, y=y - 12)} text-anchor="middle">'
             f"{esc(point.grade)}</text>" if point.grade and show_grade else "")
    css = "bb-strip-point" + (" bb-strip-point--changed" if point.changed_from else "")
    return (f'<a class="{css}" xlink:href="{esc(point.href)}" data-bb-grade="{esc(point.grade)}"'
            f' aria-label="{esc(label)}"><title>{esc(label)}</title>{ring}'
            f'<circle class="bb-strip-dot bb-stance-fill--{esc(point.stance)}"'
            f'{attrs(cx=x, cy=y, r=5.5)}/>{grade}</a>')


def _table(rows: Sequence[StanceRow], labels: StripLabels) -> str:
    lines = []
    for row in rows:
        for point in row.points:
            change = labels.changed.format(stance=point.changed_from) if point.changed_from else ""
            lines.append(
                f'<tr data-bb-grade="{esc(point.grade)}"><td>{esc(row.label)}</td>'
                f"<td>{esc(point.date_label or str(point.date))}</td>"
                f'<td><span class="bb-stance bb-stance--{esc(point.stance)}">'
                f"{esc(point.stance_label)}</span> {esc(change)}</td>"
                f'<td><a href="{esc(point.href)}">{esc(point.brief)}</a></td>'
                f"<td>{esc(point.grade or labels.ungraded)}</td></tr>"
            )
    return (
        f'<details class="bb-pic-alt"><summary>{esc(labels.alternative)}</summary><table>'
        f'<thead><tr><th scope="col">{esc(labels.row)}</th><th scope="col">{esc(labels.date)}'
        f'</th><th scope="col">{esc(labels.stance)}</th><th scope="col">{esc(labels.brief)}</th>'
        f'<th scope="col">{esc(labels.grade)}</th></tr></thead><tbody>{"".join(lines)}</tbody>'
        f"</table></details>"
    )


__all__ = ["StancePoint", "StanceRow", "StripLabels", "midpoint", "stance_strip_svg"]
