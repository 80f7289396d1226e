"""Reads of testimonies, through the permission layer; the public site's reads of publications."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from mizan.core.permissions import get_visible_or_404
from mizan.testimonies.models import Collection, Publication, Segment, Testimony


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


def segments_of(transcript: Any) -> QuerySet[Segment]:
    return (
        Segment.objects.filter(transcript=transcript)
        .order_by("position")
        .prefetch_related("keywords", "persons", "places")
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
