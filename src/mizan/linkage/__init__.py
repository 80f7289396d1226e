"""Record linkage of person lists: which records, in Arabic or Latin script, are the same person.

Plain Python with no Django import (DESIGN.md), built on splink's DuckDB backend so that the same
model can run on Spark when lists outgrow one machine. Everything that touches names goes through
``mizan.text`` (normalisation, cross-script name keys, full-name splitting).

Stable API (the review queue and ``mizan link`` rely on it):

``link(records, threshold=0.2, model=None, *, keep_pairs_above=None) -> LinkResult``
    ``records`` is a sequence of mappings keyed by the list headers (``first_name``,
    ``father_name``, ``grandfather_name``, ``family_name``, ``mother_name``, ``full_name``,
    ``sex``, ``birth_year``, ``birth_place``, ``national_id``, ``date_of_arrest`` …).
    ``LinkResult.clusters[i]`` is the cluster number of ``records[i]``. Clusters are made by
    average linkage, not connected components: two groups of records are joined when the pairs
    between them have a mean match weight of at least that of ``threshold`` (a pair not scored
    counting as a probability of about 3 %), so one namesake pair cannot chain two people
    together; every cluster is connected by pairs at or above ``threshold``.
    ``LinkResult.pairs`` are ``ScoredPair(left, right, probability, match_weight)`` with indexes
    into ``records``, for every pair scored at or above ``keep_pairs_above`` (default: the
    threshold) — pass e.g. ``keep_pairs_above=0.3`` to fill a review queue with doubtful pairs;
    ``LinkResult.term_frequencies`` are the name frequencies of this input, to pass to
    ``score_pair``.

``score_pair(a, b, model=None, *, population=100_000, term_frequencies=None) -> PairScore``
    ``PairScore(probability, match_weight, prior_weight, fields)`` where ``fields`` is a tuple of
    ``FieldEvidence(field, value_a, value_b, level, weight)``, one per compared field in this
    order: first, father, grandfather, family, mother (names), birth_year, sex, birth_place,
    national_id, date_of_arrest, place_of_arrest. ``level`` is a label (``same spelling``,
    ``same name``, ``one letter apart``, ``different``, ``same year``, ``same place`` …, or
    ``missing``)
    and ``weight`` its log2 Bayes factor: ``match_weight == prior_weight + sum(weights)``.
    A common name that agrees weighs less than a rare one (term frequencies).

``score_pairs(records, pairs, model=None, *, population=100_000, term_frequencies=None,
sources=None)``
    ``score_pair`` for many ``(i, j)`` index pairs into ``records`` at once (one query per
    batch; the review queue explains thousands of pairs with it) -> ``list[PairScore]``.

``train(records) -> Model`` trains a model on unlabelled records (EM; no ground truth);
``default_model()`` is the model shipped in ``mizan/linkage/model.json``;
``read_lists(paths)`` / ``write_clusters(path, records, clusters)`` read and check CSV lists and
write the clusters file of ``mizan link``; ``mizan.linkage.synthetic`` makes synthetic lists with
ground truth (``python -m mizan.linkage.synthetic --records N --out DIR``).
"""

from mizan.linkage.engine import (
    FieldEvidence,
    LinkResult,
    PairScore,
    ReadingStopped,
    ScoredPair,
    link,
    score_pair,
    score_pairs,
    train,
)
from mizan.linkage.lists import HEADER_ALIASES, HEADERS, ListError, read_lists, write_clusters
from mizan.linkage.model import Model, default_model

__all__ = [
    "HEADERS",
    "HEADER_ALIASES",
    "FieldEvidence",
    "LinkResult",
    "ListError",
    "Model",
    "PairScore",
    "ReadingStopped",
    "ScoredPair",
    "default_model",
    "link",
    "read_lists",
    "score_pair",
    "score_pairs",
    "train",
    "write_clusters",
]
