"""Reads of testimonies, through the permission layer; the public site's reads of publications."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from mizan.core.bilingual import pick
from mizan.core.permissions import get_visible_or_404
from mizan.testimonies import search
from mizan.testimonies.models import Collection, Publication, Segment, Testimony, timecode


def testimonies_visible_to(user: Any, *, query: str = "") -> QuerySet[Testimony]:
    testimonies = Testimony.objects.visible_to(user).select_related("interviewee", "place", "team")
    if query:
        testimonies = testimonies.filter(Q(reference__icontains=query))
    return testimonies


def testimony_for(user: Any, pk: int) -> Testimony:
    """One testimony the user may see (404 otherwise), with what its page shows."""
    return get_visible_or_404(
        Testimony.objects.select_related(
            "interviewee", "interpreter", "place", "recording", "team", "created_by"
        ).prefetch_related("interviewers", "incidents", "case_files", "places", "originals"),
        user,
        pk=pk,
    )


def segment_rows(transcript: Any) -> list[dict[str, Any]]:
    """The transcript's segments as plain rows for its page, with their index labels.

    A transcript has thousands of segments: rows (not model instances with related managers)
    and two queries for all keywords and places keep the page fast (bench/testimonies_page.py).
    """
    rows: list[dict[str, Any]] = [
        dict(row)
        for row in Segment.objects.filter(transcript=transcript)
        .order_by("position")
        .values("pk", "position", "start_ms", "end_ms", "text", "title")
    ]
    tags: dict[int, list[str]] = defaultdict(list)
    for segment_id, label_ar, label_en in Segment.keywords.through.objects.filter(
        segment__transcript=transcript
    ).values_list("segment_id", "term__label_ar", "term__label_en"):
        tags[segment_id].append(pick(label_ar, label_en))
    for segment_id, name_ar, name_en in Segment.places.through.objects.filter(
        segment__transcript=transcript
    ).values_list("segment_id", "place__name_ar", "place__name_en"):
        tags[segment_id].append(pick(name_ar, name_en))
    for row in rows:
        row["tags"] = tags.get(row["pk"], ())
        row["timecode"] = timecode(row["start_ms"])
    return rows


def segments_of(transcript: Any) -> QuerySet[Segment]:
    return (
        Segment.objects.filter(transcript=transcript)
        .order_by("position")
        .only("pk", "position", "start_ms", "end_ms", "text", "title", "transcript_id")
        .prefetch_related("keywords", "places")
    )


SEARCH_LIMIT = 100


def segments_matching(user: Any, query: str) -> list[Segment]:
    """Transcript segments matching ``query``, best first, in testimonies the user may see:
    through the library's search service (``mizan.testimonies.search``)."""
    return search.segments_matching(user, query, limit=SEARCH_LIMIT)[0]


def public_publications(*, collection: Collection | None = None) -> QuerySet[Publication]:
    """Only what is published now. Nothing else reaches a public list, count or sitemap."""
    publications = Publication.objects.public().select_related("collection")
    if collection is not None:
        publications = publications.filter(collection=collection)
    return publications


def public_collections() -> list[Collection]:
    """Collections with at least one published testimony (an empty one is not shown)."""
    return list(
        Collection.objects.filter(publications__state=Publication.State.PUBLISHED)
        .distinct()
        .prefetch_related(
            Prefetch("publications", queryset=Publication.objects.public(), to_attr="published")
        )
    )
