"""docs/engines.md, checked: which notice MkDocs, Material and the plugins print, and that the
variables it names silence them (a new Material or plugin that changes them fails here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefbook.authoring.init import init_dossier, starter_files

MATERIAL = "Material for MkDocs reaches end of life"
MKDOCS_2 = "MkDocs may break support for all existing plugins and themes"
SILENCERS = ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new dossier with mkdocs-redirects, one of the plugins that print the MkDocs 2 notice."""
    root = tmp_path_factory.mktemp("notices") / "dossier"
    init_dossier(root, starter_files())
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - briefbook/timeline\n",
                                                 "  - briefbook/timeline\n  - redirects\n"))
    return root


def _stderr(project: Path, program: str, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in SILENCERS}
    proc = subprocess.run(
        [str(Path(sys.executable).parent / program), "build", "--strict", "-f", "mkdocs.yml",
         "--site-dir", str(project / f"site-{program}")],
        cwd=project, env={**clean, **env}, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stderr


@pytest.mark.parametrize(("env", "shown"), [
    ({}, {MATERIAL, MKDOCS_2}),
    ({"NO_MKDOCS_2_WARNING": "1"}, {MKDOCS_2}),
    ({"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}, set()),
], ids=["both", "material-silenced", "both-silenced"])
def test_mkdocs_prints_the_notices_the_docs_describe(project, env, shown):
    stderr = _stderr(project, "mkdocs", **env)
    assert {notice for notice in (MATERIAL, MKDOCS_2) if notice in stderr} == shown


def test_properdocs_prints_neither(project):
    stderr = _stderr(project, "properdocs")
    assert MATERIAL not in stderr and MKDOCS_2 not in stderr
