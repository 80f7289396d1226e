"""Reads of the shared kernel's records; each takes the user and applies the permission layer."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, Q, QuerySet

from mizan.core.models import Place, Site
from mizan.text import tokens


def place_descendant_ids(place: Place) -> list[int]:
    """The place and everything below it (the hierarchy is small: walk it in memory)."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for pk, parent_id in Place.objects.values_list("pk", "parent_id"):
        children[parent_id].append(pk)
    found, stack = [], [place.pk]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children[current])
    return found


def search_q(field: str, query: str) -> Q:
    """Every word of the query must appear in the normalised search key (أحمد finds احمد)."""
    condition = Q()
    for word in tokens(query):
        condition &= Q(**{f"{field}__contains": word})
    return condition


def sites_visible_to(
    user: Any,
    *,
    query: str = "",
    site_type: str = "",
    governorate: Place | None = None,
    sensitivity: int | None = None,
) -> QuerySet[Site]:
    sites = Site.objects.visible_to(user).select_related(
        "site_type", "facility_type", "place", "place__parent", "team"
    )
    if query:
        sites = sites.filter(search_q("search_key", query))
    if site_type:
        sites = sites.filter(site_type__code=site_type)
    if governorate is not None:
        sites = sites.filter(place_id__in=place_descendant_ids(governorate))
    if sensitivity is not None:
        sites = sites.filter(sensitivity=sensitivity)
    return sites


def site_counts_by_type(user: Any) -> list[dict[str, Any]]:
    rows = (
        Site.objects.visible_to(user)
        .values("site_type__code", "site_type__label_ar", "site_type__label_en")
        .annotate(count=Count("pk"))
        .order_by("-count")
    )
    return [dict(row) for row in rows]


def places_matching(query: str) -> QuerySet[Place]:
    places = Place.objects.select_related("parent")
    if query:
        places = places.filter(search_q("search_key", query))
    return places
