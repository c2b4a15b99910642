"""A real ``mkdocs serve`` on 127.0.0.1 keeps answering when a rebuild fails.

A broken template override makes the rebuild fail: the failure is reported on one line without
a traceback, the last good site is still served (MkDocs alone would hold every request back
until the problem is gone), and the next good edit is served again.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from support import make_project

CONFIG = """\
site_name: Serve test
theme:
  name: material
  font: false
  custom_dir: overrides
plugins:
  - briefbook
"""
BRIEF = "---\ntitle: Served\ndate: '2025-04-10'\n---\n{text}\n"
BROKEN_OVERRIDE = "{% if %}broken{% endif %}\n"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def _wait_for(predicate, what: str, log: Path, timeout: float = 90.0) -> None:
    """Poll ``predicate`` (bounded in time): the test fails, never hangs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    pytest.fail(f"gave up waiting for {what}; serve's log:\n{log.read_text()[-3000:]}")


def test_serve_keeps_the_last_good_site_through_a_failed_rebuild(tmp_path):
    project = make_project(tmp_path, {"briefs/a.md": BRIEF.format(text="FIRST-VERSION")},
                           mkdocs_yml=CONFIG)
    (project / "overrides").mkdir()
    port = _free_port()
    url = f"http://127.0.0.1:{port}/briefs/a/"
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env,
        )
    try:
        _wait_for(lambda: "FIRST-VERSION" in _get_safe(url), "the first build", log)

        override = project / "overrides/briefbook/brief_header.html"
        override.parent.mkdir(parents=True)
        override.write_text(BROKEN_OVERRIDE)
        (project / "briefs/a.md").write_text(BRIEF.format(text="SECOND-VERSION"))
        _wait_for(lambda: "rebuild" in log.read_text().split("FIRST", 1)[-1]
                  and ("failed" in log.read_text() or "error happened" in log.read_text()),
                  "the failed rebuild", log)
        status, html = _get(url)  # answered at once (MkDocs alone holds it back for good)
        assert status == 200 and "FIRST-VERSION" in html
        text = log.read_text()
        assert "briefbook: the rebuild failed (see the error above); the last good site is " \
            "still served" in text
        assert "brief_header.html" in text and "Traceback" not in text

        override.unlink()
        (project / "briefs/a.md").write_text(BRIEF.format(text="THIRD-VERSION"))
        _wait_for(lambda: "THIRD-VERSION" in _get_safe(url), "the recovery", log)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _get_safe(url: str) -> str:
    try:
        return _get(url)[1]
    except OSError:  # not listening yet, or a request that timed out
        return ""
