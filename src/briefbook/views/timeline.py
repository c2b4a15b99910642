"""The timeline: every dated entry grouped by year and month, and slices of it for other pages.

Up to ``split_after`` entries, ``timeline/`` lists them all. Past that, ``timeline/`` becomes an
overview of the years and each year gets its own page (``timeline/2025/``); a year that alone
holds more than ``split_after`` entries continues on ``timeline/2025/page/2/`` and so on, cut at
month boundaries where possible. Anchors are ``#YYYY`` for a year and ``#YYYY-MM`` for a month.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import groupby
from typing import Any

from markupsafe import Markup

from briefbook.index.chronology import Chronology, EntryKind, TimelineEntry
from briefbook.model.dates import FuzzyDate
from briefbook.model.grading import Grade
from briefbook.views.claims import DateVariant, SourceRef, entry_provenance, grade_of
from briefbook.views.context import Chip, ViewContext
from briefbook.views.page import Listing, PageDoc
from briefbook.views.paging import PageLink, Pager, pager
from briefbook.views.pictures.dossier_pictures import timeline_picture
from briefbook.views.registry import GeneratedPage, PageKind, PageSection, SectionWriter

SECTION = "timeline"
FILTER_FACETS = ("actor", "topic", "tag")


@dataclass
class MonthGroup:
    """The entries of one month (``key`` ``YYYY-MM``), or of a year when the month is unknown."""

    key: str
    label: str
    entries: list[TimelineEntry]
    continued: bool = False


@dataclass
class YearGroup:
    """A year: its entries dated to the year only, then its months in order."""

    year: int
    entries: list[TimelineEntry] = field(default_factory=list)
    months: list[MonthGroup] = field(default_factory=list)
    continued: bool = False

    @property
    def key(self) -> str:
        return f"{self.year:04d}"

    @property
    def count(self) -> int:
        return len(self.entries) + sum(len(m.entries) for m in self.months)


@dataclass(frozen=True)
class EntryRow:
    """A timeline entry as a list shows it: its actor chips, the brief it comes from, its grade
    and (for an event) its provenance."""

    entry: TimelineEntry
    publication: bool
    actors: list[Chip]
    brief: Chip | None
    grade: Grade | None
    also: list[SourceRef]
    also_more: int
    dispute: list[DateVariant]


@dataclass(frozen=True)
class FilterOption:
    """A value of a filter facet (an actor, topic or tag id), its label and how many entries."""

    value: str
    label: str
    count: int


@dataclass(frozen=True)
class MonthLink:
    """A month on the overview of a split timeline: entries, and the link to its heading."""

    key: str
    label: str
    count: int
    url: str


@dataclass(frozen=True)
class YearLink:
    """A year on the overview of a split timeline: its page, its entries, its months."""

    year: int
    url: str
    count: int
    count_label: str
    months: list[MonthLink]


@dataclass
class YearPart:
    """One page of a split timeline: a year, or the ``number``-th page of a long year."""

    year: int
    number: int
    src: str
    entries: list[TimelineEntry]


def group_entries(ctx: ViewContext, entries: list[TimelineEntry]) -> list[YearGroup]:
    """Group entries (already in timeline order) by year, then month, in one pass."""
    years: list[YearGroup] = []
    for entry in entries:
        if not years or years[-1].year != entry.date.year:
            years.append(YearGroup(entry.date.year))
        year = years[-1]
        if entry.date.month is None:
            year.entries.append(entry)
            continue
        key = entry.date.month_key()
        if not year.months or year.months[-1].key != key:
            label = ctx.renderer.format_date(FuzzyDate(entry.date.year, entry.date.month))
            label = label[:1].upper() + label[1:]  # a heading: "Avril 2025" in French too
            year.months.append(MonthGroup(key, label, []))
        year.months[-1].entries.append(entry)
    return years


def paginate(entries: list[TimelineEntry], split_after: int) -> list[list[TimelineEntry]]:
    """Cut one year's entries into pages of at most ``split_after``, between months if possible.

    A month (or the year's undated-month entries) moves whole to the next page when it does
    not fit; only a month bigger than a page is itself cut.
    """
    blocks: list[list[TimelineEntry]] = []
    for entry in entries:
        if not blocks or blocks[-1][0].date.month != entry.date.month:
            blocks.append([])
        blocks[-1].append(entry)
    pages: list[list[TimelineEntry]] = [[]]
    for block in blocks:
        if pages[-1] and len(pages[-1]) + len(block) > split_after:
            pages.append([])
        while len(block) > split_after:
            if pages[-1]:
                pages.append([])
            pages[-1].extend(block[:split_after])
            pages.append([])
            block = block[split_after:]
        pages[-1].extend(block)
    return [page for page in pages if page]


def timeline_pages(
    ctx: ViewContext, chronology: Chronology, split_after: int = 500, exports: bool = True
) -> list[GeneratedPage]:
    """The timeline pages: one page, or an overview and per-year pages past ``split_after``.

    Only the cut into pages is decided here; each page is produced when it is rendered.
    """
    entries = chronology.entries
    overview_src = ctx.urls.section_src(SECTION)
    if len(entries) <= split_after:
        return [GeneratedPage(overview_src, PageKind.TIMELINE,
                              partial(single_timeline_page, ctx, entries, exports), in_nav=True)]

    by_year: dict[int, list[TimelineEntry]] = {}
    for entry in entries:
        by_year.setdefault(entry.date.year, []).append(entry)
    parts = [
        YearPart(year, number, year_page_src(year, number), chunk)
        for year, year_entries in by_year.items()
        for number, chunk in enumerate(paginate(year_entries, split_after), start=1)
    ]

    overview = GeneratedPage(overview_src, PageKind.TIMELINE,
                             partial(_overview_page, ctx, overview_src, parts, ctx.counts.events,
                                     exports), in_nav=True)
    return [overview, *(
        GeneratedPage(part.src, PageKind.TIMELINE,
                      partial(year_page, ctx, parts, position, overview_src, exports))
        for position, part in enumerate(parts)
    )]


def single_timeline_page(
    ctx: ViewContext, entries: list[TimelineEntry], exports: bool
) -> PageDoc:
    """``timeline/`` when it holds every entry."""
    groups = group_entries(ctx, entries)
    return _entries_page(ctx, ctx.urls.section_src(SECTION), ctx.t("timeline"), groups,
                         ctx.counts.events, exports, None)


def year_page(
    ctx: ViewContext, parts: list[YearPart], position: int, overview_src: str, exports: bool
) -> PageDoc:
    """The page of ``parts[position]`` in a split timeline, linked to its neighbours."""
    part = parts[position]
    src, chunk = part.src, part.entries
    groups = group_entries(ctx, chunk)
    if part.number > 1:
        previous_last = parts[position - 1].entries[-1]
        groups[0].continued = True
        if groups[0].months and not groups[0].entries:
            groups[0].months[0].continued = previous_last.date.month == chunk[0].date.month
    parts_in_year = sum(1 for other in parts if other.year == part.year)
    title = ctx.t("timeline_year", year=part.year)
    if parts_in_year > 1:
        title = ctx.t("timeline_year_part", year=part.year, part=part.number,
                      parts=parts_in_year)
    links = pager(
        ctx, src, position + 1, [p.src for p in parts],
        label_of=lambda n: _part_label(ctx, parts[n - 1]),
        up=PageLink(ctx.urls.link(src, overview_src), ctx.t("timeline_all_years")),
        keep_query=True,
    )
    return _entries_page(ctx, src, title, groups, event_entries(chunk), exports, links)


def event_entries(entries: list[TimelineEntry]) -> int:
    """How many of ``entries`` are events (publications of briefs are not counted as events)."""
    return sum(1 for entry in entries if entry.kind is EntryKind.EVENT)


def year_page_src(year: int, number: int = 1) -> str:
    """Source path of a year page of a split timeline (``timeline/2025/page/2.md`` for more)."""
    base = f"{SECTION}/{year:04d}"
    return f"{base}/index.md" if number <= 1 else f"{base}/page/{number}.md"


def timeline_toc(groups: list[YearGroup]) -> list[dict[str, Any]]:
    """Table-of-contents tokens (as MkDocs takes them) for the year and month headings."""
    return [
        {
            "level": 2,
            "id": year.key,
            "name": year.key,
            "children": [
                {"level": 3, "id": month.key, "name": month.label, "children": []}
                for month in year.months
            ],
        }
        for year in groups
    ]


def timeline_slice(
    ctx: ViewContext, entries: list[TimelineEntry], from_src: str, limit: int = 50,
    facet: str = "", value: str = "",
) -> str:
    """The entries of one actor or topic, for its page: the latest ``limit``, oldest first.

    With ``facet`` and ``value`` (``actor``, ``nato``) and a built timeline, the slice ends with
    a link to the timeline filtered the same way.
    """
    if not entries:
        return ""
    shown = entries[-limit:] if limit > 0 else entries
    timeline_url = ctx.urls.section(from_src, SECTION)
    more = None
    if timeline_url and facet:
        more = f"{timeline_url}?{facet}={value}"
    return ctx.render(
        "timeline_slice.html",
        rows=entry_rows(ctx, from_src, shown),
        total=len(entries),
        shown=len(shown),
        more=more,
        count_label=event_count(ctx, len(entries)),
    )


def slice_sections(
    ctx: ViewContext, chronology: Chronology, limit: int = 50,
    picture_limit: int = 0, homes: dict[str, str] | None = None,
) -> list[PageSection]:
    """The "Timeline" section of actor and topic pages: their own events (not publications:
    those pages list their briefs already), the latest ``limit`` of them, under the picture of
    the latest ``picture_limit`` (lanes by topic on an actor page, by actor on a topic page;
    ``homes`` says which timeline page lists each entry, for the marks' links).

    A page that lists events of its own (an actor page with its latest events) gets the
    picture only, no second list.
    """
    by_kind = {PageKind.ACTOR: ("actor", chronology.by_actor),
               PageKind.TOPIC: ("topic", chronology.by_topic)}

    def writer(facet: str, by_id: dict[str, list[TimelineEntry]]) -> SectionWriter:
        def write(doc: PageDoc, page: GeneratedPage) -> None:
            subject = page.subject or ""
            entries = [e for e in by_id.get(subject, []) if e.kind is EntryKind.EVENT]
            listed = Listing.EVENTS in doc.listings
            picture = _slice_picture(ctx, doc, facet, entries, picture_limit, homes)
            if not entries or (listed and not picture):
                return
            doc.heading(ctx.t("timeline"))
            doc.html(picture, searchable=False)
            if listed:
                return
            doc.html(timeline_slice(ctx, entries, doc.src_uri, limit, facet, subject),
                     searchable=False)
            doc.listings.add(Listing.EVENTS)
        return write

    return [PageSection(kind, "timeline slice", writer(facet, by_id))
            for kind, (facet, by_id) in by_kind.items()]


def _slice_picture(ctx: ViewContext, doc: PageDoc, facet: str, entries: list[TimelineEntry],
                   limit: int, homes: dict[str, str] | None) -> str:
    if limit <= 0 or not entries:
        return ""
    drawn = entries[-limit:]
    lanes = "topic" if facet == "actor" else "actor"
    picture = timeline_picture(ctx, doc.src_uri, drawn, lanes, doc.title, homes,
                               prefix=f"bb-tl-pic-{facet}")
    if picture and len(drawn) < len(entries):
        note = ctx.t("pic_latest_drawn", shown=len(drawn), total=len(entries))
        picture = f'<p class="bb-muted">{html.escape(note)}</p>' + picture
    return picture


def entry_homes(chronology: Chronology, split_after: int = 500) -> dict[str, str]:
    """Which timeline page lists each entry (as :func:`timeline_pages` cuts them)."""
    entries = chronology.entries
    if len(entries) <= split_after:
        return dict.fromkeys((e.id for e in entries), f"{SECTION}/index.md")
    by_year: dict[int, list[TimelineEntry]] = {}
    for entry in entries:
        by_year.setdefault(entry.date.year, []).append(entry)
    return {
        entry.id: year_page_src(year, number)
        for year, year_entries in by_year.items()
        for number, chunk in enumerate(paginate(year_entries, split_after), start=1)
        for entry in chunk
    }


def entry_rows(ctx: ViewContext, src: str, entries: list[TimelineEntry]) -> list[EntryRow]:
    """Template rows: the entry, its actor chips and the brief it comes from.

    Chips and brief links are made once per page and shared by the rows that repeat them.
    """
    actor_chips: dict[str, Chip] = {}
    brief_links: dict[str, Chip | None] = {}
    rows = []
    for entry in entries:
        for actor in entry.actors:
            if actor not in actor_chips:
                actor_chips[actor] = ctx.actor_chip(src, actor)
        if entry.brief not in brief_links:
            brief = ctx.dossier.briefs.get(entry.brief)
            brief_links[entry.brief] = ctx.brief_link(src, brief) if brief else None
        provenance = entry_provenance(ctx, src, entry.record, entry.brief)
        rows.append(EntryRow(
            entry=entry,
            publication=entry.kind is EntryKind.PUBLICATION,
            actors=[actor_chips[a] for a in entry.actors],
            brief=brief_links[entry.brief],
            grade=grade_of(ctx, entry.brief),
            also=provenance.also,
            also_more=provenance.also_more,
            dispute=provenance.dispute,
        ))
    return rows


def event_count(ctx: ViewContext, count: int) -> str:
    return ctx.t.plural("event_count", count)


def filter_options(
    ctx: ViewContext, entries: list[TimelineEntry]
) -> dict[str, list[FilterOption]]:
    """For each facet, the values present in ``entries`` with labels and counts, by label."""
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FILTER_FACETS}
    for entry in entries:
        for facet, values in (("actor", entry.actors), ("topic", entry.topics),
                              ("tag", entry.tags)):
            for value in values:
                counts[facet][value] = counts[facet].get(value, 0) + 1
    labels: dict[str, Callable[[str], str]] = {
        "actor": lambda v: ctx.dossier.actors[v].name if v in ctx.dossier.actors else v,
        "topic": lambda v: ctx.dossier.topics[v].title if v in ctx.dossier.topics else v,
        "tag": lambda v: v,
    }
    options = {}
    for facet in FILTER_FACETS:
        items = [FilterOption(v, labels[facet](v), n) for v, n in counts[facet].items()]
        items.sort(key=lambda item: (item.label.casefold(), item.value))
        options[facet] = items
    return options


# -- pages ----------------------------------------------------------------------------------
def _entries_page(
    ctx: ViewContext, src: str, title: str, groups: list[YearGroup], count: int,
    exports: bool, pager: Pager | None,
) -> PageDoc:
    doc = PageDoc(src, title, toc=timeline_toc(groups))
    entries = [e for year in groups for e in (*year.entries, *(x for m in year.months
                                                               for x in m.entries))]
    rows = {row.entry.id: row for row in entry_rows(ctx, src, entries)}
    first, last = (entries[0].date, entries[-1].last) if entries else (None, None)
    lanes = str(ctx.options.get("timeline_picture", ""))  # set by the timeline plugin
    picture = timeline_picture(ctx, src, entries, lanes, title, listed=True) if lanes else ""
    doc.html(ctx.render(
        "timeline.html",
        title=title,
        groups=groups,
        rows=rows,
        count=count,
        count_label=event_count(ctx, count),
        first=first,
        last=last,
        options=filter_options(ctx, entries),
        pager=pager,
        exports=_export_links(ctx, src) if exports else [],
        picture=Markup(picture),
    ), searchable=False)  # each event is searchable on the page of the brief it comes from
    return doc


def _overview_page(
    ctx: ViewContext, src: str, parts: list[YearPart], count: int, exports: bool
) -> PageDoc:
    doc = PageDoc(src, ctx.t("timeline"))
    years: list[YearLink] = []
    for year, year_parts in groupby(parts, key=lambda part: part.year):
        shown = list(year_parts)
        months: list[MonthLink] = []
        for part in shown:
            for month in group_entries(ctx, part.entries)[0].months:
                if months and months[-1].key == month.key:  # a month continued on a next page
                    merged = months[-1].count + event_entries(month.entries)
                    months[-1] = replace(months[-1], count=merged)
                    continue
                months.append(MonthLink(
                    key=month.key,
                    label=month.label,
                    count=event_entries(month.entries),
                    url=ctx.urls.link(src, part.src, anchor=month.key),
                ))
        total = sum(event_entries(part.entries) for part in shown)
        years.append(YearLink(
            year=year,
            url=ctx.urls.link(src, shown[0].src),
            count=total,
            count_label=event_count(ctx, total),
            months=months,
        ))
    doc.html(ctx.render(
        "timeline_overview.html",
        title=ctx.t("timeline"),
        years=years,
        count_label=event_count(ctx, count),
        exports=_export_links(ctx, src) if exports else [],
    ), searchable=False)
    return doc


def _part_label(ctx: ViewContext, part: YearPart) -> str:
    """How a pager names a page of a split timeline: "2025", or "2025 (2)" for its next pages."""
    if part.number == 1:
        return str(part.year)
    return ctx.t("year_part", year=part.year, part=part.number)


@dataclass(frozen=True)
class ExportLink:
    """A download link from a timeline page to one of the exports at the site root."""

    name: str
    url: str
    label: str


def _export_links(ctx: ViewContext, src: str) -> list[ExportLink]:
    """Relative links from a timeline page to the exports at the site root."""
    page_url = ctx.urls.url(src)
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    exports = (("timeline.json", ctx.t("export_json")), ("timeline.ics", ctx.t("export_ics")))
    return [
        ExportLink(name, posixpath.relpath("/" + name, "/" + base), label)
        for name, label in exports
    ]
