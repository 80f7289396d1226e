"""Issue 16: the exact forms of each document's words, to rank documents holding the query as
typed above those that only share its stems; and every entry's terms computed again, because
the Arabic stemmer changed (``mizan.text.stem``: pronoun, plural then nisba suffixes).

SQLite: the FTS5 table gets a third column, ``form_terms`` (weight 0 in bm25: it only decides
the first rank); its triggers are made again with it, then the index is rebuilt from the
entries. PostgreSQL: a stored tsvector of the forms, without a GIN index — it is only read for
the documents already matched (at most ``RANKED_MATCHES`` per search), never searched.
Recomputing the terms reads every document's text once (about a minute per 10,000 documents).
"""

from django.db import migrations, models

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS library_searchentry_au",
    "DROP TRIGGER IF EXISTS library_searchentry_ad",
    "DROP TRIGGER IF EXISTS library_searchentry_ai",
    "DROP TABLE IF EXISTS library_fts",
]


def _sqlite_create(columns):
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        f"""CREATE VIRTUAL TABLE library_fts USING fts5(
            {names},
            content='library_searchentry', content_rowid='document_id',
            tokenize='unicode61 remove_diacritics 0'
        )""",
        f"""CREATE TRIGGER library_searchentry_ai AFTER INSERT ON library_searchentry BEGIN
            INSERT INTO library_fts(rowid, {names}) VALUES (new.document_id, {new});
        END""",
        f"""CREATE TRIGGER library_searchentry_ad AFTER DELETE ON library_searchentry BEGIN
            INSERT INTO library_fts(library_fts, rowid, {names})
            VALUES ('delete', old.document_id, {old});
        END""",
        f"""CREATE TRIGGER library_searchentry_au AFTER UPDATE ON library_searchentry BEGIN
            INSERT INTO library_fts(library_fts, rowid, {names})
            VALUES ('delete', old.document_id, {old});
            INSERT INTO library_fts(rowid, {names}) VALUES (new.document_id, {new});
        END""",
        "INSERT INTO library_fts(library_fts) VALUES ('rebuild')",
    ]


WITH_FORMS = ("title_terms", "body_terms", "form_terms")
WITHOUT_FORMS = ("title_terms", "body_terms")
POSTGRES_CREATE = [
    """ALTER TABLE library_searchentry ADD COLUMN forms_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, form_terms)
    ) STORED""",
]
POSTGRES_DROP = ["ALTER TABLE library_searchentry DROP COLUMN IF EXISTS forms_vector"]


def _index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in [*SQLITE_DROP, *_sqlite_create(WITH_FORMS)]:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement)


def _unindex(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in [*SQLITE_DROP, *_sqlite_create(WITHOUT_FORMS)]:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        for statement in POSTGRES_DROP:
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
        migrations.AddField(
            model_name="searchentry",
            name="form_terms",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(_index, _unindex),
        migrations.RunPython(_recompute, migrations.RunPython.noop),
    ]
