"""The visual timeline: events on a time axis, in lanes by actor or by topic.

Uncertain dates are drawn as what they are: a day as a dot, a month or a year as a light span
over the days it may stand for, a range as a solid bar, and "circa" as edges that fade out
(a circa day is widened by a week each side, a circa month by half a month). Each mark is a
link to its event, names its source in its accessible label and carries the actors, topics and
tags the address filter reads (``?actor=``, see ``assets/timeline.js``).
"""

from __future__ import annotations

import datetime as _dt
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefbook.model.dates import FuzzyDate, Precision
from briefbook.views.pictures.svg import Frame, attrs, esc, figure, shorten

LANE_HEIGHT = 44
ROW_STEP = 11  # marks that overlap in a lane step down, up to ROWS rows
ROWS = 3
LABEL_WIDTH = 170
AXIS_HEIGHT = 34
MIN_PLOT = 720
MAX_PLOT = 6000
PX_PER_DAY = 1.6
TICK_CHAR_WIDTH = 7.0  # px a character of a tick label (11 px) takes at most, on average
CIRCA_DAYS = {Precision.DAY: 7, Precision.MONTH: 15, Precision.YEAR: 60}


@dataclass(frozen=True)
class Lane:
    """A row of the picture: an actor or a topic (``key``), its label and page."""

    key: str
    label: str
    href: str | None = None


@dataclass(frozen=True)
class Mark:
    """One event to draw. ``lanes`` are the lane keys it belongs in (its actors or topics)."""

    id: str
    title: str
    date: FuzzyDate
    href: str
    end: FuzzyDate | None = None
    lanes: tuple[str, ...] = ()
    source: str = ""  # the brief that reports it, named in the mark's label
    source_href: str = ""
    date_label: str = ""
    grade: str = ""
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelineLabels:
    """The words the picture shows, in the site's language."""

    title: str
    description: str
    other_lane: str
    source: str
    date: str
    event: str
    lanes: str
    alternative: str
    zoom_in: str = "Zoom in"
    zoom_out: str = "Zoom out"
    zoom_reset: str = "Fit"


@dataclass(frozen=True)
class Extent:
    """The first and last day a mark may cover, and which of its edges are soft (circa)."""

    first: _dt.date
    last: _dt.date
    soft_start: bool
    soft_end: bool
    shape: str  # dot, span or bar


def extent(date: FuzzyDate, end: FuzzyDate | None = None) -> Extent:
    """Where a date (or range) lies on the axis, circa edges widened by :data:`CIRCA_DAYS`."""
    last_date = end or date
    first, last = date.first_day(), last_date.last_day()
    if date.approximate:
        first = shift(first, -CIRCA_DAYS[date.precision])
    if last_date.approximate:
        last = shift(last, CIRCA_DAYS[last_date.precision])
    if end is not None:
        shape = "bar"
    elif date.precision is Precision.DAY and not date.approximate:
        shape = "dot"
    else:
        shape = "span"
    return Extent(first, last, date.approximate, last_date.approximate, shape)


def choose_lanes(marks: Sequence[Mark], lanes: dict[str, Lane], limit: int) -> list[Lane]:
    """The ``limit`` lanes with most marks (ties by label), in that order."""
    counts = Counter(key for mark in marks for key in dict.fromkeys(mark.lanes) if key in lanes)
    ranked = sorted(counts, key=lambda key: (-counts[key], lanes[key].label.casefold(), key))
    return [lanes[key] for key in ranked[:limit]]


def timeline_svg(
    marks: Sequence[Mark],
    lanes: dict[str, Lane],
    labels: TimelineLabels,
    tick_label: Callable[[FuzzyDate], str],
    prefix: str = "bb-tl-pic",
    max_lanes: int = 12,
    table: bool = True,
) -> str:
    """The picture as a ``<figure>`` with inline SVG; nothing when there is nothing to draw.

    At most ``max_lanes`` lanes (those with most events); events in none of them go in a last
    lane, ``labels.other_lane``. With ``table``, a ``<details>`` table lists every mark (date,
    event, lanes, source) as the text alternative.
    """
    if not marks:
        return ""
    shown = choose_lanes(marks, lanes, max_lanes)
    keys = {lane.key for lane in shown}
    rows: list[tuple[Lane, list[Mark]]] = [(lane, []) for lane in shown]
    position = {lane.key: i for i, lane in enumerate(shown)}
    other: list[Mark] = []
    for mark in marks:
        inside = [key for key in dict.fromkeys(mark.lanes) if key in keys]
        if not inside:
            other.append(mark)
        for key in inside:
            rows[position[key]][1].append(mark)
    if other:
        rows.append((Lane("", labels.other_lane), other))

    extents = {mark.id: extent(mark.date, mark.end) for mark in marks}
    start = min(e.first for e in extents.values())
    stop = max(e.last for e in extents.values())
    start, stop = month_floor(start), month_ceil(stop)
    days = (stop - start).days
    plot = min(MAX_PLOT, max(MIN_PLOT, days * PX_PER_DAY))
    scale = plot / max(days, 1)
    width = LABEL_WIDTH + plot + 20
    height = AXIS_HEIGHT + LANE_HEIGHT * len(rows) + 10

    def x_of(day: _dt.date) -> float:
        return LABEL_WIDTH + (day - start).days * scale

    body = [_defs(prefix), axis(start, stop, x_of, height, tick_label, plot, width)]
    focusable: set[str] = set()
    for number, (lane, lane_marks) in enumerate(rows):
        top = AXIS_HEIGHT + number * LANE_HEIGHT
        body.append(_lane_head(lane, top, width, number))
        ends: list[float] = [float("-inf")] * ROWS
        for mark in sorted(lane_marks, key=lambda m: (extents[m.id].first, m.id)):
            ext = extents[mark.id]
            x1, x2 = x_of(ext.first), x_of(shift(ext.last, 1))
            row = next((i for i, end in enumerate(ends) if end <= x1), None)
            if row is None:
                row = min(range(ROWS), key=lambda i: ends[i])
            ends[row] = max(ends[row], x2 + 4)
            y = top + 8 + row * ROW_STEP
            first_time = mark.id not in focusable
            focusable.add(mark.id)
            body.append(_mark(mark, ext, x1, x2, y, prefix, labels, first_time))
    svg = "".join(body)
    frame = Frame("timeline", prefix, labels.title, labels.description, labels.zoom_in,
                  labels.zoom_out, labels.zoom_reset)
    alternative = _table(marks, lanes, labels) if table else ""
    return figure(frame, svg, width, height, alternative)


# -- pieces --------------------------------------------------------------------------------
def _defs(prefix: str) -> str:
    """Fading fills for circa edges: both ends, the start only, the end only."""
    stops = {
        "both": ((0, 0), (30, 1), (70, 1), (100, 0)),
        "start": ((0, 0), (40, 1), (100, 1)),
        "end": ((0, 1), (60, 1), (100, 0)),
    }
    gradients = "".join(
        f'<linearGradient id="{prefix}-soft-{name}">'
        + "".join(f'<stop class="bb-pic-stop" offset="{at}%" stop-opacity="{op}"/>'
                  for at, op in points)
        + "</linearGradient>"
        for name, points in stops.items()
    )
    return f"<defs>{gradients}</defs>"


def axis(start: _dt.date, stop: _dt.date, x_of: Callable[[_dt.date], float], height: float,
          tick_label: Callable[[FuzzyDate], str], plot: float, width: float) -> str:
    """Month ticks (every month, or every 3 or 12 when the span is long), labelled; a label
    that would run past the picture's right edge (``width``), which clips it, is left out."""
    months = (stop.year - start.year) * 12 + stop.month - start.month
    step = 1
    for candidate in (1, 2, 3, 6, 12, 24, 60):
        step = candidate
        if plot / max(1, months / candidate) >= 100:  # room for "September 2025"
            break
    rule = attrs(x1=LABEL_WIDTH, y1=AXIS_HEIGHT - 4, x2=x_of(stop), y2=AXIS_HEIGHT - 4)
    parts = [f'<g class="bb-pic-axis" aria-hidden="true"><line{rule}/>']
    day = start
    index = 0
    while day <= stop:
        if index % step == 0:
            x = x_of(day)
            label = str(day.year) if step >= 12 else tick_label(FuzzyDate(day.year, day.month))
            grid = attrs(x1=x, y1=AXIS_HEIGHT - 8, x2=x, y2=height - 6)
            parts.append(f'<line class="bb-pic-grid"{grid}/>')
            if x + 3 + len(label) * TICK_CHAR_WIDTH <= width:
                parts.append(f'<text{attrs(x=x + 3, y=AXIS_HEIGHT - 12)}>{esc(label)}</text>')
        index += 1
        if (day.year, day.month) == (_dt.MAXYEAR, 12):
            break  # the calendar ends here
        day = next_month(day)
    parts.append("</g>")
    return "".join(parts)


def _lane_head(lane: Lane, top: float, width: float, number: int) -> str:
    band = (f'<rect class="bb-pic-band"{attrs(x=0, y=top, width=width, height=LANE_HEIGHT)}/>'
            if number % 2 else "")
    label = esc(shorten(lane.label, 24))
    text = f'<text class="bb-pic-lane"{attrs(x=6, y=top + 19)}>{label}</text>'
    if lane.href:
        text = (f'<a xlink:href="{esc(lane.href)}" class="bb-pic-lane-link">'
                f"<title>{esc(lane.label)}</title>{text}</a>")
    return band + text


def _mark(mark: Mark, ext: Extent, x1: float, x2: float, y: float, prefix: str,
          labels: TimelineLabels, focusable: bool) -> str:
    label = f"{mark.date_label or mark.date.isoformat()} — {mark.title}"
    if mark.source:
        label += f" ({labels.source}: {mark.source})"
    if ext.shape == "dot":
        cx = (x1 + x2) / 2
        shape = f'<circle class="bb-pic-shape"{attrs(cx=cx, cy=y + 5, r=5)}/>'
    else:
        soft = ("both" if ext.soft_start and ext.soft_end else "start" if ext.soft_start
                else "end" if ext.soft_end else "")
        fill = f' style="fill: url(#{prefix}-soft-{soft})"' if soft else ""
        css = f"bb-pic-shape bb-pic-{ext.shape}" + (" bb-pic-soft" if soft else "")
        shape = (f'<rect class="{css}"{fill}'
                 f'{attrs(x=x1, y=y, width=max(3.0, x2 - x1), height=10, rx=2)}/>')
    data = attrs(data_actors=_json(mark.actors), data_topics=_json(mark.topics),
                 data_tags=_json(mark.tags), data_bb_grade=mark.grade)
    focus = "" if focusable else ' tabindex="-1" aria-hidden="true"'
    return (f'<a class="bb-pic-mark bb-pic-mark--{ext.shape}" xlink:href="{esc(mark.href)}"'
            f' data-bb-mark="{esc(mark.id)}" data-bb-source="{esc(mark.source_href)}"'
            f'{data} aria-label="{esc(label)}"{focus}><title>{esc(label)}</title>{shape}</a>')


def _table(marks: Sequence[Mark], lanes: dict[str, Lane], labels: TimelineLabels) -> str:
    rows = []
    for mark in marks:
        names = ", ".join(lanes[key].label for key in dict.fromkeys(mark.lanes) if key in lanes)
        source = (f'<a href="{esc(mark.source_href)}">{esc(mark.source)}</a>'
                  if mark.source_href else esc(mark.source))
        rows.append(
            f'<tr data-bb-row="{esc(mark.id)}"><td>{esc(mark.date_label or str(mark.date))}</td>'
            f'<td><a href="{esc(mark.href)}">{esc(mark.title)}</a></td>'
            f"<td>{esc(names)}</td><td>{source}</td></tr>"
        )
    return (
        f'<details class="bb-pic-alt"><summary>{esc(labels.alternative)}</summary>'
        f'<table><thead><tr><th scope="col">{esc(labels.date)}</th>'
        f'<th scope="col">{esc(labels.event)}</th><th scope="col">{esc(labels.lanes)}</th>'
        f'<th scope="col">{esc(labels.source)}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></details>"
    )


def _json(values: tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def month_floor(day: _dt.date) -> _dt.date:
    return day.replace(day=1)


def month_ceil(day: _dt.date) -> _dt.date:
    return next_month(day.replace(day=1))


def next_month(day: _dt.date) -> _dt.date:
    """The same day of the next month; the calendar's last day after December 9999."""
    if day.month == 12:
        return _dt.date.max if day.year == _dt.MAXYEAR else day.replace(year=day.year + 1,
                                                                          month=1)
    return day.replace(month=day.month + 1)


def shift(day: _dt.date, days: int) -> _dt.date:
    """``day`` moved by ``days``, kept within the calendar (years 1 to 9999)."""
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        return _dt.date.max if days > 0 else _dt.date.min


__all__ = ["Extent", "Lane", "Mark", "TimelineLabels", "choose_lanes", "extent", "timeline_svg"]
