"""Search quality of the library search against a plain FTS5 index (issue 6 benchmark).

Pure Python and SQLite, no Django: both indexes are FTS5 tables over the same synthetic corpus
(``bench.library_corpus``) in one temporary database, ranked by bm25 with the title weighted 4.

* **Mizan**: the terms ``mizan.text.stem.search_terms`` computes (what ``SearchEntry`` stores on
  both backends), queried with ``parse_query`` + ``fts5_match`` exactly as
  ``mizan.library.search`` does on SQLite, with its bounded ranking (when more than
  ``RANKED_MATCHES`` match: the title matches — at most the newest ``TITLE_MATCHES`` — ranked by
  their title first, then the newest ``RANKED_MATCHES`` matches).
* **Baseline**: a plain FTS5 index (``unicode61`` tokeniser, no Arabic handling, no stemming) over
  the raw text, queried with the words as typed, all required.

Metrics per judged query, averaged: recall@10 = relevant found in the top 10 / min(10, relevant)
and nDCG@10 with binary gains. Relevance is known by construction (see the corpus module).

    python -m bench.library_quality --docs 20000
"""

from __future__ import annotations

import argparse
import math
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.library_corpus import Corpus, Topic
from bench.library_stemmers import fts5_forms_match
from mizan.library.bounds import RANKED_MATCHES, TITLE_MATCHES
from mizan.text.stem import (
    QueryClause,
    exact_forms,
    fts5_match,
    parse_query,
    search_terms,
)


def ndcg_at_10(ranked: list[int], relevant: set[int]) -> float:
    gains = sum(1 / math.log2(i + 2) for i, doc in enumerate(ranked[:10]) if doc in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(10, len(relevant))))
    return gains / ideal if ideal else 0.0


def recall_at_10(ranked: list[int], relevant: set[int]) -> float:
    return len(set(ranked[:10]) & relevant) / min(10, len(relevant)) if relevant else 0.0


def baseline_match(query: str) -> str:
    words = [w.replace('"', '""') for w in query.split()]
    return " AND ".join(f'"{w}"' for w in words)


def newest(db: sqlite3.Connection, match: str, count: int) -> list[int]:
    rows = db.execute(
        "SELECT rowid FROM mizan WHERE mizan MATCH ? ORDER BY rowid DESC LIMIT ?", (match, count)
    )
    return [row[0] for row in rows]


ORDER: list[QueryClause] = []  # the clauses of the query being ranked (tiers, issue 16)


def ranked(db: sqlite3.Connection, match: str, floor: int) -> list[int]:
    """bm25 of ``match`` from ``floor`` up, in the service's groups (issue 16): the words as
    typed before preposition variants, exact forms first within each."""
    rows = db.execute(
        "SELECT rowid, bm25(mizan, 4.0, 1.0, 0.0) FROM mizan WHERE mizan MATCH ? AND rowid >= ?",
        (match, floor),
    ).fetchall()
    typed = _ids(db, "{title body} : (" + fts5_match(ORDER, variants=False) + ")", floor)
    exact = _ids(db, fts5_forms_match(ORDER, "forms"), floor)
    rows.sort(key=lambda r: (r[0] not in typed, r[0] not in exact, r[1], -r[0]))
    return [row[0] for row in rows]


def _ids(db: sqlite3.Connection, match: str, floor: int) -> set[int]:
    rows = db.execute("SELECT rowid FROM mizan WHERE mizan MATCH ? AND rowid >= ?", (match, floor))
    return {row[0] for row in rows}


def is_bounded(db: sqlite3.Connection, match: str) -> bool:
    return len(newest(db, match, RANKED_MATCHES + 1)) > RANKED_MATCHES


def mizan_ranking(db: sqlite3.Connection, match: str) -> list[int]:
    """The service's ranking on SQLite (``mizan.library.search._ranked_ids``), first 10."""
    window = newest(db, match, RANKED_MATCHES + 1)
    if not window:
        return []
    if len(window) <= RANKED_MATCHES:
        return ranked(db, match, window[-1])[:10]
    title_match = f"{{title}} : ({match})"
    titles = newest(db, title_match, TITLE_MATCHES)
    first = ranked(db, title_match, titles[-1]) if titles else []
    rest = [doc for doc in ranked(db, match, window[RANKED_MATCHES - 1]) if doc not in set(first)]
    return (first + rest)[:10]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=20_000)
    args = parser.parse_args()
    corpus = Corpus(args.docs)
    with tempfile.TemporaryDirectory() as scratch:
        db = sqlite3.connect(str(Path(scratch) / "quality.sqlite3"))
        db.execute(
            "CREATE VIRTUAL TABLE mizan USING fts5("
            "title, body, forms, tokenize='unicode61 remove_diacritics 0')"
        )
        db.execute("CREATE VIRTUAL TABLE plain USING fts5(title, body)")
        started = time.perf_counter()
        with db:
            for number, _language, title, text in corpus:
                db.execute(
                    "INSERT INTO mizan(rowid, title, body, forms) VALUES (?, ?, ?, ?)",
                    (
                        number + 1,
                        " ".join(search_terms(title)),
                        " ".join(search_terms(text)),
                        " ".join(exact_forms(title + "\n" + text)),
                    ),
                )
                db.execute(
                    "INSERT INTO plain(rowid, title, body) VALUES (?, ?, ?)",
                    (number + 1, title, text),
                )
        print(f"indexed {args.docs} documents twice in {time.perf_counter() - started:.0f} s")
        rows = []
        bounded = 0
        for topic in corpus.topics:
            relevant = {n + 1 for n in topic.relevant}
            clauses = parse_query(topic.query)
            ORDER[:] = clauses
            match = "{title body} : (" + fts5_match(clauses) + ")"
            ours = mizan_ranking(db, match)
            bounded += is_bounded(db, match)
            plain = [
                r[0]
                for r in db.execute(
                    "SELECT rowid FROM plain WHERE plain MATCH ? "
                    "ORDER BY bm25(plain, 4.0, 1.0) LIMIT 10",
                    (baseline_match(topic.query),),
                )
            ]
            rows.append((topic, ours, plain, relevant))
    print(f"queries with more than {RANKED_MATCHES} matches (bounded ranking): {bounded}")
    report(rows, args.docs)


def report(rows: list[tuple[Topic, list[int], list[int], set[int]]], size: int) -> None:
    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    print(f"\n{len(rows)} judged queries over {size} documents\n")
    print(
        "| queries | n | Mizan recall@10 | Mizan nDCG@10 "
        "| plain FTS5 recall@10 | plain FTS5 nDCG@10 |"
    )
    print("|---|--:|--:|--:|--:|--:|")
    groups = {
        "Arabic, one word": [r for r in rows if r[0].language == "ar" and len(r[0].concepts) == 1],
        "Arabic, two words": [r for r in rows if r[0].language == "ar" and len(r[0].concepts) == 2],
        "English, one word": [r for r in rows if r[0].language == "en" and len(r[0].concepts) == 1],
        "English, two words": [
            r for r in rows if r[0].language == "en" and len(r[0].concepts) == 2
        ],
        "all": rows,
    }
    for name, group in groups.items():
        print(
            f"| {name} | {len(group)} "
            f"| {mean([recall_at_10(r[1], r[3]) for r in group]):.3f} "
            f"| {mean([ndcg_at_10(r[1], r[3]) for r in group]):.3f} "
            f"| {mean([recall_at_10(r[2], r[3]) for r in group]):.3f} "
            f"| {mean([ndcg_at_10(r[2], r[3]) for r in group]):.3f} |"
        )


if __name__ == "__main__":
    main()
