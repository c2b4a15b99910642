"""The automatic navigation: a generated section of one page is a plain link to that page."""

from __future__ import annotations

import re

from support import build_project, make_project

DOSSIER = {
    "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n",
    "briefs/topics/force.md": "---\ntitle: Force\n---\n",
    "briefs/b1.md": "---\ntitle: Brief one\ndate: '2025-01-02'\nactors: [nato]\n---\nNATO met.\n",
}
PLUGINS = "  - search\n  - briefbook\n  - briefbook/actors\n  - briefbook/timeline"
PRIMARY = re.compile(
    r'<nav class="md-nav md-nav--primary".*?<div class="md-sidebar md-sidebar--secondary"', re.S
)


def _primary_nav(html: str) -> str:
    match = PRIMARY.search(html)
    assert match is not None
    return match.group(0)


def test_generated_sections_are_links_not_sections_of_one_link(tmp_path):
    project = make_project(tmp_path, DOSSIER, plugins=PLUGINS,
                           docs={"guide/index.md": "# Guide\n", "guide/more.md": "# More\n"})
    site = build_project(project, strict=True)
    nav = _primary_nav(site.html("briefs/b1/"))
    links = re.findall(r'href="([^"#]*)" class="md-nav__link', nav)
    for href in ("../../actors/", "../", "../../topics/", "../../timeline/", "../../questions/"):
        assert links.count(href) == 1, (href, links)
    labels = re.findall(r'<label class="md-nav__link"[^>]*>\s*<span class="md-ellipsis">\s*(\w+)',
                        nav)
    assert labels == ["Guide"]  # an authored folder of two pages stays a section
    # the section index page is still marked as the current page where it is shown
    actors_nav = _primary_nav(site.html("actors/"))
    assert re.search(r'md-nav__link--active[^>]*href="\./"|href="\./" class="md-nav__link '
                     r'md-nav__link--active', actors_nav)


def test_a_nav_written_by_hand_is_left_as_it_is(tmp_path):
    yml = ("site_name: T\ntheme: {name: material, font: false}\nplugins:\n" + PLUGINS + "\n"
           "nav:\n  - Home: index.md\n  - Actors:\n    - actors/index.md\n")
    project = make_project(tmp_path, DOSSIER, mkdocs_yml=yml)
    site = build_project(project)
    nav = _primary_nav(site.html("briefs/b1/"))
    assert re.search(r'<label class="md-nav__link"[^>]*>\s*<span class="md-ellipsis">\s*Actors',
                     nav)
