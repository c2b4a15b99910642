"""What the browser tests share: a recorded tab, and steps every journey uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, Request, Response
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from support import BuiltSite


@dataclass
class Tab:
    """A page in a fresh browser context, with what it requested and what went wrong."""

    page: Page
    origin: str
    shots: Path
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    _shot_count: int = 0

    def open(self, path: str) -> Response | None:
        """Load a path of the site (``/``, ``/briefs/`` …) and wait until it has settled."""
        response = self.page.goto(self.origin + path, wait_until="load")
        return response

    def shot(self, name: str) -> Path:
        """Save a screenshot of the whole page as the next numbered step of this test."""
        self._shot_count += 1
        path = self.shots / f"{self._shot_count:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.failures.append(f"{response.status} {response.url}")

    def on_failed(self, request: Request) -> None:
        if request.failure != "net::ERR_ABORTED":  # cancelled by leaving the page: no fault
            self.failures.append(f"failed ({request.failure}) {request.url}")


def site_has(site: BuiltSite, section: str) -> bool:
    """Whether the built site has a generated section (``actors``, ``timeline`` …)."""
    return (site.site / section / "index.html").is_file()


def search(tab: Tab, query: str) -> list[str]:
    """Type ``query`` into Material's search box; the URLs of all results (waits for some).

    The query is put in whole before a key is pressed, so results for a part of it never show.
    Material renders the result pages ten at a time as the list scrolls: scroll until no more
    come.
    """
    page = tab.page
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    items = ".md-search-result__list > .md-search-result__item"
    page.locator(items).first.wait_for(state="visible")
    while True:
        shown = page.locator(items).count()
        page.locator(".md-search__scrollwrap").evaluate("e => e.scrollTo(0, e.scrollHeight)")
        try:
            page.wait_for_function(
                "([selector, shown]) => document.querySelectorAll(selector).length > shown",
                arg=[items, shown], timeout=1_500,
            )
        except PlaywrightTimeoutError:
            break
    links = page.locator(".md-search-result__item a.md-search-result__link")
    return links.evaluate_all("links => links.map(link => link.href)")
