"""The cost of the read of older documents holding the query as typed (``_older_as_typed``,
``EXACT_SHARE`` / ``EXACT_REACH`` in ``mizan.library.bounds``; issue 16) on the configured
database, alone and in whole searches.

For every bench query (``COMMON``, ``PHRASES``, the 60 judged topics) and a list of words whose
stem fills the window but which (almost) no document holds as typed (the worst case: the window's
500 forms tested, then 1,000 older matches walked), ``--rounds`` times after one warm-up:
whether the window filled, how many statements ``_older_as_typed`` ran (1: the window held 50
as typed; 2: the older matches were walked), how many older documents it added, its own time
and the whole search's (``search_documents`` with snippets, public visibility).

    MIZAN_HOME=… [DATABASE_URL=…] python -m bench.library_older_as_typed --rounds 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

# Words whose light stem many documents share but whose typed form few or none hold.
RARE_AS_TYPED = [
    "الحقوقيات",
    "الحقوقية",
    "بالحقوقيات",
    "الإنسانيات",
    "السياسيات",
    "الحكوميات",
    "المجلسيات",
    "والمتحدات",
    "councilees",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--all", action="store_true", help="also list queries not filling")
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
    queries = [*COMMON, *PHRASES, *(topic.query for topic in topics()), *RARE_AS_TYPED]
    original = search._older_as_typed
    state: dict[str, Any] = {}

    def timed(*call: Any) -> list[int]:
        statements = 0

        def count(execute: Callable[..., Any], *rest: Any) -> Any:
            nonlocal statements
            statements += 1
            return execute(*rest)

        started = time.perf_counter()
        with connection.execute_wrapper(count):
            older = original(*call)
        state["ms"] = (time.perf_counter() - started) * 1000
        state["statements"] = statements
        state["older"] = len(older)
        return older

    search._older_as_typed = timed  # type: ignore[assignment]
    try:
        for query in queries:  # warm-up
            search.search_documents(query, visible=visible)
        own: dict[str, list[float]] = {}
        whole: dict[str, list[float]] = {}
        seen: dict[str, tuple[int, int]] = {}
        loads = [os.getloadavg()[0]]
        for _ in range(args.rounds):
            for query in queries:
                state.clear()
                started = time.perf_counter()
                search.search_documents(query, visible=visible)
                whole.setdefault(query, []).append((time.perf_counter() - started) * 1000)
                if state:
                    own.setdefault(query, []).append(state["ms"])
                    seen[query] = (state["statements"], state["older"])
            loads.append(os.getloadavg()[0])
    finally:
        search._older_as_typed = original  # type: ignore[assignment]
    print(f"{connection.vendor}, load {min(loads):.1f}–{max(loads):.1f}, {args.rounds} rounds\n")
    print("| query | statements | older added | read: median / max ms | search: median / max ms |")
    print("|---|--:|--:|--:|--:|")
    filled = [query for query in queries if query in own]
    for query in filled if not args.all else queries:
        statements, older = seen.get(query, (0, 0))
        read = own.get(query, [0.0])
        print(
            f"| {query} | {statements} | {older} | {statistics.median(read):.1f} / "
            f"{max(read):.1f} | {statistics.median(whole[query]):.0f} / {max(whole[query]):.0f} |"
        )
    reads = [ms for query in filled for ms in own[query]]
    walked = [ms for query in filled if seen[query][0] > 1 for ms in own[query]]
    print(f"\n{len(filled)} of {len(queries)} queries fill the window; ", end="")
    print(f"{sum(seen[q][0] > 1 for q in filled)} walk the older matches")
    if reads:
        print(
            f"the read, all filling queries: median {statistics.median(reads):.1f}, "
            f"p95 {percentile(reads, 0.95):.1f}, max {max(reads):.1f} ms"
        )
    if walked:
        print(
            f"the read, walking queries: median {statistics.median(walked):.1f}, "
            f"p95 {percentile(walked, 0.95):.1f}, max {max(walked):.1f} ms"
        )


if __name__ == "__main__":
    main()
