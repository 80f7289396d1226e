"""Cost of "verify before sending" (issue 11): a download first decrypts and re-hashes the whole
stored original, then streams it.

Why: a damaged object used to be served with HTTP 200 and the chunks before the damage; now the
whole object is checked before the first byte. That delays the first byte by one full pass and
doubles the decryption work of a download. This measures both passes on one object of each size
in a fresh temporary store (random content, generated as a stream, never written in plaintext).

    .venv/bin/python bench/evidence_serve.py              # 256 MiB and 1 GiB
    .venv/bin/python bench/evidence_serve.py --sizes 64

Prints a Markdown table; bench/README.md holds the figures of the last run.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

MIB = 1024**2
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from mizan.evidence.store import LocalStore, StoreKey  # noqa: E402


class RandomStream(io.RawIOBase):
    """``size`` random bytes, produced as they are read."""

    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        n = min(len(buffer), self.left)
        buffer[:n] = os.urandom(n)
        self.left -= n
        return n


def one(size_mib: int) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory(prefix="mizan-bench-serve-") as tmp:
        store = LocalStore(Path(tmp) / "store", StoreKey.generate())
        stored = store.put(io.BufferedReader(RandomStream(size_mib * MIB), 8 * MIB))
        timings = []
        for _ in range(2):  # the verify pass, then the streaming pass (same work)
            start = time.perf_counter()
            first = None
            for _chunk in store.open(stored.sha256):
                if first is None:
                    first = time.perf_counter() - start
            timings.append(time.perf_counter() - start)
        return timings[0], timings[1], first or 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[256, 1024], metavar="MIB")
    args = parser.parse_args()
    print("| size | verify pass | stream pass | first byte before | first byte now |")
    print("|---|---|---|---|---|")
    for size in args.sizes:
        verify, stream, first = one(size)
        print(
            f"| {size} MiB | {verify:.2f} s ({size / verify:.0f} MiB/s) | {stream:.2f} s "
            f"({size / stream:.0f} MiB/s) | {first * 1000:.0f} ms | {verify:.2f} s |"
        )
    print(f"\nload average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
