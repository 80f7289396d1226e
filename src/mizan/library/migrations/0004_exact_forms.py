"""Issue 16: the exact forms of each document's words (``SearchEntry.form_terms``), to rank
documents holding the query as typed above those that only share its stems; and every entry's
terms computed again, because the Arabic and English stemmers changed (``mizan.text.stem``).

The forms are plain text, in no full-text index: they are only tested (a substring test) on the
documents a search already matched, at most ``RANKED_MATCHES``. The full-text indexes are
unchanged; the triggers (SQLite) and generated columns (PostgreSQL) bring them up to date as
the entries are rewritten. Recomputing reads every document's text once (about a minute per
10,000 documents on the benchmark's machine).
"""

from django.db import migrations, models

# On SQLite, adding a column makes the table anew, and the triggers that keep the FTS5 index in
# step (migration 0002) go with the old table: made again here, and the index rebuilt.
SQLITE_TRIGGERS = [
    "DROP TRIGGER IF EXISTS library_searchentry_au",
    "DROP TRIGGER IF EXISTS library_searchentry_ad",
    "DROP TRIGGER IF EXISTS library_searchentry_ai",
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
    "INSERT INTO library_fts(library_fts) VALUES ('rebuild')",
]


def _sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_TRIGGERS:
            schema_editor.execute(statement)


def _recompute(apps, schema_editor):
    # The service's own function, so that the stored terms are those new uploads get.
    from mizan.library.search import index_terms

    Document = apps.get_model("library", "Document")
    SearchEntry = apps.get_model("library", "SearchEntry")
    DocumentVersion = apps.get_model("library", "DocumentVersion")
    ids = list(Document.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), 500):
        batch = Document.objects.filter(pk__in=ids[start : start + 500]).select_related("body")
        texts = {}
        for document_id, text in DocumentVersion.objects.filter(
            document_id__in=ids[start : start + 500]
        ).values_list("document_id", "text"):
            texts.setdefault(document_id, []).append(text)
        for document in batch:
            title, body, forms = index_terms(document, texts.get(document.pk, []))
            SearchEntry.objects.update_or_create(
                document_id=document.pk,
                defaults={"title_terms": title, "body_terms": body, "form_terms": forms},
            )


class Migration(migrations.Migration):
    dependencies = [("library", "0003_title_search_index")]

    operations = [
        # (Reversed: after the column is removed, which makes the table anew once more.)
        migrations.RunPython(migrations.RunPython.noop, _sqlite_triggers),
        migrations.AddField(
            model_name="searchentry",
            name="form_terms",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(_sqlite_triggers, migrations.RunPython.noop),
        migrations.RunPython(_recompute, migrations.RunPython.noop),
    ]
