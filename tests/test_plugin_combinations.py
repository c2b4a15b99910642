"""Briefbook beside the plugins Material users combine it with: each test builds a dossier made
by ``briefbook init`` with one more plugin, strictly, and checks that both did their work."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from support import build_project, write_files

from briefbook.authoring.init import init_dossier, starter_files

PLUGINS_LINE = "  - briefbook/timeline\n"
BRIEF_URL = "briefs/example-brief/"
ACTOR_URL = "actors/example-actor/"
HOST_PAGE = """\
# Field notes

A page of the host site, written by hand: it keeps its **own** content.

| Region | Status |
| --- | --- |
| Sahel | watched |
"""


def dossier(tmp_path: Path, plugins: str = "", docs: dict[str, str] | None = None,
            nav: bool = True) -> Path:
    """A new dossier with ``plugins`` (YAML list entries) after Briefbook's; without ``nav``,
    the nav is left to the plugins."""
    project = tmp_path / "dossier"
    init_dossier(project, starter_files("Combined", today=dt.date(2025, 6, 1)))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(PLUGINS_LINE, PLUGINS_LINE + plugins)
    if not nav:
        config = config.split("\nnav:\n", 1)[0] + "\n"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    write_files(project, {f"docs/{name}": text for name, text in (docs or {}).items()})
    return project


def article(html: str) -> str:
    """The page's content (Material's ``<article>``), without the 'edit' buttons."""
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html,
                      re.S)
    assert match, "no Material article in the page"
    return match.group(1)


def test_static_i18n_builds_the_dossier_in_each_language(tmp_path):
    project = dossier(tmp_path, """\
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          default: true
          name: English
        - locale: fr
          name: Français
""", docs={"notes.md": HOST_PAGE, "notes.fr.md": "# Notes de terrain\n\nUne page à nous.\n"})
    config = (project / "mkdocs.yml").read_text().replace("    - navigation.instant\n", "")
    (project / "mkdocs.yml").write_text(config)  # i18n's language switcher needs full reloads
    site = build_project(project, strict=True)
    assert site.warnings == []
    for prefix, lang, heading in (("", "en", "Briefs"), ("fr/", "fr", "Fiches")):
        index = site.html(f"{prefix}briefs/")
        assert f'<html lang="{lang}"' in index
        assert f"<h1>{heading}" in index
        brief = site.html(f"{prefix}{BRIEF_URL}")
        assert 'href="../../actors/example-actor/"' in brief
        assert site.exists(f"{prefix}{ACTOR_URL}") and site.exists(f"{prefix}timeline/")
        assert site.exists(f"{prefix}dossier.json")
    assert "Une page à nous." in site.html("fr/notes/")
    assert "keeps its <strong>own</strong> content" in site.html("notes/")


def test_redirects_reach_actor_and_brief_pages(tmp_path):
    project = dossier(tmp_path, """\
  - redirects:
      redirect_maps:
        old/actor.md: actors/example-actor.md
        old/brief.md: briefs/example-brief.md
""")
    site = build_project(project, strict=True)
    assert site.warnings == []
    for old, target in (("old/actor/", ACTOR_URL), ("old/brief/", BRIEF_URL)):
        html = site.html(old)
        assert f'content="0; url=../../{target}"' in html, html


def test_minify_keeps_briefbook_pages_whole(tmp_path):
    project = dossier(tmp_path, """\
  - minify:
      minify_html: true
""")
    site = build_project(project, strict=True)
    assert site.warnings == []
    brief = site.html(BRIEF_URL)
    assert "\n    " not in brief  # minified
    assert "Example Actor" in brief and "assets/briefbook/briefbook.css" in brief
    assert "timeline.js" in site.html("timeline/")


def test_awesome_nav_lists_briefbook_sections(tmp_path):
    project = dossier(tmp_path, "  - awesome-nav\n", nav=False, docs={
        ".nav.yml": "nav:\n  - index.md\n  - Briefs: briefs\n  - Actors: actors\n"
                    "  - Timeline: timeline\n  - Field notes: notes.md\n",
        "notes.md": HOST_PAGE,
    })
    site = build_project(project, strict=True)
    assert site.warnings == []
    home = site.html("")
    for href in ("briefs/", "actors/", "timeline/", "notes/"):
        assert f'href="{href}"' in home, href


def test_literate_nav_resolves_briefbook_pages_and_folders(tmp_path):
    project = dossier(tmp_path, "  - literate-nav\n", nav=False, docs={
        "SUMMARY.md": "* [Overview](index.md)\n* [Briefs](briefs/index.md)\n"
                      "* [Actors](actors/)\n* [Timeline](timeline/index.md)\n"
                      "* [Field notes](notes.md)\n",
        "notes.md": HOST_PAGE,
    })
    site = build_project(project, strict=True)
    assert site.warnings == []
    home = site.html("")
    for href in ("briefs/", "timeline/", "notes/", "actors/example-actor/"):
        assert f'href="{href}"' in home, href


def test_material_tags_take_the_briefs_tags(tmp_path):
    project = dossier(tmp_path, "  - tags\n",
                      docs={"tags.md": "# Tags\n\n<!-- material/tags -->\n"})
    site = build_project(project, strict=True)
    assert site.warnings == []
    brief = site.html(BRIEF_URL)
    assert '<a href="../../tags/#tag:example" class="md-tag">' in brief
    assert "bb-chip--tag" not in brief  # Material's tags instead of plain chips
    index = site.html("tags/")
    assert 'id="tag:example"' in index and f'href="../{BRIEF_URL}"' in index
    assert "bb-chip--tag" in site.html("print/")  # the book has many briefs: chips stay


def test_without_the_tags_plugin_tags_are_chips(tmp_path):
    site = build_project(dossier(tmp_path), strict=True)
    brief = site.html(BRIEF_URL)
    assert "bb-chip--tag" in brief and 'class="md-tag">' not in brief


def test_a_host_sites_own_pages_keep_their_content_and_load_nothing(tmp_path):
    host = "notes/"
    with_briefbook = build_project(dossier(tmp_path / "a", docs={"notes.md": HOST_PAGE}),
                                   strict=True)
    plain = tmp_path / "b"
    write_files(plain, {"mkdocs.yml": "site_name: Combined\ntheme:\n  name: material\n"
                                      "  font: false\nmarkdown_extensions:\n  - admonition\n"
                                      "  - attr_list\n  - md_in_html\n  - tables\n  - toc:\n"
                                      "      permalink: true\n",
                        "docs/index.md": "# Home\n", "docs/notes.md": HOST_PAGE})
    without = build_project(plain, strict=True)
    assert article(with_briefbook.html(host)) == article(without.html(host))
    assert "assets/briefbook/" not in with_briefbook.html(host)
