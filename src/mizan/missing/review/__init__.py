"""The linkage review: matching runs, the queue of candidate pairs, decisions, merges and splits.

A matching run hands the records of some source lists to ``mizan.linkage.link`` and keeps every
pair scored at or above a review floor as a ``CandidatePair`` with the per-field evidence of
``mizan.linkage.score_pair``. Nothing is linked by the machine: a person decides each pair.

Accepting a pair links both records to one Person (opening a registry file through
``services.missing_person_create`` when neither has one); when the two records already belong
to different persons, every record of one person moves to the other (a ``ClusterChange`` of
kind merge, which can be undone). A record can be split off a person again. Records are never
changed beyond their link: their list, row and verbatim row stay as imported.

The modules, each importing only those above it:

    labels.py     bands, field names, comparison levels, stages, decisions in words
    queries.py    reads for a user: the queue, one pair, side by side, evidence, canonical values
    runs.py       matching runs: start (audited, enqueued on commit), execute, store the pairs
    decisions.py  pair decisions, merges (with the registry files), undo, detaching a record

This package re-exports the names callers use (``review.pair_decide``, ``review.queue`` …).
"""

from mizan.missing.review.decisions import merge_persons, merge_undo, pair_decide, record_detach
from mizan.missing.review.labels import (
    BAND_LABELS,
    BANDS,
    FIELD_LABELS,
    LEVEL_LABELS,
    STAGE_LABELS,
    decision_message,
    level_label,
    stage_label,
    weight_label,
)
from mizan.missing.review.queries import (
    RECORD_FIELDS,
    SEX_LABELS,
    CanonicalField,
    CanonicalValue,
    QueueFilters,
    canonical,
    changes_of,
    evidence_rows,
    queue,
    record_flags,
    records_visible_q,
    shown_value,
    side_by_side,
    visible_pair,
)
from mizan.missing.review.runs import (
    LINK_THRESHOLD,
    REVIEW_FLOOR,
    explain_pairs,
    linkage_row,
    matching_run_execute,
    matching_run_start,
)

__all__ = [
    "BANDS",
    "BAND_LABELS",
    "FIELD_LABELS",
    "LEVEL_LABELS",
    "LINK_THRESHOLD",
    "RECORD_FIELDS",
    "REVIEW_FLOOR",
    "SEX_LABELS",
    "STAGE_LABELS",
    "CanonicalField",
    "CanonicalValue",
    "QueueFilters",
    "canonical",
    "changes_of",
    "decision_message",
    "evidence_rows",
    "explain_pairs",
    "level_label",
    "linkage_row",
    "matching_run_execute",
    "matching_run_start",
    "merge_persons",
    "merge_undo",
    "pair_decide",
    "queue",
    "record_detach",
    "record_flags",
    "records_visible_q",
    "shown_value",
    "side_by_side",
    "stage_label",
    "visible_pair",
    "weight_label",
]
