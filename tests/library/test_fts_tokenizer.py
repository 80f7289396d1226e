"""SQLite's FTS5 tables tokenise with ``ascii`` (migration 0008, issue 16 indexing speed): it
returns the same tokens as ``unicode61`` did on the terms Mizan stores, so the index, bm25 and
phrase positions — and every search result — are unchanged. Pinned here for the characters the
normaliser lets through into a term, and the migration's way there and back."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections import defaultdict
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from mizan.core.sensitivity import Sensitivity
from mizan.text.stem import terms_text

# Letters for Python's Unicode tables (14.0) but marks for SQLite's older ones: ``unicode61``
# split a word at them, ``ascii`` keeps it whole (migration 0008's docstring).
OLDER_IN_SQLITE = {*range(0x19B0, 0x19CA), 0x1CF2, 0x1CF3}


def _code_points() -> list[int]:
    """Every code point of the scripts a library document is written in, and every 7th of the
    rest up to plane 2 (all of them: about 15 s; the full run found only ``OLDER_IN_SQLITE``)."""
    dense = [
        *range(0x80, 0x590),  # Latin-1, Latin Extended, IPA, Greek, Cyrillic
        *range(0x600, 0x900),  # Arabic, Syriac, Thaana, Arabic Supplement and Extended
        *range(0x13A0, 0x1400),  # Cherokee (casefolds to upper case)
        *range(0x1E00, 0x2070),  # Latin Extended Additional, Greek Extended, punctuation
        *range(0xFB00, 0x10000),  # presentation forms, specials
    ]
    return sorted({*dense, *range(0x80, 0x30000, 7), *OLDER_IN_SQLITE})


def _tokens(db: sqlite3.Connection, tokenize: str, terms: list[str]) -> dict[int, list[str]]:
    name = tokenize.split()[0]
    db.execute(f"CREATE VIRTUAL TABLE {name} USING fts5(x, tokenize='{tokenize}')")
    db.executemany(f"INSERT INTO {name}(rowid, x) VALUES (?, ?)", enumerate(terms))  # noqa: S608
    db.execute(f"CREATE VIRTUAL TABLE {name}_v USING fts5vocab({name}, instance)")
    found: dict[int, list[str]] = defaultdict(list)
    rows = db.execute(f"SELECT doc, term FROM {name}_v ORDER BY doc, offset")  # noqa: S608
    for row, token in rows:
        found[row].append(token)
    return found


def test_ascii_and_unicode61_give_the_same_tokens_on_stored_terms() -> None:
    terms: set[str] = set()
    for point in _code_points():
        char = chr(point)
        if unicodedata.category(char) == "Cs":
            continue
        terms.update(terms_text(f"a{char}b x{char} {char}{char} {char}").split())
    ordered = sorted(terms)
    db = sqlite3.connect(":memory:")
    unicode61 = _tokens(db, "unicode61 remove_diacritics 0", ordered)
    ascii_ = _tokens(db, "ascii", ordered)
    same_as: dict[str, set[str]] = defaultdict(set)
    for row, term in enumerate(ordered):
        assert ascii_[row] == [term]
        if any(ord(char) in OLDER_IN_SQLITE for char in term):
            continue
        # One token a term under unicode61 too; its case folding never merges two terms.
        assert len(unicode61[row]) == 1, term
        same_as[unicode61[row][0]].add(term)
    assert all(len(terms) == 1 for terms in same_as.values())
    assert len(ordered) > 50_000


def migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def leaf() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def tokenizers() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name LIKE 'library%fts'")
        return {re.search(r"tokenize='(\w+)", sql)[1] for (sql,) in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
def test_migration_rebuilds_both_indexes_and_search_finds_the_same() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    from mizan.library.models import Document
    from mizan.library.search import search_documents
    from mizan.library.services import document_reindex

    assert tokenizers() == {"ascii"}
    before = migrate([("library", "0007_vector_statistics")])
    try:
        assert tokenizers() == {"unicode61"}
        created = before.get_model("library", "Document").objects.create(
            title_en="Report", title_ar="تقرير", sensitivity=Sensitivity.PUBLIC, year=2020
        )
        document = Document.objects.get(pk=created.pk)
        document_reindex(document)
        found = search_documents("تقرير", visible=Document.objects.all())
        assert [hit.document.pk for hit in found.hits] == [document.pk]
        migrate(leaf())
        assert tokenizers() == {"ascii"}
        # Rebuilt from the entries already there, and kept in step by the triggers after.
        found = search_documents("تقرير", visible=Document.objects.all())
        assert [hit.document.pk for hit in found.hits] == [document.pk]
        document.title_en = "Detention"
        document.save()
        document_reindex(document)
        assert search_documents("detention", visible=Document.objects.all()).total == 1
        assert search_documents("report", visible=Document.objects.all()).total == 0
    finally:
        migrate(leaf())
