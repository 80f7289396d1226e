#!/usr/bin/env bash
# Issue 6 benchmark, end to end: library search on SQLite and on PostgreSQL, then quality.
#
# For each database: a fresh database, migrate, generate and index the synthetic corpus (timed),
# serve with gunicorn as in production (`mizan serve`), time the public search over HTTP, stop.
# Then the quality comparison against a plain FTS5 index (no server, no Django).
#
#   bench/run_library.sh                    # 100,000 documents (about 1 GB of text) on both
#   DOCS=10000 bench/run_library.sh sqlite  # smaller, one database
#   SKIP_GENERATE=1 bench/run_library.sh    # time the last generated corpus again
#   QUALITY_DOCS=20000                      # size of the quality corpus (0 skips it)
#
# Results and logs go to $OUT (default /tmp/mizan-bench-library).
set -euo pipefail

cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
MIZAN=${MIZAN:-.venv/bin/mizan}
DOCS=${DOCS:-100000}
QUALITY_DOCS=${QUALITY_DOCS:-20000}
PORT=${PORT:-8163}
OUT=${OUT:-/tmp/mizan-bench-library}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432/mizan_bench_library}
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(sqlite postgres)
mkdir -p "$OUT"
export MIZAN_ENV=development

SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap stop_server EXIT

use_database() {
    export MIZAN_HOME="$OUT/$1-home"
    if [ "$1" = postgres ]; then export DATABASE_URL=$PG_URL; else unset DATABASE_URL; fi
}

for target in "${TARGETS[@]}"; do
    use_database "$target"
    if [ "${SKIP_GENERATE:-0}" != 1 ]; then
        rm -rf "$MIZAN_HOME" && mkdir -p "$MIZAN_HOME"
        if [ "$target" = postgres ]; then
            psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS mizan_bench_library"
            psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE mizan_bench_library"
        fi
        "$MIZAN" manage migrate -v0
        echo "=== $target: generate and index $DOCS documents" >&2
        "$PY" -m bench.library_generate --docs "$DOCS" | tee "$OUT/$target-generate.log" >&2
    fi
    echo "=== $target: serve and measure" >&2
    "$MIZAN" serve --port "$PORT" --workers 2 --threads 4 >"$OUT/$target-serve.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 120); do
        "$PY" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/library/', timeout=5)" 2>/dev/null && break
        sleep 0.5
    done
    "$PY" -m bench.library_http --base-url "http://127.0.0.1:$PORT" --label "$target, $DOCS documents" \
        | tee "$OUT/$target-http.md"
    stop_server
done

if [ "$QUALITY_DOCS" != 0 ]; then
    echo "=== quality: $QUALITY_DOCS documents, Mizan vs plain FTS5" >&2
    "$PY" -m bench.library_quality --docs "$QUALITY_DOCS" | tee "$OUT/quality.md"
fi
