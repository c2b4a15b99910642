"""The images the docs show: each one referenced exists and says in its alt text what it shows,
none lies unused, and ``scripts/screenshots.py``, which takes the pictures' screenshots, runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from support import ROOT

DOCS = ROOT / "docs"
IMAGES = DOCS / "images"
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")


def _references() -> list[tuple[Path, str, Path]]:
    """Every image a page of ``docs/`` (or the README) shows: the page, alt text, file."""
    found = []
    for page in [*sorted(DOCS.glob("*.md")), ROOT / "README.md"]:
        for alt, target in IMAGE.findall(page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):
                continue  # an address, not a file of the repository
            found.append((page, alt, (page.parent / target).resolve()))
    return found


def test_every_image_the_docs_show_exists_and_has_an_alt_text():
    references = _references()
    assert len(references) >= 50  # the pictures' screenshots at least
    missing = [f"{page.name}: {path}" for page, _, path in references if not path.is_file()]
    assert missing == []
    for page, alt, path in references:
        assert len(alt.split()) >= 8, f"{page.name}: {path.name} needs an alt text that says " \
            "what it shows"


def test_every_image_in_the_docs_is_shown_and_small():
    shown = {path for _, _, path in _references()}
    files = {path.resolve() for path in IMAGES.rglob("*") if path.is_file()}
    assert files - shown == set(), "images no page shows"
    assert sum(path.stat().st_size for path in files) < 4_000_000
    for path in files:
        assert path.stat().st_size < 300_000, path.name
        with Image.open(path) as image:
            assert image.format == "PNG" and image.width <= 1280 and image.height <= 1000


@pytest.mark.browser
def test_the_screenshot_script_shoots_a_view(tmp_path: Path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--example", "exercise",
         "--view", "network", "--out", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    written = sorted(p.name for p in tmp_path.glob("*.png"))
    assert written == [f"exercise-network-{v}.png" for v in
                       ("1280", "390", "dark", "print", "sheet")]
    sizes = {}
    for name in written:
        with Image.open(tmp_path / name) as image:
            assert image.mode == "P"  # reduced to a palette
            sizes[name] = image.size
            colours = image.convert("RGB").getcolors(maxcolors=256 * 256) or []
            assert len(colours) > 8, name  # a picture, not a blank
    assert sizes["exercise-network-390.png"][0] <= 390
    assert sizes["exercise-network-print.png"][0] <= 794
    assert sizes["exercise-network-1280.png"][0] > sizes["exercise-network-390.png"][0]
    # the dark shot is dark: most of it is near black
    with Image.open(tmp_path / "exercise-network-dark.png") as image:
        shades = image.convert("L").histogram()
        assert sum(shades[:80]) > sum(shades) / 2
    assert "5 screenshots" in done.stdout
