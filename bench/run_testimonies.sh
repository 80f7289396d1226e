#!/bin/sh
# Issue 14's transcript page over HTTP in one go: a throwaway MIZAN_HOME with a 2,000-segment
# testimony (bench.testimonies_http setup), served with gunicorn as `mizan serve` runs it, timed
# by bench.testimonies_http measure, then the server is stopped.
#   bench/run_testimonies.sh [REQUESTS]      (PORT defaults to 8102, SEGMENTS to 2000)
set -eu
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
MIZAN=${MIZAN:-.venv/bin/mizan}
PORT=${PORT:-8102}
export MIZAN_ENV=development
export MIZAN_HOME
MIZAN_HOME=$(mktemp -d /tmp/mizan-bench-testimonies-XXXXXX)
LOG="$MIZAN_HOME/serve.log"
PYTHONPATH=. "$PY" -m bench.testimonies_http setup --segments "${SEGMENTS:-2000}"
"$MIZAN" serve --port "$PORT" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -rf "$MIZAN_HOME"' EXIT
until grep -q "Booting worker" "$LOG"; do sleep 1; done
sleep 2
PYTHONPATH=. "$PY" -m bench.testimonies_http measure --base-url "http://127.0.0.1:$PORT" \
    --requests "${1:-40}"
