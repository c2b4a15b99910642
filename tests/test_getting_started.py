"""docs/getting-started.md, run: every ``briefbook`` and ``mkdocs build`` command of the
tutorial, in order, in a temporary folder; the others are only those that install, serve or
push, each named here with why it is not run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from support import ROOT

TUTORIAL = ROOT / "docs" / "getting-started.md"
NOT_RUN = {
    "python3 -m venv": "installing is what tests/test_packaging.py does, from the built wheel",
    "~/.venvs/briefbook/bin/pip install": "the same",
    ". ~/.venvs/briefbook/bin/activate": "the test puts this environment's bin/ on PATH",
    "mkdocs serve": "serves until stopped; mkdocs build --strict is run instead",
    "git ": "publishing needs a GitHub repository",
}


def commands() -> list[str]:
    text = TUTORIAL.read_text(encoding="utf-8")
    blocks = re.findall(r"^```bash\n(.*?)^```", text, re.S | re.M)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_every_command_is_run_or_named_as_not_run():
    lines = commands()
    assert len(lines) > 10
    for line in lines:
        runnable = line.startswith(("briefbook ", "cd ", "rm ", "mkdocs build"))
        assert runnable or line.startswith(tuple(NOT_RUN)), line


def test_the_tutorial_runs(tmp_path: Path):
    run = [line for line in commands() if not line.startswith(tuple(NOT_RUN))]
    script = "set -euo pipefail\n" + "\n".join(run) + "\n"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    dossier = tmp_path / "sahel-dossier"
    site = dossier / "site"
    assert (site / "briefs/ecowas-summit-in-abuja/index.html").is_file()
    assert (site / "actors/niger/index.html").is_file()
    assert not list(dossier.glob("briefs/**/example-*.md"))
    assert re.search(r"^briefbook", (dossier / "requirements.txt").read_text(), re.M)
    # run from this checkout, init cannot name an installable line, and says so
    assert "note: requirements.txt says 'briefbook==" in proc.stdout, proc.stdout
    # the last check, after the examples were deleted, was clean
    assert re.search(r"^0 errors, 0 warnings.* in 4 files$", proc.stdout, re.M), proc.stdout
