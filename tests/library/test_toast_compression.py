"""PostgreSQL compresses the search tables' long values with lz4 (migration 0009, issue 16)."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_search_columns_are_compressed_with_lz4_where_postgresql_has_it() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("TOAST compression is PostgreSQL's")
    from importlib import import_module

    columns = import_module("mizan.library.migrations.0009_search_lz4").COLUMNS
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        if not cursor.fetchone()[0]:
            pytest.skip("this PostgreSQL was built without lz4")
        cursor.execute(
            "SELECT attrelid::regclass::text, attname, attcompression FROM pg_attribute"
            " WHERE attrelid = ANY(%s::regclass[]) AND attnum > 0 AND NOT attisdropped",
            [list(columns)],
        )
        found = {(table, column): method for table, column, method in cursor.fetchall()}
    for table, names in columns.items():
        for name in names:
            assert found[(table, name)] == "l", (table, name)
