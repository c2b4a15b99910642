"""Audiences on the built sites: a site for one audience holds nothing of a higher one.

The fictional exercise declares ``public < partners < internal`` and marks briefs, an actor, a
topic, and positions, events and question entries inside briefs of every level; each marked
text carries distinctive words (Grey Heron and Bittern for partners; Kittiwake, Merlin Shoal,
Skua for internal). Each edition is built as a user would (``BRIEFBOOK_AUDIENCE`` read through
``!ENV`` in its mkdocs.yml) and EVERY file of a lower edition is searched — pages,
``search_index.json``, ``dossier.json``, previews, CSV, calendar, feed, sitemap (also gzipped)
— for those words and for every text of the model that only a higher edition holds. The
repository's own single-audience dossier builds to the same bytes with audiences declared.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, copy_example, site_files

from briefbook.model.audience import Audiences
from briefbook.model.dossier import Dossier
from briefbook.pipeline import load_dossier

EXERCISE = ROOT / "examples" / "exercise"
LEVELS = ("public", "partners", "internal")
EPOCH = "1700000000"
#: Words that appear only in texts marked for that audience (and, in the index, nowhere else).
PHRASES = {
    "partners": ("grey heron", "grey-heron", "bittern"),
    "internal": ("kittiwake", "merlin shoal", "merlin-shoal", "skua", "merovan-intentions",
                 "merovan intentions"),
}


def _build(project: Path, site: Path, audience: str | None = None) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH,
           "PYTHONHASHSEED": "0"}
    env.pop("BRIEFBOOK_AUDIENCE", None)
    if audience:
        env["BRIEFBOOK_AUDIENCE"] = audience
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                          cwd=project, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    return site


def _normalised(path: Path) -> str:
    """A file's text as a reader (or a program) would get it: gzip opened, HTML and XML
    entities decoded, calendar lines unfolded and unescaped, CSV quotes undoubled, JSON
    escapes decoded; whitespace collapsed, letters case-folded."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    text = data.decode("utf-8", errors="ignore")
    if path.suffix == ".json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
        text = text.replace('\\"', '"').replace("\\n", " ")
    if path.suffix == ".ics":
        text = text.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")
        text = text.replace("\\n", " ")
    if path.suffix == ".csv":
        text = text.replace('""', '"')
    text = html.unescape(html.unescape(text))
    text = re.sub(r"<[^>]+>", " ", text) if path.suffix in (".html", ".xml") else text
    return re.sub(r"\s+", " ", text).casefold()


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """Each edition of the exercise, built into a folder of its own."""
    tmp = tmp_path_factory.mktemp("audiences")
    return {level: _build(EXERCISE, tmp / level, level) for level in LEVELS}


@pytest.fixture(scope="module")
def editions(sites) -> dict[str, dict[str, str]]:
    """Each edition's files (path under site/) and their normalised text."""
    return {level: {p.relative_to(site).as_posix(): _normalised(p)
                    for p in sorted(site.rglob("*")) if p.is_file()}
            for level, site in sites.items()}


def _model(level: str) -> Dossier:
    result = load_dossier(EXERCISE / "briefs", EXERCISE,
                          audiences=Audiences(LEVELS), audience=level)
    assert not result.diagnostics.errors
    return result.dossier


def _texts(dossier: Dossier) -> set[str]:
    """The texts of the model a page may show, at least 12 characters long."""
    texts: set[str] = set()
    for brief in dossier.briefs.values():
        texts.update((brief.title, brief.summary, brief.source.title))
        texts.update(p.summary for p in brief.positions)
        texts.update(e.title for e in brief.events)
        texts.update(q.text for q in brief.questions)
        texts.update(q.answer for q in brief.questions)
        texts.update(line.strip() for line in brief.body.splitlines())
    for actor in dossier.actors.values():
        texts.update((actor.name, actor.role))
    for topic in dossier.topics.values():
        texts.update((topic.title, topic.summary))
    return {re.sub(r"\s+", " ", t).casefold() for t in texts if len(t) >= 12}


def test_every_edition_has_the_site_for_its_readers(editions):
    for level in LEVELS:
        files = editions[level]
        assert {"index.html", "search/search_index.json", "dossier.json", "positions.csv",
                "timeline.ics", "timeline.json", "changes.xml", "sitemap.xml",
                "sitemap.xml.gz", "print/index.html"} <= set(files), level
        assert any(path.startswith("previews/") for path in files), level
        notice = "fictional exercise scenario — all countries, organisations, people and events"
        assert [p for p, text in files.items() if p.endswith(".html") and notice not in text] == []
    assert "briefs/kittiwake-harlund-channel/index.html" in editions["internal"]
    assert "briefs/compact-liaison-grey-heron-rota/index.html" in editions["partners"]


@pytest.mark.parametrize("higher", ["partners", "internal"])
def test_no_word_of_a_higher_audience_in_any_file_of_a_lower_one(editions, higher):
    rank = LEVELS.index(higher)
    for phrase in PHRASES[higher]:
        # the words are there for the audience they are meant for: the search can fail
        assert any(phrase in text for text in editions[higher].values()), phrase
        for lower in LEVELS[:rank]:
            leaks = sorted(path for path, text in editions[lower].items() if phrase in text)
            assert leaks == [], f"'{phrase}' ({higher}) in the {lower} site: {leaks}"


@pytest.mark.parametrize("lower", ["public", "partners"])
def test_no_text_only_a_higher_audience_holds_reaches_a_lower_site(editions, lower):
    """Every title, summary, event, question, answer, name and line of text of the model
    that the lower audience's dossier does not hold, in no file of its site."""
    own = _texts(_model(lower))
    for higher in LEVELS[LEVELS.index(lower) + 1:]:
        unique = {t for t in _texts(_model(higher)) - own
                  if not any(t in mine for mine in own)}
        assert len(unique) > 10
        blob = "\n".join(f"{path}\t{text}" for path, text in editions[lower].items())
        leaks = sorted(t for t in unique if t in blob)
        assert leaks == [], leaks
        in_higher = "\n".join(editions[higher].values())
        assert sum(t in in_higher for t in unique) > len(unique) // 2


def test_derived_data_are_computed_from_the_edition(sites):
    """A question answered only in an internal brief is open in the public edition; a claim
    corroborated by an internal brief has one source fewer there, and its best grade is the
    public sources'."""
    public, internal = (json.loads((sites[level] / "dossier.json").read_text(encoding="utf-8"))
                        for level in ("public", "internal"))

    def status(data: dict, ident: str) -> str:
        return next(q["status"] for q in data["questions"] if q["id"] == ident)

    assert status(public, "pipeline-pressure-loss-cause") == "open"
    assert status(internal, "pipeline-pressure-loss-cause") == "answered"

    def reports(data: dict, ident: str) -> list[str]:
        return sorted(p["brief"] for p in data["positions"] if p.get("id") == ident)

    assert len(reports(internal, "harlund-patrols-winter-2025")) == 3
    assert reports(public, "harlund-patrols-winter-2025") == [
        "hallgard-ties-frigate-to-gas", "harlund-conditional-wire"]
    assert len(public["briefs"]) < len(internal["briefs"])
    claims = {level: _model(level).position_records["harlund-patrols-winter-2025"]
              for level in ("public", "internal")}
    assert claims["internal"].positions[0].brief == "kittiwake-harlund-channel"  # graded A1
    assert claims["public"].positions[0].brief != "kittiwake-harlund-channel"


def test_the_single_audience_dossier_builds_the_same_bytes_with_audiences_declared(tmp_path):
    """The repository's own dossier declares no audiences; declaring two and building for
    either changes no byte of its site (no file is marked, so nothing is left out)."""
    plain = copy_example(tmp_path / "plain")
    default = site_files(_build(plain, tmp_path / "plain-site"))
    for level in ("public", "internal"):
        project = copy_example(tmp_path / level)
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "      briefs_dir: briefs\n" in text
        config.write_text(text.replace(
            "      briefs_dir: briefs\n",
            f"      briefs_dir: briefs\n      audiences: [public, internal]\n"
            f"      audience: {level}\n", 1), encoding="utf-8")
        declared = site_files(_build(project, tmp_path / f"{level}-site"))
        assert sorted(declared) == sorted(default)
        assert [p for p in default if default[p] != declared[p]] == []
    assert len(default) > 20


def test_a_restricted_brief_says_who_it_is_for_on_the_site_that_shows_it(sites):
    def header(level: str, brief: str) -> str:
        page = (sites[level] / "briefs" / brief / "index.html").read_text(encoding="utf-8")
        start = page.index('<header class="bb-brief-header">')
        return page[start:page.index("</header>", start)]

    assert '<dt>For</dt><dd class="bb-audience">internal</dd>' in header(
        "internal", "kittiwake-harlund-channel")
    assert '<dd class="bb-audience">partners</dd>' in header(
        "internal", "compact-liaison-grey-heron-rota")
    assert "bb-audience" not in header("internal", "pipeline-sabotage-suspicions")
    assert not any("bb-audience" in (path.read_text(encoding="utf-8"))
                   for path in sites["public"].rglob("*.html"))
