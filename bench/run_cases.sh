#!/usr/bin/env bash
# Issue 3 benchmark, end to end, on SQLite and on PostgreSQL.
#
# Why a script: the figures in bench/README.md must be reproducible with one command. For each
# database: a fresh database, migrate, generate the synthetic set (timed), serve with gunicorn
# as in production (`mizan serve`), measure over HTTP with bench.cases_http, stop the server.
#
#   bench/run_cases.sh                         # full size: 100k incidents, 300k persons, 400k acts
#   INCIDENTS=20000 PERSONS=60000 ACTS=80000 bench/run_cases.sh sqlite
#
# Arguments: which databases (sqlite, postgres; default both). Results go to $OUT (default
# /tmp/mizan-bench-cases): one Markdown table per database, raw timings, logs, and the SQLite
# database itself ($OUT/sqlite-home). SKIP_GENERATE=1 measures an already generated set again;
# PARALLEL_GENERATE=0 generates one database after the other.
set -euo pipefail

cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
MIZAN=${MIZAN:-.venv/bin/mizan}
INCIDENTS=${INCIDENTS:-100000}
PERSONS=${PERSONS:-300000}
ACTS=${ACTS:-400000}
REQUESTS=${REQUESTS:-50}
BUDGET=${BUDGET:-30}  # seconds per endpoint once 10 requests are timed
PORT=${PORT:-8765}
OUT=${OUT:-/tmp/mizan-bench-cases}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432/mizan_bench}
PG_DB=${PG_URL##*/}  # the database dropped and created for the run
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(sqlite postgres)
mkdir -p "$OUT"
export MIZAN_ENV=development

SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap stop_server EXIT

wait_for_server() {
    for _ in $(seq 1 120); do
        if "$PY" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$PORT/', timeout=2)" 2>/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    echo "the server did not answer on port $PORT" >&2
    return 1
}

home_of() { echo "$OUT/$1-home"; }

use_database() {
    export MIZAN_HOME
    MIZAN_HOME=$(home_of "$1")
    if [ "$1" = postgres ]; then export DATABASE_URL=$PG_URL; else unset DATABASE_URL; fi
}

generate() {
    local target=$1
    use_database "$target"
    rm -rf "$MIZAN_HOME" && mkdir -p "$MIZAN_HOME"
    if [ "$target" = postgres ]; then
        psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $PG_DB"
        psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE $PG_DB"
    fi
    "$MIZAN" manage migrate -v0
    echo "=== $target: generate ($INCIDENTS incidents, $PERSONS persons, $ACTS acts)" >&2
    /usr/bin/time -v -o "$OUT/$target-generate.time" "$PY" -m bench.cases_generate \
        --incidents "$INCIDENTS" --persons "$PERSONS" --acts "$ACTS" >"$OUT/$target-generate.log"
    tail -n 1 "$OUT/$target-generate.log" >&2
}

measure() {
    local target=$1
    use_database "$target"
    echo "=== $target: serve and measure" >&2
    "$MIZAN" serve --port "$PORT" --workers 2 --threads 4 >"$OUT/$target-server.log" 2>&1 &
    SERVER_PID=$!
    wait_for_server
    "$PY" -m bench.cases_http --base-url "http://127.0.0.1:$PORT" --label "$target" \
        --requests "$REQUESTS" --budget "$BUDGET" \
        --output "$OUT/$target.md" --json "$OUT/$target.json"
    stop_server
}

for target in "${TARGETS[@]}"; do
    case "$target" in
        sqlite | postgres) ;;
        *)
            echo "unknown target $target (sqlite, postgres)" >&2
            exit 2
            ;;
    esac
done
# Generation is one Python process per database; with two cores both can run at once. The
# measurements run one database at a time, with nothing else busy, so they do not disturb
# each other.
if [ "${PARALLEL_GENERATE:-1}" = 1 ]; then
    pids=()
    for target in "${TARGETS[@]}"; do
        if [ "${SKIP_GENERATE:-0}" != 1 ]; then generate "$target" & pids+=($!); fi
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
else
    for target in "${TARGETS[@]}"; do
        if [ "${SKIP_GENERATE:-0}" != 1 ]; then generate "$target"; fi
    done
fi
for target in "${TARGETS[@]}"; do
    measure "$target"
done
echo "tables: $OUT/*.md" >&2
