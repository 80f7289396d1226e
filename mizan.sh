#!/usr/bin/env bash
# Mizan's two Quick start commands (README):
#   ./mizan.sh demo   set everything up on a fresh Debian/Ubuntu machine and serve the demo
#   ./mizan.sh test   set up what the tests need and run every check and test
# Both are safe to repeat: each step is skipped when it is already done.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
VENV="$ROOT/.venv"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'mizan.sh: %s\n' "$*" >&2; exit 1; }

# --- System packages ------------------------------------------------------------------------
# demo: python3-venv (to make the virtual environment); libpango-1.0-0, libpangoft2-1.0-0 and
#       fonts-noto-core (WeasyPrint renders submissions to UN bodies as PDF, Arabic shaped);
#       libmagic1 (the evidence locker types files from their content, as `file` does).
# test: also poppler-utils (pdftotext reads the PDFs back), chromium (browser tests, driven by Playwright; never a downloaded browser),
#       postgresql (only when no server answers on 127.0.0.1:5432), gettext (translation checks).
# test: openssl (the handover-package tests run the openssl commands the package README gives).
# library (demo and test): ocrmypdf, tesseract-ocr-ara and tesseract-ocr-eng read scanned PDFs (OCR);
#       without them a scan is kept and flagged "OCR is not installed".
# testimonies (demo): espeak-ng speaks the demo testimonies' synthetic Arabic transcripts, so the
#       demo recordings are speech the transcript follows; without it the demo uses a tone.
APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "Installing system packages: ${missing[*]}"
    if [ $APT_UPDATED -eq 0 ]; then apt-get update -qq >/dev/null; APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    die "please install these Debian/Ubuntu packages first (as root): apt-get install ${missing[*]}"
  fi
}

need_python() {
  command -v python3 >/dev/null || apt_install python3
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || die "Python 3.11 or newer is needed (found $(python3 --version 2>&1))."
  python3 -c 'import ensurepip, venv' 2>/dev/null || apt_install python3-venv
  apt_install libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core libmagic1
  apt_install ocrmypdf tesseract-ocr-ara tesseract-ocr-eng  # library OCR of scanned PDFs
  apt_install espeak-ng  # testimonies demo: synthetic speech for the demo recordings
  apt_install restic  # mizan backup: the encrypted, deduplicated backup repository (issue 13)
}

# --- Virtual environment --------------------------------------------------------------------
need_venv() {
  need_python
  [ -x "$VENV/bin/python" ] || { say "Creating the virtual environment in .venv"; python3 -m venv "$VENV"; }
  local stamp="$VENV/.mizan-installed" want
  want=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "Installing Mizan and its Python dependencies (pinned in constraints.txt)"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -c constraints.txt -e ".[test]"
    echo "$want" > "$stamp"
  fi
}

# --- PostgreSQL for the tests ----------------------------------------------------------------
postgres_url() {
  if [ -n "${MIZAN_TEST_POSTGRES_URL:-}" ]; then echo "$MIZAN_TEST_POSTGRES_URL"; return; fi
  if pg_answers postgres; then echo "postgres://postgres@127.0.0.1:5432/mizan"; return; fi
  if pg_answers mizan mizan; then echo "postgres://mizan:mizan@127.0.0.1:5432/mizan"; return; fi
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL is needed for the tests: start a server on 127.0.0.1:5432 or set MIZAN_TEST_POSTGRES_URL"
  apt_install postgresql postgresql-client
  say "Starting PostgreSQL and creating the test role"
  local version; version=$(ls /etc/postgresql | sort -V | tail -1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='mizan') THEN CREATE ROLE mizan LOGIN CREATEDB PASSWORD 'mizan'; END IF; END \\\$\\\$;\"" >/dev/null
  pg_answers mizan mizan || die "PostgreSQL started but the mizan role cannot connect"
  echo "postgres://mizan:mizan@127.0.0.1:5432/mizan"
}
pg_answers() {
  command -v psql >/dev/null || apt_install postgresql-client
  PGPASSWORD="${2:-}" PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -p 5432 -U "$1" -d postgres -Atqc 'select 1' >/dev/null 2>&1
}

run_tests() {
  apt_install chromium gettext poppler-utils
  apt_install openssl
  need_venv
  local py="$VENV/bin/python" status=0
  export PATH="$VENV/bin:$PATH" PYTHONHASHSEED=0
  say "ruff (lint and format)"
  ruff check . && ruff format --check . || status=1
  say "mypy"
  mypy || status=1
  say "import contracts: layers and no cycles (lint-imports, pyproject.toml)"
  lint-imports --no-cache || status=1
  say "migrations are complete (makemigrations --check)"
  MIZAN_ENV=test "$py" -m mizan.cli manage makemigrations --check --dry-run || status=1
  say "production profile passes check --deploy --fail-level WARNING"
  MIZAN_ENV=production MIZAN_SECRET_KEY="$(head -c 48 /dev/urandom | base64)xxxxxxxxxx" \
    MIZAN_ALLOWED_HOSTS=mizan.example.org DATABASE_URL=postgres://mizan@127.0.0.1/mizan \
    "$py" -m mizan.cli manage check --deploy --fail-level WARNING || status=1
  # pytest-xdist: one worker per core (MIZAN_TEST_WORKERS overrides); each worker has its own
  # database (test_<name>_gw0 …) and MIZAN_HOME. The 15 slowest tests are listed at the end.
  local pytest_args=(-q -p no:cacheprovider -n "${MIZAN_TEST_WORKERS:-auto}" --durations=15)
  local pg; pg=$(postgres_url)
  # The PostgreSQL pass runs only the tests that reach a database (MIZAN_TEST_DATABASE_ONLY,
  # mizan.testing.plugin); the others give the same answer on either backend and run once, below.
  say "tests on PostgreSQL ($pg): those that reach a database"
  MIZAN_TEST_DATABASE_ONLY=1 MIZAN_TEST_DATABASE_URL="$pg" "$py" -m pytest "${pytest_args[@]}" -m "not browser" || status=1
  say "tests on SQLite: all, with the browser tests (Chromium)"
  "$py" -m pytest "${pytest_args[@]}" || status=1
  if [ $status -ne 0 ]; then say "FAILED: see above"; else say "all checks passed"; fi
  return $status
}

case "${1:-}" in
  demo) shift; need_venv; exec "$VENV/bin/mizan" demo "$@" ;;
  test) shift; run_tests ;;
  *) echo "usage: ./mizan.sh demo [--host H] [--port P] | ./mizan.sh test" >&2; exit 2 ;;
esac
