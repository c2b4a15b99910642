"""Link integrity of a built site: every internal link, anchor and asset must resolve.

:func:`check_site` walks every HTML page of a built site once, collects the ids of each page,
and checks each ``href``/``src`` that stays on the site: relative (``../x/``) or root-relative
(``/dossier/x/``) URLs, and absolute URLs under the site's own ``site_url``. A URL ending in
``/`` is the folder's ``index.html``; a ``#fragment`` must be an ``id`` (or an ``<a name>``) of
the target page. Links to other hosts are not fetched: they are listed, split into links a
reader follows (``<a href>``) and resources a browser would load on its own (scripts, styles,
images, frames), which a privacy-minded site must not have.

Other tests call it on the sites they build, or on some pages of them (``""`` is the home
page, ``"positions/"`` a generated page; their links may lead anywhere in the site)::

    report = check_site(site.site)
    assert report.broken == [], report.describe()
    assert check_site(site.site, pages=["positions/"]).broken == []
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Attributes holding a URL, by element; ``None`` means any element.
URL_ATTRIBUTES = {"href": None, "src": None, "poster": None, "data": {"object"}}
#: Elements whose URL a reader follows; every other URL is loaded by the browser on its own.
FOLLOWED = {"a", "area"}
#: ``<link rel=...>`` values that name a page rather than load a resource.
PAGE_RELS = {"canonical", "alternate", "prev", "next", "search", "help", "license", "author"}
#: Schemes that are neither the site nor the web: not checked.
OTHER_SCHEMES = {"mailto", "tel", "data", "blob", "about"}


@dataclass(frozen=True)
class Reference:
    """One URL found in a page."""

    page: str  # the page's path in the site, e.g. "briefs/x/index.html"
    tag: str
    attribute: str
    url: str
    rel_is_page: bool = False  # a <link> naming a page (canonical, prev, next …)

    @property
    def loads_resource(self) -> bool:
        """True when a browser fetches the URL while showing the page (no click needed)."""
        return self.tag not in FOLLOWED and not self.rel_is_page


@dataclass(frozen=True)
class BrokenLink:
    reference: Reference
    reason: str

    def __str__(self) -> str:
        ref = self.reference
        return f"{ref.page}: <{ref.tag} {ref.attribute}=\"{ref.url}\">: {self.reason}"


@dataclass
class LinkReport:
    """What :func:`check_site` found."""

    pages: int = 0
    checked: int = 0
    broken: list[BrokenLink] = field(default_factory=list)
    external_links: set[str] = field(default_factory=set)
    external_resources: list[Reference] = field(default_factory=list)
    unsafe: list[Reference] = field(default_factory=list)

    def describe(self) -> str:
        lines = [f"{self.pages} pages, {self.checked} internal URLs checked"]
        lines += [f"broken: {b}" for b in self.broken]
        lines += [f"external resource: {r.page}: {r.url}" for r in self.external_resources]
        lines += [f"unsafe URL: {r.page}: {r.url}" for r in self.unsafe]
        return "\n".join(lines)


class _PageParser(HTMLParser):
    """Collects the ids and the URL-bearing attributes of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str, str, bool]] = []  # tag, attribute, url, rel_is_page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        rels = set(values.get("rel", "").lower().split())
        rel_is_page = tag == "link" and bool(rels & PAGE_RELS)
        for attribute, tags in URL_ATTRIBUTES.items():
            if attribute in values and (tags is None or tag in tags):
                self.urls.append((tag, attribute, values[attribute].strip(), rel_is_page))

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _page_dir(page: str) -> str:
    """The URL folder a page's relative links start from (``a/b/index.html`` → ``a/b/``)."""
    folder = posixpath.dirname(page)
    return f"{folder}/" if folder else ""


def _target_file(site: Path, path: str) -> str | None:
    """The file in the site that serves a site path, as a web server for the site would."""
    candidates = [path + "index.html"] if path.endswith("/") or not path else [path]
    if not path.endswith("/") and path:
        candidates.append(path + "/index.html")  # a server redirects a folder to folder/
    for candidate in candidates:
        if (site / candidate).is_file():
            return candidate
    return None


def _page_of(site: Path, url: str) -> str:
    """The HTML file of the page at a site URL (``briefs/x/`` → ``briefs/x/index.html``)."""
    target = _target_file(site, url)
    if target is None or not target.endswith(".html"):
        raise FileNotFoundError(f"no page at '{url}' in {site}")
    return target


def check_site(
    site: Path | str, site_url: str = "", pages: Iterable[str] | None = None
) -> LinkReport:
    """Check every internal URL of every HTML page below ``site`` (see the module docstring).

    ``site_url`` is the address the site is published at (as in ``mkdocs.yml``): absolute URLs
    under it, and root-relative URLs under its path, are checked as internal. ``pages`` limits
    the check to the URLs on those pages, named by site URL (``""``, ``"briefs/x/"``); a page
    that is not in the site raises ``FileNotFoundError``.
    """
    site = Path(site)
    split_site = urlsplit(site_url)
    base_path = split_site.path if split_site.path.endswith("/") else split_site.path + "/"
    own_origin = f"{split_site.scheme}://{split_site.netloc}" if split_site.netloc else None

    if pages is None:
        checked_pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    else:
        checked_pages = [_page_of(site, url) for url in pages]
    parsed: dict[str, _PageParser] = {}

    def parse(page: str) -> _PageParser:
        if page not in parsed:
            parsed[page] = _parse(site / page)
        return parsed[page]

    report = LinkReport(pages=len(checked_pages))

    for page in checked_pages:
        for tag, attribute, url, rel_is_page in parse(page).urls:
            ref = Reference(page, tag, attribute, url, rel_is_page)
            parts = urlsplit(url)
            scheme = parts.scheme.lower()
            if scheme in OTHER_SCHEMES:
                continue
            if scheme and scheme not in ("http", "https"):
                report.unsafe.append(ref)  # javascript:, file:, vbscript: …
                continue
            if scheme or url.startswith("//"):
                origin = f"{scheme or split_site.scheme}://{parts.netloc}"
                if origin != own_origin or not parts.path.startswith(base_path):
                    if ref.loads_resource:
                        report.external_resources.append(ref)
                    else:
                        report.external_links.add(url)
                    continue
                path = parts.path
            elif url.startswith("/"):
                path = parts.path
            else:
                path = None
            if path is not None:  # absolute or root-relative: must be under the site's path
                if not path.startswith(base_path):
                    report.broken.append(BrokenLink(ref, f"outside the site's path {base_path}"))
                    continue
                resolved = unquote(path[len(base_path):])
            elif not parts.path:  # "#anchor" or "?query" alone: this very page
                resolved = page
            else:
                resolved = posixpath.normpath(posixpath.join(_page_dir(page), unquote(parts.path)))
                if resolved == ".." or resolved.startswith("../"):
                    report.broken.append(BrokenLink(ref, "goes above the site's root"))
                    continue
                resolved = "" if resolved == "." else resolved
                if parts.path.endswith("/") and resolved:
                    resolved += "/"
            report.checked += 1
            target = _target_file(site, resolved)
            if target is None:
                report.broken.append(BrokenLink(ref, f"no file for '{resolved}' in the site"))
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith(".html") and fragment not in parse(target).ids:
                report.broken.append(BrokenLink(ref, f"no id '{fragment}' in {target}"))
    return report


__all__ = ["BrokenLink", "LinkReport", "Reference", "check_site"]
