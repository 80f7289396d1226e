"""Reads of testimonies, through the permission layer; the public site's reads of publications."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from mizan.core.bilingual import pick
from mizan.core.permissions import get_visible_or_404
from mizan.core.selectors import search_q
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


SEGMENT_WINDOW = 200


def segment_rows(
    transcript: Any, *, start: int = 1, limit: int | None = SEGMENT_WINDOW
) -> tuple[list[dict[str, Any]], int | None]:
    """A window of the transcript's segments as plain rows for its page, with their index
    labels, and the position the next window starts at (None after the last segment).

    A transcript has thousands of segments and Django's template engine costs about 40 µs a
    row: the page renders one window (``limit``; None for all) and fetches the next ones as
    the reader scrolls (bench/testimonies_http.py). Rows (not model instances with related
    managers) and two queries for the window's keywords and places keep a window cheap.
    """
    segments = (
        Segment.objects.filter(transcript=transcript, position__gte=start)
        .order_by("position")
        .values("pk", "position", "start_ms", "end_ms", "text", "title")
    )
    rows: list[dict[str, Any]] = [
        dict(row) for row in (segments if limit is None else segments[: limit + 1])
    ]
    following = None
    if limit is not None and len(rows) > limit:
        following = rows.pop()["position"]
    if not rows:
        return rows, None
    window = Q(
        segment__transcript=transcript,
        segment__position__gte=rows[0]["position"],
        segment__position__lte=rows[-1]["position"],
    )
    tags: dict[int, list[str]] = defaultdict(list)
    for segment_id, label_ar, label_en in Segment.keywords.through.objects.filter(
        window
    ).values_list("segment_id", "term__label_ar", "term__label_en"):
        tags[segment_id].append(pick(label_ar, label_en))
    for segment_id, name_ar, name_en in Segment.places.through.objects.filter(window).values_list(
        "segment_id", "place__name_ar", "place__name_en"
    ):
        tags[segment_id].append(pick(name_ar, name_en))
    for row in rows:
        row["tags"] = tags.get(row["pk"], ())
        row["timecode"] = timecode(row["start_ms"])
    return rows, following


SEARCH_LIMIT = 100


def segments_matching(user: Any, query: str) -> list[Segment]:
    """Transcript segments with every word of ``query`` (in mizan.text's search form, so أحمد
    finds احمد and a word glued to و/ب/ال is found inside it), in testimonies the user may see."""
    condition = search_q("search_key", query)
    if not condition:
        return []
    return list(
        Segment.objects.filter(condition)
        .filter(transcript__testimony__in=Testimony.objects.visible_to(user).values("pk"))
        .select_related("transcript", "transcript__testimony__interviewee")
        .only(
            "pk",
            "position",
            "start_ms",
            "text",
            "title",
            "transcript__language",
            "transcript__testimony__reference",
            "transcript__testimony__interviewee",
        )
        .order_by("transcript__testimony_id", "transcript_id", "position")[:SEARCH_LIMIT]
    )


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
