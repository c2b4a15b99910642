"""ProperDocs, the maintained fork of MkDocs 1.x: the example dossier builds with
``properdocs build --strict`` into the same pages as with MkDocs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

from support import BuiltSite, copy_example

PLUGINS = {"briefbook", "briefbook/actors", "briefbook/timeline"}


def test_the_plugins_are_registered_for_properdocs() -> None:
    from properdocs.plugins import get_plugins

    own = {e.name: e.value for e in entry_points(group="properdocs.plugins")}
    assert set(own) >= PLUGINS
    assert own["briefbook/actors"] == "briefbook.mkdocs.actors:ActorsPlugin"
    assert set(get_plugins()) >= PLUGINS


def _article(html: str) -> str:
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html,
                      re.S)
    assert match
    return match.group(1)


def test_the_example_builds_with_properdocs_strict(tmp_path: Path,
                                                   example_site: BuiltSite) -> None:
    project = copy_example(tmp_path)
    site = tmp_path / "properdocs-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "properdocs"), "build", "--strict",
         "--config-file", "mkdocs.yml", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs' in home  # built by ProperDocs, not by MkDocs

    def pages(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*.html")}

    assert pages(site) == pages(example_site.site)
    for page in ("briefs/nato-role-in-reassurance-force/index.html", "actors/nato/index.html",
                 "timeline/index.html", "positions/index.html"):
        ours = (site / page).read_text(encoding="utf-8")
        theirs = (example_site.site / page).read_text(encoding="utf-8")
        assert _article(ours) == _article(theirs), page
    for export in ("dossier.json", "positions.csv", "timeline.ics", "changes.xml"):
        assert (site / export).read_bytes() == (example_site.site / export).read_bytes(), export
