"""Reads of testimonies, through the permission layer; the public site's reads of publications."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from mizan.cases.models import Incident, Organisation, Person
from mizan.cases.selectors import person_suggestions
from mizan.core.bilingual import pick
from mizan.core.models import Site
from mizan.core.permissions import effective_clearance, get_visible_or_404, person_name_for
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


def linkable_persons(user: Any, testimony: Testimony) -> QuerySet[Person]:
    """Persons ``user`` may link to the testimony: records they may see whose name their
    clearance allows (a protected person is never offered by pseudonym: choosing one would
    tell that someone protected carries that name), not linked to it yet."""
    return (
        Person.objects.visible_to(user)
        .filter(identity_sensitivity__lte=effective_clearance(user))
        .exclude(pk=testimony.interviewee_id)
        .exclude(pk__in=testimony.persons.values("person_id"))
    )


def person_candidates(user: Any, testimony: Testimony, text: str) -> list[Person]:
    """The picker's answer to a typed name: existing persons whose names sound like ``text`` in
    either script (the cases app's suggestions, through the permission layer), minus those the
    testimony already names."""
    if len(text.strip()) < 2:
        return []
    suggested = person_suggestions(user, text)
    allowed = set(
        linkable_persons(user, testimony)
        .filter(pk__in=[p.pk for p in suggested])
        .values_list("pk", flat=True)
    )
    return [p for p in suggested if p.pk in allowed]


SEGMENT_WINDOW = 200


def segment_rows(
    transcript: Any, user: Any, *, start: int = 1, limit: int | None = SEGMENT_WINDOW
) -> tuple[list[dict[str, Any]], int | None]:
    """A window of the transcript's segments as plain rows for its page, with their index
    labels, and the position the next window starts at (None after the last segment).

    A transcript has thousands of segments and Django's template engine costs about 40 µs a
    row: the page renders one window (``limit``; None for all) and fetches the next ones as
    the reader scrolls (bench/testimonies_http.py). Rows (not model instances with related
    managers) and one query per kind of index entry keep a window cheap. The labels are what
    ``user`` may see: sites, units and acts through the permission layer, persons as
    ``person_name_for`` names them (a person the user may not see is left out).
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
    labelled = (
        (Segment.keywords.through.objects.filter(window), "term__label"),
        (Segment.places.through.objects.filter(window), "place__name"),
        (
            Segment.sites.through.objects.filter(window, site__in=Site.objects.visible_to(user)),
            "site__name",
        ),
        (
            Segment.units.through.objects.filter(
                window, organisation__in=Organisation.objects.visible_to(user)
            ),
            "organisation__name",
        ),
        (
            Segment.acts.through.objects.filter(
                window, act__incident__in=Incident.objects.visible_to(user)
            ),
            "act__act_type__label",
        ),
    )
    for links, label in labelled:
        for segment_id, label_ar, label_en in links.values_list(
            "segment_id", f"{label}_ar", f"{label}_en"
        ):
            tags[segment_id].append(pick(label_ar, label_en))
    person_links = list(
        Segment.persons.through.objects.filter(window).values_list("segment_id", "person_id")
    )
    persons = Person.objects.in_bulk({person_id for _, person_id in person_links})
    for segment_id, person_id in person_links:
        if name := person_name_for(persons[person_id], user):
            tags[segment_id].append(name)
    for row in rows:
        row["tags"] = tags.get(row["pk"], ())
        row["timecode"] = timecode(row["start_ms"])
    return rows, following


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
