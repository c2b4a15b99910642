"""The page cache (``mkdocs/page_cache.py``): a cached or incremental build writes exactly the
site a cold build writes.

One copy of the example project goes through a series of edits. After each, the site is built
three ways and every file compared, search index and sitemap included:

- in this process, as ``mkdocs serve`` rebuilds (the plugin instances live on, so do the
  conversions kept in memory), with ``cache_dir`` on;
- in a fresh process with ``cache_dir`` on (what survives the process is the folder);
- cold, in a fresh process, from a config without ``cache_dir`` (the reference).

Each step also checks that the caches were used (conversions, page templates and search
entries were taken from them) and that what the edit touched was done again, so an identical
site cannot come from a cache that is off.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from support import ROOT, copy_example, mkdocs_messages, site_differences

from briefbook.mkdocs.cache_folder import read_entry
from briefbook.mkdocs.page_cache import Rendering

EPOCH = "1700000000"
COUNTS = re.compile(r"briefbook: (\d+) pages converted, (\d+) from the page cache")
RENDERS = re.compile(r"briefbook: (\d+) page templates rendered, (\d+) from the cache; "
                     r"(\d+) pages indexed for search, (\d+) from the cache")
RENDERED: dict[str, tuple[int, ...]] = {}  # the last build's template and search counts, by way
ENV = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def _subprocess_build(project: Path, config_name: str, site: Path) -> tuple[int, int]:
    """Build in a fresh process; return (pages converted, pages from the cache)."""
    shutil.rmtree(site, ignore_errors=True)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-v", "-f", config_name, "-d", str(site)],
        cwd=project, env=ENV, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    renders = RENDERS.search(proc.stderr + proc.stdout)
    RENDERED[config_name] = tuple(int(n) for n in renders.groups()) if renders else (0, 0, 0, 0)
    match = COUNTS.search(proc.stderr + proc.stdout)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


class Project:
    """The example project with a page cache, built the three ways."""

    def __init__(self, tmp_path: Path, workers: int = 1) -> None:
        self.root = copy_example(tmp_path / "project")
        self.tmp = tmp_path
        self.workers = workers
        config = (self.root / "mkdocs.yml").read_text(encoding="utf-8")
        (self.root / "mkdocs-cold.yml").write_text(config, encoding="utf-8")
        self.write_config(config)

    def write_config(self, config: str) -> None:
        """``mkdocs.yml`` (with ``cache_dir``) and the cold config (without), from one text."""
        (self.root / "mkdocs-cold.yml").write_text(config, encoding="utf-8")
        options = "      cache_dir: .cache/bb\n"
        if self.workers > 1:
            options += f"      workers: {self.workers}\n"
        cached = re.sub(r"^  - briefbook:?\n", "  - briefbook:\n" + options,
                        config, count=1, flags=re.M)
        assert "cache_dir: .cache/bb" in cached
        (self.root / "mkdocs.yml").write_text(cached, encoding="utf-8")

    def serve_build(self) -> tuple[int, int, list[str]]:
        """A rebuild as ``mkdocs serve`` makes it: same process, same plugin instances. (Pages
        converted counts those the workers converted.)"""
        site = self.tmp / "served"
        os.environ["SOURCE_DATE_EPOCH"] = EPOCH
        with mkdocs_messages() as warnings:
            config = load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(site))
            config.plugins.on_startup(command="serve", dirty=False)
            build(config)
        core = config.plugins["briefbook"]
        self.from_workers = core.page_cache.from_workers
        cache = core.render_cache
        RENDERED["serve"] = (cache.pages.misses + cache.pages.from_workers, cache.pages.hits,
                             cache.search.misses + cache.search.from_workers, cache.search.hits)
        converted = core.page_cache.converted + core.page_cache.from_workers
        return converted, core.page_cache.reused, list(warnings)

    def check(self, step: str) -> dict[str, tuple[int, int]]:
        """Build the three ways; the cached sites must equal the cold one, file for file."""
        counts = {"serve": self.serve_build()[:2]}
        counts["disk"] = _subprocess_build(self.root, "mkdocs.yml", self.tmp / "disk")
        _subprocess_build(self.root, "mkdocs-cold.yml", self.tmp / "cold")
        for way in ("served", "disk"):
            assert site_differences(self.tmp / way, self.tmp / "cold") == [], (step, way)
        return counts

    from_workers = 0  # pages the workers converted in the last serve-like build

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Project:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return Project(tmp_path)


BRIEF = "briefs/2025/iiss-assessment-force-size.md"
NEW_BRIEF = """\
---
title: "A brief added while serving"
date: "2025-05-02"
summary: "Added to check that the cache never shows a stale page."
actors: [nato, ben-barry]
---
NATO and Barry are both named here, with a [link to the home page](../index.md).
"""


@pytest.mark.parametrize("workers", [1, 2])
def test_cached_builds_equal_cold_builds_through_a_series_of_edits(tmp_path, monkeypatch,
                                                                    workers):
    """With ``workers: 2`` the serve-like and the cached builds run on two processes, the
    reference on one: incremental, cached and parallel at once."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    project = Project(tmp_path, workers)
    first = project.check("first build")
    assert first["serve"][1] == 0 and first["serve"][0] > 30  # nothing cached yet
    assert (project.from_workers > 10) == (workers > 1)  # (converted by the workers, or not)
    assert first["disk"][0] == 0  # the in-process build filled the folder

    project.edit(BRIEF, "\n---\n", "\n---\nA sentence added during the edit, naming NATO.\n\n")
    edited = project.check("change a brief")
    assert edited["serve"][1] > 30  # most pages come from the cache...
    assert 1 <= edited["serve"][0] < edited["serve"][1]  # ...the edited ones do not
    assert edited["disk"][1] > 30 and edited["disk"][0] == 0
    rendered, reused, indexed, kept = RENDERED["serve"]  # templates and search entries too
    assert reused > 30 and kept > 30 and 1 <= rendered < reused and 1 <= indexed < kept
    assert RENDERED["mkdocs.yml"][::2] == (0, 0)  # the serve build stored the edited pages
    assert RENDERED["mkdocs-cold.yml"] == (0, 0, 0, 0)  # the reference used no cache

    (project.root / "briefs/2025/added-brief.md").write_text(NEW_BRIEF, encoding="utf-8")
    project.check("add a brief")

    (project.root / "briefs/2025/added-brief.md").rename(
        project.root / "briefs/2025/renamed-brief.md")
    project.check("rename a brief")

    (project.root / "briefs/2025/renamed-brief.md").unlink()
    project.check("delete a brief")

    # a word the unchanged briefs hold becomes a name of an actor: their links change
    project.edit("briefs/actors/ben-barry.md", 'aliases: ["Barry"]',
                 'aliases: ["Barry", "backstop"]')
    aliases = project.check("change an actor's aliases")
    assert aliases["serve"][0] > edited["serve"][0]  # every brief page is linked anew
    assert RENDERED["serve"][0] > rendered  # and more pages rendered anew than for one brief

    config = (project.root / "mkdocs-cold.yml").read_text(encoding="utf-8")
    project.write_config(config.replace("      permalink: true", "      permalink: false"))
    changed = project.check("change markdown_extensions")
    assert changed["serve"][1] == 0  # no page converted under other settings is reused

    project.edit("docs/index.md", "\n", "\n\nAn authored line added while serving.\n")
    project.check("change an authored page")


def test_a_page_linking_to_a_page_that_comes_and_goes_is_converted_again(project):
    """A brief links to an authored page; deleting the page changes the link and its warning."""
    (project.root / "docs/extra.md").write_text("# Extra\n", encoding="utf-8")
    project.edit(BRIEF, "\n---\n", "\n---\nSee [the extra page](../extra.md).\n\n")
    project.check("the linked page exists")
    (project.root / "docs/extra.md").unlink()
    project.check("the linked page is gone")
    _, _, warnings = project.serve_build()
    assert any("extra.md" in w for w in warnings)  # the warning is logged from the cache too


def test_a_broken_link_warns_in_every_build_not_only_the_first(project):
    project.edit(BRIEF, "\n---\n", "\n---\nSee [a missing page](../missing.md).\n\n")
    for _ in range(2):
        converted, reused, warnings = project.serve_build()
        assert [w for w in warnings if "missing.md" in w], (converted, reused)
    assert reused > 0
    strict = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project.tmp / "s")],
        cwd=project.root, env=ENV, capture_output=True, text=True,
    )
    assert strict.returncode == 1 and "missing.md" in strict.stderr


def test_an_entry_that_is_not_one_of_ours_is_a_miss(project, caplog):
    project.check("fill the cache")
    entries = sorted((project.root / ".cache/bb").rglob("*.json"))
    assert entries
    entries[0].write_text("not json", encoding="utf-8")
    entries[1].write_text(json.dumps({"format": 2, "html": 3}), encoding="utf-8")
    counts = project.check("damaged entries")
    assert counts["disk"][0] == 2  # the two damaged entries were converted again
    rewritten = read_entry(entries[0])  # stored again, with its digest line
    assert rewritten is not None and Rendering.from_json(rewritten) is not None


def test_the_cache_folder_keeps_only_the_entries_of_the_last_build(project):
    project.check("first")
    before = {p.name for p in (project.root / ".cache/bb").rglob("*.json")}
    project.edit(BRIEF, "\n---\n", "\n---\nOne more sentence.\n\n")
    project.check("edited")
    after = {p.name for p in (project.root / ".cache/bb").rglob("*.json")}
    assert len(after) == len(before) and before != after


@pytest.mark.parametrize(("value", "says"), [
    ("docs/cache", "cache_dir 'docs/cache' is inside docs_dir 'docs'"),
    # mkdocs serve watches the dossier folder: a cache written there would rebuild and rebuild
    ("briefs/.cache", "cache_dir 'briefs/.cache' is inside briefs_dir 'briefs'"),
])
def test_cache_dir_inside_docs_dir_or_the_dossier_stops_the_build(project, value, says):
    project.write_config((project.root / "mkdocs-cold.yml").read_text(encoding="utf-8"))
    text = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    (project.root / "mkdocs.yml").write_text(
        text.replace("cache_dir: .cache/bb", f"cache_dir: {value}"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(project.tmp / "s")],
                          cwd=project.root, env=ENV, capture_output=True, text=True)
    assert proc.returncode == 1
    assert says in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_hooks_file_beside_the_cache_builds_and_its_edits_show(project):
    """``hooks:`` plugins are modules, without options: the render cache keys them by their
    text (a build with both once stopped with a traceback)."""
    hook = project.root / "hooks.py"
    hook.write_text("def on_page_content(html, page, config, files):\n"
                    "    return html + '<p>First hook.</p>'\n", encoding="utf-8")
    config = (project.root / "mkdocs-cold.yml").read_text(encoding="utf-8")
    project.write_config(config + "\nhooks:\n  - hooks.py\n")
    project.check("with a hooks file")
    hook.write_text("def on_page_content(html, page, config, files):\n"
                    "    return html + '<p>Second hook.</p>'\n", encoding="utf-8")
    # in new processes only: Python does not import a changed module again in one process
    # (plain MkDocs neither), so a serve-like rebuild would show the first hook
    _subprocess_build(project.root, "mkdocs.yml", project.tmp / "disk")
    _subprocess_build(project.root, "mkdocs-cold.yml", project.tmp / "cold")
    assert site_differences(project.tmp / "disk", project.tmp / "cold") == []
    page = (project.tmp / "disk/index.html").read_text(encoding="utf-8")
    assert "Second hook." in page and "First hook." not in page


def test_a_template_override_edited_while_serving_shows_at_once(project):
    """Briefbook's own templates stay compiled across serve rebuilds; a changed override
    (``custom_dir``) is read again."""
    config = (project.root / "mkdocs-cold.yml").read_text(encoding="utf-8")
    assert "custom_dir" not in config
    project.write_config(config.replace("theme:\n  name: material\n",
                                        "theme:\n  name: material\n  custom_dir: overrides\n", 1))
    template = ROOT / "src/briefbook/templates/briefbook/brief_header.html"
    override = project.root / "overrides/briefbook/brief_header.html"
    override.parent.mkdir(parents=True)
    override.write_text(template.read_text(encoding="utf-8") + "<p>First override.</p>\n",
                        encoding="utf-8")
    project.check("with an override")
    override.write_text(template.read_text(encoding="utf-8") + "<p>The second override.</p>\n",
                        encoding="utf-8")
    project.check("the override edited")
    page = (project.tmp / "served/briefs/iiss-assessment-force-size/index.html").read_text(
        encoding="utf-8")
    assert "The second override." in page and "First override." not in page


def test_changing_workers_keeps_the_rendered_pages(project):
    """``workers`` and ``cache_dir`` say how a site is built, not what it shows: changing them
    must not throw the render cache away."""
    project.check("filled")
    text = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    (project.root / "mkdocs.yml").write_text(
        text.replace("cache_dir: .cache/bb\n", "cache_dir: .cache/bb\n      workers: 1\n", 1),
        encoding="utf-8")
    _subprocess_build(project.root, "mkdocs.yml", project.tmp / "disk")
    rendered, reused = RENDERED["mkdocs.yml"][:2]
    assert rendered == 0 and reused > 30
