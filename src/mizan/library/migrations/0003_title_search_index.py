"""PostgreSQL: the title terms' own tsvector, GIN-indexed, so title matches are always candidates.

When more documents match a query than ``RANKED_MATCHES``, the search also takes the documents
whose *title* matches it (``mizan.library.search._ranked_ids``). The weighted ``vector`` column
cannot answer that cheaply: a weight-labelled tsquery (``…:A``) is rechecked on every matching
document's TOASTed vector. An expression index on ``to_tsvector('simple', title_terms)`` was
measured and rejected: a phrase (``"human rights"``) must be rechecked on every candidate row,
which then parses its title again (13 µs a row; 215 ms for the 13,000 title matches of "human
rights" in the 100,000-document benchmark). A stored column is read, not parsed: 28 ms.

Adding a stored generated column rewrites the table once (about a minute per GB of text).
SQLite needs nothing: FTS5 filters by column itself (``{title_terms} : (…)``).
"""

from django.db import migrations

POSTGRES_CREATE = [
    """ALTER TABLE library_searchentry ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, title_terms)
    ) STORED""",
    "CREATE INDEX library_searchentry_title_vector ON library_searchentry USING gin (title_vector)",
    # Statistics of the new column for the planner now, not at autovacuum's next pass.
    "ANALYZE library_searchentry",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS library_searchentry_title_vector",
    "ALTER TABLE library_searchentry DROP COLUMN IF EXISTS title_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("library", "0002_search_index")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_CREATE}), _run({"postgresql": POSTGRES_DROP})
        )
    ]
