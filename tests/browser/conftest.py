"""Fixtures for the reader's-journey browser tests: recorded tabs on a served site.

The browser (``browser``) and the example site over HTTP (``example_origin``) come from
``tests/conftest.py``. Each test gets its own browser context (no shared cookies or storage),
and every request and failure it makes is recorded. Screenshots are written to
``test-artifacts/<test name>/`` at the repository root.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator

import pytest
from browsing import Tab
from playwright.sync_api import Browser, expect
from support import ROOT

ARTIFACTS = ROOT / "test-artifacts"

expect.set_options(timeout=10_000)  # a busy CI machine may take more than the default 5 s


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
