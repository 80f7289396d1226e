"""The full-text index of library documents, one per database backend (DESIGN decision 11).

SQLite: an FTS5 table over ``library_searchentry`` (external content), kept in step by triggers,
so every write of a search entry, through the ORM or a flush, updates the index in the same
transaction. PostgreSQL: a generated tsvector column (title terms weighted A, body terms D) with
a GIN index. Both index the same pre-computed terms with the plain ``unicode61``/``simple``
tokenisers, so stemming and normalisation are Mizan's (mizan.text.stem), identical on both.
"""

from django.db import migrations

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE library_fts USING fts5(
        title_terms, body_terms,
        content='library_searchentry', content_rowid='document_id',
        tokenize='unicode61 remove_diacritics 0'
    )""",
    """CREATE TRIGGER library_searchentry_ai AFTER INSERT ON library_searchentry BEGIN
        INSERT INTO library_fts(rowid, title_terms, body_terms)
        VALUES (new.document_id, new.title_terms, new.body_terms);
    END""",
    """CREATE TRIGGER library_searchentry_ad AFTER DELETE ON library_searchentry BEGIN
        INSERT INTO library_fts(library_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.document_id, old.title_terms, old.body_terms);
    END""",
    """CREATE TRIGGER library_searchentry_au AFTER UPDATE ON library_searchentry BEGIN
        INSERT INTO library_fts(library_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.document_id, old.title_terms, old.body_terms);
        INSERT INTO library_fts(rowid, title_terms, body_terms)
        VALUES (new.document_id, new.title_terms, new.body_terms);
    END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS library_searchentry_au",
    "DROP TRIGGER IF EXISTS library_searchentry_ad",
    "DROP TRIGGER IF EXISTS library_searchentry_ai",
    "DROP TABLE IF EXISTS library_fts",
]
POSTGRES_CREATE = [
    """ALTER TABLE library_searchentry ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, title_terms), 'A')
        || setweight(to_tsvector('simple'::regconfig, body_terms), 'D')
    ) STORED""",
    "CREATE INDEX library_searchentry_vector ON library_searchentry USING gin (vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS library_searchentry_vector",
    "ALTER TABLE library_searchentry DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
