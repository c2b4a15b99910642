"""The pipeline's layering holds: import-linter's contracts in pyproject.toml, on the real tree.

The contracts say that each stage imports only the stages below it (the model nothing above
it), that only ``briefbook.mkdocs`` imports MkDocs or Material, and that views, exports and
rendering never load files. A second test plants a forbidden import in a copy of the package
and expects the same contracts to catch it, so the check cannot pass by checking nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(config: Path, source_root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(source_root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(config), "--no-cache"],
        cwd=config.parent, env=env, capture_output=True, text=True, timeout=300,
    )


def test_every_layer_contract_is_kept() -> None:
    proc = _lint(ROOT / "pyproject.toml", ROOT / "src")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


def test_a_forbidden_import_is_caught(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "src" / "briefbook", tmp_path / "src" / "briefbook",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    planted = tmp_path / "src" / "briefbook" / "model" / "values.py"
    planted.write_text(planted.read_text(encoding="utf-8")
                       + "\nfrom briefbook.views import urls  # noqa\n", encoding="utf-8")
    proc = _lint(tmp_path / "pyproject.toml", tmp_path / "src")
    assert proc.returncode != 0
    assert "briefbook.model.values -> briefbook.views.urls" in proc.stdout
