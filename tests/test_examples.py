"""The example dossiers under ``examples/``: each checks clean and builds with ``--strict``, and
the fictional exercise says on every page, on screen and on paper, that it is fiction.

Builds run ``mkdocs`` and ``briefbook`` as a user would, in a subprocess. The exercise's content
is asserted through the loaded dossier (what every view has to show), and its pages are looked
at in headless Chromium at two widths in both colour schemes; the screenshots are left in
``test-artifacts/exercise/``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator
from playwright.sync_api import Browser
from sitehttp import serve
from support import ROOT

from briefbook.export import load_schema
from briefbook.model.dossier import QuestionStatus, Stance
from briefbook.pipeline import load_dossier

EXAMPLES = sorted(path.parent for path in ROOT.glob("examples/*/mkdocs.yml"))
EXERCISE = ROOT / "examples" / "exercise"
ARTIFACTS = ROOT / "test-artifacts" / "exercise"
NOTICE = ("Fictional exercise scenario — all countries, organisations, people and events are "
          "invented.")
#: Host names reserved for examples (RFC 2606): invented sources must lead nowhere real.
RESERVED_HOST = re.compile(r"(^|\.)(example\.(com|org|net)|[a-z0-9-]+\.example|example)$")


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}


def _build(example: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=example, capture_output=True, text=True, env=_env(), check=False,
    )


def _text(html: str) -> str:
    """The visible text of a page, roughly: tags dropped, entities of the notice decoded."""
    text = re.sub(r"<[^>]+>", "", html).replace("&mdash;", "—").replace("&#8212;", "—")
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def exercise_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("exercise") / "site"
    done = _build(EXERCISE, site)
    assert done.returncode == 0, done.stdout + done.stderr
    return site


@pytest.fixture(scope="module")
def exercise():
    result = load_dossier(EXERCISE / "briefs", EXERCISE)
    assert not result.diagnostics.errors
    return result.dossier


def test_the_repository_has_the_exercise_example():
    assert EXERCISE in EXAMPLES
    assert (EXERCISE / "docs" / "index.md").read_text(encoding="utf-8").count(
        "<!-- briefbook:overview -->") == 1


@pytest.mark.parametrize("example", [ROOT, *EXAMPLES], ids=lambda p: p.name)
def test_example_checks_with_no_error_and_no_warning(example: Path):
    """The repository's own example (its root) and every one under ``examples/``."""
    script = shutil.which("briefbook", path=str(Path(sys.executable).parent))
    assert script, "the briefbook console script is not installed next to this Python"
    done = subprocess.run([script, "check", "--strict", "--format", "json", str(example)],
                          capture_output=True, text=True, env=_env(), check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    summary = json.loads(done.stdout)["summary"]
    assert (summary["errors"], summary["warnings"]) == (0, 0), done.stdout
    assert summary["files"] > 0


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_builds_strict_without_warnings(example: Path, tmp_path: Path):
    done = _build(example, tmp_path / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_the_repository_site_leaves_the_examples_out(example_site):
    """The repository's own build (``docs/`` and ``briefs/`` at the root) reads nothing of
    ``examples/``: no page, no brief, no word of the exercise."""
    guide = example_site.site / "examples" / "index.html"  # the page that describes them
    assert sorted(p.name for p in guide.parent.iterdir()) == ["index.html"]
    assert not (example_site.site / "briefs" / "serrat-collision-courier").exists()
    for page in example_site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "exercise-notice" not in html, page
        assert page == guide or "Serrat" not in html, page


def test_every_page_of_the_exercise_says_it_is_fiction(exercise_site: Path):
    pages = sorted(exercise_site.rglob("*.html"))
    kinds = {p.relative_to(exercise_site).parts[0] for p in pages}
    assert {"briefs", "actors", "topics", "timeline", "positions", "questions", "changes",
            "print", "index.html", "404.html"} <= kinds
    missing = [str(p.relative_to(exercise_site)) for p in pages if NOTICE not in _text(
        p.read_text(encoding="utf-8"))]
    assert missing == []
    assert len(pages) > 100


def test_the_exercise_says_so_in_its_description_and_exports(exercise_site: Path):
    home = (exercise_site / "index.html").read_text(encoding="utf-8")
    description = re.search(r'<meta name="description" content="([^"]*)"', home)
    assert description and description.group(1).startswith("Fictional exercise scenario")
    assert "exports" in description.group(1)
    assert "fictional" in re.search(r"<title>([^<]*)</title>", home).group(1).lower()


def test_the_exercise_exports_follow_the_schema_and_keep_the_disputes(exercise_site: Path):
    data = json.loads((exercise_site / "dossier.json").read_text(encoding="utf-8"))
    errors = list(Draft202012Validator(load_schema()).iter_errors(data))
    assert errors == []
    disputed = {(c["id"], c["brief"]) for kind in ("positions", "events") for c in data[kind]
                if c["disputed"]}
    assert disputed == {("serrat-collision", "serrat-collision-courier"),
                        ("merova-joint-zone-round-two", "round-two-courier-merova-accepts")}


def test_the_exercise_has_something_for_every_view(exercise):
    briefs = list(exercise.briefs.values())
    assert 60 <= len(briefs) <= 100
    first = min(b.date.first_day() for b in briefs)
    last = max(b.date.last_day() for b in briefs)
    assert (last - first).days >= 2 * 365

    # stance changes: Harlund moves from supports to conditional to opposes on the patrols
    history = defaultdict(list)
    for position in sorted(exercise.positions, key=lambda p: p.date.sort_key):
        history[(position.actor, position.topic)].append(position.stance)
    harlund = [s for i, s in enumerate(history[("harlund", "nmc-patrol-mission")])
               if i == 0 or s is not history[("harlund", "nmc-patrol-mission")][i - 1]]
    supports, conditional, opposes = Stance.SUPPORTS, Stance.CONDITIONAL, Stance.OPPOSES
    assert harlund[0] is supports and harlund[-1] is opposes and conditional in harlund
    changed = [pair for pair, stances in history.items() if len(set(stances)) > 1]
    assert len(changed) >= 5

    # disagreeing sources, on an event's date and on a stance, both kept
    assert any(r.disputed for r in exercise.event_records.values())
    assert any(r.disputed for r in exercise.position_records.values())
    # corroborated events: the same id in several briefs
    corroborated = [r for r in exercise.event_records.values()
                    if len({e.brief for e in r.events}) >= 2]
    assert len(corroborated) >= 5

    # questions: answered, still open after follow-ups, set aside
    statuses = defaultdict(list)
    for question in exercise.questions.values():
        statuses[question.status].append(question)
    assert len(statuses[QuestionStatus.ANSWERED]) >= 4
    assert len(statuses[QuestionStatus.MOOT]) >= 1
    followed = [q for q in statuses[QuestionStatus.OPEN] if len(q.entries) >= 3]
    assert len(followed) >= 2

    # affiliations: members of the alliance
    members = [a for a in exercise.actors.values() if "northern-maritime-compact" in
               a.affiliations]
    assert len(members) >= 3

    # graded sources of several kinds, in English and French
    kinds = {b.source.kind for b in briefs if b.source and b.source.kind}
    assert len(kinds) == 6
    assert all(b.grade for b in briefs)
    assert len({b.grade.label for b in briefs}) >= 8
    assert sum(1 for b in briefs if b.source and b.source.language == "fr") >= 3
    assert any(b.date.approximate for b in briefs)
    assert any(e.end for b in briefs for e in b.events)


def test_the_exercise_sources_lead_nowhere_real(exercise):
    urls = [b.source.url for b in exercise.briefs.values() if b.source and b.source.url]
    assert len(urls) >= 50
    hosts = {urlsplit(url).hostname or "" for url in urls}
    assert {h for h in hosts if not RESERVED_HOST.search(h)} == set()
    assert all(urlsplit(url).scheme == "https" for url in urls)


# -- in a real browser -------------------------------------------------------------------------
PAGES = {"home": "/", "actor": "/actors/harlund/", "timeline": "/timeline/",
         "matrix": "/positions/"}


@pytest.fixture(scope="module")
def exercise_origin(exercise_site: Path):
    with serve(exercise_site) as origin:
        yield origin


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_exercise_pages_in_the_browser(browser: Browser, exercise_origin: str, width: int,
                                       scheme: str):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  color_scheme=scheme, locale="en-GB", service_workers="block")
    try:
        for name, path in PAGES.items():
            # a page of its own for each address, left only once the network is idle, so that
            # no request of one page is cut short by loading the next
            page = context.new_page()
            errors: list[str] = []
            failed: list[str] = []
            page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
            page.on("requestfailed",
                    lambda request, failed=failed: failed.append(
                        f"{request.url}: {request.failure}"))
            response = page.goto(exercise_origin + path, wait_until="networkidle")
            assert response is not None and response.ok, path
            notice = page.locator(".exercise-notice")
            assert notice.is_visible(), path
            assert re.sub(r"\s+", " ", notice.inner_text()).strip() == NOTICE
            # the notice is readable: its text differs from its background in either scheme
            colours = notice.evaluate("e => { const s = getComputedStyle(e);"
                                      " return [s.color, s.backgroundColor]; }")
            assert colours[0] != colours[1]
            scheme_attr = page.locator("body").get_attribute("data-md-color-scheme")
            assert scheme_attr == ("slate" if scheme == "dark" else "default")
            page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-{scheme}.png"),
                            full_page=True)
            assert (errors, failed) == ([], []), path
            page.close()
    finally:
        context.close()


@pytest.mark.browser
def test_exercise_notice_is_printed(browser: Browser, exercise_origin: str, tmp_path: Path):
    page = browser.new_page()
    try:
        for path in ("/print/", "/briefs/serrat-collision-courier/", "/timeline/"):
            page.goto(exercise_origin + path, wait_until="load")
            page.emulate_media(media="print")
            assert page.locator(".exercise-notice").is_visible(), path
            page.emulate_media(media="screen")
        page.goto(exercise_origin + "/print/", wait_until="load")
        page.emulate_media(media="print")
        pdf = tmp_path / "book.pdf"
        pdf.write_bytes(page.pdf(format="A4", print_background=True))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(pdf, ARTIFACTS / "print-book.pdf")
    finally:
        page.close()
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian poppler-utils) is not installed")
    out = tmp_path / "book.txt"
    subprocess.run(["pdftotext", "-l", "1", str(pdf), str(out)], check=True)
    assert NOTICE in re.sub(r"\s+", " ", out.read_text(encoding="utf-8"))
