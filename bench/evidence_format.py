"""The locker's object formats side by side: ingest, whole-object verify and key rotation.

    PYTHONPATH=src python -m bench.evidence_format [--objects 8] [--mib 32] [--rounds 3]

Stores the same number of random objects in format v1 and in format v2 (alternating which goes
first each round, so the machine's load falls on both), verifies them, then rotates the store
key on each: v2 objects are re-wrapped (new header, chunks copied), v1 objects converted
(decrypted, re-hashed, written as v2). Prints medians over the rounds. No Django.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from mizan.evidence.store import LocalStore, StoreKey


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--objects", type=int, default=8)
    parser.add_argument("--mib", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    key = StoreKey.generate()
    timings: dict[str, list[float]] = {}

    def timed(name: str, started: float) -> None:
        timings.setdefault(name, []).append(time.perf_counter() - started)

    for round_ in range(args.rounds):
        for version in (2, 1) if round_ % 2 else (1, 2):
            root = Path(tempfile.mkdtemp(prefix="mizan-bench-format-"))
            try:
                blobs = [os.urandom(args.mib * 2**20) for _ in range(args.objects)]
                store = LocalStore(root, key, write_version=version)
                started = time.perf_counter()
                addresses = [store.put(io.BytesIO(blob)).sha256 for blob in blobs]
                timed(f"ingest v{version}", started)
                started = time.perf_counter()
                assert all(store.verify(address).ok for address in addresses)
                timed(f"verify v{version}", started)
                new_key = StoreKey.generate()
                started = time.perf_counter()
                for address in addresses:
                    pending = store.tmp / f"rekey-{address}"
                    with pending.open("wb") as target:
                        store.rewrap_to(address, new_key, target)
                        os.fsync(target.fileno())
                    store.replace_object(address, pending)
                timed(f"rotate from v{version}", started)
            finally:
                shutil.rmtree(root)
    mib = args.objects * args.mib
    for name, seconds in sorted(timings.items()):
        median = statistics.median(seconds)
        print(f"{name:18s} median {median:6.2f} s  {mib / median:6.0f} MiB/s")


if __name__ == "__main__":
    main()
