"""Indexing cost of several versions of the code, counted so that the machine's load does not
decide (issue 16: "indexing speed at least what it is now").

Each version (``name=ref``: a commit, or ``.`` for this checkout's working tree) is unpacked
with ``git archive`` and its ``src`` put first on ``PYTHONPATH`` (the generator, the corpus and
this script are this checkout's). For each, a child process migrates a fresh SQLite database
(or, with ``--postgres``, a fresh PostgreSQL database ``mizan_indexcount_<name>_<n>``) and
indexes ``--docs`` documents of ``bench.library_corpus`` as ``bench.library_generate`` does:
batches of 500, documents and text versions written with ``bulk_create``, then for each batch

* *terms*: ``index_terms`` of every document (terms and, from issue 16 on, exact forms);
* *writes*: the ``SearchEntry`` rows (FTS5 triggers on SQLite, the tsvector and GIN index on
  PostgreSQL) and the ``SearchForms`` rows, written by ``bench.library_generate.write_entries``
  (``bulk_create``, or the version's ``insert_entries`` where it has one);
* *commit*: leaving the batch's transaction (its documents' pages as well; shown apart),

inside ``bulk_indexing()``, whose end (PostgreSQL: the GIN merge) counts as *writes*.

Two views:

* ``--callgrind``: each child runs under ``valgrind --tool=callgrind`` with instrumentation off
  until the first batch and collection only inside the three phases (client requests from a
  tiny C helper built here with ``gcc``; ``valgrind/callgrind.h``); every phase of every batch
  is dumped, and the instructions (Ir) summed per phase. Instruction counts do not depend on
  the load: one run is enough. SQLite's C code runs in the process and is counted.
  PostgreSQL's server is another process and is not: use CPU/wall there.
* CPU (``time.process_time``) and wall time per phase outside valgrind, ``--rounds`` rounds,
  versions alternating, medians.

    python -m bench.library_index_count --docs 1000 --callgrind \\
        base=b878e2a main=main branch=.
    python -m bench.library_index_count --docs 2000 --rounds 5 base=b878e2a branch=.
"""

from __future__ import annotations

import argparse
import gc
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BATCH = 500
ROOT = Path(__file__).resolve().parent.parent
PHASES = ("terms", "writes", "commit")

_MARKS_C = r"""
#include <valgrind/callgrind.h>
void mark_start(void) { CALLGRIND_START_INSTRUMENTATION; }
void mark_toggle(void) { CALLGRIND_TOGGLE_COLLECT; }
void mark_dump(const char *name) { CALLGRIND_DUMP_STATS_AT(name); }
"""


# --- the child: one version, one fresh database -----------------------------------------------


class _Marks:
    """Callgrind client requests (no-ops outside valgrind, and absent without the helper)."""

    def __init__(self, library: str | None) -> None:
        self.lib = None
        if library:
            import ctypes

            self.lib = ctypes.CDLL(library)
            self.lib.mark_start()

    def on(self) -> None:
        if self.lib:
            self.lib.mark_toggle()

    def off(self, phase: str) -> None:
        if self.lib:
            self.lib.mark_toggle()
            self.lib.mark_dump(phase.encode())


def child(docs: int, marks_library: str | None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
    import random

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    call_command("migrate", verbosity=0)

    from bench.library_corpus import Corpus
    from bench.library_generate import create_batch, write_entries
    from mizan.core.models import Term
    from mizan.library.search import bulk_indexing, index_terms

    corpus = Corpus(docs)
    bodies = list(Term.objects.filter(vocabulary="library_body"))
    types = list(Term.objects.filter(vocabulary="library_type"))
    rng = random.Random(7)
    cpu = dict.fromkeys(PHASES, 0.0)
    wall = dict.fromkeys(PHASES, 0.0)
    server = dict.fromkeys(PHASES, 0.0)
    marks = None
    stat = None
    if connection.vendor == "postgresql":
        # The PostgreSQL backend serving this connection: its CPU time, from /proc.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            stat = Path(f"/proc/{cursor.fetchone()[0]}/stat")
    clock_tick = os.sysconf("SC_CLK_TCK")

    def server_cpu() -> float:
        if stat is None:
            return 0.0
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / clock_tick  # utime + stime

    def phase_start() -> tuple[float, float, float]:
        assert marks is not None
        marks.on()
        current[0] = "in"
        return time.process_time(), time.perf_counter(), server_cpu()

    def phase_end(name: str, ticks: tuple[float, float, float]) -> None:
        assert marks is not None
        cpu[name] += time.process_time() - ticks[0]
        wall[name] += time.perf_counter() - ticks[1]
        server[name] += server_cpu() - ticks[2]
        current[0] = "outside"
        marks.off(name)

    # The cyclic collector's own time, by generation (``gc.callbacks``), to see what it costs.
    collections: dict[str, float] = {"gen0": 0.0, "gen1": 0.0, "gen2": 0.0, "count2": 0.0}
    collecting: list[float] = []
    current = ["outside"]

    def collector(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collecting.append(time.process_time())
        elif collecting:
            collections[f"gen{info['generation']}"] += time.process_time() - collecting.pop()
            collections["count2"] += info["generation"] == 2
            if info["generation"] == 2:
                collections[f"gen2_{current[0]}"] = collections.get(f"gen2_{current[0]}", 0) + 1

    gc.callbacks.append(collector)
    bulk = bulk_indexing()
    bulk.__enter__()
    for first in range(0, docs, BATCH):
        batch = [corpus.document(n) for n in range(first, min(docs, first + BATCH))]
        if marks is None:  # instrumentation from here on (the code's caches are warm alike)
            marks = _Marks(marks_library)
        atomic = transaction.atomic()
        atomic.__enter__()
        documents = create_batch(batch, first, rng, bodies, types)
        ticks = phase_start()
        computed = [
            index_terms(document, [text])
            for document, (_l, _t, text) in zip(documents, batch, strict=True)
        ]
        phase_end("terms", ticks)
        ticks = phase_start()
        write_entries(documents, computed)
        phase_end("writes", ticks)
        del computed
        ticks = phase_start()
        atomic.__exit__(None, None, None)
        phase_end("commit", ticks)
    ticks = phase_start()
    bulk.__exit__(None, None, None)
    phase_end("writes", ticks)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM library_searchentry e JOIN library_document d"
            " ON d.id = e.document_id WHERE d.symbol LIKE 'BENCH/%%'"
        )
        (entries,) = cursor.fetchone()
    assert entries == docs, entries
    gc.callbacks.remove(collector)
    result = {"cpu": cpu, "wall": wall, "server": server, "gc": collections}
    print("RESULT " + json.dumps(result), flush=True)


# --- the parent: versions, rounds, figures -----------------------------------------------------


def _unpack(name: str, ref: str, into: Path) -> Path:
    """The version's ``src``: this checkout's own for ``.``, else a ``git archive`` of ``ref``."""
    if ref == ".":
        return ROOT / "src"
    if ref.startswith("/"):  # a ``src`` directory as it is (an experiment)
        return Path(ref)
    target = into / name
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "src"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target / "src"


def _marks_library(into: Path) -> str:
    source = into / "marks.c"
    source.write_text(_MARKS_C)
    library = into / "marks.so"
    subprocess.run(["gcc", "-O1", "-shared", "-fPIC", "-o", library, source], check=True)
    return str(library)


def _postgres(action: str, database: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{database}"')
        if action == "create":
            c.execute(f'CREATE DATABASE "{database}"')


def _run(
    src: Path,
    docs: int,
    workdir: Path,
    *,
    callgrind: str | None,
    database: str | None,
    keep: Path | None = None,
) -> dict[str, dict[str, float]]:
    home = Path(tempfile.mkdtemp(prefix="home-", dir=workdir))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(src), str(ROOT)])
    env["MIZAN_HOME"] = str(home)
    env["PYTHONHASHSEED"] = "0"  # the same dict and set layouts, run after run
    env.pop("DATABASE_URL", None)
    if database:
        _postgres("create", database)
        env["DATABASE_URL"] = f"postgresql://postgres@127.0.0.1:5432/{database}"
    command = [sys.executable, "-m", "bench.library_index_count", "--child", "--docs", str(docs)]
    if callgrind:
        out = home / "callgrind.out"
        command = [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            "--collect-atstart=no",
            f"--callgrind-out-file={out}",
            *command,
            "--marks",
            callgrind,
        ]
    try:
        done = subprocess.run(
            command, env=env, cwd=ROOT, capture_output=True, text=True, check=False
        )
        if done.returncode:
            raise SystemExit(done.stdout[-3000:] + done.stderr[-3000:])
        line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
        result: dict[str, dict[str, float]] = json.loads(line[len("RESULT ") :])
        if callgrind:
            result["ir"] = _instructions(home)
            if keep:
                keep.mkdir(parents=True, exist_ok=True)
                for path in glob.glob(str(home / "callgrind.out*")):
                    shutil.copy(path, keep)
        return result
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if database:
            _postgres("drop", database)


def _instructions(home: Path) -> dict[str, float]:
    """Ir per phase, summed over the dumps (each dump is named by its phase)."""
    totals = dict.fromkeys(PHASES, 0.0)
    for path in glob.glob(str(home / "callgrind.out*")):
        phase, total = None, None
        with open(path) as file:
            for line in file:
                if line.startswith("desc: Trigger: Client Request: "):
                    phase = line.rsplit(" ", 1)[1].strip()
                elif line.startswith(("totals:", "summary:")):
                    total = float(line.split()[1])
        if phase in totals and total is not None:
            totals[phase] += total
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "versions", nargs="*", help="name=ref (ref '.': this working tree; '/…': a src directory)"
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--callgrind", action="store_true", help="count instructions instead")
    parser.add_argument("--postgres", action="store_true", help="fresh PostgreSQL databases")
    parser.add_argument("--keep", type=Path, help="keep the callgrind dumps in KEEP/<version>")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--marks", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.docs, args.marks)
        return
    versions = [v.split("=", 1) for v in args.versions or ["base=b878e2a", "branch=."]]
    workdir = Path(tempfile.mkdtemp(prefix="index-count-"))
    try:
        sources = {name: _unpack(name, ref, workdir) for name, ref in versions}
        marks = _marks_library(workdir) if args.callgrind else None
        rounds = 1 if args.callgrind else args.rounds
        results: dict[str, list[dict[str, dict[str, float]]]] = {n: [] for n in sources}
        for number in range(rounds):
            for name, src in sources.items():
                load = os.getloadavg()[0]
                database = f"mizan_indexcount_{name}_{number}" if args.postgres else None
                keep = args.keep / name if args.keep else None
                result = _run(
                    src, args.docs, workdir, callgrind=marks, database=database, keep=keep
                )
                results[name].append(result)
                view = result.get("ir") if args.callgrind else result["cpu"]
                assert view is not None
                figures = " ".join(f"{phase}={view[phase]:.4g}" for phase in PHASES)
                figures += " gc " + " ".join(f"{k}={v:.3g}" for k, v in result["gc"].items())
                print(f"round {number} {name} load {load:.1f}: {figures}", flush=True)
        _summary(results, args.docs, args.callgrind)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _summary(results: dict[str, list[dict[str, dict[str, float]]]], docs: int, ir: bool) -> None:
    first = next(iter(results))
    views = ["ir"] if ir else ["cpu", "wall"]
    if not ir and any(run["server"]["writes"] for runs in results.values() for run in runs):
        views += ["server", "both"]  # PostgreSQL: its backend's CPU, and with this process's
        for runs in results.values():
            for run in runs:
                run["both"] = {p: run["cpu"][p] + run["server"][p] for p in PHASES}
    for view in views:
        medians = {
            name: {phase: statistics.median(run[view][phase] for run in runs) for phase in PHASES}
            for name, runs in results.items()
        }
        for name, phases in medians.items():
            indexing = phases["terms"] + phases["writes"]
            base = medians[first]["terms"] + medians[first]["writes"]
            if ir:
                figures = " / ".join(f"{phases[p] / docs / 1e6:.3f}" for p in PHASES)
                unit = "M instructions a document (terms / writes / commit)"
            else:
                figures = " / ".join(
                    f"{docs / phases[p]:.0f}" if phases[p] else "-" for p in ("terms", "writes")
                )
                figures = f"{docs / indexing:.0f} ({figures})"
                unit = f"docs/s by {view}, indexing (terms / writes)"
            print(
                f"{view} {name}: {figures} {unit}; indexing = {base / indexing:.3f} "
                f"of {first}'s speed",
                flush=True,
            )


if __name__ == "__main__":
    main()
