"""The library search on two PostgreSQL databases holding the same library, in one process: the
same results, and their speed alternating query set by query set (issue 16, branch ``pgindex``:
the search tables' storage, ``pglz`` against migration 0009's, on copies of one corpus).

The configured database (``DATABASE_URL``) is "first", ``--other NAME`` (same server and user)
"second"; the search code is this checkout's for both, and the process switches the default
connection between them. First every bench query — ``COMMON``, ``PHRASES`` and all 60 judged
topics (85) — is run on both and the first page (ids), count, reach and "more" compared; then
``--rounds`` rounds after one warm-up, each query set timed on one database then the other (the
order swapped every round), ``search_documents`` with snippets, the public visibility. For the
phrases it also sums the time of their window statements (the newest matches: the body vectors
read) and of their ranking statements (the vectors and forms of the window).

    MIZAN_HOME=… DATABASE_URL=postgres://…/A python -m bench.library_search_databases --other B
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--other", required=True, help="the second database's name")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--sets", default="common words,judged,phrases")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection, connections

    from bench.library_search_versions import compare_results, print_timings, query_sets
    from mizan.library import search
    from mizan.library.selectors import documents_visible_to

    first = connections["default"]
    second = first.__class__(dict(first.settings_dict, NAME=args.other), alias="default")
    databases = {first.settings_dict["NAME"]: first, args.other: second}
    visible = documents_visible_to(AnonymousUser())

    def on(name: str) -> None:
        connections["default"] = databases[name]

    def searching_on(name: str) -> Callable[[str], Any]:
        def run(query: str) -> Any:
            on(name)
            return search.search_documents(query, visible=visible, snippets=False)

        return run

    compare_results({name: searching_on(name) for name in databases})
    chosen = query_sets(args.sets)
    statements: dict[tuple[str, str], list[float]] = {}
    current = [""]

    def timer(execute: Callable[..., Any], sql: str, *rest: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, *rest)
        finally:
            kind = (
                "window"
                if "WHERE s.vector @@" in sql
                else "rank"
                if "ts_rank_cd(s.vector" in sql
                else ""
            )
            if kind and current[0]:
                key = (kind, current[0])
                statements.setdefault(key, []).append((time.perf_counter() - started) * 1000)

    for name in databases:  # warm-up
        on(name)
        for queries in chosen.values():
            for query in queries:
                search.search_documents(query, visible=visible)
    timings: dict[tuple[str, str], list[float]] = {}
    by_query: dict[tuple[str, str], list[float]] = {}
    loads = [os.getloadavg()[0]]
    for number in range(args.rounds):
        order = list(databases) if number % 2 == 0 else list(databases)[::-1]
        for set_name, queries in chosen.items():
            for name in order:
                on(name)
                with connection.execute_wrapper(timer):
                    for query in queries:
                        current[0] = name if set_name == "phrases" else ""
                        started = time.perf_counter()
                        search.search_documents(query, visible=visible)
                        wall = (time.perf_counter() - started) * 1000
                        timings.setdefault((set_name, name), []).append(wall)
                        if set_name == "phrases":
                            by_query.setdefault((query, name), []).append(wall)
        loads.append(os.getloadavg()[0])
    on(first.settings_dict["NAME"])
    print_timings(timings, by_query, loads, "database")
    print("\n| phrases' statements | database | n | median | sum |\n|---|---|--:|--:|--:|")
    for (kind, name), wall in sorted(statements.items()):
        print(
            f"| {kind} | {name} | {len(wall)} | {statistics.median(wall):.1f} | {sum(wall):.0f} |"
        )


if __name__ == "__main__":
    main()
