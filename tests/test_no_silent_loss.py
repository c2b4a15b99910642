"""No silent loss: every Markdown file under ``briefs/`` becomes a page or is named in an error.

Files and folders whose name starts with a dot are drafts and editor files, deliberately left out
(the format reference says so); files with a Markdown extension other than ``.md`` are named in a
warning.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from support import ROOT, make_project

from briefbook.load.files import discover
from briefbook.pipeline import load_dossier

CORPUS = Path(__file__).resolve().parent / "corpus"


def dossier_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*.md")
            if not any(part.startswith(".") for part in p.relative_to(root).parts)]


def test_example_dossier_every_file_is_a_page(example_site):
    result = load_dossier(ROOT / "briefs", ROOT)
    assert result.diagnostics.errors == []
    files = dossier_files(ROOT / "briefs")
    assert sorted(discover(ROOT / "briefs")) == sorted(files)
    by_path = {b.location.path: b.id for b in result.dossier.briefs.values()}
    actors = {a.location.path for a in result.dossier.actors.values()}
    topics = {t.location.path for t in result.dossier.topics.values()}
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("briefs/actors/"):
            assert rel in actors
        elif rel.startswith("briefs/topics/"):
            assert rel in topics
        else:
            assert example_site.exists(f"briefs/{by_path[rel]}/"), rel


def serve_build(project: Path):
    """Build as ``mkdocs serve`` does: errors are reported and the good pages still built."""
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    return config.plugins["briefbook"].result


def test_messy_dossier_every_file_is_a_page_or_named_in_an_error(tmp_path):
    """Every corpus case thrown into one dossier: clashing ids, broken files, files misplaced."""
    project = make_project(tmp_path, {
        "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n",
        "briefs/topics/force.md": "---\ntitle: Force\n---\n",
        "briefs/2025/fine.md": "---\ntitle: Fine\ndate: '2025'\nactors: [nato]\n---\nOK\n",
    })
    for case in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        # actors/ and topics/ of a case land below a folder: there they are briefs, and broken
        shutil.copytree(case / "briefs", project / "briefs" / "mixed" / case.name)
    result = serve_build(project)
    site = project / "site"
    placed = {b.location.path: b.id for b in result.dossier.briefs.values()}
    named = {d.location.path for d in result.diagnostics.errors}
    files = dossier_files(project / "briefs")
    assert len(files) > 100
    lost = []
    for path in files:
        rel = path.relative_to(project).as_posix()
        if rel in placed:
            assert (site / "briefs" / placed[rel] / "index.html").exists(), rel
        elif rel not in named and rel not in ("briefs/actors/nato.md", "briefs/topics/force.md"):
            lost.append(rel)
    assert lost == []
    assert "fine" in placed.values()
    assert (site / "briefs/fine/index.html").exists()


def test_a_link_to_a_missing_file_is_named_in_a_warning(tmp_path):
    project = make_project(tmp_path, {"briefs/2025/fine.md": "---\ntitle: F\ndate: '2025'\n---\n"})
    (project / "briefs/2025/gone.md").symlink_to("../../drafts/gone.md")
    (project / "briefs/2025/loop.md").symlink_to("loop.md")
    result = load_dossier(project / "briefs", project)
    assert [d.format() for d in result.diagnostics] == [
        "briefs/2025/gone.md:1:1: warning: 'gone.md' is a link to a missing file "
        "(../../drafts/gone.md); it is not read. Restore the file it points to, or delete the link",
        "briefs/2025/loop.md:1:1: warning: 'loop.md' is a link to a missing file (loop.md); it is "
        "not read. Restore the file it points to, or delete the link",
    ]
    assert list(result.dossier.briefs) == ["fine"]


def test_a_file_the_system_refuses_to_read_is_named_in_an_error(tmp_path, monkeypatch):
    project = make_project(tmp_path, {
        "briefs/2025/fine.md": "---\ntitle: F\ndate: '2025'\n---\n",
        "briefs/2025/locked.md": "---\ntitle: L\ndate: '2025'\n---\n",
    })
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "locked.md":
            raise PermissionError(13, "Permission denied")
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = load_dossier(project / "briefs", project)
    assert [d.format() for d in result.diagnostics] == [
        "briefs/2025/locked.md:1:1: error: the file cannot be read (Permission denied); check "
        "that it is yours and readable",
    ]
    assert list(result.dossier.briefs) == ["fine"]
