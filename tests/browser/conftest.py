"""Fixtures for the real-browser tests: the example site over HTTP and a headless Chromium.

The browser is Debian's ``chromium`` (or the executable named by ``BRIEFBOOK_CHROMIUM``, e.g.
Google Chrome on a CI runner), driven by Playwright; ``playwright install`` is never needed.
Playwright starts it with a fresh, temporary profile. Each test gets its own browser context
(no shared cookies or storage), and every request and failure it makes is recorded.
Screenshots are written to ``test-artifacts/<test name>/`` at the repository root.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browsing import Tab
from playwright.sync_api import Browser, expect, sync_playwright
from sitehttp import serve
from support import ROOT, BuiltSite

CHROMIUM = os.environ.get("BRIEFBOOK_CHROMIUM") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = ROOT / "test-artifacts"

expect.set_options(timeout=10_000)  # a busy CI machine may take more than the default 5 s


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One browser per test module: Playwright's sync API runs one instance at a time, and
    other modules start their own."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"no browser at {CHROMIUM}: run 'bash scripts/test.sh' (it installs Debian's "
            "chromium), or set BRIEFBOOK_CHROMIUM to a Chromium or Chrome executable; "
            "'-m \"not browser\"' leaves these tests out"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def example_origin(example_site: BuiltSite) -> Iterator[str]:
    """The example site, built once, served at the root of a local origin."""
    with serve(example_site.site) as origin:
        yield origin


@pytest.fixture
def open_tab(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Callable[[str], Tab]]:
    """A factory: ``open_tab(origin)`` gives a :class:`Tab` in a fresh context on that origin."""
    shots = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    contexts = []

    def open_tab(origin: str) -> Tab:
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, color_scheme="light", locale="en-GB",
            service_workers="block",
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        tab = Tab(context.new_page(), origin, shots)
        context.on("request", tab.on_request)
        context.on("response", tab.on_response)
        context.on("requestfailed", tab.on_failed)
        tab.page.on("pageerror", lambda error: tab.errors.append(str(error)))
        return tab

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture
def tab(open_tab: Callable[[str], Tab], example_origin: str) -> Tab:
    """A fresh tab on the example site."""
    return open_tab(example_origin)
