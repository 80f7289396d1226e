"""Issue 4 benchmark: evidence ingest (hash, encrypt, store) against ``sha256sum`` alone.

Why: the issue asks that ingesting a 1 GiB file runs at least half as fast as ``sha256sum`` on the
same file, measured in the same run, and that peak memory stays under 150 MB for 1 GiB and 4 GiB.
Each ``put`` runs in a fresh child process (so its peak RSS is its own) into a fresh store,
including the final fsync; the runs of both sides are interleaved so background load hits both.
The input files are random bytes written once to ``--dir`` and reused (page cache warm for both).

    .venv/bin/python bench/evidence_ingest.py               # 1 GiB x3, then 4 GiB for memory
    .venv/bin/python bench/evidence_ingest.py --no-4g --runs 5

Prints a Markdown report; bench/README.md holds the figures of the last run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GIB = 1024**3
MIB = 1024**2
ROOT = Path(__file__).resolve().parents[1]


def make_input(path: Path, size: int) -> Path:
    if path.exists() and path.stat().st_size == size:
        return path
    with path.open("wb") as f:
        for _ in range(size // (64 * MIB)):
            f.write(os.urandom(64 * MIB))
    return path


def warm(path: Path) -> None:
    with path.open("rb") as f:
        while f.read(16 * MIB):
            pass


def time_sha256sum(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run(["sha256sum", str(path)], check=True, capture_output=True)
    return time.perf_counter() - start


def child_put(path: Path, store_dir: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from mizan.evidence.store import LocalStore, StoreKey

    store = LocalStore(store_dir, StoreKey.generate())
    start = time.perf_counter()
    with path.open("rb") as f:
        stored = store.put(f)
    seconds = time.perf_counter() - start
    # VmHWM resets at exec; getrusage's ru_maxrss is carried over from the parent process.
    status = Path("/proc/self/status").read_text()
    peak_kib = int(next(ln.split()[1] for ln in status.splitlines() if ln.startswith("VmHWM:")))
    print(json.dumps({"seconds": seconds, "peak_kib": peak_kib, "sha256": stored.sha256}))


def run_put(path: Path, work: Path) -> dict[str, float]:
    store_dir = work / "store"
    shutil.rmtree(store_dir, ignore_errors=True)
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child-put", str(path), str(store_dir)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        shutil.rmtree(store_dir, ignore_errors=True)
    result: dict[str, float] = json.loads(out)
    return result


def primitives() -> dict[str, float]:
    """Single-thread MiB/s of each primitive on 1 MiB buffers, for the record."""
    from nacl import bindings as sodium

    buf = os.urandom(MIB)
    rounds = 256
    speeds = {}
    for name in ("sha256", "sha512"):
        h = hashlib.new(name)
        start = time.perf_counter()
        for _ in range(rounds):
            h.update(buf)
        speeds[f"hashlib {name}"] = rounds / (time.perf_counter() - start)
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
    sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    start = time.perf_counter()
    for _ in range(rounds):
        sodium.crypto_secretstream_xchacha20poly1305_push(state, buf)
    speeds["secretstream push"] = rounds / (time.perf_counter() - start)
    return speeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child-put", nargs=2, metavar=("FILE", "STORE"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--dir", type=Path, default=Path(tempfile.gettempdir()) / "mizan-bench-evidence"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-4g", action="store_true", help="skip the 4 GiB memory run")
    args = parser.parse_args()
    if args.child_put:
        child_put(Path(args.child_put[0]), Path(args.child_put[1]))
        return

    args.dir.mkdir(parents=True, exist_ok=True)
    one = make_input(args.dir / "input-1g.bin", GIB)
    warm(one)
    sums, puts = [], []
    for _ in range(args.runs):
        sums.append(time_sha256sum(one))
        puts.append(run_put(one, args.dir))
    sum_s = statistics.median(sums)
    put_s = statistics.median(p["seconds"] for p in puts)
    peaks = {"1 GiB": max(p["peak_kib"] for p in puts) * 1024 / 1e6}

    free = shutil.disk_usage(args.dir).free
    if not args.no_4g and free > 10 * GIB:
        four = make_input(args.dir / "input-4g.bin", 4 * GIB)
        result = run_put(four, args.dir)
        peaks["4 GiB"] = result["peak_kib"] * 1024 / 1e6
        four_speed = 4096 / result["seconds"]
    else:
        four_speed = float("nan")

    print(
        f"Machine: {platform.processor() or platform.machine()}, nproc {os.cpu_count()}, "
        f"load average {os.getloadavg()[0]:.2f} at the end, Python {platform.python_version()}"
    )
    print()
    print(f"| measure (1 GiB, median of {args.runs}) | seconds | MiB/s |")
    print("|---|---|---|")
    print(f"| `sha256sum` | {sum_s:.2f} | {1024 / sum_s:.0f} |")
    print(
        f"| `LocalStore.put` (hash x2, encrypt, write, fsync) | {put_s:.2f} | {1024 / put_s:.0f} |"
    )
    print()
    print(f"Ratio put speed / sha256sum speed: **{sum_s / put_s:.2f}** (target >= 0.5)")
    print(
        f"All runs: sha256sum {[round(s, 2) for s in sums]}, "
        f"put {[round(p['seconds'], 2) for p in puts]}"
    )
    print()
    for label, mb in peaks.items():
        print(f"- peak RSS of the put child, {label}: {mb:.0f} MB (target < 150)")
    if four_speed == four_speed:
        print(f"- 4 GiB put: {four_speed:.0f} MiB/s")
    print()
    for name, speed in primitives().items():
        print(f"- single-thread {name}: {speed:.0f} MiB/s")


if __name__ == "__main__":
    main()
