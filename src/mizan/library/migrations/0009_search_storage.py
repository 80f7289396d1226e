"""PostgreSQL: how the search tables' long values are stored (issue 16, indexing speed).

A document's terms, its vectors and its exact forms are each several kB, so PostgreSQL tries to
compress every one of them on insert (TOAST) with its default, ``pglz``: a third of the
server's indexing CPU. Per column, by what search reads:

* the vectors (``vector``), which a phrase's window reads by the thousand: ``pglz`` never
  managed to compress one (at 100,000 documents every stored vector is plain), so the attempt
  was wasted work. Storage ``EXTERNAL``: stored out of line and plain as before, without the
  attempt — the bytes a search reads are the same. (``lz4`` does compress them a little, and the
  phrase window was slower over them: bench/README.md, issue 16.)
* the terms (``title_terms``, ``body_terms``), which no search reads (only the generated
  vectors are), and the exact forms, tested on at most ``RANKED_MATCHES`` rows a search:
  ``lz4``, several times faster than ``pglz`` to compress and to decompress, for a little more
  space. Rows written before keep ``pglz`` until written again (PostgreSQL reads both);
  PostgreSQL builds without lz4 keep ``pglz``.

SQLite: nothing to do.
"""

from django.db import migrations

PLAIN = {
    "library_searchentry": ["vector"],
    "library_passageentry": ["vector"],
}
LZ4 = {
    "library_searchentry": ["title_terms", "body_terms"],
    "library_searchforms": ["forms"],
    "library_passageentry": ["title_terms", "body_terms", "form_terms"],
}


def _has_lz4(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        row = cursor.fetchone()
    return bool(row and row[0])


def _storage(forwards: bool):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        storage = "EXTERNAL" if forwards else "EXTENDED"
        for table, columns in PLAIN.items():
            for column in columns:
                schema_editor.execute(
                    f"ALTER TABLE {table} ALTER COLUMN {column} SET STORAGE {storage}"
                )
        if not _has_lz4(schema_editor.connection):
            return
        compression = "lz4" if forwards else "DEFAULT"
        for table, columns in LZ4.items():
            for column in columns:
                schema_editor.execute(
                    f"ALTER TABLE {table} ALTER COLUMN {column} SET COMPRESSION {compression}"
                )

    return run


class Migration(migrations.Migration):
    dependencies = [("library", "0008_fts_ascii_tokenizer")]

    operations = [migrations.RunPython(_storage(True), _storage(False))]
