"""The library's search service: one interface, two backends (DESIGN decision 11).

``search_documents(query, visible=…, filters=…)`` parses what a person typed into clauses
(``mizan.text.stem.parse_query``: terms and phrases, every operator or stray quote neutralised),
then asks the database's own full-text index for the documents, ranked:

* SQLite: the FTS5 table ``library_fts`` with ``bm25`` (title terms weighted 4, body terms 1);
* PostgreSQL: the GIN-indexed tsvector ``library_searchentry.vector`` with ``ts_rank_cd``
  (title terms weight A, body terms D, normalised by document length).

Both index the same terms (``SearchEntry``), so both find the same documents; ranking functions
differ in detail, so only the order of near-ties may differ. Which documents may be found is
decided by the caller's ``visible`` queryset — the permission layer
(``Document.objects.visible_to(user)``; the public site passes an anonymous user) — applied inside
the SQL, so internal documents can never reach results, counts or snippets.

Snippets are cut from the extracted text as written and highlight every word whose search term
is in the query, so they read naturally in Arabic and English; each snippet carries its own
direction (``dir``) for the template.
"""

from __future__ import annotations

import gc
import json
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape as html_escape
from typing import Any

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import OperationalError, connection, transaction
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString, mark_safe

from mizan.library.bounds import EXACT_REACH, EXACT_SHARE, RANKED_MATCHES, TITLE_MATCHES
from mizan.library.models import Document, DocumentVersion, SearchEntry, SearchForms
from mizan.text import contains_arabic
from mizan.text.stem import (
    QueryClause,
    chunk_terms,
    form_groups,
    fts5_match,
    parse_query,
    title_and_body_terms,
    word_spans,
)

# Both backends index at most this much of a document's body terms. PostgreSQL refuses a
# tsvector over 1 MB and clamps positions at 16,383; at this length neither limit is reached,
# and SQLite indexes the same prefix, so the two stay equal. (About 60,000 words.)
MAX_BODY_TERMS_CHARS = 400_000
MAX_TITLE_TERMS_CHARS = 20_000
SNIPPET_SCAN_CHARS = 300_000
SNIPPET_WORDS = 32


@dataclass
class SearchFilters:
    body: str = ""  # Term code of the issuing body
    doc_type: str = ""  # Term code of the type
    topic: str = ""  # Term code of a topic
    language: str = ""  # a version in this language
    year: int | None = None
    collection: str = ""

    @property
    def joins_rows(self) -> bool:
        """Topic and language filters join to-many tables, so a document can repeat."""
        return bool(self.topic or self.language)

    def apply(self, documents: QuerySet[Document]) -> QuerySet[Document]:
        if self.body:
            documents = documents.filter(body__code=self.body)
        if self.doc_type:
            documents = documents.filter(doc_type__code=self.doc_type)
        if self.topic:
            documents = documents.filter(topics__code=self.topic)
        if self.language:
            documents = documents.filter(versions__language=self.language)
        if self.year:
            documents = documents.filter(year=self.year)
        if self.collection:
            documents = documents.filter(collection=self.collection)
        return documents


@dataclass
class Snippet:
    html: SafeString
    direction: str  # "rtl" or "ltr"
    language: str


@dataclass
class SearchHit:
    document: Document
    score: float
    snippets: list[Snippet] = field(default_factory=list)


@dataclass
class SearchResults:
    hits: list[SearchHit]
    total: int
    clauses: list[QueryClause]
    # True when more than ``total`` (= RANKED_MATCHES) documents match: the hits are then the
    # documents whose title matches, then the most recently added ``total`` matches, each group
    # ranked; pages show "more than …", never a guess.
    more: bool = False
    # How many results the pages reach: ``total``, or with ``more`` the two groups together.
    reachable: int = -1
    # True when the search was stopped at its time budget (``SEARCH_TIMEOUT_MS``): no hits.
    stopped: bool = False

    def __post_init__(self) -> None:
        if self.reachable < 0:
            self.reachable = self.total


def index_terms(document: Document, texts: list[str]) -> tuple[str, str, str]:
    """The (title, body, exact forms) terms of a document, as stored in its ``SearchEntry`` and
    ``SearchForms``."""
    title_parts = [
        document.symbol,
        document.title_ar,
        document.title_en,
        document.authors,
        document.body.label_ar if document.body else "",
        document.body.label_en if document.body else "",
    ]
    body_parts = [document.abstract_ar, document.abstract_en, *texts]
    # Terms and exact forms in one pass over each text (``mizan.text.stem``).
    title, body, forms = title_and_body_terms(
        " ".join(part for part in title_parts if part),
        "\n".join(part for part in body_parts if part),
    )
    return (
        _cut(title, MAX_TITLE_TERMS_CHARS),
        _cut(body, MAX_BODY_TERMS_CHARS),
        _stored_forms(forms),
    )


def _stored_forms(forms: list[str]) -> str:
    """Forms as ``SearchForms.forms`` and ``PassageEntry.form_terms`` keep them (the body's,
    then the title's not among them: ``title_and_body_terms``), separated and surrounded by
    spaces, so that a form is found by a plain substring test (``_has_forms``)."""
    return " " + _cut(" ".join(forms), MAX_BODY_TERMS_CHARS) + " " if forms else ""


def _has_forms(clauses: list[QueryClause], column: str) -> tuple[str, list[str]]:
    """SQL that is true when ``column`` (stored forms) holds every exact form of the query — for a
    clause with variants, any of its word's forms with or without a bare preposition
    (``form_groups``) — and its values. Only ever run on rows already matched (at most
    ``RANKED_MATCHES`` per search), so no index is needed: the forms are neither in FTS5 nor in
    a tsvector, and indexing a document costs no more than before but the text (issue 16)."""
    function = "strpos" if connection.vendor == "postgresql" else "instr"
    groups = form_groups(clauses)
    sql = " AND ".join(
        "(" + " OR ".join([f"{function}({column}, %s) > 0"] * len(group)) + ")" for group in groups
    )
    return f"({sql})", [f" {form} " for group in groups for form in group]


def _has_nisba(clauses: list[QueryClause], column: str) -> tuple[str, list[str]]:
    """SQL that is true when ``column`` (stored forms) holds, for every clause whose word lost a
    nisba ي to the stemmer (``QueryClause.nisba``), a word beginning with its stem and that ي —
    the next rank below the exact forms: مدني's documents holding المدنيين before those holding
    only المدن (cities) — and its values; ('', []) when no clause has one (issue 16)."""
    sql, bases = _nisba_test(clauses, column)
    return (f"{sql} DESC, ", bases) if sql else ("", [])


def _nisba_test(clauses: list[QueryClause], column: str) -> tuple[str, list[str]]:
    """``_has_nisba``'s condition alone (no ordering), and its values; ('', [])."""
    bases = list(dict.fromkeys(clause.nisba for clause in clauses if clause.nisba))
    if not bases:
        return "", []
    function = "strpos" if connection.vendor == "postgresql" else "instr"
    sql = " AND ".join([f"{function}({column}, %s) > 0"] * len(bases))
    return f"({sql})", [f" {base}" for base in bases]


def _as_typed(clauses: list[QueryClause], column: str) -> tuple[str, list[str]]:
    """SQL true when ``column`` (stored forms) holds every exact form of the query, or a word
    beginning with each nisba word's stem and ي: the documents the ranking puts above those
    that only share the query's stems (``_has_forms``, ``_has_nisba``), and its values."""
    exact, forms = _has_forms(clauses, column)
    near, bases = _nisba_test(clauses, column)
    if not near:
        return exact, forms
    return f"({exact} OR {near})", [*forms, *bases]


_FREEZE_LOCK = threading.Lock()


@contextmanager
def bulk_indexing() -> Iterator[None]:
    """Index many documents at once (an import, the benchmark's generator).

    On PostgreSQL, new entries of a GIN index first go to its *pending list*, merged into the
    index when the list exceeds ``gin_pending_list_limit`` (4 MB by default, a few hundred
    documents here). For this session only, the limit is raised so the merges come in larger,
    much cheaper batches; at the end what is left is merged at once, so that searches, which
    read the whole pending list, are not slowed afterwards. Uploads one by one keep the
    default. SQLite's FTS5 needs nothing of the kind.

    On both, the objects that exist when the session starts (Django, the modules, the stemmer's
    caches: about 100,000 of them) are moved out of the cyclic garbage collector's way
    (``gc.freeze``) until it ends: indexing allocates many containers, and every collection of
    the oldest generation walked them all again — 10–15 % of indexing's CPU (bench/README.md,
    issue 16). What the session itself leaves as garbage is still collected. Only a session that
    found nothing frozen freezes and unfreezes: ``gc.unfreeze`` gives back every frozen object,
    so a nested session, or one inside a process that froze its own start-up objects (a
    pre-forking server's ``gc.freeze``), must leave the freeze to whoever made it.
    """
    with _FREEZE_LOCK:
        froze = gc.get_freeze_count() == 0
        if froze:
            gc.freeze()
    try:
        if connection.vendor != "postgresql":
            yield
            return
        with connection.cursor() as cursor:
            cursor.execute("SET gin_pending_list_limit = '64MB'")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET gin_pending_list_limit")
                for index in ("library_searchentry_vector", "library_searchentry_title_vector"):
                    cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
    finally:
        if froze:
            with _FREEZE_LOCK:
                gc.unfreeze()


def insert_entries(rows: Iterable[tuple[int, str, str, str]]) -> None:
    """Write the search entries and exact forms of documents that have none yet, many at once
    (an import's batch, the benchmark's generator): ``(document id, title terms, body terms,
    forms)`` each, as ``index_terms`` gives them. Index upkeep, not an action of its own;
    a document already indexed makes it fail (``document_reindex`` replaces one).

    PostgreSQL: two ``COPY … FROM STDIN`` streams instead of ``bulk_create``'s two multi-row
    ``INSERT``s. The rows and the index are the same; the ORM's model instances, parameter lists
    and statements of 1,000–1,500 placeholders cost the client five times the CPU of the two
    streams (1,000 documents: 0.30 against 0.05 s; bench/README.md, issue 16, branch
    ``pgindex``).
    SQLite: ``bulk_create`` (its FTS5 triggers index the rows).

    Both writes are one atomic block, so a batch that fails half way (a document already
    indexed, a NUL in a term) leaves neither table written for it; and the COPY's errors are
    Django's (``IntegrityError``, ``DataError``), as ``bulk_create``'s are."""
    rows = list(rows)
    with transaction.atomic(), connection.wrap_database_errors:
        _insert_entries(rows)


def _insert_entries(rows: list[tuple[int, str, str, str]]) -> None:
    if connection.vendor != "postgresql":
        SearchEntry.objects.bulk_create(
            SearchEntry(document_id=doc_id, title_terms=title, body_terms=body)
            for doc_id, title, body, _forms in rows
        )
        SearchForms.objects.bulk_create(
            SearchForms(document_id=doc_id, forms=forms) for doc_id, _t, _b, forms in rows
        )
        return
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor, under Django's wrapper
        with raw.copy(
            "COPY library_searchentry (document_id, title_terms, body_terms) FROM STDIN"
        ) as copy:
            for doc_id, title, body, _forms in rows:
                copy.write_row((doc_id, title, body))
        with raw.copy("COPY library_searchforms (document_id, forms) FROM STDIN") as copy:
            for doc_id, _title, _body, forms in rows:
                copy.write_row((doc_id, forms))


def _cut(terms: str, limit: int) -> str:
    if len(terms) <= limit:
        return terms
    return terms[:limit].rsplit(" ", 1)[0]


def _ranked_ids(
    clauses: list[QueryClause], documents: QuerySet[Document], limit: int, offset: int
) -> tuple[list[tuple[int, float]], int, int, bool]:
    """The page of (document id, score), best first; the number of matches shown; how many
    results the pages reach; whether more documents match than are shown.

    The same steps on both backends, so that both rank the same documents:

    1. *Window*: the ids of the newest ``RANKED_MATCHES + 1`` visible matches, newest first.
       Both indexes hand out matches in id order and stop at the limit (FTS5 walks its doclists
       backwards; PostgreSQL reads the GIN bitmap or the primary key backwards), so this costs
       about the same for 20 matches as for 70,000. Fewer than the limit: that is the exact count,
       and every match is ranked by the full score (bm25 / ts_rank_cd, title terms weighted
       above body terms) — nothing more to do.
    2. More matches than ``RANKED_MATCHES``: two groups, concatenated.

       * *Title group*: the visible documents whose **title** matches the query — all of them,
         or the newest ``TITLE_MATCHES`` — ranked by their title alone (SQLite: bm25 of the
         column-filtered query ``{title_terms} : (…)``; PostgreSQL: ts_rank_cd of the stored,
         GIN-indexed ``title_vector``, migration 0003; on both, the words as typed first).
         An old document that names the query in its title (the curated catalogue of key
         texts is seeded first, so it has the oldest ids) is thus always a candidate, however
         many newer documents mention the words.
       * *Window*: the ``RANKED_MATCHES`` most recently added matches, ranked by the full
         score, minus the title group. When the window holds fewer than a tenth of it (50)
         documents with the query's words as typed (or a nisba word's stem and ي), the newest
         50 such documents among the next 1,000 older matches are
         ranked with it (``_older_as_typed``): a word whose stem many newer documents share
         (اتفاقية, 1,200 documents holding اتفاق-words) still finds the older document that
         holds it as typed, and above the newer ones that only share its stem.

       The pages run over the title group, then the rest of the window; the page says "more
       than ``RANKED_MATCHES``".

    Scoring every one of 70,000 matches (both engines compute a score per match before taking
    the top 20; PostgreSQL must also read each match's compressed tsvector from TOAST) cost
    0.2–1.5 s on 100,000 documents; the window and ``TITLE_MATCHES`` bound it. Visibility (the
    caller's queryset, the permission layer) is a correlated EXISTS, one primary-key probe per
    match, inside every step, so internal documents enter no group and no count.
    """
    rank = _postgres_rank if connection.vendor == "postgresql" else _sqlite_rank
    with connection.cursor() as cursor:
        window = _newest(cursor, clauses, documents, RANKED_MATCHES + 1, title=False)
        if len(window) <= RANKED_MATCHES:
            rows = rank(cursor, clauses, documents, window, limit, offset) if window else []
            return rows, len(window), len(window), False
        titles = _title_group(cursor, clauses, documents)
        in_titles = {doc_id for doc_id, _ in titles}
        window = window[:RANKED_MATCHES]
        older = _older_as_typed(cursor, clauses, documents, window)
        rest = [doc_id for doc_id in (*window, *older) if doc_id not in in_titles]
        rows = titles[offset : offset + limit]
        # The rest of the window is ranked only for a page that reaches past the title group.
        if len(rows) < limit and rest:
            ranked_rest = [
                row
                for row in rank(cursor, clauses, documents, window, None, 0, older=older)
                if row[0] not in in_titles
            ]
            start = max(0, offset - len(titles))
            rows += ranked_rest[start : start + limit - len(rows)]
    return rows, RANKED_MATCHES, len(titles) + len(rest), True


def _older_as_typed(
    cursor: Any, clauses: list[QueryClause], documents: QuerySet[Document], window: list[int]
) -> list[int]:
    """The visible matches older than ``window`` (the newest ``RANKED_MATCHES``, newest first)
    that hold the query as typed (``_as_typed``): the newest ``RANKED_MATCHES // EXACT_SHARE``
    (50) of them among the next ``RANKED_MATCHES * EXACT_REACH`` (1,000) older matches, newest
    first — none when the window itself holds that many (issue 16).

    Two statements, each stopping early. The count in the window: the forms of its documents
    tested until that many pass (a word common as typed: a few dozen). The older ones:
    the matches below the window walked newest first from the full-text index, as the window
    is, with the forms test and a visibility probe each, until enough pass or the reach
    was walked (on PostgreSQL a sparse stem's are taken from the GIN index at once and
    sorted: ``_sparse_older``). The forms are in no index (``SearchForms``), and need none: only the
    matches of the query's stems are tested."""
    wanted, reach = max(1, RANKED_MATCHES // EXACT_SHARE), RANKED_MATCHES * EXACT_REACH
    postgres = connection.vendor == "postgresql"
    test, values = _as_typed(clauses, "f.forms")
    if postgres:
        cursor.execute(
            "SELECT count(*) FROM (SELECT 1 FROM library_searchforms f "  # noqa: S608
            f"WHERE f.document_id = ANY(%s) AND {test} LIMIT %s) x",
            [window, *values, wanted],
        )
    else:
        cursor.execute(
            "SELECT count(*) FROM (SELECT 1 FROM library_searchforms f "  # noqa: S608
            "WHERE f.document_id IN (SELECT value FROM json_each(%s)) "
            f"AND {test} LIMIT %s)",
            [json.dumps(window), *values, wanted],
        )
    if int(cursor.fetchone()[0]) >= wanted:
        return []
    if postgres:
        visible_sql, visible_params = _visible_sql(documents, "m.document_id", probe=True)
        query, terms = _tsquery(clauses)
        # ``+ 0``: the key is neither walked nor used as a range (``_sparse_older``).
        key = "s.document_id + 0" if _sparse_older(window, reach) else "s.document_id"
        cursor.execute(
            "SELECT m.document_id FROM (SELECT s.document_id "  # noqa: S608
            f"FROM library_searchentry s, (SELECT {query} AS q) t "
            f"WHERE s.vector @@ t.q AND {key} < %s "
            f"ORDER BY {key} DESC LIMIT %s) m "
            # A probe of the forms per walked match (``OFFSET 0``: not a join, for which the
            # planner tested every document's forms in a merge join — 806 ms at 20,000).
            "WHERE EXISTS (SELECT 1 FROM library_searchforms f "
            f"WHERE f.document_id = m.document_id AND {test} OFFSET 0) "
            f"AND EXISTS ({visible_sql}) ORDER BY m.document_id DESC LIMIT %s",
            [*terms, window[-1], reach, *values, *visible_params, wanted],
        )
    else:
        visible_sql, visible_params = _visible_sql(documents, "m.id")
        cursor.execute(
            "SELECT m.id FROM (SELECT rowid AS id FROM library_fts "  # noqa: S608
            "WHERE library_fts MATCH %s AND rowid < %s ORDER BY rowid DESC LIMIT %s) m "
            "JOIN library_searchforms f ON f.document_id = m.id "
            f"WHERE {test} AND EXISTS ({visible_sql}) "
            "ORDER BY m.id DESC LIMIT %s",
            [
                _fts5_match(clauses, False),
                window[-1],
                reach,
                *values,
                *visible_params,
                wanted,
            ],
        )
    return [row[0] for row in cursor.fetchall()]


def _sparse_older(window: list[int], reach: int) -> bool:
    """Whether ``_older_as_typed`` (PostgreSQL) should take the matches below ``window`` from
    the GIN index and sort them, rather than walk the primary key backwards from the window.

    The walk reads every entry's vector from TOAST (13 µs each) until ``reach`` match; where
    the stem's matches are sparse that is every entry below the window (والسجون at 100,000
    documents: 28,148 vectors read for 180 matches, 730 ms), while the GIN index gives them
    all at once (9 ms). Dense matches (the stem of a word common as typed) are walked: the
    index would hand out tens of thousands, and a range on the key made the planner read the
    vectors again. The window's own density ``d`` (its matches per id) decides, as the first
    look does for the title group (``_sparse_titles``): the index when the matches below the
    window, about ``d × window[-1]``, are fewer than the ``reach / d`` entries a walk reads.
    Both plans give the same rows."""
    span = max(1, window[0] - window[-1] + 1)
    return len(window) * len(window) * window[-1] < reach * span * span


def _title_group(
    cursor: Any, clauses: list[QueryClause], documents: QuerySet[Document]
) -> list[tuple[int, float]]:
    """The visible documents whose title matches — all, or the newest ``TITLE_MATCHES`` —
    ranked by their title alone, best first."""
    if connection.vendor != "postgresql":
        newest = _newest(cursor, clauses, documents, TITLE_MATCHES, title=True)
        return _sqlite_rank(cursor, clauses, documents, newest, None, 0, title=True)
    # The stored title vectors are small (no TOAST), read once by the filter and once by
    # ts_rank_cd (``_rank_titles``), in one statement.
    visible_sql, visible_params = _visible_sql(documents, "s.document_id")
    query, terms = _tsquery(clauses)
    look = _title_look(cursor, query, terms)
    if _sparse_titles(look):
        # Every title match from the GIN index, sorted by id (``+ 0``: not by walking the
        # primary key), then a visibility probe per match (``OFFSET 0``) from the newest until
        # ``TITLE_MATCHES`` are found. The order is asked for again outside (``newest``): the
        # subquery's rows come sorted, so it costs no sort, and the ``LIMIT`` does not rest on
        # an order SQL does not promise to keep. First only among the newest ids that the look
        # says should hold them all (``_title_floor``): fewer matches to read and recheck.
        probe_sql, probe_params = _visible_sql(documents, "m.document_id", probe=True)

        def found_from(floor: int | None) -> tuple[str, list[Any]]:
            since = "AND s.document_id >= %s " if floor is not None else ""
            sql = (
                "SELECT m.document_id, m.title_vector FROM (SELECT s.document_id, "  # noqa: S608
                "s.document_id + 0 AS newest, s.title_vector "
                f"FROM library_searchentry s, (SELECT {query} AS q) t "
                f"WHERE s.title_vector @@ t.q {since}ORDER BY newest DESC OFFSET 0) m "
                f"WHERE EXISTS ({probe_sql}) ORDER BY m.newest DESC LIMIT %s"
            )
            since_params = [floor] if floor is not None else []
            return sql, [*terms, *since_params, *probe_params, TITLE_MATCHES]

        # With every match visible the floor is highest: if even then there is none, the
        # visible ones need not be counted.
        floor = _title_floor(look, look.matching)
        if floor is not None:
            floor = _title_floor(look, _visible_titles(cursor, look, query, terms, documents))
        if floor is not None:
            rows = _rank_titles(cursor, clauses, *found_from(floor))
            if len(rows) >= TITLE_MATCHES:
                return rows
        found, found_params = found_from(None)
    else:
        found = (
            "SELECT s.document_id, s.title_vector "  # noqa: S608
            f"FROM library_searchentry s, (SELECT {query} AS q) t "
            f"WHERE s.title_vector @@ t.q AND EXISTS ({visible_sql}) "
            "ORDER BY s.document_id DESC LIMIT %s"
        )
        found_params = [*terms, *visible_params, TITLE_MATCHES]
    return _rank_titles(cursor, clauses, found, found_params)


def _rank_titles(
    cursor: Any, clauses: list[QueryClause], found: str, found_params: list[Any]
) -> list[tuple[int, float]]:
    """The title matches ``found`` selects (id, title vector), ranked by their title alone,
    best first (PostgreSQL)."""
    query, terms = _tsquery(clauses)
    # Ranked by the words as typed, as on SQLite (``_sqlite_rank``: typed matches first):
    # ts_rank_cd's cost grows with the query's lexemes, and a word with its preposition
    # variants has five, so ranking 2,000 titles against all of them cost about as much as
    # finding them (bench/README.md, issue 16). A title matching only through a variant scores
    # 0 against the typed words; only those are ranked again by the whole query, after the
    # others.
    typed, typed_terms = _tsquery(clauses, variants=False)
    then = ""
    if _has_variants(clauses):
        then = "CASE WHEN r.score = 0 THEN ts_rank_cd(r.title_vector, r.q, 1) END DESC, "
    cursor.execute(
        "SELECT r.document_id, r.score FROM ("  # noqa: S608
        "SELECT w.document_id, w.title_vector, t.q, ts_rank_cd(w.title_vector, t.p, 1) AS score "
        f"FROM ({found}) w, (SELECT {query} AS q, {typed} AS p) t"
        f") r ORDER BY r.score DESC, {then}r.document_id DESC",
        [*found_params, *terms, *typed_terms],
    )
    return [(row[0], float(row[1])) for row in cursor.fetchall()]


# How many of the newest search entries the title group's first look reads (``_title_look``).
TITLE_LOOK = 4000
# How many times the title matches the look predicts the floor's ids should hold
# (``_title_floor``): the look's share is a sample, and older entries may match less often.
TITLE_FLOOR_MARGIN = 1.25
# The floor is used only when the entries above it are at most this many times the title
# matches the look predicts in the whole table (``_title_floor``).
TITLE_FLOOR_RANGE = 6


@dataclass(frozen=True)
class _TitleLook:
    """What the first look at the newest ``looked`` search entries saw (PostgreSQL): how many
    titles match, the table's estimated size, and the ids of the newest and oldest entry
    looked at."""

    matching: int
    looked: int
    entries: float
    newest: int
    oldest: int


def _title_look(cursor: Any, query: str, terms: list[str]) -> _TitleLook:
    """One statement over the titles of the newest ``TITLE_LOOK`` entries (2–3 ms)."""
    cursor.execute(
        "SELECT count(*) FILTER (WHERE n.title_vector @@ t.q), count(*), "  # noqa: S608
        "(SELECT reltuples FROM pg_class WHERE oid = 'library_searchentry'::regclass), "
        "max(n.document_id), min(n.document_id) "
        "FROM (SELECT s.document_id, s.title_vector FROM library_searchentry s "
        f"ORDER BY s.document_id DESC LIMIT %s) n, (SELECT {query} AS q) t",
        [TITLE_LOOK, *terms],
    )
    matching, looked, estimated, newest, oldest = cursor.fetchone()
    entries = max(float(estimated or 0), float(looked))
    return _TitleLook(matching, looked, entries, newest or 0, oldest or 0)


def _visible_titles(
    cursor: Any, look: _TitleLook, query: str, terms: list[str], documents: QuerySet[Document]
) -> int:
    """How many of the title matches the look saw the caller may see (a probe each), asked
    only when a floor could be used: for a common word (قال: 1,233 matches among the newest
    4,000) probing them all in the look itself made it 3–11 ms instead of 1.6."""
    visible_sql, visible_params = _visible_sql(documents, "s.document_id", probe=True)
    cursor.execute(
        "SELECT count(*) FROM library_searchentry s, "  # noqa: S608
        f"(SELECT {query} AS q) t WHERE s.document_id BETWEEN %s AND %s "
        f"AND s.title_vector @@ t.q AND EXISTS ({visible_sql})",
        [*terms, look.oldest, look.newest, *visible_params],
    )
    return int(cursor.fetchone()[0])


def _sparse_titles(look: _TitleLook) -> bool:
    """Whether the title group (PostgreSQL) should take the title matches from the GIN index
    and sort them, rather than walk the newest documents until ``TITLE_MATCHES`` are found.

    The planner cannot tell: it multiplies the frequencies of the query's words as if they were
    independent («human rights»: 2,579 title matches estimated, 13,491 real) and then reads every
    match *and* hash-joins all 90,000 visible documents. The first look gives the share ``d`` of
    titles that match. Walking costs about ``TITLE_MATCHES / d`` rows, the index about ``d × N``
    (N entries): the index is cheaper when ``d² < TITLE_MATCHES / N`` — at 100,000 documents a
    share under 14 % (bench/README.md, issue 16 fourth follow-up: 2× faster for «human
    rights», ضرورة, must; the walk kept for قال or human, 3× faster there). Both plans give the
    same documents."""
    return bool(look.looked) and (
        look.matching * look.matching * look.entries < TITLE_MATCHES * look.looked * look.looked
    )


def _title_floor(look: _TitleLook, visible: int) -> int | None:
    """The lowest id among which the sparse plan first looks for the title group: the newest
    ids that, at the share of title matches the look saw that are ``visible`` to the caller,
    should hold
    ``TITLE_MATCHES`` of them ``TITLE_FLOOR_MARGIN`` times over. None: look everywhere — the
    look saw no visible match, the floor would reach the oldest entries anyway, or the entries
    above it are more than ``TITLE_FLOOR_RANGE`` times the title matches of the whole table
    (then the planner may walk every entry above the floor, and reading every match costs less:
    ضرورة, 5,200 title matches, took 48 → 72 ms with a floor at half the table).

    Reading only the matches above it — a GIN bitmap ANDed with a primary-key range — rechecks
    (for a phrase, reads the title's positions) a few thousand titles instead of every one
    that holds the words: «"human rights"» holds both words in 13,000 titles, nearly all side
    by side. When fewer than ``TITLE_MATCHES`` are found above it, the search looks again
    everywhere, so the floor changes no result."""
    if not visible or look.looked < TITLE_LOOK:
        return None
    # Ids per entry among the newest (deleted documents leave gaps).
    spacing = max(1.0, (look.newest - look.oldest + 1) / look.looked)
    wanted = TITLE_MATCHES * TITLE_FLOOR_MARGIN * look.looked / visible
    if wanted >= look.entries or wanted > TITLE_FLOOR_RANGE * look.matching * look.entries / (
        look.looked
    ):
        return None
    return int(look.newest + 1 - wanted * spacing)


def _newest(
    cursor: Any,
    clauses: list[QueryClause],
    documents: QuerySet[Document],
    count: int,
    *,
    title: bool,
) -> list[int]:
    """The ids of the newest ``count`` visible documents matching (in the title only, if
    ``title``), newest first."""
    if connection.vendor == "postgresql":
        visible_sql, visible_params = _visible_sql(documents, "s.document_id", probe=not title)
        query, terms = _tsquery(clauses)
        column = "title_vector" if title else "vector"
        cursor.execute(
            # Interpolated: placeholders, a fixed column and Django's own compiled SQL.
            f"SELECT s.document_id FROM library_searchentry s, (SELECT {query} AS q) t "  # noqa: S608
            f"WHERE s.{column} @@ t.q AND EXISTS ({visible_sql}) "
            "ORDER BY s.document_id DESC LIMIT %s",
            [*terms, *visible_params, count],
        )
    else:
        visible_sql, visible_params = _visible_sql(documents, "library_fts.rowid")
        cursor.execute(
            "SELECT rowid FROM library_fts WHERE library_fts MATCH %s "  # noqa: S608
            f"AND EXISTS ({visible_sql}) ORDER BY rowid DESC LIMIT %s",
            [_fts5_match(clauses, title), *visible_params, count],
        )
    return [row[0] for row in cursor.fetchall()]


def _postgres_rank(
    cursor: Any,
    clauses: list[QueryClause],
    documents: QuerySet[Document],
    ids: list[int],
    limit: int | None,
    offset: int,
    *,
    title: bool = False,
    older: list[int] | None = None,
) -> list[tuple[int, float]]:
    """``ids`` and ``older`` (``_older_as_typed``) ranked by ts_rank_cd of the full vector, or
    of the title's; ``limit`` None: all.

    Groups, in order: the documents matching the query's words as typed, then those matching
    only through a preposition variant; within each, those holding every exact form of the query
    (``SearchForms``, ``_has_forms``) first, then those holding a word that begins with a nisba
    word's stem and its ي (``_has_nisba``); ts_rank_cd orders what is left tied.
    """
    if not ids:
        return []
    ids = [*ids, *(older or ())]
    query, terms = _tsquery(clauses)
    typed, typed_terms = _tsquery(clauses, variants=False)
    exact, forms = _has_forms(clauses, "coalesce(f.forms, '')")
    near, bases = _has_nisba(clauses, "coalesce(f.forms, '')")
    column = "title_vector" if title else "vector"
    typed_order = f"(s.{column} @@ t.p) DESC, " if _has_variants(clauses) else ""
    cursor.execute(
        f"SELECT s.document_id, ts_rank_cd(s.{column}, t.q, 1) AS score "  # noqa: S608
        "FROM library_searchentry s "
        "LEFT JOIN library_searchforms f ON f.document_id = s.document_id, "
        f"(SELECT {query} AS q, {typed} AS p) t "
        "WHERE s.document_id = ANY(%s) "
        f"ORDER BY {typed_order}{exact} DESC, {near}score DESC, s.document_id DESC "
        "LIMIT %s OFFSET %s",
        [*terms, *typed_terms, ids, *forms, *bases, limit, offset],
    )
    return [(row[0], float(row[1])) for row in cursor.fetchall()]


def _sqlite_rank(
    cursor: Any,
    clauses: list[QueryClause],
    documents: QuerySet[Document],
    ids: list[int],
    limit: int | None,
    offset: int,
    *,
    title: bool = False,
    older: list[int] | None = None,
) -> list[tuple[int, float]]:
    """``ids`` — the newest visible matches, newest first — and ``older`` (``_older_as_typed``:
    visible matches below them) ranked by bm25 of the full query, or of its title-only form;
    ``limit`` None: all. Groups, in order: the documents matching the
    query's words as typed, then those matching only through a preposition variant; within each,
    those holding every exact form of the query first (``SearchForms``, ``_has_forms``, read
    from the narrow forms table only for these rows).

    ``ids`` are every visible match from the oldest of them up: a rowid range FTS5 seeks to (a
    list of rowids would make FTS5 run the whole match once per id, about 2 ms each). With
    ``older``, the range reaches down to the oldest of them and the matches between are left
    out by a test on the rowid (``+ 0``: not a constraint FTS5 would run the match for).
    """
    if not ids:
        return []
    visible_sql, visible_params = _visible_sql(documents, "matched.id")
    floor = ids[-1]
    between, between_params = "", []
    if older:
        between = " AND (rowid >= %s OR rowid + 0 IN (SELECT value FROM json_each(%s)))"
        between_params = [floor, json.dumps(older)]
        floor = min(older)
    typed_cte, typed_order, typed_params = "", "", []
    if _has_variants(clauses):
        typed_cte = (
            ", typed AS MATERIALIZED (SELECT rowid AS id FROM library_fts "  # noqa: S608
            f"WHERE library_fts MATCH %s AND rowid >= %s{between})"
        )
        typed_order = "matched.id IN (SELECT id FROM typed) DESC, "
        typed_params = [_fts5_match(clauses, title, variants=False), floor, *between_params]
    exact, forms = _has_forms(clauses, "coalesce(f.forms, '')")
    near, bases = _has_nisba(clauses, "coalesce(f.forms, '')")
    cursor.execute(
        "WITH matched AS MATERIALIZED ("  # noqa: S608 - compiled SQL; values are parameters
        "SELECT rowid AS id, bm25(library_fts, 4.0, 1.0) AS score "
        f"FROM library_fts WHERE library_fts MATCH %s AND rowid >= %s{between}){typed_cte} "
        "SELECT matched.id, matched.score FROM matched "
        "LEFT JOIN library_searchforms f ON f.document_id = matched.id "
        f"WHERE EXISTS ({visible_sql}) "
        f"ORDER BY {typed_order}{exact} DESC, {near}matched.score, matched.id DESC "
        "LIMIT %s OFFSET %s",
        [
            _fts5_match(clauses, title),
            floor,
            *between_params,
            *typed_params,
            *visible_params,
            *forms,
            *bases,
            -1 if limit is None else limit,
            offset,
        ],
    )
    # bm25 is lower for better matches; report "higher is better" on both backends.
    return [(row[0], -float(row[1])) for row in cursor.fetchall()]


def _has_variants(clauses: list[QueryClause]) -> bool:
    return any(clause.variants for clause in clauses)


def _tsquery(clauses: list[QueryClause], *, variants: bool = True) -> tuple[str, list[str]]:
    """The PostgreSQL tsquery of the clauses (every clause a phrase, or with ``variants`` any of
    its alternatives; all clauses required): SQL with placeholders, and their values."""
    parts: list[str] = []
    values: list[str] = []
    for clause in clauses:
        alternatives = clause.alternatives if variants else (" ".join(clause.terms),)
        parts.append(
            "(" + " || ".join(["phraseto_tsquery('simple', %s)"] * len(alternatives)) + ")"
        )
        values.extend(alternatives)
    return " && ".join(parts), values


def _fts5_match(clauses: list[QueryClause], title: bool, *, variants: bool = True) -> str:
    """The FTS5 MATCH expression; with ``title``, every clause must match in the title;
    without ``variants``, the words as typed only."""
    match = fts5_match(clauses, variants=variants)
    return f"{{title_terms}} : ({match})" if title else match


def _visible_sql(
    documents: QuerySet[Any], column: str, *, probe: bool = False
) -> tuple[str, tuple[Any, ...]]:
    """``documents`` as a condition on the document id in ``column``, for a correlated EXISTS:
    one primary-key probe per match instead of an IN over every visible document (which both
    databases would first build in full — 90,000 ids for one page).

    With ``probe``, on PostgreSQL, the subquery ends in ``OFFSET 0``, which keeps the planner
    from turning the EXISTS into a semi-join: for the window of a rare word with its preposition
    variants (an OR of five lexemes estimated at 1,300 matches, 24 real) it otherwise chose a
    merge join that walked all 90,000 visible documents backwards — 106 ms for matches the GIN
    index gave in 0.1 ms (0.35 ms with the probe; bench/README.md, issue 16). Not for the
    title group: there the merge join, which stops at ``TITLE_MATCHES``, is the better plan
    for common words (42 against 120 ms for «الحكومة»)."""
    try:
        sql, params = (
            documents.order_by()
            .filter(id=RawSQL(column, ()))  # noqa: S611 - a fixed column name, no input
            .values("id")
            .query.sql_with_params()
        )
    except EmptyResultSet:  # ``.none()``: Django writes no SQL for it; no document is visible
        return "SELECT 1 WHERE 1 = 0", ()
    if probe and connection.vendor == "postgresql":
        sql += " OFFSET 0"
    return sql, tuple(params)


def search_documents(
    query: str,
    *,
    visible: QuerySet[Document],
    filters: SearchFilters | None = None,
    limit: int = 20,
    offset: int = 0,
    snippets: bool = True,
    budget_ms: int | None = -1,
) -> SearchResults:
    """Ranked documents from ``visible`` matching ``query``; with no query, the newest first.

    ``budget_ms`` bounds the database's work on the query (default: the setting
    ``MIZAN_SEARCH_TIMEOUT_MS``; ``None``: no bound); past it the results say ``stopped``.
    """
    if budget_ms == -1:
        budget_ms = settings.MIZAN_SEARCH_TIMEOUT_MS
    filters = filters or SearchFilters()
    documents = filters.apply(visible)
    clauses = parse_query(query)
    if not clauses:
        if filters.joins_rows:
            documents = documents.distinct()
        page = list(_with_relations(documents).order_by("-year", "-id")[offset : offset + limit])
        return SearchResults(
            [SearchHit(document, 0.0) for document in page], documents.count(), clauses
        )
    try:
        with time_budget(budget_ms):
            ranked, total, reachable, more = _ranked_ids(clauses, documents, limit, offset)
    except SearchTooSlow:
        return SearchResults([], 0, clauses, stopped=True)
    # Loaded through ``visible`` again: a document made internal between the ranking and this
    # read (two statements) is left out rather than shown.
    by_id = _with_relations(visible.filter(id__in=[doc_id for doc_id, _ in ranked]).order_by())
    loaded = {document.pk: document for document in by_id}
    hits = [SearchHit(loaded[doc_id], score) for doc_id, score in ranked if doc_id in loaded]
    if snippets:
        _add_snippets(hits, clauses)
    return SearchResults(hits, total, clauses, more, reachable)


class SearchTooSlow(Exception):
    """The database's work on a search went past its time budget and was stopped."""


@contextmanager
def time_budget(milliseconds: int | None) -> Iterator[None]:
    """Stop the database statements run inside after ``milliseconds`` (``SearchTooSlow``).

    A public, anonymous search must not hold the database for seconds: a phrase of two very
    common words that rarely stand together is checked, on PostgreSQL, against every document
    holding both (its index has no word positions; bench/README.md). PostgreSQL: ``SET LOCAL
    statement_timeout`` in a transaction of its own (the search only reads). SQLite: a progress
    handler that interrupts the statement once the time is up.
    """
    if not milliseconds:
        yield
        return
    if connection.vendor == "postgresql":
        from psycopg.errors import QueryCanceled

        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL statement_timeout = %s", [int(milliseconds)])
                    # No parallel workers: every statement of a search is bounded (tens of ms),
                    # and on a busy server a worker's start and the rows it passes back cost
                    # more than it saves (bench/README.md, issue 16, phrase title group).
                    cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
                yield
                # Inside a caller's transaction the settings would outlive this block: undo
                # them. (On an error the rollback of this block undoes them.)
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL statement_timeout TO DEFAULT")
                    cursor.execute("SET LOCAL max_parallel_workers_per_gather TO DEFAULT")
        except OperationalError as exc:
            if isinstance(exc.__cause__, QueryCanceled):
                raise SearchTooSlow from exc
            raise
        return
    connection.ensure_connection()
    raw = connection.connection
    deadline = time.monotonic() + milliseconds / 1000
    raw.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        yield
    except OperationalError as exc:
        if "interrupted" in str(exc):
            raise SearchTooSlow from exc
        raise
    finally:
        raw.set_progress_handler(None, 0)


def _with_relations(documents: QuerySet[Document]) -> QuerySet[Document]:
    return documents.select_related("body", "doc_type").prefetch_related("topics")


def _add_snippets(hits: list[SearchHit], clauses: list[QueryClause]) -> None:
    wanted = {term for clause in clauses for term in (*clause.terms, *clause.variants)}
    versions = DocumentVersion.objects.filter(
        document_id__in=[hit.document.pk for hit in hits]
    ).only("document_id", "language", "text")
    by_document: dict[int, list[DocumentVersion]] = {}
    for version in versions:
        by_document.setdefault(version.document_id, []).append(version)
    for hit in hits:
        texts = [(v.language, v.text) for v in by_document.get(hit.document.pk, [])]
        texts += [("ar", hit.document.abstract_ar), ("en", hit.document.abstract_en)]
        for language, text in texts:
            snippet = make_snippet(text, wanted, language)
            if snippet is not None:
                hit.snippets.append(snippet)
                break


def make_snippet(text: str, wanted: set[str], language: str = "") -> Snippet | None:
    """The passage of ``text`` with the most query terms, matched words in ``<mark>``.

    Steps: split the text on whitespace (fast, in C) and find the chunks carrying query terms
    through a reverse index of the chunks met so far (``_matching_chunks``); slide a window of
    ``SNIPPET_WORDS`` chunks over the matching chunks and keep the first window holding the
    most distinct query terms (stopping at the first that holds all those the text holds); find that
    window's character offsets;
    highlight the words of that passage only.
    """
    if not text or not wanted:
        return None
    scan = text[:SNIPPET_SCAN_CHARS]
    chunks = scan.split()
    # The matching chunks come from set operations (in C) against the process's reverse index
    # of chunks, and their places from list.index: no Python loop over every word.
    terms_of = _matching_chunks(set(chunks), wanted)
    hits = sorted(index for chunk in terms_of for index in _positions(chunks, chunk))
    hit_terms = [terms_of[chunks[index]] for index in hits]
    if not hits:
        return None
    # The most a window can hold is every query term the text holds (fewer than ``wanted`` when
    # a word has variants), so the walk stops at the first window holding them all.
    most = len(set().union(*terms_of.values()))
    best_start, best_score = hits[0], -1
    in_window: dict[str, int] = {}
    right = 0
    for left, first in enumerate(hits):
        while right < len(hits) and hits[right] < first + SNIPPET_WORDS:
            for term in hit_terms[right]:
                in_window[term] = in_window.get(term, 0) + 1
            right += 1
        if len(in_window) > best_score:
            best_start, best_score = first, len(in_window)
            if best_score == most:
                break
        for term in hit_terms[left]:
            in_window[term] -= 1
            if not in_window[term]:
                del in_window[term]
    start_chunk = max(0, best_start - 6)
    end_chunk = min(len(chunks), start_chunk + SNIPPET_WORDS)
    begin = _chunk_offset(scan, start_chunk)
    end = _chunk_offset(scan, end_chunk - 1) + len(chunks[end_chunk - 1])
    passage = scan[begin:end]
    pieces: list[str] = ["… " if begin > 0 else ""]
    cursor = 0
    for start, stop, term in word_spans(passage):
        pieces.append(html_escape(passage[cursor:start]))
        word = html_escape(passage[start:stop])
        highlighted = term and not wanted.isdisjoint(term.split())
        pieces.append(f"<mark>{word}</mark>" if highlighted else word)
        cursor = stop
    pieces.append(html_escape(passage[cursor:]))
    pieces.append(" …" if end < len(text) else "")
    direction = "rtl" if contains_arabic(passage) else "ltr"
    body = " ".join("".join(pieces).split())
    return Snippet(mark_safe(body), direction, language)  # noqa: S308 - every piece escaped


def _chunk_offset(text: str, number: int) -> int:
    """Where the whitespace-separated chunk ``number`` (from 0) of ``text`` starts."""
    rest = text.split(maxsplit=number)[number] if number else text.lstrip()
    return len(text) - len(rest)


# Reverse index of the chunks (whitespace-separated pieces of text) snippets have met: index
# term -> the chunks that give it. A chunk's terms are computed once per process (most words of
# a library recur), so finding the chunks of a text that carry a query term is a set
# intersection. Bounded: emptied when it holds more than _MAX_KNOWN_CHUNKS chunks.
_KNOWN_CHUNKS: set[str] = set()
_CHUNKS_OF_TERM: dict[str, set[str]] = {}
_MAX_KNOWN_CHUNKS = 500_000
_CHUNKS_LOCK = threading.Lock()


def _matching_chunks(distinct: set[str], wanted: set[str]) -> dict[str, set[str]]:
    """The chunks of ``distinct`` that carry a term of ``wanted``, with those terms."""
    new = distinct - _KNOWN_CHUNKS
    if new:
        with _CHUNKS_LOCK:
            if len(_KNOWN_CHUNKS) + len(new) > _MAX_KNOWN_CHUNKS:
                _KNOWN_CHUNKS.clear()
                _CHUNKS_OF_TERM.clear()
                new = set(distinct)
            for chunk in new:
                for term in chunk_terms(chunk):
                    _CHUNKS_OF_TERM.setdefault(term, set()).add(chunk)
            _KNOWN_CHUNKS.update(new)
    found: dict[str, set[str]] = {}
    with _CHUNKS_LOCK:
        for term in wanted:
            for chunk in _CHUNKS_OF_TERM.get(term, set()) & distinct:
                found.setdefault(chunk, set()).add(term)
    return found


def _positions(items: list[str], item: str) -> list[int]:
    found: list[int] = []
    index = -1
    while True:
        try:
            index = items.index(item, index + 1)
        except ValueError:
            return found
        found.append(index)


def search_as_dicts(results: SearchResults) -> list[dict[str, Any]]:
    """The ``mizan library search --json`` contract: best first, id, symbol, title, path, score."""
    out = []
    for hit in results.hits:
        document = hit.document
        paths = [v.import_path for v in document.versions.all() if v.import_path]
        out.append(
            {
                "id": document.pk,
                "symbol": document.symbol,
                "title": document.title_en or document.title_ar or document.symbol,
                "title_ar": document.title_ar,
                "title_en": document.title_en,
                "path": paths[0] if paths else "",
                "paths": paths,
                "score": round(hit.score, 6),
                "public": document.is_public,
            }
        )
    return out


# --- Passages of other apps' records (issue 14: testimony transcript segments) ------------------


def passage_terms(title: str, text: str) -> tuple[str, str, str]:
    """The (title, body, exact forms) terms of a passage, as stored in its ``PassageEntry``."""
    title_terms, body_terms, forms = title_and_body_terms(title, text)
    return (
        _cut(title_terms, MAX_TITLE_TERMS_CHARS),
        _cut(body_terms, MAX_BODY_TERMS_CHARS),
        _stored_forms(forms),
    )


@dataclass
class PassageHit:
    object_id: int
    owner_id: int
    score: float


@dataclass
class PassageResults:
    hits: list[PassageHit]
    clauses: list[QueryClause]
    # True when more passages match than were asked for; no count is given beyond them.
    more: bool = False
    stopped: bool = False


def search_passages(
    query: str,
    *,
    kind: str,
    visible_owners: QuerySet[Any],
    limit: int = 100,
    budget_ms: int | None = -1,
) -> PassageResults:
    """Passages of ``kind`` matching ``query``, best first, of the owners in ``visible_owners``.

    ``visible_owners`` is the caller's permission layer (``Testimony.objects.visible_to(user)``):
    applied inside the SQL as a correlated EXISTS on the passage's owner, so a passage of an
    owner the user may not see takes no place in the results and adds to no count. Ranked as
    documents are: the words as typed before preposition variants, exact forms first within each,
    then bm25 (SQLite, title weighted 4) or ts_rank_cd (PostgreSQL, title weight A).
    """
    if budget_ms == -1:
        budget_ms = settings.MIZAN_SEARCH_TIMEOUT_MS
    clauses = parse_query(query)
    if not clauses:
        return PassageResults([], clauses)
    try:
        with time_budget(budget_ms), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                rows = _postgres_passages(cursor, clauses, kind, visible_owners, limit + 1)
            else:
                rows = _sqlite_passages(cursor, clauses, kind, visible_owners, limit + 1)
    except SearchTooSlow:
        return PassageResults([], clauses, stopped=True)
    hits = [PassageHit(int(row[0]), int(row[1]), float(row[2])) for row in rows[:limit]]
    return PassageResults(hits, clauses, more=len(rows) > limit)


def _sqlite_passages(
    cursor: Any, clauses: list[QueryClause], kind: str, owners: QuerySet[Any], limit: int
) -> list[tuple[Any, ...]]:
    visible_sql, visible_params = _visible_sql(owners, "p.owner_id")
    typed_cte, typed_order, typed_params = "", "", []
    if _has_variants(clauses):
        typed_cte = (
            ", typed AS MATERIALIZED (SELECT rowid AS id FROM library_passage_fts "
            "WHERE library_passage_fts MATCH %s)"
        )
        typed_order = "m.id IN (SELECT id FROM typed) DESC, "
        typed_params = [fts5_match(clauses, variants=False)]
    exact, forms = _has_forms(clauses, "p.form_terms")
    near, bases = _has_nisba(clauses, "p.form_terms")
    cursor.execute(
        "WITH matched AS MATERIALIZED ("  # noqa: S608 - compiled SQL; values are parameters
        "SELECT rowid AS id, bm25(library_passage_fts, 4.0, 1.0) AS score "
        f"FROM library_passage_fts WHERE library_passage_fts MATCH %s){typed_cte} "
        "SELECT p.object_id, p.owner_id, -m.score FROM matched m "
        "JOIN library_passageentry p ON p.id = m.id "
        f"WHERE p.kind = %s AND EXISTS ({visible_sql}) "
        f"ORDER BY {typed_order}{exact} DESC, {near}m.score, p.id LIMIT %s",
        [fts5_match(clauses), *typed_params, kind, *visible_params, *forms, *bases, limit],
    )
    return list(cursor.fetchall())


def _postgres_passages(
    cursor: Any, clauses: list[QueryClause], kind: str, owners: QuerySet[Any], limit: int
) -> list[tuple[Any, ...]]:
    visible_sql, visible_params = _visible_sql(owners, "p.owner_id")
    query, terms = _tsquery(clauses)
    typed, typed_terms = _tsquery(clauses, variants=False)
    exact, forms = _has_forms(clauses, "p.form_terms")
    near, bases = _has_nisba(clauses, "p.form_terms")
    typed_order = "(p.vector @@ t.p) DESC, " if _has_variants(clauses) else ""
    cursor.execute(
        "SELECT p.object_id, p.owner_id, ts_rank_cd(p.vector, t.q, 1) AS score "  # noqa: S608
        f"FROM library_passageentry p, (SELECT {query} AS q, {typed} AS p) t "
        f"WHERE p.kind = %s AND p.vector @@ t.q AND EXISTS ({visible_sql}) "
        f"ORDER BY {typed_order}{exact} DESC, {near}score DESC, p.id LIMIT %s",
        [*terms, *typed_terms, kind, *visible_params, *forms, *bases, limit],
    )
    return list(cursor.fetchall())
