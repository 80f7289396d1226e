"""Choosing the Arabic stemmer of the library search by measurement (issue 16).

Every candidate indexes the same corpus — the hand-judged queries of ``bench.stem_judged`` (two
relevant documents each, three trap documents for each over-merging trap) among background
documents of everyday report words — on **SQLite FTS5** (bm25) and on **PostgreSQL**
(``to_tsvector('simple', terms)``, GIN, ``ts_rank_cd``), and answers every query as the service
does: every word a clause, all required. Candidates:

* ``plain FTS5`` / ``plain PostgreSQL``: the raw text, the words as typed (no Arabic handling);
* ``light10 (before)``: the search as it was before issue 16 (a frozen copy below);
* ``light10 (Larkey)``: Larkey, Ballesteros and Connell's light10 as published;
* ``Snowball``: ``snowballstemmer``'s Arabic stemmer (strips bare ب ك ل itself);
* ``ISRI``: nltk's ``ISRIStemmer`` (root-based), if nltk is installed (a bench-only tool);
* ``Mizan``: ``mizan.text.stem.arabic_light_stem`` as it is now;
* ``… + prepositions``: the same index, the query's words also looked up with a bare ب ك ل
  taken off or put on (``mizan.text.stem.preposition_variants``), those matches ranked after
  every match of the words as typed (``mizan.library.search``'s second tier).

Metrics per query, averaged per kind: recall@3 and recall@10 (relevant in the top k / min(k,
relevant)), nDCG@10 (binary gains); for traps, how many queries have a trap document ranked
above the first relevant one.

    python -m bench.library_stemmers                 # SQLite only
    python -m bench.library_stemmers --pg postgres://postgres@127.0.0.1:5432/mizan_search
    python -m bench.library_stemmers --set held-out  # the held-out queries (never tuned on)
    python -m bench.library_stemmers --old 5000      # issue 6's 60 queries, per candidate
"""

from __future__ import annotations

import argparse
import math
import random
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import snowballstemmer

from bench.stem_judged import BACKGROUND, HELD_OUT, LEMMAS, TUNED, Query
from mizan.text.normalise import normalise_for_search
from mizan.text.stem import (
    ARABIC_STOPWORDS,
    ENGLISH_STOPWORDS,
    QueryClause,
    arabic_light_stem,
    exact_forms,
    form_groups,
    fts5_match,
    parse_query,
    preposition_variants,
)

Stem = Callable[[str], str]
_english = snowballstemmer.stemmer("english")


def before_light10(word: str) -> str:
    """The Arabic stemmer of the search before issue 16 (frozen copy, for comparison)."""
    if len(word) > 3 and word.startswith(("و", "ف")):
        word = word[1:]
    for article in ("وال", "فال", "بال", "كال", "لل", "ال"):
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article) :]
            break
    for group in (("ها",), ("يه", "يا", "ه", "ا", "ي"), ("ان", "ات", "ون", "ين")):
        for suffix in group:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
    return word


def larkey_light10(word: str) -> str:
    """light10 as published (Larkey et al. 2007), on normalised words (ة already ه)."""
    if len(word) >= 4 and word.startswith("و"):
        word = word[1:]
    for article in ("ال", "وال", "بال", "كال", "فال", "لل"):
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article) :]
            break
    for suffix in ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
    return word


_snowball = snowballstemmer.stemmer("arabic")


def snowball(word: str) -> str:
    return str(_snowball.stemWord(word))


def isri() -> Stem | None:
    try:
        from nltk.stem.isri import ISRIStemmer
    except ImportError:
        return None
    stemmer = ISRIStemmer()
    return lambda word: str(stemmer.stem(word))


def terms_with(stem: Stem) -> Callable[[str], list[str]]:
    """``mizan.text.stem.search_terms`` with another Arabic stemmer (same normalisation and
    function words)."""
    cache: dict[str, str] = {}

    def term(word: str) -> str:
        if word in ARABIC_STOPWORDS or word in ENGLISH_STOPWORDS:
            return ""
        if word not in cache:
            cache[word] = str(_english.stemWord(word)) if word.isascii() else stem(word)
        return cache[word]

    def terms(text: str) -> list[str]:
        words = normalise_for_search(text).split()
        return [t for w in words if (t := term("".join(c for c in w if c.isalnum())))]

    return terms


@dataclass
class Candidate:
    name: str
    stem: Stem | None  # None: plain index of the raw text
    prepositions: bool = False
    exact: bool = False


@dataclass
class Corpus:
    texts: list[str]
    queries: list[Query]
    relevant: list[set[int]]
    traps: list[set[int]]


def build_corpus(queries: list[Query], background: int, seed: int = 16) -> Corpus:
    rng = random.Random(seed)
    filler = BACKGROUND.split()

    def sentence(words: Iterable[str]) -> str:
        text = [rng.choice(filler) for _ in range(rng.randint(30, 60))]
        for word in words:
            text.insert(rng.randrange(len(text) + 1), word)
        return " ".join(text)

    declared = {
        normalise_for_search(word): lemma for lemma, words in LEMMAS.items() for word in words
    }
    # Every other word: the lemma of the query word it stands for (word i of a two-word query
    # and word i of its documents' phrase).
    lemma_of = dict(declared)
    for _kind, query, forms, _traps in queries:
        for place, word in enumerate(normalise_for_search(query).split()):
            label = declared.get(word, f"{query}#{place}")
            for form in forms:
                form_word = normalise_for_search(form).split()[place]
                previous = lemma_of.setdefault(form_word, label)
                if previous != label:
                    raise ValueError(f"{form_word}: {previous} or {label}? Declare it in LEMMAS")
            lemma_of.setdefault(word, label)

    def lemmas(text: str) -> frozenset[str]:
        words = normalise_for_search(text).split()
        return frozenset(lemma_of.get(word, word) for word in words)

    texts = [sentence(()) for _ in range(background)]
    concepts: dict[int, frozenset[str]] = {}
    for _kind, _query, forms, _traps in queries:
        for number in range(2):
            concepts[len(texts)] = lemmas(forms[number % len(forms)])
            texts.append(sentence(forms[number % len(forms)].split()))
    relevant: list[set[int]] = []
    traps: list[set[int]] = []
    for _kind, query, _forms, trap_forms in queries:
        wanted = lemmas(query)
        relevant.append({doc for doc, has in concepts.items() if wanted <= has})
        trap_ids = set()
        for number in range(3 if trap_forms else 0):
            trap_ids.add(len(texts))
            form = trap_forms[number % len(trap_forms)]
            texts.append(sentence([form, form, form]))
        traps.append(trap_ids)
    order = list(range(len(texts)))
    rng.shuffle(order)  # documents of one query must not sit next to each other
    position = {old: new for new, old in enumerate(order)}
    return Corpus(
        [texts[old] for old in order],
        queries,
        [{position[i] for i in ids} for ids in relevant],
        [{position[i] for i in ids} for ids in traps],
    )


def query_clauses(candidate: Candidate, query: str) -> list[tuple[list[str], list[str]]]:
    """Per word of the query: (its terms as typed, the terms of its preposition variants)."""
    if candidate.stem is None:
        return [([word], []) for word in query.split()]
    terms = terms_with(candidate.stem)
    clauses = []
    for word in query.split():
        primary = terms(word)
        if not primary:
            continue
        variants: list[str] = []
        if candidate.prepositions:
            for normalised in normalise_for_search(word).split():
                for variant in preposition_variants(normalised, candidate.stem):
                    if variant not in primary and variant not in variants:
                        variants.append(variant)
        clauses.append((primary, variants))
    return clauses


def fts5_forms_match(clauses: list[QueryClause], column: str) -> str:
    """The documents holding, in the FTS5 ``column``, every exact form of the query
    (``form_groups``): the same condition as the service's substring test on ``form_terms``."""
    return (
        f"{{{column}}} : ("
        + " AND ".join(
            "(" + " OR ".join(map(_quote, group)) + ")" for group in form_groups(clauses)
        )
        + ")"
    )


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class SqliteIndex:
    def __init__(self, corpus: Corpus, candidate: Candidate) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE t USING fts5(body, forms, "
            "tokenize='unicode61 remove_diacritics 0')"
        )
        terms = terms_with(candidate.stem) if candidate.stem else None
        self.exact = candidate.exact
        started = time.perf_counter()
        with self.db:
            self.db.executemany(
                "INSERT INTO t(rowid, body, forms) VALUES (?, ?, ?)",
                (
                    (
                        number + 1,
                        " ".join(terms(text)) if terms else text,
                        " ".join(exact_forms(text)) if candidate.exact else "",
                    )
                    for number, text in enumerate(corpus.texts)
                ),
            )
        self.seconds = time.perf_counter() - started

    def run(self, match: str, exclude: set[int]) -> list[int]:
        rows = self.db.execute(
            "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t), rowid LIMIT 40", (match,)
        )
        return [row[0] - 1 for row in rows if row[0] - 1 not in exclude]

    def search(
        self,
        clauses: list[tuple[list[str], list[str]]],
        forms: list[str] = (),  # type: ignore[assignment]
    ) -> list[int]:
        if not clauses:
            return []
        exact = " AND ".join(_quote(" ".join(primary)) for primary, _ in clauses)
        first: list[int] = []
        if self.exact and forms:
            first = self.run(
                "{body} : (" + exact + ") AND {forms} : (" + " AND ".join(map(_quote, forms)) + ")",
                set(),
            )
        first += self.run(exact, set(first))
        if not any(variants for _, variants in clauses):
            return first
        wide = " AND ".join(
            "(" + " OR ".join(_quote(t) for t in [" ".join(primary), *variants]) + ")"
            for primary, variants in clauses
        )
        return first + self.run(wide, set(first))

    def ids(self, match: str) -> set[int]:
        return {
            row[0] - 1 for row in self.db.execute("SELECT rowid FROM t WHERE t MATCH ?", (match,))
        }

    def product(self, clauses: list[QueryClause]) -> list[int]:
        """``mizan.library.search``'s ranking on SQLite: the query with its variants; the words as
        typed before the variants; exact forms first within each; then bm25."""
        if not clauses:
            return []
        rows = self.db.execute(
            "SELECT rowid, bm25(t, 1.0, 0.0) FROM t WHERE t MATCH ?",
            ("{body} : (" + fts5_match(clauses) + ")",),
        ).fetchall()
        typed = self.ids("{body} : (" + fts5_match(clauses, variants=False) + ")")
        exact = self.ids(fts5_forms_match(clauses, "forms"))
        rows.sort(key=lambda r: (r[0] - 1 not in typed, r[0] - 1 not in exact, r[1], r[0]))
        return [row[0] - 1 for row in rows[:40]]


class PostgresIndex:
    def __init__(self, url: str, corpus: Corpus, candidate: Candidate) -> None:
        import psycopg

        self.db = psycopg.connect(url, autocommit=True)
        self.db.execute("DROP TABLE IF EXISTS bench_stem")
        self.db.execute(
            "CREATE UNLOGGED TABLE bench_stem (id int PRIMARY KEY, v tsvector, f tsvector)"
        )
        terms = terms_with(candidate.stem) if candidate.stem else None
        self.exact = candidate.exact
        started = time.perf_counter()
        with self.db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO bench_stem VALUES "
                "(%s, to_tsvector('simple', %s), to_tsvector('simple', %s))",
                [
                    (
                        number,
                        " ".join(terms(text)) if terms else text,
                        " ".join(exact_forms(text)) if candidate.exact else "",
                    )
                    for number, text in enumerate(corpus.texts)
                ],
            )
        self.db.execute("CREATE INDEX ON bench_stem USING gin (v)")
        self.seconds = time.perf_counter() - started

    def run(
        self,
        clauses: list[list[str]],
        exclude: list[int],
        forms: list[str] = (),  # type: ignore[assignment]
    ) -> list[int]:
        query = " && ".join(
            "(" + " || ".join(["phraseto_tsquery('simple', %s)"] * len(alts)) + ")"
            for alts in clauses
        )
        params = [term for alts in clauses for term in alts]
        also = ""
        if forms:
            also = (
                " AND f @@ (" + " && ".join(["phraseto_tsquery('simple', %s)"] * len(forms)) + ")"
            )
        rows = self.db.execute(
            f"SELECT id FROM bench_stem, (SELECT {query} AS q) t "  # noqa: S608 - placeholders
            f"WHERE v @@ q {also} AND NOT id = ANY(%s) "
            "ORDER BY ts_rank_cd(v, q, 1) DESC, id LIMIT 40",
            [*params, *forms, exclude],
        ).fetchall()
        return [row[0] for row in rows]

    def search(
        self,
        clauses: list[tuple[list[str], list[str]]],
        forms: list[str] = (),  # type: ignore[assignment]
    ) -> list[int]:
        if not clauses:
            return []
        primary = [[" ".join(primary)] for primary, _ in clauses]
        first: list[int] = []
        if self.exact and forms:
            first = self.run(primary, [], list(forms))
        first += self.run(primary, first)
        if not any(variants for _, variants in clauses):
            return first
        wide = [[" ".join(primary), *variants] for primary, variants in clauses]
        return first + self.run(wide, first)


def _pg_groups(groups: list[tuple[str, ...]]) -> tuple[str, list[str]]:
    sql = " && ".join(
        "(" + " || ".join(["phraseto_tsquery('simple', %s)"] * len(group)) + ")" for group in groups
    )
    return sql, [item for group in groups for item in group]


def _postgres_product(self: PostgresIndex, clauses: list[QueryClause]) -> list[int]:
    """``mizan.library.search``'s ranking on PostgreSQL (same order as on SQLite)."""
    if not clauses:
        return []
    wide, wide_terms = _pg_groups([clause.alternatives for clause in clauses])
    typed, typed_terms = _pg_groups([(" ".join(clause.terms),) for clause in clauses])
    forms, form_terms = _pg_groups(form_groups(clauses))
    rows = self.db.execute(
        f"SELECT id FROM bench_stem, (SELECT {wide} AS q, {typed} AS p, {forms} AS f) t "  # noqa: S608
        "WHERE v @@ q ORDER BY (v @@ p) DESC, (bench_stem.f @@ t.f) DESC, "
        "ts_rank_cd(v, q, 1) DESC, id LIMIT 40",
        [*wide_terms, *typed_terms, *form_terms],
    ).fetchall()
    return [row[0] for row in rows]


PostgresIndex.product = _postgres_product  # type: ignore[attr-defined]


def recall_at(k: int, ranked: list[int], relevant: set[int]) -> float:
    return len(set(ranked[:k]) & relevant) / min(k, len(relevant))


def ndcg_at_10(ranked: list[int], relevant: set[int]) -> float:
    gains = sum(1 / math.log2(i + 2) for i, doc in enumerate(ranked[:10]) if doc in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(10, len(relevant))))
    return gains / ideal


def trap_above(ranked: list[int], relevant: set[int], traps: set[int]) -> bool:
    first_relevant = next((i for i, d in enumerate(ranked) if d in relevant), len(ranked))
    return any(d in traps for d in ranked[:first_relevant])


def candidates(with_isri: bool = True) -> list[Candidate]:
    found = [
        Candidate("plain", None),
        Candidate("light10 (before)", before_light10),
        Candidate("light10 (before) + prepositions", before_light10, True),
        Candidate("light10 (Larkey)", larkey_light10),
        Candidate("Snowball", snowball),
    ]
    isri_stem = isri() if with_isri else None
    if isri_stem is not None:
        found.append(Candidate("ISRI", isri_stem))
    found += [
        Candidate("Mizan", arabic_light_stem),
        Candidate("Mizan + prepositions", arabic_light_stem, True),
        Candidate("Mizan as searched (+ prepositions, exact first)", arabic_light_stem, True, True),
    ]
    return found


def evaluate(corpus: Corpus, pg_url: str | None) -> list[tuple[str, str, dict[str, list[float]]]]:
    results = []
    for candidate in candidates():
        backends: list[tuple[str, SqliteIndex | PostgresIndex]] = [
            ("SQLite", SqliteIndex(corpus, candidate))
        ]
        if pg_url:
            backends.append(("PostgreSQL", PostgresIndex(pg_url, corpus, candidate)))
        for backend_name, index in backends:
            by_kind: dict[str, list[float]] = {}
            for number, query in enumerate(corpus.queries):
                kind, text = query[0], query[1]
                if candidate.exact:
                    ranked = index.product(parse_query(text))
                else:
                    ranked = index.search(query_clauses(candidate, text))
                relevant, traps = corpus.relevant[number], corpus.traps[number]
                row = [
                    recall_at(3, ranked, relevant),
                    recall_at(10, ranked, relevant),
                    ndcg_at_10(ranked, relevant),
                    float(trap_above(ranked, relevant, traps)) if traps else 0.0,
                ]
                for key in (kind, "all"):
                    by_kind.setdefault(key, []).extend([row])  # type: ignore[arg-type]
                if kind != "trap" and row[0] < 1 and VERBOSE:
                    print(f"  miss {candidate.name} {backend_name} {text}: {ranked[:3]}")
            results.append((candidate.name, backend_name, by_kind))
    return results


VERBOSE = False


def report(results: list[tuple[str, str, dict[str, list[float]]]], title: str) -> None:
    kinds = ["plural", "haa", "prep", "trap", "all"]
    print(f"\n{title}\n")
    print(
        "| candidate | database | "
        + " | ".join(f"{k} r@3" for k in kinds)
        + " | all r@10 | all nDCG@10 | traps above |"
    )
    print("|---|---|" + "--:|" * (len(kinds) + 3))
    for name, backend, by_kind in results:
        cells = []
        for kind in kinds:
            rows = by_kind.get(kind, [])
            cells.append(f"{sum(r[0] for r in rows) / len(rows):.3f}" if rows else "–")
        rows = by_kind["all"]
        traps = by_kind.get("trap", [])
        print(
            f"| {name} | {backend} | "
            + " | ".join(cells)
            + f" | {sum(r[1] for r in rows) / len(rows):.3f}"
            + f" | {sum(r[2] for r in rows) / len(rows):.3f}"
            + f" | {int(sum(r[3] for r in traps))}/{len(traps)} |"
        )


def main() -> None:
    global VERBOSE
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", choices=["tuned", "held-out"], default="tuned")
    parser.add_argument("--background", type=int, default=3000)
    parser.add_argument("--pg", default="")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    VERBOSE = args.verbose
    queries = TUNED if args.set == "tuned" else HELD_OUT
    corpus = build_corpus(queries, args.background)
    results = evaluate(corpus, args.pg or None)
    report(
        results,
        f"{args.set} set: {len(queries)} queries, {len(corpus.texts)} documents "
        f"({args.background} background)",
    )


if __name__ == "__main__":
    main()
