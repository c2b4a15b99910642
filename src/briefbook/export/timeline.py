"""The timeline as files other tools read: ``timeline.json`` and an iCalendar ``timeline.ics``."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from urllib.parse import urljoin, urlsplit

from briefbook.export.ical import CalendarWriter, date_value, utc_value
from briefbook.i18n.dates import format_range
from briefbook.i18n.translator import Translator
from briefbook.index.chronology import Chronology, EntryKind, TimelineEntry
from briefbook.model.dates import FuzzyDate, Precision
from briefbook.model.dossier import Dossier
from briefbook.model.values import slugify
from briefbook.views.urls import SiteUrls

JSON_VERSION = 1
PRODID = "-//Briefbook//Briefbook timeline//EN"


def page_url(urls: SiteUrls, src_uri: str, site_url: str = "") -> str:
    """A page's URL: absolute below ``site_url`` when the site has one, else site-relative."""
    path = urls.url(src_uri)
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path) if site_url \
        else path


def _date_record(date: FuzzyDate) -> dict[str, str | bool]:
    return {
        "date": date.isoformat().lstrip("~"),
        "precision": date.precision.name.lower(),
        "approximate": date.approximate,
    }


def timeline_json(
    chronology: Chronology, dossier: Dossier, urls: SiteUrls, language: str = "en",
    site_url: str = "",
) -> str:
    """Every entry with its dates (ISO, precision, circa), people, places and source brief.

    ``first_day`` and ``last_day`` give the calendar days an entry may cover, so a tool that
    only knows exact dates can still place a "c. April 2025" entry.
    """
    events = []
    for entry in chronology.entries:
        brief = dossier.briefs.get(entry.brief)
        events.append({
            "id": entry.id,
            "kind": entry.kind.value,
            **_date_record(entry.date),
            "end": _date_record(entry.end) if entry.end else None,
            "first_day": entry.date.first_day().isoformat(),
            "last_day": entry.last.last_day().isoformat(),
            "label": format_range(entry.date, entry.end, language),
            "title": entry.title,
            "place": entry.place,
            "actors": [
                {"id": a, "name": dossier.actors[a].name if a in dossier.actors else a}
                for a in entry.actors
            ],
            "topics": list(entry.topics),
            "tags": list(entry.tags),
            "brief": {
                "id": entry.brief,
                "title": brief.title if brief else "",
                "url": page_url(urls, urls.brief_src(entry.brief), site_url),
            },
        })
    document = {"version": JSON_VERSION, "language": language, "count": len(events),
                "events": events}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def build_timestamp(dossier: Dossier, environ: Mapping[str, str]) -> _dt.datetime:
    """The moment a build stands for, the same on every build of the same dossier.

    ``SOURCE_DATE_EPOCH`` (reproducible-builds.org) when set, else the first day of the newest
    brief's date at midnight UTC, else the Unix epoch.
    """
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC)
    days = [brief.date.first_day() for brief in dossier.briefs.values()]
    newest = max(days) if days else _dt.date(1970, 1, 1)
    return _dt.datetime(newest.year, newest.month, newest.day, tzinfo=_dt.UTC)


def timeline_ics(
    chronology: Chronology, dossier: Dossier, urls: SiteUrls, *, stamp: _dt.datetime,
    site_name: str = "", language: str = "en", site_url: str = "",
) -> bytes:
    """An RFC 5545 calendar of all-day events, one per entry.

    A day-precision entry covers its day, a month its month, a year its year (DTEND is the day
    after, as RFC 5545 wants). Entries not known to the day, or only approximately, carry their
    date as written ("c. April 2025") in the summary, so a month-long bar is not read as fact.
    """
    t = Translator(language)
    domain = urlsplit(site_url).hostname or f"{slugify(site_name or 'dossier')}.briefbook"
    cal = CalendarWriter()
    cal.begin("VCALENDAR")
    cal.prop("VERSION", "2.0")
    cal.prop("PRODID", PRODID)
    cal.prop("CALSCALE", "GREGORIAN")
    cal.prop("METHOD", "PUBLISH")
    cal.text("X-WR-CALNAME", f"{site_name} — {t('timeline')}" if site_name else t("timeline"))
    for entry in chronology.entries:
        _write_event(cal, entry, dossier, urls, t, stamp, domain, site_url)
    cal.end("VCALENDAR")
    return cal.to_bytes()


def _write_event(
    cal: CalendarWriter, entry: TimelineEntry, dossier: Dossier, urls: SiteUrls, t: Translator,
    stamp: _dt.datetime, domain: str, site_url: str,
) -> None:
    label = format_range(entry.date, entry.end, t.language)
    vague = any(
        d.approximate or d.precision is not Precision.DAY
        for d in (entry.date, entry.end) if d is not None
    )
    brief = dossier.briefs.get(entry.brief)
    summary = entry.title
    if entry.kind is EntryKind.PUBLICATION:
        summary = f"{t('brief_published')}: {summary}"
    if vague:
        summary = f"{summary} ({label})"
    actors = [dossier.actors[a].name if a in dossier.actors else a for a in entry.actors]
    url = page_url(urls, urls.brief_src(entry.brief), site_url) if site_url else ""
    description = [f"{t('date_label')}: {label}"]
    if actors:
        description.append(f"{t('actors')}: {', '.join(actors)}")
    if brief:
        description.append(f"{t('brief_label')}: {brief.title}")
    if url:
        description.append(url)

    cal.begin("VEVENT")
    cal.prop("UID", f"{entry.id}@{domain}")
    cal.prop("DTSTAMP", utc_value(stamp))
    cal.prop("DTSTART", date_value(entry.date.first_day()), value="DATE")
    first, last = entry.date.first_day(), entry.last.last_day()
    if last < _dt.date.max:
        cal.prop("DTEND", date_value(last + _dt.timedelta(days=1)), value="DATE")
    else:  # the day after 9999-12-31 has no DATE value: the same span as a duration
        cal.prop("DURATION", f"P{(last - first).days + 1}D")
    cal.text("SUMMARY", summary)
    cal.text("LOCATION", entry.place)
    cal.text("DESCRIPTION", "\n".join(description))
    cal.text_list("CATEGORIES", entry.tags)
    if url:
        cal.prop("URL", url)
    cal.prop("TRANSP", "TRANSPARENT")
    cal.end("VEVENT")
