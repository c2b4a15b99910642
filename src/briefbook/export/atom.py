"""``changes.xml``: the dossier's weekly history as an Atom 1.0 feed (RFC 4287).

One entry per week, newest first, with the week's changes as HTML content. Every date in the
feed comes from the briefs, never from the clock, so the same dossier always gives the same
file. Ids are URLs under ``site_url`` when it is set, ``tag:`` URIs otherwise; both stay the
same when a week moves to an older page of ``changes/``.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from briefbook.model.values import slugify
from briefbook.views.changes import week_data, week_span, week_title
from briefbook.views.context import ViewContext
from briefbook.views.history import Week

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_NS = "http://www.w3.org/XML/1998/namespace"
TAG_PREFIX = "tag:briefbook,2025:"
FEED_PATH = "changes.xml"
ROOT_SRC = "index.md"  # links in entries are relative to the site root, where the feed is


def _timestamp(day: _dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _empty_updated() -> str:
    """A feed with no entries still needs ``updated``: the build's SOURCE_DATE_EPOCH, or 1970."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    seconds = int(epoch) if epoch.isdigit() else 0
    moment = _dt.datetime.fromtimestamp(seconds, tz=_dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def atom_feed(
    ctx: ViewContext,
    weeks: list[Week],
    week_pages: dict[str, str],
    site_name: str,
    site_url: str = "",
    author: str = "",
    limit: int = 20,
) -> str:
    """The feed of the latest ``limit`` weeks, as UTF-8 XML text.

    ``week_pages`` maps a week's key to the ``changes/`` page that shows it (its entry links
    there).
    """
    base = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    urls = ctx.urls

    def href(path: str) -> str:
        return urljoin(base, path) if base else path

    def page_url(src: str) -> str:
        return href(urls.url(src))

    def ident(week: Week | None) -> str:
        if base:
            return href(FEED_PATH) if week is None else \
                href(f"{urls.url(urls.section_src('changes'))}#{week.anchor}")
        site = slugify(site_name or "dossier")
        return f"{TAG_PREFIX}{site}/changes" + (f"/{week.key}" if week else "")

    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    shown = weeks[:limit] if limit > 0 else []
    feed = ET.Element(f"{{{ATOM_NS}}}feed", {f"{{{XML_NS}}}lang": ctx.t.language})
    if base:
        feed.set(f"{{{XML_NS}}}base", base)
    sub(feed, "id", ident(None))
    sub(feed, "title", f"{site_name} — {ctx.t('changes')}" if site_name else ctx.t("changes"))
    sub(feed, "updated", _timestamp(shown[0].updated) if shown else _empty_updated())
    sub(sub(feed, "author"), "name", author or site_name or "Briefbook")
    sub(feed, "link", rel="alternate", type="text/html",
        href=page_url(urls.section_src("changes")))
    sub(feed, "link", rel="self", type="application/atom+xml", href=href(FEED_PATH))
    sub(feed, "generator", "Briefbook")
    for week in shown:
        entry = sub(feed, "entry")
        sub(entry, "id", ident(week))
        sub(entry, "title", f"{week_title(ctx, week)} ({week_span(ctx, week)})")
        sub(entry, "updated", _timestamp(week.updated))
        target = week_pages.get(week.key, urls.section_src("changes"))
        sub(entry, "link", rel="alternate", type="text/html",
            href=f"{page_url(target)}#{week.anchor}")
        content = ctx.render("changes_week.html", w=week_data(ctx, ROOT_SRC, week, 50),
                             in_feed=True)
        sub(entry, "content", content, type="html")
    ET.indent(feed)
    out = io.BytesIO()
    ET.ElementTree(feed).write(out, encoding="utf-8", xml_declaration=True)
    return out.getvalue().decode("utf-8") + "\n"
