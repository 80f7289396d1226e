"""PostgreSQL: finer statistics on the search vectors (issue 16, speed).

A query word with its preposition variants is an OR of five rare lexemes (معتقل | بمعتقل |
كمعتقل …). With the default statistics target the planner cannot tell a rare lexeme from a
moderately common one, estimated 2,476 matches where there were 24 at 100,000 documents, and
walked the primary key backwards testing every entry's vector (1.7 s) instead of reading the GIN
index (48 ms). A statistics target of 2,000 on ``vector`` and ``title_vector`` keeps enough of
the lexemes' frequencies for that estimate; common words keep their plan (12 ms). ANALYZE takes
about 10 s at 100,000 documents. SQLite: nothing to do.
"""

from django.db import migrations

STATEMENTS = [
    "ALTER TABLE library_searchentry ALTER COLUMN vector SET STATISTICS 2000",
    "ALTER TABLE library_searchentry ALTER COLUMN title_vector SET STATISTICS 2000",
    "ANALYZE library_searchentry",
]
REVERSE = [
    "ALTER TABLE library_searchentry ALTER COLUMN vector SET STATISTICS -1",
    "ALTER TABLE library_searchentry ALTER COLUMN title_vector SET STATISTICS -1",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("library", "0006_search_forms")]

    operations = [migrations.RunPython(_run(STATEMENTS), _run(REVERSE))]
