#!/bin/sh
# Serve the demo with gunicorn and load its common pages with 50 signed-in users (issue 11).
#   bench/run_pages.sh [WORKERS THREADS [SECONDS [LABEL]]]
# Needs the demo database: MIZAN_HOME=/tmp/perf-home mizan demo --no-serve
set -eu
WORKERS=${1:-2}
THREADS=${2:-4}
SECONDS_=${3:-60}
LABEL=${4:-"$WORKERS workers × $THREADS threads"}
PORT=${PORT:-8766}
export MIZAN_HOME=${MIZAN_HOME:-/tmp/perf-home}
LOG=$(mktemp)
mizan serve --port "$PORT" --workers "$WORKERS" --threads "$THREADS" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; rm -f "$LOG"' EXIT
until grep -q "Booting worker" "$LOG"; do sleep 1; done
sleep 2
python -m bench.pages_load --base-url "http://127.0.0.1:$PORT" --seconds "$SECONDS_" \
    --floor-seconds 15 --server-pid "$SERVER" --label "$LABEL"
