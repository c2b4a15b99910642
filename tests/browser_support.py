"""Headless Chromium for the real-browser tests, started the same way by every test module.

The browser is Debian's ``chromium``, or the executable named by ``BRIEFBOOK_CHROMIUM`` (Google
Chrome on a CI runner; ``scripts/test.sh`` picks a working one), driven by Playwright with a
fresh, temporary profile: ``playwright install`` is never needed. Tests take the ``browser``
fixture of ``tests/conftest.py`` rather than calling :func:`launch_chromium` themselves, and
serve sites with ``sitehttp.serve``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, sync_playwright

CHROMIUM = os.environ.get("BRIEFBOOK_CHROMIUM") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    """Start Playwright and a headless Chromium; close both on exit.

    Playwright's sync API runs one instance per thread at a time: leave this block before
    another test starts its own (the ``browser`` fixture does, one per test module). Fails,
    rather than skips, when there is no browser: a skipped browser test proves nothing.
    """
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"no browser at {CHROMIUM}: run 'bash scripts/test.sh' (it installs Debian's "
            "chromium), or set BRIEFBOOK_CHROMIUM to a Chromium or Chrome executable; "
            "'-m \"not browser\"' leaves these tests out"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "launch_chromium"]
