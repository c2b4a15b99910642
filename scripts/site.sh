#!/usr/bin/env bash
# Install Briefbook in .venv and build (default) or serve the example dossier.
# Usage: bash scripts/site.sh [build|serve] [mkdocs args...]
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
command="${1:-build}"; shift || true
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e .
if [ "$command" = "build" ]; then
  exec .venv/bin/mkdocs build --strict "$@"
fi
exec .venv/bin/mkdocs "$command" "$@"
