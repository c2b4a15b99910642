"""Helpers shared by the tests: write small dossiers, build sites, read built HTML."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from briefbook.load.files import FileKind, RawFile, load_file
from briefbook.pipeline import LoadResult, load_dossier

ROOT = Path(__file__).resolve().parent.parent
#: Where the ``subpath_site`` fixture's build is published: a GitHub Pages project site's shape.
SUBPATH_SITE_URL = "https://example.org/dossier/"

BASE_MKDOCS = """\
site_name: Test dossier
theme:
  name: material
  font: false
  language: {language}
plugins:
{plugins}
markdown_extensions:
  - admonition
  - attr_list
  - toc:
      permalink: true
"""


def write_files(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (relative path → text, dedented) below ``root``."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def load_text(text: str, rel: str = "briefs/x.md", root: Path | None = None) -> RawFile:
    """Load one file's text as the loader would, without touching the disk."""
    base = Path("/dossier")
    path = base / rel
    return load_file(path, base / "briefs", base, textwrap.dedent(text).lstrip("\n").encode())


def load_tree(tmp_path: Path, files: dict[str, str]) -> LoadResult:
    write_files(tmp_path, files)
    return load_dossier(tmp_path / "briefs", tmp_path)


@dataclass
class BuiltSite:
    root: Path
    site: Path
    warnings: list[str] = field(default_factory=list)

    def html(self, url_path: str) -> str:
        """The HTML of the page at a site URL like ``briefs/x/``."""
        path = self.site / url_path
        if url_path.endswith("/") or not url_path:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def exists(self, url_path: str) -> bool:
        path = self.site / url_path
        if url_path.endswith("/") or not url_path:
            path = path / "index.html"
        return path.exists()


class _Messages(logging.Handler):
    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def mkdocs_messages(level: int = logging.WARNING) -> Iterator[list[str]]:
    """The messages MkDocs (and its plugins) log at ``level`` or above inside the block."""
    handler = _Messages(level)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def make_project(
    tmp_path: Path,
    files: dict[str, str],
    plugins: str = "  - briefbook",
    language: str = "en",
    docs: dict[str, str] | None = None,
    mkdocs_yml: str | None = None,
) -> Path:
    """A project folder with ``mkdocs.yml``, ``docs/`` and the given dossier files."""
    write_files(tmp_path, files)
    docs = {"index.md": "# Home\n", **(docs or {})}
    write_files(tmp_path, {f"docs/{name}": text for name, text in docs.items()})
    config = mkdocs_yml or BASE_MKDOCS.format(plugins=plugins, language=language)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path


def build_project(project: Path, strict: bool = False, **overrides) -> BuiltSite:
    """Build a project in-process, collecting warnings; exceptions propagate."""
    site = project / "site"
    with mkdocs_messages() as warnings:
        config = load_config(
            config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=strict, **overrides
        )
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return BuiltSite(project, site, warnings)


_PICTURE = re.compile(r'<figure class="bb-pic .*?</figure>', re.S)


def without_pictures(html: str) -> str:
    """A page's HTML without its pictures (``<figure class="bb-pic …">``), whose marks, names
    and tables repeat the titles of the lists they stand beside."""
    return _PICTURE.sub("", html)


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site, with its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def site_differences(site: Path, reference: Path) -> list[str]:
    """The paths of the files one site has and the other lacks, then of those that differ."""
    got, want = site_files(site), site_files(reference)
    return sorted(set(got) ^ set(want)) + sorted(p for p in got.keys() & want.keys()
                                                  if got[p] != want[p])


BUILD_ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
"""A reproducible build's environment (the same dates in every build)."""


def subprocess_build(project: Path, config_name: str, site: Path,
                     *options: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` of ``project`` with ``config_name`` into a fresh ``site``, in a new
    interpreter (what a user runs), with :data:`BUILD_ENV`."""
    shutil.rmtree(site, ignore_errors=True)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *options, "-f", config_name, "-d", str(site)],
        cwd=project, env=BUILD_ENV, capture_output=True, text=True,
    )


def copy_example(tmp_path: Path) -> Path:
    """A copy of the repository's example project (mkdocs.yml, docs/, briefs/)."""
    for name in ("docs", "briefs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


__all__ = [
    "BUILD_ENV", "ROOT", "SUBPATH_SITE_URL", "BuiltSite", "FileKind", "build_project",
    "copy_example", "load_text", "load_tree", "make_project", "mkdocs_messages",
    "site_differences", "site_files", "subprocess_build", "without_pictures", "write_files",
]
