"""The GitHub Actions workflows: valid, safe (zizmor), pinned, and least-privileged."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
CI, DEPLOY = WORKFLOWS / "ci.yml", WORKFLOWS / "deploy.yml"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def _tool(name: str) -> str:
    """A command-line tool of the test extras, from this Python's environment first."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: install the test extras (pip install -e '.[test]')")
    return found


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120)


def _schema_check(*files: Path) -> subprocess.CompletedProcess[str]:
    return _run(_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *files)


def _zizmor_findings(*files: Path) -> list[tuple[str, str]]:
    """(audit, severity) of each zizmor finding, without network access."""
    proc = _run(_tool("zizmor"), "--offline", "--format", "json", *files)
    assert proc.stdout.strip(), proc.stderr
    return [(f["ident"], f["determinations"]["severity"]) for f in json.loads(proc.stdout)]


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_workflows_match_githubs_workflow_schema():
    proc = _schema_check(CI, DEPLOY)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    steps: not-a-list\n")
    assert _schema_check(broken).returncode != 0


def test_zizmor_finds_nothing_of_medium_or_high_severity():
    findings = _zizmor_findings(CI, DEPLOY)
    assert [f for f in findings if f[1] in ("Medium", "High")] == []


def test_zizmor_flags_an_unsafe_workflow(tmp_path):
    unsafe = tmp_path / "unsafe.yml"
    unsafe.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        '      - run: echo "${{ github.event.head_commit.message }}"\n'
    )
    audits = {audit for audit, severity in _zizmor_findings(unsafe)}
    assert {"unpinned-uses", "template-injection", "artipacked"} <= audits


@pytest.mark.parametrize("path", [CI, DEPLOY], ids=["ci", "deploy"])
def test_actions_are_pinned_and_checkouts_keep_no_credentials(path):
    workflow = _load(path)
    assert workflow["permissions"] == {}
    for step in _steps(workflow):
        if "uses" in step:
            line = next(li.strip() for li in path.read_text().splitlines()
                        if li.strip().removeprefix("- ").startswith(f"uses: {step['uses']}"))
            assert PINNED.match(line.split("uses: ", 1)[1]), line
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_ci_runs_the_readmes_test_command_on_push_and_pull_request():
    workflow = _load(CI)
    assert set(workflow[True]) == {"push", "pull_request"}  # YAML 1.1 reads `on` as true
    runs = [step.get("run") for step in _steps(workflow)]
    assert "bash scripts/test.sh" in runs
    assert "bash scripts/test.sh" in (ROOT / "README.md").read_text()
    for job in workflow["jobs"].values():
        assert job["permissions"] == {"contents": "read"}


def test_deploy_builds_strictly_and_deploys_with_least_permissions():
    workflow = _load(DEPLOY)
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    used = [step["uses"].split("@")[0] for step in _steps(workflow) if "uses" in step]
    assert {"actions/configure-pages", "actions/upload-pages-artifact"} <= set(used)
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    build_step = next(s for s in build["steps"] if "mkdocs build" in s.get("run", ""))
    assert "--strict" in build_step["run"]
    assert "SOURCE_DATE_EPOCH" in build_step["run"]
    assert "BRIEFBOOK_SITE_URL" in build_step["env"]
