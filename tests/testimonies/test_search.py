"""Transcripts searched through the library's search service (issue 14, item 2): Arabic-aware,
ranked, through the permission layer (no hit and no count from a testimony the user may not
see), and a hit opens the transcript at the segment's time."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from mizan.library.models import PassageEntry
from mizan.library.search import search_passages
from mizan.testimonies import search, services
from mizan.testimonies.models import Segment, Testimony
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db

VTT = (
    "WEBVTT\n\n"
    "00:00:00.000 --> 00:00:01.000\nبدأ التحقيق معنا في الفرع.\n\n"
    "00:00:01.500 --> 00:00:03.000\nكنا مع معتقلين آخرين في سجن صيدنايا.\n\n"
    "00:00:03.000 --> 00:00:04.000\nالمعتقلون المعتقلون المعتقلون كانوا صامتين.\n\n"
    "00:00:04.000 --> 00:00:05.000\nوقالت المعتقلة إنها رأت اللجنة.\n"
)


def load(testimony: Testimony, data: str = VTT) -> Any:
    return services.transcript_import(
        actor=None, testimony=testimony, language="ar", data=data.encode(), filename="t.vtt"
    )


def positions(user: Any, query: str) -> list[int]:
    return [segment.position for segment in search.segments_matching(user, query, limit=50)[0]]


def test_segments_are_fed_to_the_search_service(testimony: Testimony) -> None:
    transcript = load(testimony)
    entries = PassageEntry.objects.filter(kind=search.SEGMENT, group_id=transcript.pk)
    assert entries.count() == 4
    assert set(entries.values_list("owner_id", flat=True)) == {testimony.pk}


def test_arabic_aware_like_the_library(testimony: Testimony, documenter_a: Any) -> None:
    load(testimony)
    assert positions(documenter_a, "بمعتقلين")[0] == 2  # bare preposition, exact form first
    assert 3 in positions(documenter_a, "بمعتقلين")  # the plural in ون is found too
    assert positions(documenter_a, "المعتقله")[0] == 4  # ه for ة; exact before stemmed
    assert positions(documenter_a, "صيدنايا السجن") == [2]


def test_a_hit_opens_the_transcript_at_the_segment_time(
    testimony: Testimony, documenter_a: Any
) -> None:
    load(testimony)
    page = signed_in(documenter_a).get(reverse("testimonies:search"), {"q": "صيدنايا"})
    transcript = reverse("testimonies:transcript", kwargs={"pk": testimony.pk, "language": "ar"})
    assert f"{transcript}?from=2&amp;t=1.5#segment-2" in page.content.decode()


def test_no_hit_and_no_count_from_a_testimony_the_user_may_not_see(
    testimony: Testimony, documenter_a: Any, documenter_b: Any
) -> None:
    load(testimony)
    # The service itself: the permission layer's queryset is applied inside the SQL, so the
    # hidden testimony's four matching segments neither appear nor make "more" true.
    hidden = search_passages(
        "معتقلين المعتقلة اللجنة التحقيق",
        kind=search.SEGMENT,
        visible_owners=Testimony.objects.visible_to(documenter_b),
        limit=1,
    )
    assert hidden.hits == [] and hidden.more is False
    many = search_passages(
        "معتقلين",
        kind=search.SEGMENT,
        visible_owners=Testimony.objects.visible_to(documenter_a),
        limit=1,
    )
    assert len(many.hits) == 1 and many.more is True
    # The page.
    page = signed_in(documenter_b).get(reverse("testimonies:search"), {"q": "صيدنايا"})
    html = page.content.decode()
    assert "#segment-" not in html and testimony.reference not in html and "?t=" not in html
    assert "Only the first" not in html


def test_reimport_replaces_the_indexed_segments(testimony: Testimony, documenter_a: Any) -> None:
    load(testimony)
    services.transcript_import(
        actor=None,
        testimony=testimony,
        language="ar",
        data="WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nنص جديد عن الحصار.\n".encode(),
        filename="t.vtt",
        replace=True,
    )
    assert positions(documenter_a, "صيدنايا") == []
    assert positions(documenter_a, "الحصار") == [1]
    assert PassageEntry.objects.filter(kind=search.SEGMENT).count() == 1


def test_a_segment_title_is_searched(testimony: Testimony, documenter_a: Any) -> None:
    load(testimony)
    segment = Segment.objects.get(transcript__testimony=testimony, position=1)
    services.segment_index(actor=None, segment=segment, title="الاستجواب الأول")
    assert positions(documenter_a, "استجواب") == [1]


def test_passages_never_reach_the_library_search(testimony: Testimony) -> None:
    from django.contrib.auth.models import AnonymousUser

    from mizan.library.models import Document
    from mizan.library.search import search_documents

    load(testimony)
    found = search_documents("صيدنايا", visible=Document.objects.visible_to(AnonymousUser()))
    assert found.hits == [] and found.total == 0


def test_transcripts_index_all_indexes_older_transcripts(
    testimony: Testimony, documenter_a: Any
) -> None:
    load(testimony)
    PassageEntry.objects.all().delete()  # as before the upgrade
    assert positions(documenter_a, "صيدنايا") == []
    assert search.transcripts_index_all() == 4
    assert positions(documenter_a, "صيدنايا") == [2]


def test_passages_rank_a_nisba_word_as_documents_do(
    testimony: Testimony, documenter_a: Any
) -> None:
    # مدني (civil) shares its stem with المدن (cities), said three times in the first segment;
    # the segment holding المدنيين (the nisba kept) comes first, as in the library search.
    load(
        testimony,
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:01.000\nالمدن المدن والمدن دمرت.\n\n"
        "00:00:01.000 --> 00:00:02.000\nقتل عدد من المدنيين.\n",
    )
    assert positions(documenter_a, "مدني") == [2, 1]
