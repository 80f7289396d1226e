"""PostgreSQL: the search tables' long values are compressed with lz4, not pglz (issue 16,
indexing speed).

A document's terms, its vectors and its exact forms are each several kB, so PostgreSQL
compresses every one of them on insert (TOAST). Inserting the terms and forms of 1,000
generated documents cost the server 0.28 s of CPU with the default ``pglz``, 0.07 s with
``lz4``, and reading them back (decompressing) 0.25 / 0.18 s, for 10 % more space; end to end
the server's CPU for a document's search rows went from 1.57 to 1.27 ms (bench/README.md,
issue 16, instruction counts). Rows written before keep their
``pglz`` values (PostgreSQL reads both) until they are written again. PostgreSQL builds without
lz4 keep ``pglz``; SQLite: nothing to do.
"""

from django.db import migrations

COLUMNS = {
    "library_searchentry": ["title_terms", "body_terms", "vector", "title_vector"],
    "library_searchforms": ["forms"],
    "library_passageentry": ["title_terms", "body_terms", "form_terms", "vector"],
}


def _compression(method):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT %s = ANY(enumvals) FROM pg_settings"
                " WHERE name = 'default_toast_compression'",
                [method],
            )
            row = cursor.fetchone()
        if not (row and row[0]):
            return
        for table, columns in COLUMNS.items():
            for column in columns:
                schema_editor.execute(
                    f"ALTER TABLE {table} ALTER COLUMN {column} SET COMPRESSION {method}"
                )

    return run


class Migration(migrations.Migration):
    dependencies = [("library", "0008_fts_ascii_tokenizer")]

    operations = [migrations.RunPython(_compression("lz4"), _compression("pglz"))]
