"""Take the screenshots of the pictures that the docs show, from both example dossiers.

Builds each example (the reassurance force at the repository's root, Exercise SERRAT BANK in
``examples/exercise/``) with ``mkdocs build --strict`` into a temporary folder, serves it on
127.0.0.1 and opens it in headless Chromium (Debian's ``chromium``, or ``BRIEFBOOK_CHROMIUM``)
through Playwright. Each view is shot cropped to its picture, at 1280 px wide (light), 390 px
(light), 1280 px in Material's dark scheme (``slate``) and in print (print media on an A4-wide
page); the timeline and network pages also as the first sheet of their PDF (``pdftoppm``). The
PNGs are reduced to 256 colours, at most 1,000 px high, and written as
``<example>-<view>-<variant>.png``::

    python scripts/screenshots.py                      # everything, into docs/images/pictures/
    python scripts/screenshots.py --example exercise --view timeline --out /tmp/shots
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images" / "pictures"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
A4_WIDTH = 794  # CSS pixels across an A4 sheet, Chromium's paper for page.pdf
MAX_HEIGHT = 1000  # px: a taller shot is cut at the bottom
VARIANTS = ("1280", "390", "dark", "print")
SHEET_DPI = 60


@dataclass(frozen=True)
class Example:
    name: str
    folder: Path
    actor: str  # an actor page with all three pictures
    topic: str
    brief: str  # a brief whose actor chips get a preview card


EXAMPLES = {
    "reassurance": Example("reassurance", ROOT, "coalition-of-the-willing", "reassurance-force",
                           "nato-role-in-reassurance-force"),
    "exercise": Example("exercise", ROOT / "examples" / "exercise", "harlund",
                        "nmc-patrol-mission", "harlund-backs-patrols"),
}


@dataclass(frozen=True)
class View:
    name: str
    path: Callable[[Example], str]
    selector: str  # what the shot is cropped to
    sheet: bool = False  # also the first sheet of the page's PDF


VIEWS = {
    "timeline": View("timeline", lambda e: "timeline/", "figure.bb-pic--timeline", sheet=True),
    "actor-timeline": View("actor-timeline", lambda e: f"actors/{e.actor}/",
                           "figure.bb-pic--timeline"),
    "network": View("network", lambda e: "network/", "figure.bb-pic--network", sheet=True),
    "local-network": View("local-network", lambda e: f"actors/{e.actor}/",
                          "figure.bb-pic--local-network"),
    "stances": View("stances", lambda e: f"topics/{e.topic}/", "figure.bb-pic--stances"),
    "preview": View("preview", lambda e: f"briefs/{e.brief}/", "#bb-preview"),
    "tags": View("tags", lambda e: "tags/", ".md-content"),
}


def build(example: Example, site: Path) -> None:
    """``mkdocs build --strict`` of the example into ``site``; exits on failure."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=example.folder, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        sys.exit(f"building {example.name} failed:\n{done.stdout}{done.stderr}")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The site on a free port of 127.0.0.1, as a static host would serve it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def save_png(data: bytes, path: Path) -> Path:
    """The screenshot cut to ``MAX_HEIGHT`` and reduced to 256 colours, as a small PNG."""
    image = Image.open(io.BytesIO(data)).convert("RGB")
    if image.height > MAX_HEIGHT:
        image = image.crop((0, 0, image.width, MAX_HEIGHT))
    image = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, optimize=True)
    return path


def shoot(page: Page, origin: str, example: Example, view: View, media: str) -> bytes:
    """The view's picture on its page, cropped to it (the card and its link for a preview)."""
    page.goto(f"{origin}/{view.path(example)}", wait_until="networkidle")
    page.emulate_media(media=media)  # type: ignore[arg-type]
    if view.name == "preview":
        chip = page.locator(f".md-content a.bb-chip--actor[href$='actors/{example.actor}/']").first
        chip.scroll_into_view_if_needed()
        chip.hover()
        card = page.locator(view.selector)
        card.wait_for(state="visible")
        a, b = chip.bounding_box(), card.bounding_box()
        assert a and b
        left, top = min(a["x"], b["x"]) - 12, min(a["y"], b["y"]) - 12
        right = max(a["x"] + a["width"], b["x"] + b["width"]) + 12
        bottom = max(a["y"] + a["height"], b["y"] + b["height"]) + 12
        return page.screenshot(clip={"x": max(0, left), "y": max(0, top),
                                     "width": right - max(0, left),
                                     "height": bottom - max(0, top)})
    target = page.locator(view.selector).first
    fit = target.locator("[data-bb-zoom=reset]")
    if media == "screen" and fit.count() and page.viewport_size and \
            page.viewport_size["width"] > 600:
        fit.click()  # the whole span in the box; on a phone the box scrolls, as it does
    target.scroll_into_view_if_needed()
    return target.screenshot()


def sheet(page: Page, origin: str, example: Example, view: View, folder: Path) -> bytes:
    """The first sheet of the page's PDF, as ``pdftoppm`` draws it at ``SHEET_DPI``."""
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm is missing: apt-get install poppler-utils")
    page.goto(f"{origin}/{view.path(example)}", wait_until="networkidle")
    page.emulate_media(media="print")
    pdf = folder / f"{example.name}-{view.name}.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=True))
    subprocess.run(["pdftoppm", "-png", "-r", str(SHEET_DPI), "-f", "1", "-l", "1",
                    "-singlefile", str(pdf), str(pdf.with_suffix(""))], check=True)
    return pdf.with_suffix(".png").read_bytes()


def take(examples: list[Example], views: list[View], out: Path) -> list[Path]:
    """Every shot of ``views`` on ``examples``, written under ``out``; the paths written."""
    browser_path = os.environ.get("BRIEFBOOK_CHROMIUM") or "/usr/bin/chromium"
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="bb-shots-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
        try:
            for example in examples:
                site = Path(tmp) / example.name
                build(example, site)
                with serve(site) as origin:
                    for variant in VARIANTS:
                        width = {"390": 390, "print": A4_WIDTH}.get(variant, 1280)
                        context = browser.new_context(
                            viewport={"width": width, "height": 900}, device_scale_factor=1,
                            color_scheme="dark" if variant == "dark" else "light",
                            service_workers="block")
                        page = context.new_page()
                        media = "print" if variant == "print" else "screen"
                        for view in views:
                            if view.name == "preview" and variant == "print":
                                continue  # no card on paper
                            path = out / f"{example.name}-{view.name}-{variant}.png"
                            written.append(save_png(shoot(page, origin, example, view, media),
                                                    path))
                            if variant == "print" and view.sheet:
                                path = out / f"{example.name}-{view.name}-sheet.png"
                                written.append(save_png(sheet(page, origin, example, view,
                                                              Path(tmp)), path))
                        context.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder (default: {OUT})")
    parser.add_argument("--example", action="append", choices=sorted(EXAMPLES),
                        help="only this example (repeatable)")
    parser.add_argument("--view", action="append", choices=list(VIEWS),
                        help="only this view (repeatable)")
    args = parser.parse_args(argv)
    examples = [EXAMPLES[name] for name in args.example or EXAMPLES]
    views = [VIEWS[name] for name in args.view or VIEWS]
    written = take(examples, views, args.out)
    total = sum(path.stat().st_size for path in written)
    for path in written:
        print(f"{path.stat().st_size // 1024:5d} KB  {path}")
    print(f"{len(written)} screenshots, {total / 1_000_000:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
