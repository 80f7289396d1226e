"""Two versions of the library search in one process, on the configured database: the same
results, and their speed alternating query by query set (issue 16 follow-ups).

The other version is a ``search.py`` file (e.g. main's, ``git show main:src/mizan/library/search.py
> /tmp/main_search.py``) loaded as a module of its own beside this checkout's, over the same
Django models and connection. First every bench query — ``COMMON``, ``PHRASES`` and all 60 judged
topics (85) — is run by both and the first page (ids), count, reach and "more" compared; then
``--rounds`` rounds after one warm-up, each query set timed by one version then the other
(``search_documents`` with snippets, the public visibility). ``--statements`` prints the time of
every SQL statement of each phrase instead.

    MIZAN_HOME=… DATABASE_URL=… python -m bench.library_search_versions --other /tmp/main_search.py
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def query_sets(names: str) -> dict[str, list[str]]:
    """The bench's query sets named in ``names`` (comma-separated): "common words", "judged"
    (the first 30 judged topics) and "phrases"."""
    from bench.library_corpus import topics
    from bench.library_http import COMMON, PHRASES

    sets = {
        "common words": COMMON,
        "judged": [topic.query for topic in topics()[:30]],
        "phrases": PHRASES,
    }
    return {name: sets[name] for name in names.split(",")}


def compare_results(searches: dict[str, Callable[[str], Any]]) -> None:
    """Run every bench query (``COMMON``, ``PHRASES`` and all 60 judged topics) with each of the
    two ``searches`` (a query to its results, without snippets) and print those whose first page
    (ids), count, reach or "more" differ, then the tally."""
    from bench.library_corpus import topics
    from bench.library_http import COMMON, PHRASES

    every = [*COMMON, *PHRASES, *(topic.query for topic in topics())]
    first, second = searches
    differ = 0
    for query in every:
        seen = []
        for run in searches.values():
            results = run(query)
            ids = [hit.document.pk for hit in results.hits]
            seen.append((ids, results.total, results.reachable, results.more))
        if seen[0] != seen[1]:
            differ += 1
            print(f"DIFFERENT {query!r}: {first} {seen[0][1:]}, {second} {seen[1][1:]}", flush=True)
    print(f"{len(every)} queries, {len(every) - differ} identical, {differ} different", flush=True)


def print_timings(
    timings: dict[tuple[str, str], list[float]],
    by_query: dict[tuple[str, str], list[float]],
    loads: list[float],
    column: str,
) -> None:
    """The Markdown tables of a run: each query set's timings by ``column`` (version or
    database), then each phrase's."""
    from bench.library_http import percentile

    print(f"\nin process, ms, load {min(loads):.1f}–{max(loads):.1f}\n")
    print(f"| query set | {column} | n | median | p95 | max |")
    print("|---|---|--:|--:|--:|--:|")
    for (set_name, name), wall in timings.items():
        print(
            f"| {set_name} | {name} | {len(wall)} | {statistics.median(wall):.0f} "
            f"| {percentile(wall, 0.95):.0f} | {max(wall):.0f} |",
            flush=True,
        )
    print(f"\n| phrase | {column} | median | max |\n|---|---|--:|--:|")
    for (query, name), wall in by_query.items():
        print(f"| {query} | {name} | {statistics.median(wall):.0f} | {max(wall):.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--other", required=True, help="the other version's search.py")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--sets", default="common words,judged,phrases")
    parser.add_argument("--statements", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection

    from bench.library_http import PHRASES
    from mizan.library import search
    from mizan.library.selectors import documents_visible_to

    spec = importlib.util.spec_from_file_location("mizan.library._search_other", args.other)
    assert spec and spec.loader
    other = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = other  # dataclasses look their module up
    spec.loader.exec_module(other)
    versions: dict[str, Any] = {"other": other, "this": search}
    visible = documents_visible_to(AnonymousUser())

    if args.statements:
        statements: list[tuple[float, str]] = []

        def timer(execute: Callable[..., Any], sql: str, *rest: Any) -> Any:
            started = time.perf_counter()
            try:
                return execute(sql, *rest)
            finally:
                statements.append(((time.perf_counter() - started) * 1000, sql))

        with connection.execute_wrapper(timer):
            for _ in range(3):
                for query in PHRASES:
                    for name, module in versions.items():
                        statements.clear()
                        started = time.perf_counter()
                        module.search_documents(query, visible=visible)
                        total = (time.perf_counter() - started) * 1000
                        parts = " ".join(f"{ms:.0f}:{sql[:28]!r}" for ms, sql in statements)
                        print(f"{name} {query} {total:.0f} ms | {parts}", flush=True)
        return

    compare_results(
        {
            name: functools.partial(module.search_documents, visible=visible, snippets=False)
            for name, module in versions.items()
        }
    )
    chosen = query_sets(args.sets)
    for module in versions.values():  # warm-up
        for queries in chosen.values():
            for query in queries:
                module.search_documents(query, visible=visible)
    timings: dict[tuple[str, str], list[float]] = {}
    by_query: dict[tuple[str, str], list[float]] = {}
    loads = [os.getloadavg()[0]]
    for _ in range(args.rounds):
        for set_name, queries in chosen.items():
            for name, module in versions.items():
                for query in queries:
                    started = time.perf_counter()
                    module.search_documents(query, visible=visible)
                    wall = (time.perf_counter() - started) * 1000
                    timings.setdefault((set_name, name), []).append(wall)
                    if set_name == "phrases":
                        by_query.setdefault((query, name), []).append(wall)
        loads.append(os.getloadavg()[0])
    print_timings(timings, by_query, loads, "version")


if __name__ == "__main__":
    main()
