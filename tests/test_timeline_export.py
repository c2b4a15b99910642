"""``timeline.json`` and ``timeline.ics``: content, reproducibility and RFC 5545 validity."""

import datetime as dt
import json

import icalendar
import pytest
from timeline_support import DOSSIER, EXPECTED, view_context

from briefbook.export.ical import escape_text, fold
from briefbook.export.timeline import build_timestamp, timeline_ics, timeline_json

STAMP = dt.datetime(2025, 4, 10, tzinfo=dt.UTC)


def _ics(tmp_path, files=None, **kwargs) -> bytes:
    ctx, chronology = view_context(tmp_path, files)
    options = {"stamp": STAMP, "site_name": "Test dossier", **kwargs}
    return timeline_ics(chronology, ctx.dossier, ctx.urls, **options)


def _events(data: bytes) -> list:
    return icalendar.Calendar.from_ical(data).walk("VEVENT")


# -- iCalendar basics ---------------------------------------------------------------------------
def test_fold_keeps_lines_within_75_octets_without_splitting_characters():
    line = "SUMMARY:" + "Événement à Kyiv — « réassurance » 🇺🇦 " * 6
    folded = fold(line)
    physical = folded.split("\r\n")
    assert len(physical) > 2
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert folded.replace("\r\n ", "") == line
    assert fold("SHORT:x") == "SHORT:x"


def test_escape_text_escapes_the_rfc_5545_specials():
    assert escape_text('a\\b;c,d\ne\r\nf"g\x07') == 'a\\\\b\\;c\\,d\\ne\\nf"g'


def test_ics_is_crlf_folded_and_parses_with_required_properties(tmp_path):
    data = _ics(tmp_path)
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0"
    assert "Briefbook" in str(calendar["PRODID"])
    events = calendar.walk("VEVENT")
    assert len(events) == len(EXPECTED)
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert name in event, name
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert event["DTEND"].params["VALUE"] == "DATE"
        assert type(event.decoded("DTSTART")) is dt.date
        assert event.decoded("DTSTAMP") == STAMP
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_all_day_events_span_their_precision(tmp_path):
    events = {str(e["SUMMARY"]): e for e in _events(_ics(tmp_path))}

    def span(summary):
        event = events[summary]
        return event.decoded("DTSTART"), event.decoded("DTEND")

    assert span("Day event A") == (dt.date(2025, 4, 3), dt.date(2025, 4, 4))
    assert span("Month event (April 2025)") == (dt.date(2025, 4, 1), dt.date(2025, 5, 1))
    assert span("Year event (2025)") == (dt.date(2025, 1, 1), dt.date(2026, 1, 1))
    assert span("Range event") == (dt.date(2025, 3, 30), dt.date(2025, 4, 3))
    assert span("Last year") == (dt.date(2024, 12, 31), dt.date(2025, 1, 1))


def test_approximate_and_vague_dates_are_marked_in_summary_and_description(tmp_path):
    events = {str(e["SUMMARY"]): e for e in _events(_ics(tmp_path))}
    assert "Circa month (c. April 2025)" in events
    assert "Circa year (c. 2025)" in events
    assert str(events["Circa month (c. April 2025)"]["DESCRIPTION"]).startswith(
        "Date: c. April 2025")
    french = {str(e["SUMMARY"]) for e in _events(_ics(tmp_path / "fr", language="fr"))}
    assert "Circa month (vers avril 2025)" in french


def test_text_values_round_trip_through_escaping(tmp_path):
    range_event = next(e for e in _events(_ics(tmp_path)) if e["SUMMARY"] == "Range event")
    assert str(range_event["LOCATION"]) == "Paris, France; HQ"
    assert str(range_event["DESCRIPTION"]) == (
        "Date: 30 March 2025 – 2 April 2025\nActors: NATO\nBrief: Dated brief")
    assert b"LOCATION:Paris\\, France\\; HQ\r\n" in _ics(tmp_path / "again")
    assert [str(c) for c in range_event["CATEGORIES"].cats] == ["summit"]


def test_uids_are_stable_and_urls_absolute_with_a_site_url(tmp_path):
    first = _ics(tmp_path / "a", site_url="https://dossier.example.org/sub/")
    second = _ics(tmp_path / "b", site_url="https://dossier.example.org/sub/")
    assert first == second
    event = _events(first)[0]
    assert str(event["UID"]).endswith("@dossier.example.org")
    assert str(event["URL"]) == "https://dossier.example.org/sub/briefs/old/"
    assert b"URL:" not in _ics(tmp_path / "c")  # no absolute address without a site_url


def test_build_timestamp_is_reproducible(tmp_path):
    ctx, _ = view_context(tmp_path)
    assert build_timestamp(ctx.dossier, {"SOURCE_DATE_EPOCH": "1700000000"}) == \
        dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    assert build_timestamp(ctx.dossier, {}) == dt.datetime(2025, 4, 10, tzinfo=dt.UTC)
    assert build_timestamp(ctx.dossier, {"SOURCE_DATE_EPOCH": "soon"}) == \
        dt.datetime(2025, 4, 10, tzinfo=dt.UTC)


# -- JSON -----------------------------------------------------------------------------------------
def test_json_lists_every_event_with_dates_precision_and_brief(tmp_path):
    ctx, chronology = view_context(tmp_path)
    document = json.loads(timeline_json(chronology, ctx.dossier, ctx.urls, "en"))
    assert document["version"] == 1 and document["count"] == len(EXPECTED)
    assert [e["title"] for e in document["events"]] == [row[0] for row in EXPECTED]
    assert [e["label"] for e in document["events"]] == [row[1] for row in EXPECTED]
    by_title = {e["title"]: e for e in document["events"]}
    expected = {"date": "2025-04", "precision": "month", "approximate": True, "end": None,
                "first_day": "2025-04-01", "last_day": "2025-04-30", "kind": "event"}
    assert {key: by_title["Circa month"][key] for key in expected} == expected
    assert by_title["Range event"]["end"] == {
        "date": "2025-04-02", "precision": "day", "approximate": False}
    assert by_title["Range event"]["place"] == "Paris, France; HQ"
    assert by_title["Range event"]["actors"] == [{"id": "nato", "name": "NATO"}]
    assert by_title["Range event"]["topics"] == ["force"]
    assert by_title["Year event"]["precision"] == "year"
    assert by_title["Last year"]["brief"] == {
        "id": "old", "title": "Old brief", "url": "briefs/old/"}
    with_site = json.loads(timeline_json(chronology, ctx.dossier, ctx.urls, "en",
                                         "https://example.org/d"))
    assert with_site["events"][0]["brief"]["url"] == "https://example.org/d/briefs/old/"


@pytest.mark.parametrize("name", ["timeline.json", "timeline.ics"])
def test_exports_are_written_at_the_site_root(tmp_path, name):
    from support import build_project, make_project

    project = make_project(tmp_path, DOSSIER,
                           plugins="  - briefbook\n  - briefbook/timeline")
    site = build_project(project, strict=True)
    assert site.warnings == []
    data = (site.site / name).read_bytes()
    assert b"Range event" in data
    assert 'href="../' + name + '" download' in site.html("timeline/")
