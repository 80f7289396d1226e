"""The exact forms of each document's words move out of ``SearchEntry`` into a narrow table of
their own, ``SearchForms`` (issue 16, speed): ranking tests the forms of every matched document
(up to ``RANKED_MATCHES``), and with the forms stored after ``body_terms`` in the same row SQLite
had to walk each row's overflow pages to reach them (common-word searches at 100,000 documents:
p95 139 ms against 80 ms without the test; bench/README.md).

The forms are copied as they are, in one statement; then the column is dropped (on SQLite an
``ALTER TABLE … DROP COLUMN``: the table and its FTS5 triggers stay, the triggers never read the
forms). Reversed: the column comes back and the forms are copied back into it.
"""

import django.db.models.deletion
from django.db import migrations, models

COPY = (
    "INSERT INTO library_searchforms (document_id, forms) "
    "SELECT document_id, form_terms FROM library_searchentry"
)
COPY_BACK = (
    "UPDATE library_searchentry SET form_terms = coalesce(("
    "SELECT f.forms FROM library_searchforms f "
    "WHERE f.document_id = library_searchentry.document_id), '')"
)


class Migration(migrations.Migration):
    dependencies = [("library", "0005_passage_entry")]

    operations = [
        migrations.CreateModel(
            name="SearchForms",
            fields=[
                (
                    "document",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_forms",
                        serialize=False,
                        to="library.document",
                    ),
                ),
                ("forms", models.TextField(blank=True, default="")),
            ],
            options={"verbose_name": "search forms", "verbose_name_plural": "search forms"},
        ),
        migrations.RunSQL(COPY, COPY_BACK),
        migrations.RemoveField(model_name="searchentry", name="form_terms"),
    ]
