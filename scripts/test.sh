#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine, then run the whole suite.
# Usage: bash scripts/test.sh [pytest args...]
#
# The browser tests drive a Chromium-family browser with Playwright: BRIEFBOOK_CHROMIUM names
# the executable (CI sets Google Chrome's); otherwise the first working one of chromium,
# google-chrome and chromium-browser is used, and Debian's chromium is installed when none works.
# Other Debian packages the tests use (poppler-utils, Java for the Nu HTML Checker, npm for the
# checkers) are installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1

# A browser "works" when it runs and is not Ubuntu's stub that asks for the chromium snap
# (a snap-confined browser cannot be driven with a temporary profile).
browser_works() {
  local path
  path="$(readlink -f "$1" 2>/dev/null)" || return 1
  [ -x "$path" ] || return 1
  case "$path" in /snap/*) return 1 ;; esac
  if head -c 4096 "$path" 2>/dev/null | grep -aq "/snap/"; then return 1; fi
  timeout 60 "$path" --headless --no-sandbox --disable-gpu --version >/dev/null 2>&1
}

find_browser() {
  local name path
  for name in chromium google-chrome google-chrome-stable chromium-browser; do
    path="$(command -v "$name" 2>/dev/null)" || continue
    if browser_works "$path"; then echo "$path"; return 0; fi
  done
  return 1
}

apt_install() {
  echo "== installing Debian packages: $*"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

missing=()
if [ -n "${BRIEFBOOK_CHROMIUM:-}" ]; then
  if ! browser_works "$BRIEFBOOK_CHROMIUM"; then
    echo "BRIEFBOOK_CHROMIUM=$BRIEFBOOK_CHROMIUM does not run as a browser" >&2
    exit 1
  fi
elif ! BRIEFBOOK_CHROMIUM="$(find_browser)"; then
  missing+=(chromium fonts-liberation)
fi
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)  # the print book's PDF test
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)  # the Nu HTML Checker
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)  # installs the checkers below
if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}"
fi
if [ -z "${BRIEFBOOK_CHROMIUM:-}" ] && ! BRIEFBOOK_CHROMIUM="$(find_browser)"; then
  echo "no working Chromium or Chrome found: set BRIEFBOOK_CHROMIUM to one" >&2
  exit 1
fi
export BRIEFBOOK_CHROMIUM
echo "== browser for the browser tests: $BRIEFBOOK_CHROMIUM"

if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  python3 -m venv .venv
fi
echo "== installing briefbook and its test dependencies"
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'

# The independent checkers (Nu HTML Checker, axe-core), pinned in tests/checkers/package-lock.json,
# installed into tests/checkers/node_modules (ignored by git); again only when the lock changed.
checkers=tests/checkers
stamp="$checkers/node_modules/.installed-from-lock"
if ! cmp -s "$checkers/package-lock.json" "$stamp"; then
  echo "== installing the HTML and accessibility checkers (npm ci)"
  # --ignore-scripts: vnu-jar's postinstall would fetch a JRE; Debian's Java runs the checker
  npm ci --prefix "$checkers" --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
  cp "$checkers/package-lock.json" "$stamp"
fi

echo "== ruff"
.venv/bin/ruff check src tests scripts
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
exec .venv/bin/python -m pytest "$@"
