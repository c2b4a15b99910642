"""Reproducible builds: the same dossier builds to the same bytes (``SOURCE_DATE_EPOCH``).

Each build runs in its own process, from its own copy of the project, with its own hash seed
and time zone: so set ordering, absolute paths, local time and per-process random values (such
as the placeholder nonce of ``views/page.py``) would show up as differences in the output.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, time
from pathlib import Path

import pytest
from support import SUBPATH_SITE_URL, copy_example

EPOCH = 1_700_000_000  # 2023-11-14T22:13:20Z
PLACEHOLDER = re.compile(rb"bb:[0-9a-f]{12}:")  # any placeholder or sanitize marker


def _build(tmp_path: Path, name: str, epoch: int, hash_seed: str, tz: str = "UTC") -> Path:
    project = copy_example(tmp_path / name)
    site = tmp_path / f"{name}-site"
    env = {
        **os.environ, "SOURCE_DATE_EPOCH": str(epoch), "PYTHONHASHSEED": hash_seed, "TZ": tz,
        "BRIEFBOOK_SITE_URL": SUBPATH_SITE_URL, "NO_MKDOCS_2_WARNING": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project, env=env, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    return site


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    tmp_path = tmp_path_factory.mktemp("reproducible")
    first = _build(tmp_path, "first", EPOCH, hash_seed="1", tz="UTC")
    second = _build(tmp_path, "second", EPOCH, hash_seed="2", tz="Etc/GMT-14")  # UTC+14
    return first, second


def test_two_builds_are_byte_identical(builds):
    first, second = (_tree(site) for site in builds)
    assert sorted(first) == sorted(second)
    different = [path for path in first if first[path] != second[path]]
    assert different == []
    assert len(first) > 20


def test_no_placeholder_reaches_the_output(builds):
    for path, data in _tree(builds[0]).items():
        assert b"<!--bb:" not in data, path
        assert not PLACEHOLDER.search(data), path


def test_sitemap_dates_honour_source_date_epoch(builds):
    site = builds[0]
    day = datetime.fromtimestamp(EPOCH, UTC).date().isoformat()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    dates = re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)
    assert dates and set(dates) == {day}
    assert f"<loc>{SUBPATH_SITE_URL}briefs/</loc>" in sitemap
    compressed = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(compressed).decode("utf-8") == sitemap
    midnight = datetime.combine(datetime.fromtimestamp(EPOCH, UTC).date(), time(), UTC)
    assert int.from_bytes(compressed[4:8], "little") == midnight.timestamp()  # gzip's mtime


def test_calendar_stamps_honour_source_date_epoch(builds):
    calendar = builds[0] / "timeline.ics"
    if not calendar.exists():
        pytest.skip("the example site exports no timeline.ics")
    stamp = datetime.fromtimestamp(EPOCH, UTC).strftime("%Y%m%dT%H%M%SZ")
    stamps = re.findall(r"^DTSTAMP:(\S+)", calendar.read_text(encoding="utf-8"), re.MULTILINE)
    assert stamps and set(stamps) == {stamp}


#: The files that carry the build date: what another SOURCE_DATE_EPOCH may change (the
#: needs-review page lists what is due on that day).
DATED_FILES = {"sitemap.xml", "sitemap.xml.gz", "timeline.ics",
               "review/index.html"}  # the needs-review page is made for the build date


def test_another_epoch_changes_only_the_dates(builds, tmp_path):
    later = _tree(_build(tmp_path, "later", EPOCH + 86_400 * 400, "3"))
    first = _tree(builds[0])
    changed = {p for p in first if first[p] != later[p]}
    assert {"sitemap.xml", "sitemap.xml.gz"} <= changed <= DATED_FILES
