"""Migration 0004 (issue 16) recomputes every entry with the new terms and exact forms, and the
full-text index stays in step: on SQLite adding the column makes the table anew, which drops the
FTS5 triggers unless the migration makes them again. Migration 0006 then moves the forms into
their narrow table (``SearchForms``) and drops the column, the triggers still in place."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from mizan.core.sensitivity import Sensitivity

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("library", "0003_title_search_index")]


def migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_entries_are_recomputed_and_the_index_follows() -> None:
    from mizan.library.models import Document
    from mizan.library.search import search_documents

    old = migrate(BEFORE)
    document = old.get_model("library", "Document").objects.create(
        title_en="Old", title_ar="قديم", sensitivity=Sensitivity.PUBLIC, year=2020
    )
    old.get_model("library", "DocumentVersion").objects.create(
        document=document, language="ar", sha256="0" * 64, size=1, text="التقى الوفد بمعتقلين."
    )
    # Terms as the old stemmer wrote them.
    old.get_model("library", "SearchEntry").objects.create(
        document=document, title_terms="old قديم", body_terms="التق وفد بمعتقل"
    )
    migrate(executor_leaf())
    try:
        forms = Document.objects.get(pk=document.pk).search_forms.forms
        assert " معتقلين " not in forms and " بمعتقلين " in forms
        entry = Document.objects.get(pk=document.pk).search_entry
        found = search_documents("معتقلين", visible=Document.objects.all())
        assert [hit.document.pk for hit in found.hits] == [document.pk]
        # Writes after the migration still reach the index (the triggers are there).
        entry.body_terms = "حصار"
        entry.save()
        assert search_documents("حصار", visible=Document.objects.all()).total == 1
    finally:
        migrate(executor_leaf())


def executor_leaf() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
