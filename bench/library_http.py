"""Time the public library search over real HTTP against a running Mizan (issue 6 benchmark).

Anonymous visitor, one keep-alive connection, one request at a time. Queries: the 60 judged
queries of ``bench.library_corpus`` (rare terms), 20 of the corpus's most common words and word
pairs (long posting lists: the hard case for ranking), 5 phrases and symbols, and browsing
without a query; 2 warm-up rounds, then every query timed ``--rounds`` times.

    python -m bench.library_http --base-url http://127.0.0.1:8163 --label SQLite
"""

from __future__ import annotations

import argparse
import http.client
import math
import statistics
import time
from urllib.parse import quote, urlsplit

from bench.library_corpus import ARABIC_CORE, ENGLISH_CORE, topics

COMMON = [
    *ARABIC_CORE.split()[:8],
    *ENGLISH_CORE.split()[1:9],
    "الأمم المتحدة",
    "human rights",
    "المجلس الحكومة",
    "council government",
]
PHRASES = ['"الأمم المتحدة"', '"human rights"', "BENCH/4242", '"security council"', "A/RES/71/248"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-url", default="http://127.0.0.1:8163")
    parser.add_argument("--label", default="")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    parts = urlsplit(args.base_url)
    connection = http.client.HTTPConnection(
        parts.hostname or "127.0.0.1", parts.port or 80, timeout=120
    )
    groups = {
        "judged queries (rare terms)": [t.query for t in topics()],
        "common words": COMMON,
        "phrases and symbols": PHRASES,
        "browse (no query)": [""],
    }

    def get(query: str) -> float:
        path = "/library/?q=" + quote(query) if query else "/library/"
        started = time.perf_counter()
        connection.request("GET", path, headers={"Accept-Language": "ar"})
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}")
        return elapsed

    for _ in range(2):
        for queries in groups.values():
            for query in queries:
                get(query)
    everything: list[float] = []
    print(f"\n{args.label}: public search over HTTP (ms)\n")
    print("| queries | n | median | p95 | max |")
    print("|---|--:|--:|--:|--:|")
    for name, queries in groups.items():
        timings = [get(query) for _ in range(args.rounds) for query in queries]
        everything += timings
        print(
            f"| {name} | {len(timings)} | {statistics.median(timings):.0f} "
            f"| {percentile(timings, 0.95):.0f} | {max(timings):.0f} |"
        )
    print(
        f"| **all** | {len(everything)} | {statistics.median(everything):.0f} "
        f"| **{percentile(everything, 0.95):.0f}** | {max(everything):.0f} |"
    )


if __name__ == "__main__":
    main()
