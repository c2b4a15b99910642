"""The contract between the plugins: the registry accessor, sections contributed by a plugin
written outside Briefbook, and pages produced when they are rendered."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from enum import Enum
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from support import BuiltSite, make_project, mkdocs_messages

from briefbook.mkdocs.registry import site_registry
from briefbook.views.page import PageDoc
from briefbook.views.registry import GeneratedPage, PageKind, PageSection

DOSSIER = {
    "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n",
    "briefs/actors/france.md": "---\nname: France\nkind: state\n---\n",
    "briefs/summit.md": """\
---
title: "Summit <b>brief</b>"
date: "2025-04-10"
actors: [nato, france]
events:
  - {date: "2025-04-03", title: "Summit opens", actors: [nato]}
---
The summit met.
""",
    "briefs/follow-up.md": """\
---
title: "Follow-up"
date: "2025-04-12"
actors: [nato, france]
---
Talks went on.
""",
}
CORE_AND_ACTORS = "  - search\n  - briefbook\n  - briefbook/actors"


# -- the accessor ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["briefbook/actors", "briefbook/timeline"])
def test_a_sub_plugin_listed_before_the_core_says_to_move_it(tmp_path, caplog, name):
    project = make_project(tmp_path, DOSSIER, plugins=f"  - {name}\n  - briefbook")
    with pytest.raises(Abort):
        _build(project)
    assert f"the 'briefbook' plugin is listed after '{name}'" in caplog.text
    assert f"move 'briefbook' before '{name}'" in caplog.text


@pytest.mark.parametrize("plugins", [
    "  - briefbook/timeline", "  - briefbook/actors\n  - briefbook"])
def test_the_command_line_stops_cleanly_without_a_traceback(tmp_path, plugins):
    project = make_project(tmp_path, DOSSIER, plugins=plugins)
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
        capture_output=True, text=True, check=False, cwd=project,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    assert re.search(r"ERROR\s+-  briefbook/(timeline|actors): (add the|the) 'briefbook' plugin",
                     run.stderr), run.stderr


# -- a plugin from elsewhere ----------------------------------------------------------------
class WatchKind(Enum):
    """A plugin's own page kinds: Briefbook's are in PageKind."""

    WATCHLIST = "watchlist"


class WatchlistPlugin(BasePlugin):  # type: ignore[type-arg]
    """What a third party would write: a page of its own, a section on brief pages before
    "Related briefs", one on actor pages, and a section on its own page."""

    name = "watchlist"

    def __init__(self) -> None:
        self.produced: list[str] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        site_registry(config, self.name).add_site_section("watchlist")
        return config

    # priority 0: runs before briefbook/actors (-10) has registered the actor pages
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        registry = site_registry(config, self.name)
        ctx = registry.pages.context
        assert ctx is not None

        def watch_note(doc: PageDoc, page: GeneratedPage) -> None:
            self.produced.append(page.src_uri)
            brief = ctx.dossier.briefs[page.subject or ""]
            doc.heading("Watch note")
            doc.html(f'<p class="watch-note">Watching {html.escape(brief.title)}</p>')

        def watched_by(doc: PageDoc, page: GeneratedPage) -> None:
            link = ctx.urls.link(doc.src_uri, "watchlist/index.md")
            doc.heading("On the watchlist")
            doc.html(f'<p class="watched"><a href="{link}">{page.subject}</a></p>',
                     searchable=False)

        def footer(doc: PageDoc, page: GeneratedPage) -> None:
            doc.md("*Kept by the watch desk.*")

        def watchlist() -> PageDoc:
            doc = PageDoc("watchlist/index.md", "Watchlist", meta={"hide": ["toc"]})
            items = "".join(
                f'<li><a href="{ctx.urls.actor("watchlist/index.md", a.id)}">'
                f"{html.escape(a.name)}</a></li>"
                for a in ctx.dossier.actors.values()
            )
            return doc.html(f'<ul class="watchlist">{items}</ul>')

        registry.add_section(self.name, PageSection(PageKind.BRIEF, "watch note", watch_note,
                                                    order=-10))
        registry.add_section(self.name, PageSection(PageKind.ACTOR, "watched by", watched_by))
        registry.add_section(self.name, PageSection(WatchKind.WATCHLIST, "footer", footer))
        registry.add_pages(files, config, self.name, [
            GeneratedPage("watchlist/index.md", WatchKind.WATCHLIST, watchlist, in_nav=True)])
        return files


def _build(project: Path, extra: BasePlugin | None = None) -> BuiltSite:  # type: ignore[type-arg]
    site = project / "site"
    with mkdocs_messages() as warnings:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
        if extra is not None:
            config.plugins[extra.name] = extra  # listed last, after the core
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return BuiltSite(project, site, warnings)


def test_a_third_party_plugin_contributes_pages_and_ordered_sections(tmp_path):
    plugin = WatchlistPlugin()
    site = _build(make_project(tmp_path, DOSSIER, plugins=CORE_AND_ACTORS), plugin)
    assert site.warnings == []

    brief = site.html("briefs/summit/")
    assert '<p class="watch-note">Watching Summit &lt;b&gt;brief&lt;/b&gt;</p>' in brief
    # order -10 puts the note before the actors plugin's "Related briefs" (order 0)
    assert brief.index('id="watch-note"') < brief.index('id="related-briefs"')

    # contributed before briefbook/actors registered its pages, yet on every actor page
    actor = site.html("actors/nato/")
    assert '<p class="watched"><a href="../../watchlist/">nato</a></p>' in actor
    assert '<h2 id="on-the-watchlist">On the watchlist' in actor

    page = site.html("watchlist/")
    assert "<title>Watchlist - Test dossier</title>" in page
    assert '<a href="../actors/nato/">NATO</a>' in page
    assert "<em>Kept by the watch desk.</em>" in page
    assert sorted(plugin.produced) == ["briefs/follow-up.md", "briefs/summit.md"]

    # searchable=False keeps the section out of the search index, as for Briefbook's own
    index = (site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Watching Summit" in index
    assert "watched" not in index


def test_a_page_is_produced_when_rendered_not_when_registered(tmp_path):
    """Registration renders nothing: a section's writer runs once per page, at render time,
    after every plugin's on_files."""
    plugin = WatchlistPlugin()
    calls: list[str] = []

    class Spy(BasePlugin):  # type: ignore[type-arg]
        name = "spy"

        def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
            calls.append(f"files:{len(plugin.produced)}")
            return files

        def on_page_markdown(self, markdown: str, **kwargs: object) -> str:
            calls.append("page")
            return markdown

    project = make_project(tmp_path, DOSSIER, plugins=CORE_AND_ACTORS)
    site = project / "site"
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins[plugin.name] = plugin
    config.plugins["spy"] = Spy()
    build(config)
    assert calls[0] == "files:0"  # every on_files has run: still no brief page produced
    assert "page" in calls
    assert sorted(plugin.produced) == ["briefs/follow-up.md", "briefs/summit.md"]
    core = config.plugins["briefbook"]
    assert core.registry.rendered("briefs/summit.md") is None  # released once written


# -- serve ----------------------------------------------------------------------------------
ALL_PLUGINS = "  - search\n  - briefbook\n  - briefbook/actors\n  - briefbook/timeline"


def _files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_serve_rebuild_after_edits_gives_the_site_a_cold_build_gives(tmp_path, monkeypatch):
    """As ``mkdocs serve`` does: the config reloaded for each build, the core plugin kept (it
    has ``on_startup``), the others made anew; contributed sections appear once, edits show."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the sitemap's dates
    project = make_project(tmp_path / "served", DOSSIER, plugins=ALL_PLUGINS)
    site = project / "site"

    def serve_build() -> None:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
        if not serve_build.started:  # type: ignore[attr-defined]
            config.plugins.on_startup(command="serve", dirty=False)
            serve_build.started = True  # type: ignore[attr-defined]
        build(config)

    serve_build.started = False  # type: ignore[attr-defined]
    serve_build()
    first = site / "briefs/summit/index.html"
    assert first.read_text(encoding="utf-8").count('id="related-briefs"') == 1
    edited = DOSSIER["briefs/follow-up.md"].replace("Follow-up", "Second round").replace(
        "---\nTalks", 'events:\n  - {date: "2025-04-11", title: "Talks resume", actors: [france]}'
        "\n---\nTalks")
    (project / "briefs/follow-up.md").write_text(edited, encoding="utf-8")
    (project / "briefs/actors/nato.md").write_text(
        "---\nname: NATO\nkind: organisation\naliases: [the Alliance]\n---\n", encoding="utf-8")
    serve_build()
    serve_build()  # a third build: nothing added twice

    cold = make_project(tmp_path / "cold", {
        **DOSSIER, "briefs/follow-up.md": edited,
        "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\naliases: [the Alliance]"
                                 "\n---\n"}, plugins=ALL_PLUGINS)
    _build(cold)
    served, built = _files_of(site), _files_of(cold / "site")
    assert served.keys() == built.keys()
    assert [name for name in served if served[name] != built[name]] == []
    summit = first.read_text(encoding="utf-8")
    assert "Second round" in summit and summit.count('id="related-briefs"') == 1
    france = (site / "actors/france/index.html").read_text(encoding="utf-8")
    assert "Talks resume" in france


def test_a_broken_section_template_is_named_after_the_plugin_that_contributed_it(tmp_path):
    """Related briefs are a section of brief pages contributed by briefbook/actors: a broken
    override of their template names that plugin, the file and the line, on the command line
    and without a traceback."""
    project = make_project(tmp_path, DOSSIER, mkdocs_yml=(
        "site_name: Test\ntheme:\n  name: material\n  font: false\n  custom_dir: overrides\n"
        f"plugins:\n{CORE_AND_ACTORS}\n"))
    (project / "overrides/briefbook").mkdir(parents=True)
    (project / "overrides/briefbook/related_briefs.html").write_text("<ul>\n{{ rows | nope }}\n")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}, check=False,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    assert "briefbook/actors: overrides/briefbook/related_briefs.html:2: error: template " \
        "briefbook/related_briefs.html cannot be rendered" in run.stderr, run.stderr
