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

import re
from dataclasses import dataclass, field
from html import escape as html_escape
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString, mark_safe

from mizan.library.models import Document, DocumentVersion
from mizan.text import contains_arabic
from mizan.text.stem import (
    QueryClause,
    chunk_terms,
    fts5_match,
    parse_query,
    search_terms,
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


def index_terms(document: Document, texts: list[str]) -> tuple[str, str]:
    """The (title, body) terms of a document, as stored in its ``SearchEntry``."""
    title_parts = [
        document.symbol,
        document.title_ar,
        document.title_en,
        document.authors,
        document.body.label_ar if document.body else "",
        document.body.label_en if document.body else "",
    ]
    title = " ".join(search_terms(" ".join(part for part in title_parts if part)))
    body_parts = [document.abstract_ar, document.abstract_en, *texts]
    body = " ".join(search_terms("\n".join(part for part in body_parts if part)))
    return _cut(title, MAX_TITLE_TERMS_CHARS), _cut(body, MAX_BODY_TERMS_CHARS)


def _cut(terms: str, limit: int) -> str:
    if len(terms) <= limit:
        return terms
    return terms[:limit].rsplit(" ", 1)[0]


def _ranked_ids(
    clauses: list[QueryClause], documents: QuerySet[Document], limit: int, offset: int
) -> tuple[list[tuple[int, float]], int]:
    """The page of (document id, score), best first, and the number of matching documents.

    The full-text match runs first and alone (SQLite: a MATERIALIZED common table expression;
    otherwise SQLite would hand the visibility condition to FTS5 as a rowid lookup per visible
    document), then the visible-documents condition filters it; ``count(*) OVER ()`` gives the
    total in the same pass.
    """
    outer = "s.document_id" if connection.vendor == "postgresql" else "matched.id"
    # A correlated EXISTS (one primary-key probe per match) instead of IN over every visible
    # document, which both databases would first build in full — 90,000 ids for one page.
    visible_sql, visible_params = (
        documents.order_by()
        .filter(id=RawSQL(outer, ()))  # noqa: S611 - a fixed column name, no input
        .values("id")
        .query.sql_with_params()
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            parts = " && ".join(["phraseto_tsquery('simple', %s)"] * len(clauses))
            terms = [" ".join(clause.terms) for clause in clauses]
            sql = (
                # Interpolated: placeholders and Django's own compiled SQL; values are parameters.
                "SELECT s.document_id, ts_rank_cd(s.vector, t.q, 1) AS score, count(*) OVER () "  # noqa: S608
                f"FROM library_searchentry s, (SELECT {parts} AS q) t "
                f"WHERE s.vector @@ t.q AND EXISTS ({visible_sql}) "
                "ORDER BY score DESC, s.document_id DESC LIMIT %s OFFSET %s"
            )
            cursor.execute(sql, [*terms, *visible_params, limit, offset])
            found = cursor.fetchall()
            rows = [(row[0], float(row[1])) for row in found]
        else:
            sql = (
                "WITH matched AS MATERIALIZED ("  # noqa: S608 - compiled SQL; values are parameters
                "SELECT rowid AS id, bm25(library_fts, 4.0, 1.0) AS score "
                "FROM library_fts WHERE library_fts MATCH %s) "
                "SELECT id, score, count(*) OVER () FROM matched "
                f"WHERE EXISTS ({visible_sql}) ORDER BY score, id DESC LIMIT %s OFFSET %s"
            )
            cursor.execute(sql, [fts5_match(clauses), *visible_params, limit, offset])
            found = cursor.fetchall()
            # bm25 is lower for better matches; report "higher is better" on both backends.
            rows = [(row[0], -float(row[1])) for row in found]
    if found:
        return rows, int(found[0][2])
    if offset == 0:
        return rows, 0
    # A page past the end: count the matches on their own.
    return rows, _ranked_ids(clauses, documents, 1, 0)[1]


def search_documents(
    query: str,
    *,
    visible: QuerySet[Document],
    filters: SearchFilters | None = None,
    limit: int = 20,
    offset: int = 0,
    snippets: bool = True,
) -> SearchResults:
    """Ranked documents from ``visible`` matching ``query``; with no query, the newest first."""
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
    ranked, total = _ranked_ids(clauses, documents, limit, offset)
    by_id = _with_relations(Document.objects.filter(id__in=[doc_id for doc_id, _ in ranked]))
    loaded = {document.pk: document for document in by_id}
    hits = [SearchHit(loaded[doc_id], score) for doc_id, score in ranked if doc_id in loaded]
    if snippets:
        _add_snippets(hits, clauses)
    return SearchResults(hits, total, clauses)


def _with_relations(documents: QuerySet[Document]) -> QuerySet[Document]:
    return documents.select_related("body", "doc_type").prefetch_related("topics")


def _add_snippets(hits: list[SearchHit], clauses: list[QueryClause]) -> None:
    wanted = {term for clause in clauses for term in clause.terms}
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

    Steps: split the text on whitespace (fast, in C) and look each chunk's terms up in the
    cache ``chunk_terms`` shares with indexing; choose the window of ``SNIPPET_WORDS`` chunks
    holding the most distinct query terms; find that window's character offsets; highlight the
    words of that passage only.
    """
    if not text or not wanted:
        return None
    scan = text[:SNIPPET_SCAN_CHARS]
    chunks = scan.split()
    # Each distinct chunk is looked up once; a report repeats most of its words.
    matching = {chunk for chunk in set(chunks) if not wanted.isdisjoint(chunk_terms(chunk))}
    hits = [i for i, chunk in enumerate(chunks) if chunk in matching]
    if not hits:
        return None
    best_start, best_score = hits[0], -1
    for first in hits:
        window: set[str] = set()
        for i in hits:
            if first <= i < first + SNIPPET_WORDS:
                window.update(wanted.intersection(chunk_terms(chunks[i])))
        if len(window) > best_score:
            best_start, best_score = first, len(window)
    start_chunk = max(0, best_start - 6)
    end_chunk = min(len(chunks), start_chunk + SNIPPET_WORDS)
    begin = end = 0
    for index, match in enumerate(_CHUNK.finditer(scan)):
        if index == start_chunk:
            begin = match.start()
        if index == end_chunk - 1:
            end = match.end()
            break
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


_CHUNK = re.compile(r"\S+")


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
