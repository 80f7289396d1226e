"""Writing search entries in bulk (``insert_entries``: COPY on PostgreSQL) and how PostgreSQL
stores their long values (migration 0009), issue 16's indexing speed."""

from __future__ import annotations

from importlib import import_module
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, IntegrityError, connection

from mizan.library.models import Document, SearchEntry, SearchForms
from mizan.library.search import index_terms, insert_entries, search_documents

pytestmark = pytest.mark.django_db


def _stored(ids: list[int]) -> dict[int, tuple[Any, ...]]:
    """Every stored column of the documents' entries and forms, the database's own vectors
    (PostgreSQL) included, as text."""
    extra = ", e.vector::text, e.title_vector::text" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.document_id, e.title_terms, e.body_terms, f.forms{extra} "  # noqa: S608
            "FROM library_searchentry e JOIN library_searchforms f "
            "ON f.document_id = e.document_id"
        )
        return {row[0]: tuple(row[1:]) for row in cursor.fetchall() if row[0] in ids}


def test_entries_written_in_bulk_are_those_reindexing_writes(
    corpus: dict[str, Document],
) -> None:
    documents = list(corpus.values())
    ids = [document.pk for document in documents]
    before = _stored(ids)
    assert len(before) == len(documents)
    SearchEntry.objects.filter(document_id__in=ids).delete()
    SearchForms.objects.filter(document_id__in=ids).delete()
    assert not search_documents("detainees", visible=Document.objects.all()).hits

    insert_entries(
        (
            document.pk,
            *index_terms(document, list(document.versions.values_list("text", flat=True))),
        )
        for document in documents
    )

    assert _stored(ids) == before
    found = search_documents("torture", visible=Document.objects.visible_to(AnonymousUser()))
    assert [hit.document.pk for hit in found.hits][:1] == [corpus["torture_en"].pk]


def test_values_that_copy_must_escape_are_stored_as_given(corpus: dict[str, Document]) -> None:
    document = corpus["chemical_en"]
    SearchEntry.objects.filter(document=document).delete()
    SearchForms.objects.filter(document=document).delete()
    awkward = "a\\b \\N tab\there new\nline cr\r end \\. قال"
    insert_entries([(document.pk, awkward, "body " + awkward, " " + awkward + " ")])
    entry = SearchEntry.objects.get(document=document)
    assert (entry.title_terms, entry.body_terms) == (awkward, "body " + awkward)
    assert SearchForms.objects.get(document=document).forms == " " + awkward + " "


def test_search_values_are_stored_as_migration_0009_says() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("TOAST storage and compression are PostgreSQL's")
    migration = import_module("mizan.library.migrations.0009_search_storage")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        has_lz4 = cursor.fetchone()[0]
        cursor.execute(
            "SELECT attrelid::regclass::text, attname, attstorage, attcompression"
            " FROM pg_attribute WHERE attrelid = ANY(%s::regclass[]) AND attnum > 0"
            " AND NOT attisdropped",
            [sorted({*migration.PLAIN, *migration.LZ4})],
        )
        found = {(table, column): (storage, method) for table, column, storage, method in cursor}
    for table, names in migration.PLAIN.items():
        for name in names:
            assert found[(table, name)] == ("e", ""), (table, name)  # out of line, plain
    for table, names in migration.LZ4.items():
        for name in names:
            assert found[(table, name)] == ("x", "l" if has_lz4 else ""), (table, name)
    # The small title vectors stay as they were: inline, compressed only if ever needed.
    assert found[("library_searchentry", "title_vector")] == ("x", "")


def test_a_batch_that_fails_half_way_writes_neither_table(corpus: dict[str, Document]) -> None:
    """The entry is written first and the forms second: a document whose forms are already
    stored fails on the second write, which must take the first with it (nothing half-indexed),
    and the error is Django's on both databases (a caller catches ``IntegrityError``)."""
    document = corpus["chemical_en"]
    SearchEntry.objects.filter(document=document).delete()
    assert SearchForms.objects.filter(document=document).exists()
    with pytest.raises(IntegrityError):
        insert_entries([(document.pk, "title", "body", " forms ")])
    assert not SearchEntry.objects.filter(document=document).exists()


def test_a_nul_in_a_term_is_refused_as_a_database_error(corpus: dict[str, Document]) -> None:
    document = corpus["chemical_en"]
    SearchEntry.objects.filter(document=document).delete()
    SearchForms.objects.filter(document=document).delete()
    if connection.vendor != "postgresql":
        # SQLite stores a NUL as any other character, as bulk_create always did.
        insert_entries([(document.pk, "a\x00b", "body", " a\x00b ")])
        assert SearchEntry.objects.get(document=document).title_terms == "a\x00b"
        return
    with pytest.raises(DatabaseError):
        insert_entries([(document.pk, "a\x00b", "body", " a\x00b ")])
    assert not SearchEntry.objects.filter(document=document).exists()
