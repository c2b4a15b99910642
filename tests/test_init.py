"""``briefbook init``: a complete dossier repository that builds strictly, checks clean, and
whose workflows pass GitHub's workflow schema and zizmor; never overwriting anything."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import ROOT
from test_workflows import PINNED, _schema_check, _steps, _zizmor_findings

from briefbook import cli
from briefbook.authoring.init import SOURCE_REPOSITORY, installed_version, origin_of

EXPECTED = [
    "README.md", "briefs/{year}/example-brief.md", "briefs/actors/example-actor.md",
    "briefs/topics/example-topic.md", "docs/index.md", ".github/workflows/check.yml",
    ".github/workflows/deploy.yml", ".gitignore", ".pre-commit-config.yaml", "mkdocs.yml",
    "requirements.txt",
]


def _bin(name: str) -> str:
    return str(Path(sys.executable).parent / name)


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("init") / "sahel-dossier"
    assert cli.main(["init", str(target), "--title", 'Sahel: "watch" & notes']) == 0
    return target


def _workflow(dossier: Path, name: str) -> dict:
    return yaml.safe_load((dossier / ".github/workflows" / name).read_text(encoding="utf-8"))


def test_init_writes_the_whole_repository(dossier: Path, capsys) -> None:
    import datetime as dt

    year = dt.date.today().year
    written = sorted(str(p.relative_to(dossier)) for p in dossier.rglob("*") if p.is_file())
    assert written == sorted(e.format(year=year) for e in EXPECTED)
    config = (dossier / "mkdocs.yml").read_text(encoding="utf-8")
    settings = yaml.load(config, Loader=yaml.BaseLoader)  # !ENV read as text, not run
    assert settings["site_name"] == 'Sahel: "watch" & notes'
    theme = settings["theme"]
    assert theme["name"] == "material" and theme["font"] == "false"
    assert "navigation.instant" in theme["features"]
    assert [p["scheme"] for p in theme["palette"]] == ["default", "slate"]
    assert all("toggle" in p for p in theme["palette"])
    names = [next(iter(p)) if isinstance(p, dict) else p for p in settings["plugins"]]
    assert names == ["search", "briefbook", "briefbook/actors", "briefbook/timeline"]
    assert settings["nav"][0] == {"Overview": "index.md"}
    assert "<!-- briefbook:overview -->\n" in (dossier / "docs/index.md").read_text()
    for path in dossier.glob("briefs/**/*.md"):
        assert "EXAMPLE, to replace" in path.read_text(encoding="utf-8"), path
    assert "site/" in (dossier / ".gitignore").read_text().splitlines()
    assert ".venv/" in (dossier / ".gitignore").read_text().splitlines()
    requirement = (dossier / "requirements.txt").read_text().splitlines()[-1]
    assert requirement == f"briefbook=={installed_version()}"


def test_the_new_dossier_checks_clean_and_builds_strictly(dossier: Path, tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    check = subprocess.run([_bin("briefbook"), "check", "--strict"], cwd=dossier, env=env,
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.splitlines()[-1].startswith("0 errors, 0 warnings")
    site = tmp_path / "site"
    build = subprocess.run([_bin("mkdocs"), "build", "--strict", "--site-dir", str(site)],
                           cwd=dossier, env=env, capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr, build.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "briefbook:overview" not in home and "Example brief: replace it" in home
    brief = (site / "briefs/example-brief/index.html").read_text(encoding="utf-8")
    assert 'href="../../actors/example-actor/"' in brief
    assert (site / "questions/index.html").read_text().count("example-question") >= 1


def test_both_workflows_pass_the_schema_and_zizmor(dossier: Path) -> None:
    workflows = [dossier / ".github/workflows" / n for n in ("check.yml", "deploy.yml")]
    proc = _schema_check(*workflows)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    findings = _zizmor_findings(*workflows)
    assert [f for f in findings if f[1] in ("Medium", "High")] == [], findings


def test_the_workflows_check_build_and_deploy_with_least_permissions(dossier: Path) -> None:
    repo_pins = {line.split("uses: ", 1)[1].strip()
                 for path in (ROOT / ".github/workflows").glob("*.yml")
                 for line in path.read_text().splitlines() if "uses: " in line}
    for name in ("check.yml", "deploy.yml"):
        text = (dossier / ".github/workflows" / name).read_text(encoding="utf-8")
        workflow = yaml.safe_load(text)
        assert workflow["permissions"] == {}
        for line in text.splitlines():
            if "uses: " in line:
                pin = line.split("uses: ", 1)[1].strip()
                assert PINNED.match(pin) and pin in repo_pins, pin  # the same pins as this repo
        for step in _steps(workflow):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
        runs = [step.get("run", "") for step in _steps(workflow)]
        assert any("pip install" in r and "-r requirements.txt" in r for r in runs)
        assert any("mkdocs build --strict" in r for r in runs)
    check = _workflow(dossier, "check.yml")
    assert set(check[True]) == {"push", "pull_request"}  # YAML 1.1 reads `on` as true
    assert "briefbook check --strict" in [s.get("run") for s in _steps(check)]
    assert check["jobs"]["check"]["permissions"] == {"contents": "read"}
    deploy = _workflow(dossier, "deploy.yml")
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert deploy["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    used = [s["uses"].split("@")[0] for s in _steps(deploy) if "uses" in s]
    assert used == ["actions/checkout", "actions/setup-python", "actions/configure-pages",
                    "actions/cache", "actions/upload-pages-artifact", "actions/deploy-pages"]
    [cache] = [s for s in _steps(deploy) if s.get("uses", "").startswith("actions/cache@")]
    # the workflow keeps the folder the site's mkdocs.yml names
    [folder] = re.findall(r"^      cache_dir: (\S+)", (dossier / "mkdocs.yml").read_text(
        encoding="utf-8"), flags=re.M)
    assert cache["with"]["path"] == folder


def test_the_pre_commit_config_uses_this_repositorys_hook(dossier: Path) -> None:
    config = yaml.safe_load((dossier / ".pre-commit-config.yaml").read_text())
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    [repo] = config["repos"]
    assert repo["rev"] == f"v{installed_version()}"
    assert [h["id"] for h in repo["hooks"]] == [h["id"] for h in hooks]


def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path: Path, capsys) -> None:
    target = tmp_path / "d"
    (target / "docs").mkdir(parents=True)
    (target / "docs/index.md").write_text("# My own home page\n")
    (target / "mkdocs.yml").write_text("site_name: mine\n")
    code = cli.main(["init", str(target)])
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, "")
    assert "nothing was written: these files exist already" in captured.err
    assert f"  {target}/docs/index.md\n" in captured.err
    assert f"  {target}/mkdocs.yml\n" in captured.err
    assert "README.md" not in captured.err
    assert sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()) == [
        "docs/index.md", "mkdocs.yml"]
    assert (target / "docs/index.md").read_text() == "# My own home page\n"
    (tmp_path / "file").write_text("x")
    assert cli.main(["init", str(tmp_path / "file")]) == 2
    assert "is a file" in capsys.readouterr().err


def test_init_in_the_current_folder_and_with_a_git_requirement(tmp_path: Path, monkeypatch,
                                                               capsys) -> None:
    monkeypatch.chdir(tmp_path)
    line = "briefbook @ git+https://github.com/acme/briefbook@v0.2.0"
    assert cli.main(["init", "--requirement", line]) == 0
    out = capsys.readouterr().out
    assert "wrote mkdocs.yml\n" in out and "cd " not in out
    assert (tmp_path / "requirements.txt").read_text().splitlines()[-1] == line
    assert cli.main(["check", "--strict"]) == 0


@pytest.mark.parametrize(("direct_url", "requirement", "repository"), [
    (None, "briefbook==0.2.0", SOURCE_REPOSITORY),
    ('{"url": "https://github.com/acme/briefbook.git", "vcs_info": {"vcs": "git", '
     '"requested_revision": "v0.2.0", "commit_id": "' + "a" * 40 + '"}}',
     "briefbook @ git+https://github.com/acme/briefbook.git@v0.2.0",
     "https://github.com/acme/briefbook"),
    ('{"url": "https://github.com/acme/briefbook", "vcs_info": {"vcs": "git", '
     '"commit_id": "' + "b" * 40 + '"}}',
     f"briefbook @ git+https://github.com/acme/briefbook@{'b' * 40}",
     "https://github.com/acme/briefbook"),
    ('{"url": "file:///home/me/briefbook", "dir_info": {"editable": true}}',
     "briefbook==0.2.0", SOURCE_REPOSITORY),
    ('{"url": "https://x.org/a b", "vcs_info": {"vcs": "git", "commit_id": "c"}}',
     "briefbook==0.2.0", SOURCE_REPOSITORY),
    ("not json", "briefbook==0.2.0", SOURCE_REPOSITORY),
], ids=["index", "git-tag", "git-commit", "folder", "odd-url", "broken"])
def test_init_installs_what_ran_it(direct_url, requirement, repository) -> None:
    """PEP 610's direct_url.json says where this Briefbook came from: the workflows install
    the same (a git tag stays that tag), and the pre-commit hook names the same repository."""
    origin = origin_of("0.2.0", direct_url)
    assert (origin.requirement, origin.repository) == (requirement, repository)


def test_a_git_requirement_names_the_repository_and_tag_everywhere(tmp_path, capsys) -> None:
    """--requirement with a git line: requirements.txt, and the pre-commit hook's repository
    and revision, all follow it; no note about the package index or a placeholder."""
    line = "briefbook @ git+https://github.com/acme/briefbook@v0.2.0"
    assert cli.main(["init", str(tmp_path / "d"), "--requirement", line]) == 0
    out = capsys.readouterr().out
    assert "note:" not in out
    d = tmp_path / "d"
    assert line in (d / "requirements.txt").read_text(encoding="utf-8")
    hook = yaml.safe_load((d / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hook["repos"][0]["repo"] == "https://github.com/acme/briefbook"
    assert hook["repos"][0]["rev"] == "v0.2.0"


def test_a_placeholder_in_the_requirement_is_refused(tmp_path, capsys) -> None:
    """Copying the tutorial's line with <owner> unchanged is an error, and nothing is written."""
    line = "briefbook @ git+https://github.com/<owner>/briefbook@v0.2.0"
    assert cli.main(["init", str(tmp_path / "d"), "--requirement", line]) == 2
    assert "placeholder '<owner>'" in capsys.readouterr().err
    assert not (tmp_path / "d").exists()
    # the capitalised words init's own note and the docs use in their place
    line = "briefbook @ git+https://github.com/OWNER/briefbook@TAG"
    assert cli.main(["init", str(tmp_path / "d"), "--requirement", line]) == 2
    assert "placeholder 'OWNER'" in capsys.readouterr().err
    line = "briefbook @ git+https://github.com/analyst/briefbook@TAG"
    assert cli.main(["init", str(tmp_path / "d"), "--requirement", line]) == 2
    assert "placeholder 'TAG'" in capsys.readouterr().err
    assert not (tmp_path / "d").exists()


def test_init_says_what_is_left_to_do_when_it_cannot_know_an_installable_line(
        tmp_path, capsys) -> None:
    """Run from a folder or editable install (as here), requirements.txt can only name the
    version: init says so, and that the pre-commit repository is a placeholder."""
    assert cli.main(["init", str(tmp_path / "d")]) == 0
    notes = [line for line in capsys.readouterr().out.splitlines() if line.startswith("note:")]
    assert any("requirements.txt says 'briefbook==" in n and "--requirement" in n for n in notes)
    assert any(SOURCE_REPOSITORY in n and "placeholder" in n for n in notes)
