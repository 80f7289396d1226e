"""Reads of the library. Every list takes the user; the public site passes no user at all."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Exists, Max, Min, OuterRef, Prefetch, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from mizan.core.models import Term
from mizan.library.models import (
    BODY_VOCABULARY,
    TOPIC_VOCABULARY,
    TYPE_VOCABULARY,
    Document,
    DocumentRelation,
    DocumentVersion,
)


def public_documents() -> QuerySet[Document]:
    """What the public site may show: the permission layer's answer for an anonymous visitor."""
    return Document.objects.visible_to(AnonymousUser())


def documents_visible_to(user: Any) -> QuerySet[Document]:
    return Document.objects.visible_to(user)


def document_detail(visible: QuerySet[Document], pk: int) -> Document | None:
    """One document with its files, topics and its relations to documents equally visible."""
    document = (
        visible.select_related("body", "doc_type")
        .prefetch_related(
            "topics",
            Prefetch(
                "versions",
                queryset=DocumentVersion.objects.defer("text").order_by("language", "id"),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if document is None:
        return None
    document.extraction_running = any(  # type: ignore[attr-defined]
        not version.is_finished for version in document.versions.all()
    )
    visible_ids = visible.values("id")
    document.visible_relations = list(  # type: ignore[attr-defined]
        DocumentRelation.objects.filter(source=document, target__in=visible_ids).select_related(
            "target"
        )
    )
    document.visible_inverse_relations = list(  # type: ignore[attr-defined]
        DocumentRelation.objects.filter(target=document, source__in=visible_ids).select_related(
            "source"
        )
    )
    return document


def filter_choices(visible: QuerySet[Document]) -> dict[str, Any]:
    """Bodies, types, topics and years offered as filters: only those that visible documents use,
    so a filter never reveals that an internal document of some kind exists.

    One EXISTS per vocabulary term (a handful of terms, each probing its foreign-key index)
    rather than an IN over every visible document, so the cost does not grow with the library.
    """
    visible = visible.order_by()

    def used(vocabulary: str, lookup: str) -> QuerySet[Term]:
        return Term.objects.filter(vocabulary=vocabulary).filter(
            Exists(visible.filter(**{lookup: OuterRef("pk")}))
        )

    return {
        "bodies": used(BODY_VOCABULARY, "body_id"),
        "types": used(TYPE_VOCABULARY, "doc_type_id"),
        "topics": used(TOPIC_VOCABULARY, "topics"),
        "years": _years_used(visible),
    }


def document_by_reference(visible: QuerySet[Document], reference: str) -> Document:
    """The visible document a user names by its library number or its symbol.

    Raises ``ValidationError`` with a message the user can act on when nothing, or more than one
    document, answers to the reference.
    """
    from mizan.library.services import documents_with_symbol

    reference = reference.strip()
    if reference.isdigit():
        document = visible.filter(pk=int(reference)).first()
        if document is not None:
            return document
    matches = list(visible.filter(pk__in=documents_with_symbol(reference).values("pk"))[:2])
    if not matches:
        raise ValidationError(
            _("No document in the library has the symbol or number “%(reference)s”.")
            % {"reference": reference}
        )
    if len(matches) > 1:
        raise ValidationError(
            _("Several documents have the symbol “%(reference)s”; give the document's number.")
            % {"reference": reference}
        )
    return matches[0]


def _years_used(visible: QuerySet[Document]) -> list[int]:
    """The years of visible documents, newest first.

    SQLite answers DISTINCT from its covering index (library_doc_visible) in under a
    millisecond. PostgreSQL reads every visible row for it (20 ms on 90,000 documents), so
    there every year between the library's first and last (two index look-ups) is probed with
    one EXISTS against the visible documents, all in a single query (about 1 ms).
    """
    if connection.vendor != "postgresql":
        years = visible.exclude(year=None).values_list("year", flat=True).distinct()
        return [year for year in years.order_by("-year") if year is not None]
    bounds = Document.objects.aggregate(low=Min("year"), high=Max("year"))
    if bounds["low"] is None:
        return []
    candidates = list(range(bounds["high"], bounds["low"] - 1, -1))
    probe_sql, probe_params = (
        visible.filter(year=RawSQL("candidate.column1", ())).values("id").query.sql_with_params()
    )
    values = ", ".join(["(%s)"] * len(candidates))
    with connection.cursor() as cursor:
        cursor.execute(
            # Interpolated: placeholders and Django's compiled SQL; values are parameters.
            f"SELECT candidate.column1 FROM (VALUES {values}) AS candidate "  # noqa: S608
            f"WHERE EXISTS ({probe_sql}) ORDER BY candidate.column1 DESC",
            [*candidates, *probe_params],
        )
        return [int(row[0]) for row in cursor.fetchall()]
