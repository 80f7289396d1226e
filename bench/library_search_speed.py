"""Time the library search in process (``search_documents`` with snippets, the public
visibility) on the configured database, as built and with issue 16's ranking switched off, the
two alternating in one run (issue 16 speed follow-up).

Query sets of ``bench.library_http``: ``COMMON`` (very common words and pairs), the first 30
judged topics of ``bench.library_corpus`` and ``PHRASES``; ``--rounds`` rounds after one warm-up.
"off" = the same code and corpus with the preposition variants and the exact-form test left out
(the ranking before issue 16). *Wall* is what a user waits for; *CPU* is this process's CPU time
(on SQLite all of the search's work, on PostgreSQL only the Python side).

    MIZAN_HOME=… [DATABASE_URL=…] python -m bench.library_search_speed
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-off", action="store_true", help="as built only")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection

    from bench.library_corpus import topics
    from bench.library_http import COMMON, PHRASES, percentile
    from mizan.library import search
    from mizan.library.selectors import documents_visible_to

    visible = documents_visible_to(AnonymousUser())
    sets = {
        "common words": COMMON,
        "judged": [topic.query for topic in topics()[:30]],
        "phrases": PHRASES,
    }
    parse = search.parse_query
    has_forms = search._has_forms

    def parse_off(query: str) -> list[Any]:
        return [
            dataclasses.replace(clause, variants=(), variant_forms=()) for clause in parse(query)
        ]

    @contextmanager
    def mode(name: str) -> Iterator[None]:
        if name == "off":
            search.parse_query = parse_off  # type: ignore[assignment]
            search._has_forms = lambda clauses, column: ("(1 = 1)", [])  # type: ignore[assignment]
        try:
            yield
        finally:
            search.parse_query = parse
            search._has_forms = has_forms

    def timed(query: str) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        search.search_documents(query, visible=visible)
        return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000

    modes = ["as built"] if args.no_off else ["as built", "off"]
    run: Callable[[str], tuple[float, float]] = timed
    for name in modes:  # warm-up
        with mode(name):
            for queries in sets.values():
                for query in queries:
                    run(query)
    results: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for _ in range(args.rounds):
        for set_name, queries in sets.items():
            for name in modes:
                with mode(name):
                    results.setdefault((set_name, name), []).extend(map(run, queries))
    backend = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    print(f"\n{backend}, in process, ms (load {os.getloadavg()[0]:.1f})\n")
    print("| query set | mode | n | wall median | wall p95 | CPU median | CPU p95 |")
    print("|---|---|--:|--:|--:|--:|--:|")
    for (set_name, name), rows in results.items():
        wall = [row[0] for row in rows]
        cpu = [row[1] for row in rows]
        print(
            f"| {set_name} | {name} | {len(rows)} | {statistics.median(wall):.0f} "
            f"| {percentile(wall, 0.95):.0f} | {statistics.median(cpu):.0f} "
            f"| {percentile(cpu, 0.95):.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
