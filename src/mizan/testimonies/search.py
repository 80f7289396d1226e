"""Transcripts in the library's search service (issue 14, item 2).

Transcript segments are searched through the same service as the library's documents
(``mizan.library.search.search_passages``): Arabic-aware terms, exact forms first, preposition
variants, bm25 / ts_rank_cd on both databases. The library sits below this app and knows nothing
of testimonies: this module feeds it each transcript's segments as passages (kind
``testimonies.segment``; owner the testimony, group the transcript) whenever they change, and
searches them with the permission layer's ``Testimony.objects.visible_to(user)``, which the
service applies inside its SQL — a user never sees a hit, nor a count, from a testimony they may
not see. Segments are then loaded again through the same permission layer.
"""

from __future__ import annotations

from typing import Any

from mizan.library.search import search_passages
from mizan.library.services import passage_update, passages_remove, passages_replace
from mizan.testimonies.models import Segment, Testimony, Transcript

SEGMENT = "testimonies.segment"


def transcript_index(transcript: Transcript) -> int:
    """Put every segment of ``transcript`` in the search index (replacing what it had)."""
    return passages_replace(
        kind=SEGMENT,
        group_id=transcript.pk,
        owner_id=transcript.testimony_id,
        passages=Segment.objects.filter(transcript=transcript)
        .order_by("position")
        .values_list("pk", "title", "text"),
    )


def transcript_unindex(transcript_id: int) -> None:
    passages_remove(kind=SEGMENT, group_id=transcript_id)


def segment_reindex(segment: Segment) -> None:
    passage_update(kind=SEGMENT, object_id=segment.pk, title=segment.title, text=segment.text)


def transcripts_index_all() -> int:
    """Index every transcript (after an upgrade that brought the search of transcripts)."""
    return sum(transcript_index(transcript) for transcript in Transcript.objects.all())


def segments_matching(user: Any, query: str, *, limit: int) -> tuple[list[Segment], bool]:
    """The segments matching ``query`` in testimonies ``user`` may see, best first, at most
    ``limit``; and whether more match."""
    visible = Testimony.objects.visible_to(user)
    results = search_passages(query, kind=SEGMENT, visible_owners=visible, limit=limit)
    ids = [hit.object_id for hit in results.hits]
    if not ids:
        return [], False
    loaded = {
        segment.pk: segment
        for segment in Segment.objects.filter(
            pk__in=ids, transcript__testimony__in=visible.values("pk")
        )
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
    }
    return [loaded[pk] for pk in ids if pk in loaded], results.more
