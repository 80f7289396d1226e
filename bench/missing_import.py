"""Issue 5 benchmark: importing a list of 100,000 names (CSV and XLSX), SQLite and PostgreSQL.

Why: the issue asks that 100,000 rows import in under a minute. An import is the dry run (every
row checked) followed by the write (the file read and checked again inside one transaction,
records created with bulk_create in batches of 2,000). Each run is a fresh child process
(``mizan missing import``, the command officers use) against a freshly migrated database, so
its wall time and peak memory (VmHWM) are its own. The dry run alone is timed as well.

    .venv/bin/python bench/missing_import.py                     # 100k rows, both databases
    .venv/bin/python bench/missing_import.py --rows 20000 --databases sqlite

PostgreSQL: ``--pg-url`` (default postgres://postgres@127.0.0.1:5432/mizan_bench_missing) is
dropped and created. Prints a Markdown table; bench/README.md holds the figures of the last run.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIZAN = str(ROOT / ".venv" / "bin" / "mizan")
PY = str(ROOT / ".venv" / "bin" / "python")


def generate(directory: Path, rows: int) -> dict[str, Path]:
    code = (
        "import sys; from pathlib import Path; "
        "from mizan.missing.synthetic_lists import write_csv, write_xlsx; "
        f"d = Path({str(directory)!r}); "
        f"write_csv(d / 'list.csv', {rows}); write_xlsx(d / 'list.xlsx', {rows})"
    )
    subprocess.run([PY, "-c", code], check=True, cwd=ROOT)
    return {"csv": directory / "list.csv", "xlsx": directory / "list.xlsx"}


def peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB, sampled until exit) and output of one command."""
    started = time.monotonic()
    process = subprocess.Popen(
        args, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak = 0.0
    while process.poll() is None:
        value = peak_rss_mb(process.pid)
        if value == value:  # not NaN
            peak = max(peak, value)
        time.sleep(0.05)
    output = process.stdout.read() if process.stdout else ""
    seconds = time.monotonic() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{output}")
    return seconds, peak, output


def fresh_database(kind: str, home: Path, pg_url: str) -> dict[str, str]:
    env = {**os.environ, "MIZAN_HOME": str(home), "MIZAN_ENV": "development"}
    env.pop("DATABASE_URL", None)
    if kind == "postgres":
        name = pg_url.rsplit("/", 1)[1]
        base = pg_url.rsplit("/", 1)[0]
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True
        )
        subprocess.run(["psql", f"{base}/postgres", "-qc", f"CREATE DATABASE {name}"], check=True)
        env["DATABASE_URL"] = pg_url
    subprocess.run([MIZAN, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--formats", nargs="+", default=["csv", "xlsx"])
    parser.add_argument(
        "--pg-url", default="postgres://postgres@127.0.0.1:5432/mizan_bench_missing"
    )
    options = parser.parse_args()
    results: list[tuple[str, str, str, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="mizan-bench-missing-") as tmp:
        directory = Path(tmp)
        started = time.monotonic()
        files = generate(directory, options.rows)
        print(
            f"generated {options.rows:,} rows as CSV and XLSX in "
            f"{time.monotonic() - started:.1f} s",
            file=sys.stderr,
        )
        for database in options.databases:
            for fmt in options.formats:
                home = directory / f"home-{database}-{fmt}"
                env = fresh_database(database, home, options.pg_url)
                path = str(files[fmt])
                dry = run([MIZAN, "missing", "import", path, "--source", "dry", "--dry-run"], env)
                results.append((database, fmt, "dry run", dry[0], dry[1]))
                full = run([MIZAN, "missing", "import", path, "--source", f"bench-{fmt}"], env)
                results.append((database, fmt, "import (dry run + write)", full[0], full[1]))
                print(
                    f"{database} {fmt}: dry {dry[0]:.1f} s, import {full[0]:.1f} s", file=sys.stderr
                )
    print(
        f"\n{options.rows:,} rows; {platform.python_implementation()} "
        f"{platform.python_version()}; {os.cpu_count()} cores\n"
    )
    print("| database | file | what | wall time (s) | rows/s | peak RSS (MB) |")
    print("|---|---|---|---:|---:|---:|")
    for database, fmt, what, seconds, peak in results:
        print(
            f"| {database} | {fmt.upper()} | {what} | {seconds:.1f} | "
            f"{options.rows / seconds:,.0f} | {peak:.0f} |"
        )


if __name__ == "__main__":
    main()
