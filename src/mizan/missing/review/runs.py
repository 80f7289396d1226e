"""Matching runs: a run hands the records of some source lists to ``mizan.linkage.link`` and
keeps every pair scored at or above a review floor as a ``CandidatePair`` with the per-field
evidence of ``mizan.linkage.score_pair``. The run itself works in the background
(``mizan.missing.tasks.run_matching`` calls :func:`matching_run_execute`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mizan.core.audit import Action, audit_record
from mizan.core.background import enqueue_on_commit
from mizan.core.writing import acting_user
from mizan.linkage.lists import column_in_row
from mizan.missing.importing import READ_FROM_ROW, verbatim_cell
from mizan.missing.models import (
    CandidatePair,
    MatchRun,
    SourceList,
    SourceRecord,
)
from mizan.missing.review.queries import (
    _visible_lists,
)

logger = logging.getLogger(__name__)

REVIEW_FLOOR = 0.3
LINK_THRESHOLD = 0.9
_WRITE_BATCH = 1000


# --- Matching runs --------------------------------------------------------------------------


def linkage_row(record: SourceRecord) -> dict[str, str]:
    """A source record as ``mizan.linkage`` reads it (the list headers, as text)."""
    return {
        "record_id": str(record.pk),
        "source": str(record.source_list_id),
        "full_name": record.full_name,
        "first_name": record.first_name,
        "father_name": record.father_name,
        "grandfather_name": record.grandfather_name,
        "family_name": record.family_name,
        "mother_name": record.mother_name,
        "sex": record.sex,
        # A year the import could not store ("85", "١٩٨٥ تقريباً", an OCR'd "1470") is given as
        # written: the engine reads a list's two-digit years as years when the list does
        # (``problems.mark_two_digit_years``) and compares the rest as it compares any list's.
        "birth_year": (
            verbatim_cell(record.raw, "birth_year")
            if record.birth_year is None
            else str(record.birth_year)
        ),
        "birth_place": record.birth_place,
        "national_id": record.national_id,
        # A date the import could not read (a spreadsheet's day number «41171») as written: the
        # engine reads it as the review's flags say it does.
        "date_of_arrest": record.date_of_arrest or verbatim_cell(record.raw, "date_of_arrest"),
        "place_of_arrest": record.place_of_arrest,
        # Columns the registry keeps no field for, read from the row as ``mizan link`` reads
        # them from the list (``importing.READ_FROM_ROW``): a rank the list keeps in its own
        # column, the family's village of origin, a register's place of residence.
        **{column: column_in_row(record.raw, column) for column in READ_FROM_ROW},
    }


def matching_run_start(
    *, actor: Any, source_lists: Iterable[SourceList] | None = None, floor: float = REVIEW_FLOOR
) -> MatchRun:
    """Queue a matching run over the chosen lists (default: every list the actor may see)."""
    visible = _visible_lists(actor).filter(state=SourceList.State.IMPORTED)
    if source_lists is not None:
        wanted = {source.pk for source in source_lists}
        lists = list(visible.filter(pk__in=wanted).values_list("pk", flat=True))
        if len(lists) != len(wanted):
            raise PermissionDenied
    else:
        lists = list(visible.values_list("pk", flat=True))
    if not lists:
        raise ValidationError(_("There is no imported list to compare."))
    with transaction.atomic():
        run = MatchRun.objects.create(
            list_ids=sorted(lists),
            floor=floor,
            created_by=acting_user(actor),
        )
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=run,
            fields=["list_ids"],
            detail={"lists": run.list_ids, "floor": floor},
        )
        enqueue_on_commit("mizan.missing.tasks.run_matching", run_id=run.pk)
    return run


def _evidence(score: Any) -> list[dict[str, Any]]:
    return [
        {
            "field": item.field,
            "value_a": item.value_a,
            "value_b": item.value_b,
            "level": item.level,
            "weight": item.weight,
        }
        for item in score.fields
    ]


def explain_pairs(
    rows: list[dict[str, str]],
    pairs: list[tuple[int, int]],
    *,
    term_frequencies: Any,
    population: int,
    sources: list[str] | None = None,
) -> list[list[dict[str, Any]]]:
    """``score_pair``'s per-field evidence for many pairs (``mizan.linkage.score_pairs``);
    ``sources`` as ``link`` was given them, so that each list is read as it was linked."""
    from mizan.linkage import score_pairs

    scores = score_pairs(
        rows, pairs, population=population, term_frequencies=term_frequencies, sources=sources
    )
    return [_evidence(score) for score in scores]


def matching_run_execute(run_id: int) -> MatchRun:
    """Run one queued matching run (the background task calls this)."""
    from mizan.linkage import link

    run = MatchRun.objects.select_related("created_by").get(pk=run_id)

    def progress(stage: str, fraction: float) -> None:
        MatchRun.objects.filter(pk=run.pk).update(
            state=MatchRun.State.RUNNING,
            stage=stage,
            fraction=round(fraction, 4),
            updated_at=timezone.now(),
        )

    try:
        progress("reading", 0.0)
        records = list(SourceRecord.objects.filter(source_list_id__in=run.list_ids).order_by("pk"))
        rows = [linkage_row(record) for record in records]
        progress("linking", 0.1)
        sources = [str(record.source_list_id) for record in records]
        result = link(rows, threshold=LINK_THRESHOLD, keep_pairs_above=run.floor, sources=sources)
        progress("explaining", 0.6)
        kept: list[tuple[int, int, float, float]] = []
        for scored in result.pairs:
            a, b = records[scored.left], records[scored.right]
            if a.pk == b.pk or (
                a.source_list_id == b.source_list_id and a.record_id == b.record_id
            ):
                continue
            left, right = scored.left, scored.right
            if a.pk > b.pk:
                left, right = right, left
            kept.append((left, right, scored.probability, scored.match_weight))
        explained = explain_pairs(
            rows,
            [(left, right) for left, right, _p, _w in kept],
            term_frequencies=result.term_frequencies,
            population=len(rows),
            sources=sources,
        )
        found: dict[tuple[int, int], tuple[float, float, list[dict[str, Any]]]] = {
            (records[left].pk, records[right].pk): (probability, weight, evidence)
            for (left, right, probability, weight), evidence in zip(kept, explained, strict=True)
        }
        progress("saving", 0.9)
        counts = _store_pairs(run, found)
    except Exception:
        MatchRun.objects.filter(pk=run.pk).update(
            state=MatchRun.State.FAILED, updated_at=timezone.now()
        )
        raise
    MatchRun.objects.filter(pk=run.pk).update(
        state=MatchRun.State.DONE,
        stage="",
        fraction=1.0,
        records=len(records),
        pairs_new=counts["new"],
        pairs_updated=counts["updated"],
        pairs_decided_skipped=counts["skipped"],
        updated_at=timezone.now(),
    )
    run.refresh_from_db()
    audit_record(
        actor=run.created_by,
        action=Action.UPDATE,
        target=run,
        fields=["state"],
        detail={"records": len(records), **counts},
    )
    return run


def _store_pairs(
    run: MatchRun, found: dict[tuple[int, int], tuple[float, float, list[dict[str, Any]]]]
) -> dict[str, int]:
    """Create new pairs, update undecided and unsure ones, leave decided ones as they are."""
    counts = {"new": 0, "updated": 0, "skipped": 0}
    keys = list(found)
    with transaction.atomic():
        for start in range(0, len(keys), _WRITE_BATCH):
            batch = keys[start : start + _WRITE_BATCH]
            firsts = {a for a, _b in batch}
            existing = {
                (pair.record_a_id, pair.record_b_id): pair
                for pair in CandidatePair.objects.select_for_update().filter(record_a_id__in=firsts)
            }
            new, changed = [], []
            for key in batch:
                probability, weight, evidence = found[key]
                pair = existing.get(key)
                if pair is None:
                    new.append(
                        CandidatePair(
                            record_a_id=key[0],
                            record_b_id=key[1],
                            probability=probability,
                            match_weight=weight,
                            evidence=evidence,
                            run=run,
                        )
                    )
                elif pair.decided:
                    counts["skipped"] += 1
                else:
                    pair.probability, pair.match_weight, pair.evidence = (
                        probability,
                        weight,
                        evidence,
                    )
                    pair.run = run
                    pair.updated_at = timezone.now()
                    changed.append(pair)
            CandidatePair.objects.bulk_create(new)
            CandidatePair.objects.bulk_update(
                changed, ["probability", "match_weight", "evidence", "run", "updated_at"]
            )
            counts["new"] += len(new)
            counts["updated"] += len(changed)
    return counts
