"""Dates at the edges: every year from 1 to 9999 goes through every page and every export.

A date that ``briefbook check`` and ``briefbook new`` accept must build: brief, briefs list,
changes pages, the Atom feed (read back by feedparser), the calendar (read back by icalendar,
with 4-digit years), ``timeline.json``, ``dossier.json``, ``positions.csv``, the timeline and
actor pages, and the printable book.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import re
import tempfile
from pathlib import Path

import feedparser
import icalendar
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support import build_project, make_project

from briefbook.authoring.check import check_dossier
from briefbook.model.dates import FuzzyDate

PLUGINS = "  - briefbook\n  - briefbook/actors\n  - briefbook/timeline\n"
ACTORS = {
    "briefs/actors/x.md": "---\nname: X\nkind: person\n---\n",
    "briefs/topics/t.md": "---\ntitle: T\n---\n",
}
EDGES = ["0001-01-01", "0001", "0010-02-28", "0099-12-31", "0100", "0999-12", "1000-01-01",
         "1582-10-10", "1900-02-28", "2000-02-29", "9998-12-31", "9999-01", "9999",
         "9999-12-31", "~9999-12"]


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> str:
    year = draw(st.integers(1, 9999))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    text = f"{year:04d}"
    if precision != "year":
        month = draw(st.integers(1, 12))
        text += f"-{month:02d}"
        if precision == "day":
            text += f"-{draw(st.integers(1, calendar.monthrange(year, month)[1])):02d}"
    return ("~" if draw(st.booleans()) else "") + text


def _brief(i: int, date: str, end: str) -> str:
    return (
        f'---\ntitle: "Brief {i}"\ndate: "{date}"\nactors: [x]\ntopics: [t]\n'
        f"positions:\n  - actor: x\n    topic: t\n    stance: supports\n    summary: S{i}\n"
        f'events:\n  - date: "{date}"\n    end: "{end}"\n    title: "Event {i}"\n'
        f"questions:\n  - id: q{i}\n    text: Q{i}?\n---\nBody {i}.\n"
    )


def _later(a: str, b: str) -> tuple[str, str]:
    da, db = FuzzyDate.parse(a), FuzzyDate.parse(b)
    return (a, b) if da.first_day() <= db.last_day() else (b, a)


def build_with_dates(dates: list[str]) -> None:
    """Build a dossier with one brief (and one event) per date; read every export back."""
    files = dict(ACTORS)
    pairs = [_later(d, dates[(i + 1) % len(dates)]) for i, d in enumerate(dates)]
    for i, (start, end) in enumerate(pairs):
        files[f"briefs/b{i}.md"] = _brief(i, start, end)
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp), files, plugins=PLUGINS)
        yml = project / "mkdocs.yml"
        yml.write_text("site_url: https://example.org/d/\n" + yml.read_text())
        report = check_dossier(project / "briefs")
        assert not report.failed(strict=True), report.diagnostics
        site = build_project(project, strict=True)
        for i in range(len(dates)):
            assert site.exists(f"briefs/b{i}/")
        for page in ("briefs/", "changes/", "timeline/", "print/", "positions/", "questions/",
                     "actors/x/", "topics/t/"):
            assert site.exists(page), page
        feed = feedparser.parse((site.site / "changes.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.entries
        raw_ics = (site.site / "timeline.ics").read_bytes()
        events = icalendar.Calendar.from_ical(raw_ics).walk("VEVENT")
        assert len(events) >= len(dates)
        for line in raw_ics.decode().split("\r\n"):
            if line.startswith(("DTSTART", "DTEND")):
                assert re.fullmatch(r"DT(START|END);VALUE=DATE:\d{8}", line), line
        starts = sorted(str(e.decoded("DTSTART")) for e in events)
        wanted = sorted(str(FuzzyDate.parse(s).first_day()) for s, _ in pairs)
        assert set(wanted) <= set(starts)
        timeline = json.loads((site.site / "timeline.json").read_text())
        assert timeline
        dossier = json.loads((site.site / "dossier.json").read_text())
        assert {b["id"] for b in dossier["briefs"]} == {f"b{i}" for i in range(len(dates))}
        rows = list(csv.DictReader(io.StringIO((site.site / "positions.csv").read_text())))
        assert sorted(r["date"] for r in rows) == sorted(
            FuzzyDate.parse(s).isoformat() for s, _ in pairs)


@pytest.mark.parametrize("date", EDGES)
def test_edge_date_builds_through_every_page_and_export(date):
    build_with_dates([date, "2025-04-10"])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(fuzzy_dates(), min_size=1, max_size=6))
@example(["9999-12-31", "0001-01-01"])
def test_any_dates_build_through_every_page_and_export(dates):
    build_with_dates(dates)
