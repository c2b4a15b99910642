"""Installing as a user does: build the wheel and sdist, install the wheel into a fresh virtual
environment, and go from ``briefbook init`` to a strict build of the new dossier with it."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import ROOT

pytestmark = pytest.mark.packaging

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
PACKAGE_DATA = (
    "briefbook/py.typed",
    "briefbook/templates/briefbook/brief_header.html",
    "briefbook/assets/briefbook.css",
    "briefbook/assets/timeline.js",
    "briefbook/schema/dossier.schema.json",
    "briefbook/i18n/en.yml",
    "briefbook/i18n/fr.yml",
    "briefbook/i18n/de.yml",
    "briefbook/authoring/starter/mkdocs.yml",
    "briefbook/authoring/starter/dot-github/workflows/deploy.yml",
    "briefbook/authoring/starter/dot-pre-commit-config.yaml",
)


@dataclass(frozen=True)
class Installed:
    wheel: Path
    sdist: Path
    venv: Path

    def bin(self, name: str) -> str:
        return str(self.venv / "bin" / name)

    def run(self, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        """A command of the fresh environment, with only that environment on PATH."""
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
        env["PATH"] = f"{self.venv / 'bin'}{os.pathsep}/usr/bin:/bin"
        env["NO_MKDOCS_2_WARNING"] = "1"
        return subprocess.run([self.bin(args[0]), *args[1:]], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=300)


def _checked(proc: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel and sdist built by ``python -m build``; the wheel installed in a fresh venv."""
    base = tmp_path_factory.mktemp("packaging")
    dist = base / "dist"
    _checked(subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)],
                            capture_output=True, text=True, timeout=600))
    [wheel] = dist.glob("briefbook-*.whl")
    [sdist] = dist.glob("briefbook-*.tar.gz")
    venv = base / "venv"
    _checked(subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True,
                            text=True, timeout=120))
    _checked(subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                             "--disable-pip-version-check", str(wheel)],
                            capture_output=True, text=True, timeout=600))
    return Installed(wheel, sdist, venv)


def test_the_wheel_and_the_sdist_carry_the_package_data(installed: Installed) -> None:
    assert installed.wheel.name == f"briefbook-{VERSION}-py3-none-any.whl"
    in_wheel = set(zipfile.ZipFile(installed.wheel).namelist())
    with tarfile.open(installed.sdist) as sdist:
        in_sdist = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for name in PACKAGE_DATA:
        assert name in in_wheel, name
        assert f"src/{name}" in in_sdist, name
    starter = {n for n in in_wheel if n.startswith("briefbook/authoring/starter/")}
    assert len(starter) == 11, sorted(starter)
    entry_points = next(n for n in in_wheel if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(installed.wheel).read(entry_points).decode()
    for group in ("[mkdocs.plugins]", "[properdocs.plugins]"):
        assert group in text
    assert text.count("briefbook.mkdocs.actors:ActorsPlugin") == 2


def test_the_installed_package_finds_its_files_and_plugins(installed: Installed,
                                                           tmp_path: Path) -> None:
    assert _checked(installed.run("briefbook", "--version", cwd=tmp_path)).stdout \
        == f"briefbook {VERSION}\n"
    probe = (
        "from importlib import resources, metadata\n"
        "root = resources.files('briefbook')\n"
        "for name in " + repr(PACKAGE_DATA) + ":\n"
        "    assert (root / name.removeprefix('briefbook/')).is_file(), name\n"
        "print(root)\n"
        "print(sorted(e.name for e in metadata.entry_points(group='mkdocs.plugins')))\n"
    )
    out = _checked(installed.run("python", "-c", probe, cwd=tmp_path)).stdout.splitlines()
    assert out[0].startswith(str(installed.venv))  # the installed copy, not the source tree
    for name in ("briefbook", "briefbook/actors", "briefbook/timeline"):
        assert f"'{name}'" in out[1]


def test_from_a_fresh_venv_to_a_strict_build_of_a_new_dossier(installed: Installed,
                                                                tmp_path: Path) -> None:
    """The issue's "done when": install, init, new, check, strict build."""
    dossier = tmp_path / "my-dossier"
    init = _checked(installed.run("briefbook", "init", str(dossier), "--title", "Sahel watch",
                                  cwd=tmp_path))
    assert "wrote " in init.stdout and (dossier / "mkdocs.yml").is_file()
    assert (dossier / "requirements.txt").read_text().splitlines()[-1] == f"briefbook=={VERSION}"
    for argv in (
        ("briefbook", "new", "actor", "Economic Community of West African States",
         "--kind", "organisation", "--aliases", "ECOWAS", "CEDEAO", "--slug", "ecowas"),
        ("briefbook", "new", "actor", "Niger", "--kind", "state", "--country", "NE",
         "--member-of", "ecowas"),
        ("briefbook", "new", "topic", "Regional security"),
        ("briefbook", "new", "brief", "ECOWAS summit in Abuja", "--date", "2025-06-22",
         "--actors", "ecowas", "niger", "--topics", "regional-security"),
    ):
        _checked(installed.run(*argv, cwd=dossier))
    check = _checked(installed.run("briefbook", "check", "--strict", cwd=dossier))
    assert check.stdout.splitlines()[-1].startswith("0 errors, 0 warnings")
    assert check.stdout.splitlines()[-1].endswith(" in 7 files")
    build = _checked(installed.run("mkdocs", "build", "--strict", cwd=dossier))
    assert "WARNING" not in build.stderr, build.stderr
    site = dossier / "site"
    for page in ("briefs/ecowas-summit-in-abuja/index.html", "actors/niger/index.html",
                 "topics/regional-security/index.html", "timeline/index.html",
                 "assets/briefbook/briefbook.css"):
        assert (site / page).is_file(), page
    niger = (site / "actors/niger/index.html").read_text(encoding="utf-8")
    assert "../ecowas/" in niger  # the affiliation given with --member-of links the actor
