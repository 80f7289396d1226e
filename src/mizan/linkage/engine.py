"""Linking, training and pair scoring on splink's DuckDB backend."""

from __future__ import annotations

import logging
import math
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mizan.linkage.features import (
    AGE_ALONE,
    ARREST_HELD,
    ARREST_SPAN,
    FEATURE_COLUMNS,
    LINEAGE_FAMILY,
    MAIDEN_KEY,
    NAME_PARTS,
    NISBA_KEY,
    ORIGINS_KEY,
    ListVocabulary,
    age_apart,
    home_residence,
    is_umm_key,
    mark_arrest_spans,
    mark_civility_lists,
    mark_dotted_names,
    mark_either_date_ages,
    mark_father_surname_lists,
    mark_germanic_lists,
    mark_greek_lists,
    mark_hijri_lists,
    mark_kurmanji_lists,
    mark_late_ages,
    mark_lineage_lists,
    mark_month_first_lists,
    mark_ocr_years,
    mark_post_lists,
    mark_romance_lists,
    mark_russian_lists,
    mark_speech_lists,
    mark_turkish_lists,
    mark_two_digit_years,
    mark_visual_order_lists,
    nisba_apart,
    record_readings,
)
from mizan.linkage.items import same_item_pairs
from mizan.linkage.lists import RESIDENCE_COLUMN, RESIDENCE_SHOWN
from mizan.linkage.model import (
    COMMON_COUNT,
    OCR_RATIO,
    TRAINING_BLOCKS,
    Model,
    build_settings,
    default_model,
)
from mizan.linkage.partial import first_place_keys
from mizan.text import contains_arabic, name_key

__all__ = [
    "FieldEvidence",
    "LinkResult",
    "PairScore",
    "ScoredPair",
    "link",
    "score_pair",
    "score_pairs",
    "train",
]

_TF_COLUMNS: tuple[str, ...] = tuple(f"{part}_k" for part in NAME_PARTS)
# What each compared field shows of the record as written.
_SHOWN: dict[str, str] = {
    "first": "first_name",
    "initials": "first_name",
    "father": "father_name",
    "grandfather": "grandfather_name",
    "family": "family_name",
    "mother": "mother_name",
    "birth_year": "birth_year",
    "sex": "sex",
    "birth_place": "birth_place",
    "national_id": "national_id",
    "date_of_arrest": "date_of_arrest",
    "place_of_arrest": "place_of_arrest",
}

# The default threshold of ``link`` and ``mizan link``: with average linkage, groups whose pairs
# average a probability of 0.2 or more are joined (bench/README.md, "Record linkage", has the
# figures that chose it: F1 is flat between 0.1 and 0.3 at 100,000 to 1,000,000 records).
DEFAULT_THRESHOLD = 0.2
# In average linkage, a pair of records that was not scored (no blocking rule put them together,
# or its weight is below this) counts as this weight (≈ 3 %): evidence against, not a veto.
UNSCORED_WEIGHT = -5.0
# ... and a pair's weight counts at most this much, so that one pair with the same national id
# (+30) cannot outvote every other pair between two groups.
CAPPED_WEIGHT = 15.0


@dataclass(frozen=True, slots=True)
class FieldEvidence:
    """What one field says about a pair: its comparison level and that level's weight.

    ``weight`` is log2(m/u) of the level, term-frequency adjustment included: positive for
    evidence of the same person, negative against, 0.0 when a value is missing.
    """

    field: str
    value_a: str
    value_b: str
    level: str
    weight: float


@dataclass(frozen=True, slots=True)
class PairScore:
    """A scored pair: probability, total match weight (prior included) and each field's part."""

    probability: float
    match_weight: float
    prior_weight: float
    fields: tuple[FieldEvidence, ...]


# The evidence of a pair read through a less likely reading of a name (``score_pairs``): the
# reading's odds, so that the fields' weights still add up to the pair's (``PairScore``).
READING_FIELD = "reading"
LESS_LIKELY_READING = "a less likely reading of a name"


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """Two records (indexes into the input) that scored at or above the kept threshold."""

    left: int
    right: int
    probability: float
    match_weight: float


@dataclass(frozen=True, slots=True)
class LinkResult:
    """``clusters[i]`` is the cluster of input record ``i`` (numbered from 1 in input order)."""

    clusters: list[int]
    pairs: list[ScoredPair]
    term_frequencies: dict[str, dict[str, float]]


class _Stopwatch:
    """Reports each finished stage with its duration to a progress callback, if there is one."""

    def __init__(self, progress: Callable[[str], None] | None) -> None:
        self.progress = progress
        self.start = time.perf_counter()

    def __call__(self, stage: str) -> None:
        if self.progress is not None:
            now = time.perf_counter()
            self.progress(f"{stage} ({now - self.start:.1f} s)")
            self.start = now


def _duckdb_api(memory_limit: str | None, threads: int | None, spill: str | None = None) -> Any:
    import duckdb
    from splink import DuckDBAPI

    connection = duckdb.connect(":memory:")
    connection.execute(f"SET threads = {int(threads or os.cpu_count() or 1)}")
    if memory_limit:
        connection.execute("SET memory_limit = ?", [memory_limit])
    # DuckDB spills to ./.tmp by default: never into the user's folder.
    connection.execute("SET temp_directory = ?", [spill or tempfile.gettempdir()])
    connection.execute("SET preserve_insertion_order = false")
    return DuckDBAPI(connection=connection)


@dataclass(slots=True)
class _Rows:
    """The rows given to splink: one per reading of each record (``record_readings``).

    ``record[row]`` is the input record a row reads and ``odds[row]`` that reading's log2-odds
    against the record's likeliest (0.0, or negative for a second reading); ``traits[record]``
    holds what the clustering step needs of the likeliest reading (``_clearly_different``)."""

    columns: dict[str, list[Any]]
    record: list[int]
    odds: list[float]
    traits: list[tuple[Any, ...]]
    # Per record, where its family comes from (``features.ORIGINS_KEY``, None: not said); per
    # row, the village of the nisba a reading is read without ("": none; ``nisba_apart``).
    origins: list[tuple[str, frozenset[str]] | None] = field(default_factory=list)
    nisbas: list[str] = field(default_factory=list)


# The names the clustering step compares within one list (``_cannot_link``), and where the
# father's and the family name stand among them.
_TRAIT_NAMES = ("first", "father", "grandfather", "family", "mother")
_FATHER, _FAMILY, _MOTHER = 1, 3, 4


def _traits(features: Mapping[str, Any], vocabulary: ListVocabulary) -> tuple[Any, ...]:
    """What ``_cannot_link`` needs of a record: for each name, its key, dotless key, loose key,
    how often the lists write its spelling (``_different_name`` tells a name from an OCR
    misreading by it) and the keys of a Latin spelling's two readings (``spelling_keys``);
    then the birth year, the national number, … and the month of arrest."""
    names = []
    for part in _TRAIT_NAMES:
        names.append(
            vocabulary.name_trait(
                features[f"{part}_k"],
                features[f"{part}_rasm"],
                features[f"{part}_loose"],
                features[f"{part}_n"],
            )
        )
    # Whether the family name is one family's (``ListVocabulary.FAMILY_RARE``), in Arabic.
    rare = bool(features["family_rare"]) and features["family_rasm"] is not None
    # A year of birth from an age that may have been taken years later (``birth_year_late``)
    # refuses nothing: the person may be born up to ``model.LATE_AGE_YEARS`` years after it.
    year = None if features["birth_year_late"] else features["birth_year"]
    # An age remembered without a date (``features.age_apart``), and the year of arrest.
    age = features.get(AGE_ALONE)
    arrest = features["arrest_year"]
    # The ages at arrest an estimated age allows (``_estimate_apart``).
    estimate = (features["age_low"], features["age_high"])
    return (
        *names,
        rare,
        year,
        features["national_id"],
        age,
        arrest,
        features.get(ARREST_SPAN),
        estimate if estimate[0] is not None else None,
        features["sex"],
        features["arrest_month"],
        features.get(MAIDEN_KEY),
        bool(features.get(LINEAGE_FAMILY)),
        # A date of arrest remembered («صيف 2013»), of an arrest at the border on return, or
        # of an entry into a prison, a branch or a court (``features.held_at``): its year tells
        # no other arrest (``_arrests_apart``).
        bool(features["arrest_approx"] or features["arrest_border"] or features.get(ARREST_HELD)),
        # The mother's family name (``features.mother_family``), as a name's trait.
        vocabulary.name_trait(
            features["mother_family_k"],
            features["mother_family_rasm"],
            features["mother_family_loose"],
            features["mother_family_n"],
        ),
    )


# From this many records on, the records are read in one process per core (``_columns``): the
# reading is pure Python, half the time of a million records on two cores. Below it a process's
# start costs more than it saves (a matching run of the web review this large forks too, from its
# task worker: the forked readers touch no database and end with ``os._exit``).
PARALLEL_RECORDS = 50_000
# Each process reads the records in slices of this many, handed out in order as each finishes.
_SLICE = 20_000

# The records and the vocabulary the forked processes read (``_count_slice``, ``_read_slice``):
# set by ``_columns`` in the parent just before each fork, so that no record is pickled on its
# way to a process (the vocabulary is ``None`` while the records' words are being counted), and
# only under ``_FORKING``: two ``_columns`` at once in one process's threads take turns there.
_SHARED: tuple[Sequence[Mapping[str, str]], ListVocabulary | None] | None = None
_FORKING = threading.Lock()


def _count_slice(bounds: tuple[int, int]) -> ListVocabulary:
    """What records ``bounds[0]`` to ``bounds[1]`` say of their name words (``_columns``)."""
    assert _SHARED is not None
    return ListVocabulary.of(_SHARED[0][bounds[0] : bounds[1]])


def _read_slice(
    bounds: tuple[int, int],
    records: Sequence[Mapping[str, str]] | None = None,
    vocabulary: ListVocabulary | None = None,
) -> _Rows:
    """The rows of records ``bounds[0]`` to ``bounds[1]`` (``_columns``; in a forked process,
    of the records and vocabulary in ``_SHARED``); ``record`` holds the index of each row's
    record in the whole input, ``unique_id`` is left to the caller."""
    if records is None:
        if _SHARED is None or _SHARED[1] is None:
            raise RuntimeError("_read_slice: nothing shared to read")
        records, vocabulary = _SHARED
    if vocabulary is None:
        raise RuntimeError("_read_slice: no vocabulary")
    columns: dict[str, list[Any]] = {name: [] for name in FEATURE_COLUMNS}
    appenders = [(name, columns[name].append) for name in FEATURE_COLUMNS]
    rows = _Rows(columns, [], [], [])
    for index in range(*bounds):
        readings = record_readings(records[index], vocabulary)
        rows.traits.append(_traits(readings[0][0], vocabulary))
        rows.origins.append(readings[0][0].get(ORIGINS_KEY))
        for features, odds in readings:
            rows.record.append(index)
            rows.odds.append(odds)
            rows.nisbas.append(features.get(NISBA_KEY, ""))
            for name, append in appenders:
                append(features[name])
    return rows


def _forked_map(
    function: Callable[[tuple[int, int]], Any], bounds: list[tuple[int, int]], processes: int
) -> list[Any]:
    """``function`` of each slice in ``processes`` forked processes, in the slices' order."""
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # The parent's objects are left out of the processes' garbage collections: a collection
    # walking them would write to every page the fork shares, copying the whole heap.
    gc.freeze()
    try:
        # An executor, not ``multiprocessing.Pool``: a process killed on the way (the kernel's
        # out-of-memory killer) breaks the executor, which raises; a pool would wait forever.
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(function, bounds))
    except BrokenProcessPool as exc:
        raise ReadingStopped from exc
    finally:
        gc.unfreeze()


class ReadingStopped(RuntimeError):
    """A process reading the records ended before it finished (killed, most often for lack of
    memory): the link stops, and nothing is written."""

    def __init__(self) -> None:
        super().__init__(
            "a process reading the records was stopped before it finished"
            " (most often the system ran out of memory)"
        )


def _processes() -> int:
    """The cores this process may run on (its affinity, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _columns(records: Iterable[Mapping[str, str]], processes: int | None = None) -> _Rows:
    """Feature columns of the records, built without keeping a dictionary per record.

    Two passes: the first gathers what the lists say about their own name words
    (``ListVocabulary``), the second reads each record with it, in each of its readings — from
    ``PARALLEL_RECORDS`` records on, each pass in ``processes`` forked processes (default: one
    per core this process may use), each process taking slices of the records in turn; the
    counts are added and the rows come back in the records' order, as one process gives them."""
    global _SHARED
    records = records if isinstance(records, Sequence) else list(records)
    count = len(records)
    bounds = [(start, min(start + _SLICE, count)) for start in range(0, count, _SLICE)]
    processes = processes or _processes()
    if processes > 1 and count >= PARALLEL_RECORDS:
        with _FORKING:
            try:
                _SHARED = (records, None)
                vocabulary = ListVocabulary.merged(_forked_map(_count_slice, bounds, processes))
                # What a reading learns on the way (the letters a Latin word is read with,
                # ``ListVocabulary.letters``) is learnt first, in the records' order, so that
                # every process reads every record as one process reading them all would.
                vocabulary.learn_letters(records)
                _SHARED = (records, vocabulary)
                parts = _forked_map(_read_slice, bounds, processes)
            finally:
                _SHARED = None
    else:
        vocabulary = ListVocabulary.of(records)
        # The same learning first, so that a record is read alike whatever the input's size.
        vocabulary.learn_letters(records)
        parts = [_read_slice(each, records, vocabulary) for each in bounds]
    rows = _Rows({name: [] for name in ("unique_id", *FEATURE_COLUMNS)}, [], [], [])
    parts.reverse()
    while parts:  # each slice's rows let go once copied: no second copy of them all at once
        part = parts.pop()
        for name, values in part.columns.items():
            rows.columns[name].extend(values)
        rows.record.extend(part.record)
        rows.odds.extend(part.odds)
        rows.traits.extend(part.traits)
        rows.origins.extend(part.origins)
        rows.nisbas.extend(part.nisbas)
    rows.columns["unique_id"] = list(range(len(rows.record)))
    return rows


# Two name words in common, in any parts: a record whose names the list wrote in another order
# («سليمان عدنان جهاد»), under a kunya or a husband's family name, or with a part missing, shares
# two name words with another record of the same person without sharing them in the parts the
# other blocking rules join on (issue 15: a tenth of set 7's true pairs were never compared).
# Only word pairs that at most PAIR_BLOCK_CAP records share make candidates: «محمد|أحمد» pairs
# thousands of namesakes, whom the other rules compare where they should.
PAIR_BLOCK_PARTS = ("first", "father", "grandfather", "family", "mother")
PAIR_BLOCK_CAP = 20


def _name_pairs(columns: Mapping[str, list[Any]], record_of: Sequence[int]) -> list[list[str]]:
    """For each row, the pairs of its name keys (``a|b``, sorted) that two to
    ``PAIR_BLOCK_CAP`` records share; a record's readings are consecutive rows."""
    from collections import Counter
    from itertools import combinations

    keys = [columns[f"{part}_k"] for part in PAIR_BLOCK_PARTS]
    per_row: list[list[str]] = []
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    previous = -1
    for row, record in enumerate(record_of):
        words = sorted({k[row] for k in keys if k[row] is not None and len(k[row]) > 1})
        pairs = [f"{a}|{b}" for a, b in combinations(words, 2)]
        per_row.append(pairs)
        if record != previous:
            seen = set()
            previous = record
        for pair in pairs:
            if pair not in seen:
                seen.add(pair)
                counts[pair] += 1
    # … and a first name with a place of birth that few records share (``partial``: a cellmate
    # named by one word), under the same rule.
    places = first_place_keys(columns, record_of)
    return [
        [p for p in pairs if 2 <= counts[p] <= PAIR_BLOCK_CAP] + place
        for pairs, place in zip(per_row, places, strict=True)
    ]


def _quiet_splink() -> None:
    logging.getLogger("splink").setLevel(logging.WARNING)


def _term_frequencies(columns: Mapping[str, list[Any]], top: int) -> dict[str, dict[str, float]]:
    from collections import Counter

    result: dict[str, dict[str, float]] = {}
    for column in _TF_COLUMNS:
        counts = Counter(v for v in columns[column] if v is not None)
        total = sum(counts.values()) or 1
        result[column] = {key: n / total for key, n in counts.most_common(top)}
    return result


def mark_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> Sequence[Mapping[str, str]]:
    """``records`` with what each list says of itself as a whole marked on its records (its
    spelling, its years, its ages): ``link`` and the review's ``score_pairs`` read alike."""
    # A Kurdish group's list has all its Latin names read in Kurmanji spelling (c ج, x خ,
    # û و); its ş and ç then tell no Turkish list.
    records = mark_kurmanji_lists(records, sources)
    # A list copied out of PDFs whose text layer holds lines in visual order («دمحم»).
    records = mark_visual_order_lists(records, sources)
    # A list typed from Turkish papers has all its Latin names read in Turkish spelling.
    records = mark_turkish_lists(records, sources)
    # So is a list typed from German or Dutch papers in their spelling (j ي, ch خ, oe u).
    records = mark_germanic_lists(records, sources)
    # A list written through the Greek alphabet has its Latin names read the Greek route's way.
    records = mark_greek_lists(records, sources)
    # … and one written through the Russian alphabet the Russian route's way.
    records = mark_russian_lists(records, sources)
    # A list written by Italian and Spanish offices is also read in both spellings.
    records = mark_romance_lists(records, sources)
    # A list that writes "Mme" before its women's names reads its "M." as Monsieur.
    records = mark_civility_lists(records, sources)
    # A list that writes years of birth of two digits («85») says so by their values.
    records = mark_two_digit_years(records, sources)
    # A list whose years show OCR's damage («1470») reads a digit apart as one misread.
    records = mark_ocr_years(records, sources)
    # A list whose names show dots misread («محموذ») reads a seldom spelling by its shape.
    records = mark_dotted_names(records, sources)
    # A list whose ages were taken years after the arrest (relatives' messages) says so.
    records = mark_late_ages(records, sources)
    # … and one whose dated ages are at the arrest for some, at the message for others.
    records = mark_either_date_ages(records, sources)
    # A list that gives ages without dates says by its dated records when its arrests were.
    records = mark_arrest_spans(records, sources)
    # A list of posts reads a Latin kunya bare after a name aside first (``features``).
    records = mark_post_lists(records, sources)
    # A list whose office registers people under their father's name says so by its records.
    records = mark_father_surname_lists(records, sources)
    # A list whose dates show the month first ("04/17/2013") reads 04/07/2013 as 7 April.
    records = mark_month_first_lists(records, sources)
    # A list that dates in Hijri («12/5/1434 هـ») reads its dates without «هـ» as Hijri too.
    records = mark_hijri_lists(records, sources)
    # A list written as speech says names (مهمد, الختيب) reads them back by the lists' names.
    records = mark_speech_lists(records, sources)
    # A list that writes four-part names without a family name says so by their share.
    records = mark_lineage_lists(records, sources)
    return records


# A list whose records' names are in Arabic letters for at least this share of them and in Latin
# letters for at least as much was merged from two sheets, one per script (a defender pasting a
# committee's Arabic sheet and a coordinator's English one into one file): the same person in
# both sheets is two lists' records, not one list repeating a person (``_cannot_link``).
SCRIPT_SHEET_SHARE = 0.2
_NAME_COLUMNS = ("full_name", "first_name", "father_name", "family_name")


def sheets_by_script(records: Sequence[Mapping[str, str]], sources: Sequence[str]) -> list[str]:
    """``sources`` with each list written in both scripts (``SCRIPT_SHEET_SHARE``) told apart
    by the script of each record's names, as two sheets of it."""
    arabic = [
        any(contains_arabic(record.get(column) or "") for column in _NAME_COLUMNS)
        for record in records
    ]
    counts: dict[str, list[int]] = {}
    for source, is_arabic in zip(sources, arabic, strict=True):
        count = counts.setdefault(source, [0, 0])
        count[is_arabic] += 1
    mixed = {
        source
        for source, (latin, arabic_count) in counts.items()
        if min(latin, arabic_count) >= SCRIPT_SHEET_SHARE * (latin + arabic_count)
    }
    if not mixed:
        return list(sources)
    return [
        f"{source}\x00{'ar' if is_arabic else 'latin'}" if source in mixed else source
        for source, is_arabic in zip(sources, arabic, strict=True)
    ]


def link(
    records: Iterable[Mapping[str, str]],
    threshold: float = DEFAULT_THRESHOLD,
    model: Model | None = None,
    *,
    keep_pairs_above: float | None = None,
    estimate_u: bool = True,
    memory_limit: str | None = "4GB",
    threads: int | None = None,
    progress: Callable[[str], None] | None = None,
    sources: Sequence[str] | None = None,
) -> LinkResult:
    """Cluster records of the same person; return each record's cluster and the scored pairs.

    ``records`` are mappings with the list header names (``first_name``, ``father_name`` …).
    Clusters are built by average linkage (``_average_linkage``): two groups of records are
    joined when the pairs between them have a mean match weight of at least that of
    ``threshold`` (log2 of P/(1 − P)), a pair that was not scored counting as −5 (about 3 %).
    Pairs at or above ``keep_pairs_above`` (default: ``threshold``) are returned for review.
    With ``estimate_u`` the u probabilities are re-estimated on the input by random sampling
    (when it has at least 2,000 records), so that what is common in this input counts as weak
    evidence.
    A full name written without any sign of its order is read both ways when neither is clearly
    likelier; a pair of records takes its best pair of readings, less the odds of a less likely
    reading. ``sources`` (one name per record, the list it came from) lets the clustering keep
    apart two records of the same list whose given names or birth years clearly differ: a list
    repeats a person seldom, and siblings or namesakes often (``_clearly_different``).
    """
    _quiet_splink()
    model = model or default_model()
    report = _Stopwatch(progress)
    items: set[tuple[int, int]] = set()
    if sources is not None:
        records = records if isinstance(records, Sequence) else list(records)
        if len(sources) != len(records):
            raise ValueError("link: one source per record")
        records = mark_lists(records, sources)
        # Two identifications of one photograph are one person (``items``).
        items = same_item_pairs(records, sources)
        # A list merged from an Arabic and a Latin sheet repeats its people across them.
        sources = sheets_by_script(records, sources)
    rows = _columns(records, threads)
    del records  # the records' dictionaries are not needed past their features
    count = len(rows.traits)
    report(f"features of {count} records ({len(rows.record)} readings)")
    if count == 0:
        return LinkResult([], [], {})
    with tempfile.TemporaryDirectory(prefix="mizan-link-") as spill:
        return _link(
            rows,
            list(sources) if sources is not None else None,
            threshold,
            model,
            keep_pairs_above,
            estimate_u,
            _duckdb_api(memory_limit, threads, spill),
            report,
            items,
        )


def _link(
    rows: _Rows,
    sources: list[str] | None,
    threshold: float,
    model: Model,
    keep_pairs_above: float | None,
    estimate_u: bool,
    db_api: Any,
    report: _Stopwatch,
    items: set[tuple[int, int]] | None = None,
) -> LinkResult:
    from splink import Linker

    count = len(rows.traits)
    columns = rows.columns
    columns["name_pairs"] = _name_pairs(columns, rows.record)
    table = db_api.register(columns, dataset_display_name="records")
    frequencies = _term_frequencies(columns, top=5000)
    columns.clear()  # DuckDB holds its own copy from here on
    settings = model.settings_for(count)
    # Only the pairs' weights are read back: the compared values are left out of splink's table.
    settings["retain_matching_columns"] = False
    linker = Linker(table, settings, log_level=logging.WARNING)
    if estimate_u and count >= 2000:
        linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    report("u probabilities")
    keep = threshold if keep_pairs_above is None else keep_pairs_above
    # Clustering needs every pair down to the weight an unscored pair is given.
    floor = min(_weight(keep), UNSCORED_WEIGHT)
    connection = db_api.duckdb_con
    pairs_sql = _candidate_pairs_sql(settings["blocking_rules_to_generate_predictions"], "records")
    if pairs_sql is not None:
        connection.execute(f"CREATE TABLE mizan_candidate_pairs AS {pairs_sql}")
        registered = linker.table_management.register_blocked_pairs_for_predict(
            db_api.register("mizan_candidate_pairs")
        )
        # Scored as splink scores the pairs of its own blocking: a registered table is
        # otherwise scored against copies of the records it names (splink's "source pruning"),
        # two copies of nearly every record here, for the same weights.
        registered.metadata["registered_for_predict"] = False
    predictions = linker.inference.predict(threshold_match_weight=floor, warning_mode="never")
    scored = (
        predictions.as_duckdbpyrelation()
        .select("unique_id_l, unique_id_r, match_weight")
        .fetchall()
    )
    # DuckDB's tables are let go before the pairs are taken in hand.
    predictions.drop_table_from_database_and_remove_from_cache()
    connection.execute("DROP TABLE IF EXISTS mizan_candidate_pairs")
    best = _best_readings(scored, rows, floor)
    for pair in items or ():
        best[pair] = max(best.get(pair, -math.inf), CAPPED_WEIGHT)
    report(f"{len(best)} pairs scored")
    refuse = _cannot_link(
        rows.traits,
        sources,
        _weight(threshold) + SAME_LIST_MARGIN,
        _weight(threshold),
        items,
    )
    clustered = best
    if refuse is not None:
        ambiguous = _ambiguous_pairs(best, _weight(threshold), refuse, rows.traits)
        clustered = {pair: w for pair, w in best.items() if pair not in ambiguous}
    representative = _average_linkage(
        count,
        [(a, b, w) for (a, b), w in clustered.items()],
        _weight(threshold),
        refuse,
    )
    report("clusters")
    numbering: dict[int, int] = {}
    clusters = [numbering.setdefault(r, len(numbering) + 1) for r in representative]
    pairs = [
        ScoredPair(left, right, _probability(weight), weight)
        for (left, right), weight in sorted(best.items())
        if _probability(weight) >= keep
    ]
    return LinkResult(clusters, pairs, frequencies)


# What ``_candidate_pairs_sql`` knows of a splink blocking rule; a rule with any other setting
# (salting, say) leaves the blocking to splink.
_RULE_KEYS = frozenset({"blocking_rule", "sql_dialect", "arrays_to_explode"})


def _candidate_pairs_sql(rules: Sequence[Mapping[str, Any]], table: str) -> str | None:
    """The pairs of rows of ``table`` that splink's blocking would score, as splink's blocked
    pairs (``match_key``: the first rule that finds the pair, ``join_key_l`` < ``join_key_r``).

    Splink joins rule by rule, each keeping out the pairs an earlier rule found by testing
    every earlier rule's condition on each of its pairs: at 100,000 records 12 s of the 21 s
    its scoring takes. The same pairs are each rule's plain join, all rules' pairs together
    and each pair once (a pair an earlier rule finds is one that meets its condition). A rule
    exploding a list column (``arrays_to_explode``) joins the rows once per element, as
    splink does. ``None`` if a rule holds a setting this does not read."""
    if not rules or any(set(rule) - _RULE_KEYS for rule in rules):
        return None
    # The SQL is the model's own blocking rules (``model.blocking_rules``), no input's text.
    joins = []
    for number, rule in enumerate(rules):
        source = table
        exploded = list(rule.get("arrays_to_explode") or ())
        if exploded:
            kept = ", ".join(f'"{column}"' for column in exploded)
            elements = ", ".join(f'unnest("{column}") AS "{column}"' for column in exploded)
            source = f"(SELECT * EXCLUDE ({kept}), {elements} FROM {table})"  # noqa: S608
        joins.append(
            f"SELECT {number} AS rule, l.unique_id AS id_l, r.unique_id AS id_r"  # noqa: S608
            f" FROM {source} AS l JOIN {source} AS r ON ({rule['blocking_rule']})"
            " WHERE l.unique_id < r.unique_id"
        )
    # The rule's number, not its text, is compared: «10» comes after «2».
    union = " UNION ALL ".join(joins)
    return (
        "SELECT CAST(min(rule) AS VARCHAR) AS match_key,"  # noqa: S608
        f" id_l AS join_key_l, id_r AS join_key_r FROM ({union}) GROUP BY id_l, id_r"
    )


def _best_readings(
    scored: Iterable[tuple[Any, Any, Any]], rows: _Rows, floor: float
) -> dict[tuple[int, int], float]:
    """Each pair of records' weight: that of its best pair of readings, each reading's log2-odds
    added (two readings of one record are not a pair)."""
    record, odds, nisbas, origins = rows.record, rows.odds, rows.nisbas, rows.origins
    best: dict[tuple[int, int], float] = {}
    for row_a, row_b, value in scored:
        a, b = record[row_a], record[row_b]
        if a == b:
            continue
        if (nisbas[row_a] or nisbas[row_b]) and _nisba_rows_apart(
            nisbas[row_a], origins[a], nisbas[row_b], origins[b]
        ):
            continue
        weight = float(value) + odds[row_a] + odds[row_b]
        if weight < floor:
            continue
        key = (a, b) if a < b else (b, a)
        if weight > best.get(key, -math.inf):
            best[key] = weight
    return best


def _nisba_rows_apart(
    nisba_a: str,
    origin_a: tuple[str, frozenset[str]] | None,
    nisba_b: str,
    origin_b: tuple[str, frozenset[str]] | None,
) -> bool:
    """Whether a pair of readings, one read without a village's nisba, is no pair to weigh
    (``features.nisba_apart``): the records' names as written are compared instead."""
    return bool(
        (nisba_a and origin_a is not None and nisba_apart(nisba_a, origin_a, origin_b))
        or (nisba_b and origin_b is not None and nisba_apart(nisba_b, origin_b, origin_a))
    )


def _probability(weight: float) -> float:
    return float(1.0 / (1.0 + 2.0 ** (-weight)))


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are at most one letter inserted, dropped or replaced apart."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        return a[start + 1 :] == b[start + 1 :]
    return a[start:] == b[start + 1 :]


def _both_common(count_a: int, count_b: int) -> bool:
    """Whether two spellings one letter apart are two names, not one misread by OCR: both
    written at least ``COMMON_COUNT`` times and the rarer at least 1/``OCR_RATIO`` as often as
    the other, as the model's OCR level reads them (عمر/عامر two names; محهد beside محمد one)."""
    least, most = min(count_a, count_b), max(count_a, count_b)
    return least >= COMMON_COUNT and least * OCR_RATIO > most


# The key of «أبو» (``abw``), which a kunya's key begins with.
_ABU_KEY = name_key("أبو")


def _kunya_key(key: str | None) -> bool:
    """Whether a first name's key is a kunya's (أبو جمال, Abu Jamal: ``abw…``)."""
    return key is not None and key.startswith(_ABU_KEY) and len(key) > len(_ABU_KEY)


def _different_name(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Two names (``_traits``) that no spelling, dot or transliteration explains, nor one letter
    misread by OCR unless both spellings are common in the lists (``_both_common``: حسن and
    حسين are two names; امر is سامر misread)."""
    key_a, rasm_a, loose_a, count_a, spellings_a = a
    key_b, rasm_b, loose_b, count_b, spellings_b = b
    if key_a is None or key_b is None or key_a == key_b:
        return False
    if ({key_a} | spellings_a) & ({key_b} | spellings_b):
        # One name in two offices' spellings (Chalil and Khalil, Rijad and Riad, Alomar and
        # Al-Omar): the pair's score read them so already (``features.spelling_keys``).
        return False
    if rasm_a is not None and rasm_a == rasm_b:
        return False
    if not _both_common(count_a, count_b):
        if _one_edit(key_a, key_b):
            return False
        if rasm_a is not None and rasm_b is not None and _one_edit(rasm_a, rasm_b):
            return False
    # The loose key forgives the dots of an Arabic spelling (misread by OCR); between two Latin
    # spellings (Hawrany, Hidjazi: both "hdb") it would only join different names.
    return (rasm_a is None and rasm_b is None) or loose_a != loose_b


# Two records of one list share a cluster only if their own pair scores at least this much
# above the threshold weight: not through a third record alone (a UN record without the
# father's name links to two namesakes of the families' list).
SAME_LIST_MARGIN = 4.0
# Two records of one list whose birth years are further apart than this are two people.
SAME_LIST_YEARS = 5
# … and two records of two lists, met only through others, further apart than this (a list's
# ages taken later put its years off by up to eight, ``model.BLOCKING_YEARS``; 5 cost sets 2
# 0.002 F1 there, 8 keeps them and still gives set 8 +0.0025).
TWO_LISTS_YEARS = 8


def _different_year(a: int, b: int, years: int = SAME_LIST_YEARS) -> bool:
    """Birth years more than ``years`` apart that one misread digit (OCR reads 1986 as 1936,
    1967 as 1957) or two swapped digits (1979 typed 1997) do not explain."""
    if abs(a - b) <= years:
        return False
    first, second = str(a), str(b)
    differ = [i for i, (x, y) in enumerate(zip(first, second, strict=False)) if x != y]
    if len(first) == len(second) and len(differ) == 2 and differ[1] == differ[0] + 1:
        # Two digits typed the other way round (1979 for 1997), the commonest typing slip.
        i = differ[0]
        return not (first[i] == second[i + 1] and first[i + 1] == second[i])
    return len(differ) > 1


def _same_full_name(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Whether two records (``_traits``) give the same first, father's and family names, the
    family name one family's in Arabic: two brothers never share a first name, so within one
    list that is one person written twice («انس جمال صزات» twice), not a sibling or a namesake met
    through a third record. A family name many write (محمد أحمد الحسن) has namesakes."""
    if not (a[_RARE] and b[_RARE]):
        return False
    return all(a[k][0] is not None and a[k][0] == b[k][0] for k in _FULL_NAME)


def _father_as_family(
    a: tuple[Any, ...],
    b: tuple[Any, ...],
    fits: Mapping[tuple[Any, Any], list[tuple[Any, ...]]] | None = None,
) -> bool:
    """Whether one record (``_traits``) writes two names where the other writes the same first
    name, that second name as the father's, and a family name: «mostafa 3omar» and «mo9tafa
    3omar el3alwan», a post giving the name and the father's only (issue 15, set 10). With
    ``fits`` (``_full_names``, of the records' list), only when the other is the one full name
    of the list that fits, its year of birth not far from the record's: beside «أحمد حسن
    الخليل» and «أحمد حسن العمر», which «أحمد حسن» is, is not known."""
    for one, other in ((a, b), (b, a)):
        if (
            one[_FATHER][0] is None
            and one[_FAMILY][0] is not None
            and _same_spelling(one[_FAMILY], other[_FATHER])
            and one[0][0] is not None
            and _same_spelling(one[0], other[0])
        ):
            if fits is None:
                return True
            year = one[_YEAR]
            found: list[tuple[Any, ...]] = []
            for family, other_year in fits.get((one[0][0], one[_FAMILY][0]), ()):
                if (
                    year is not None
                    and other_year is not None
                    and _different_year(year, other_year)
                ):
                    continue
                if all(_different_name(family, each) for each in found):
                    found.append(family)
                    if len(found) > 1:
                        return False
            return True
    return False


def _same_spelling(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Whether two names (``_traits``) have one key, or one key in either way a European office
    spells a Latin name (``features.spelling_keys``: Chalil and Khalil)."""
    if a[0] is None or b[0] is None:
        return False
    return a[0] == b[0] or bool(({a[0]} | a[4]) & ({b[0]} | b[4]))


def _married_name(a: tuple[Any, ...], b: tuple[Any, ...], differ: list[int]) -> bool:
    """Whether only the family names of two records (``_traits``) differ, both written in Latin
    letters, and one is a woman's (neither a man's): a European asylum office or civil register
    often files a wife under her husband's family name, so that alone does not tell two women
    there; their pair's own score, at least ``direct``, still has to say one person. In Arabic
    a woman keeps her father's family name: two family names are two women (two «فاطمة محمد»)."""
    if differ != [_FAMILY] or "M" in (a[_SEX], b[_SEX]) or "F" not in (a[_SEX], b[_SEX]):
        return False
    # A Latin spelling has no Arabic skeleton (``_different_name``'s rasm).
    return a[_FAMILY][1] is None and b[_FAMILY][1] is None


def _four_part_name(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Whether one record (``_traits``) gives a four-part name without a family name, its
    last word a given name where the other gives a family name (``features.LINEAGE_FAMILY``:
    «Moustafa Abdallah Gamil Esmail» and «Mostafa Abdalla Gamil El Khawlany»; only in a list
    that writes such names, ``features.LINEAGE_LIST``), and both give the same first, father's
    and grandfather's name: a list that writes some names so repeats a person in both forms.
    Cousins named after their grandfather have two fathers; two brothers never share a first
    name."""
    for one, other in ((a, b), (b, a)):
        if not one[_LINEAGE] or other[_LINEAGE]:
            continue
        if not (_same_spelling(one[0], other[0]) and _same_spelling(one[_FATHER], other[_FATHER])):
            continue
        # The grandfather's name on both sides, agreeing: «محمد أحمد حسن علي» and «محمد أحمد
        # الخطيب» are two namesakes of one town (علي a family name as common as الخطيب).
        grandfather = _FATHER + 1
        if other[grandfather][0] is not None and _same_spelling(
            one[grandfather], other[grandfather]
        ):
            return True
    return False


def _full_names(
    traits: Sequence[tuple[Any, ...]], sources: Sequence[str]
) -> dict[str, dict[tuple[Any, Any], list[tuple[Any, ...]]]]:
    """For each list, the family names (``_traits``) and years of birth its records give with
    each first and father's name (``_father_as_family``): one full name written twice, or its
    family name spelled two ways («el3alwan», «Alwan»), is one; one born years apart another's."""
    families: dict[str, dict[tuple[Any, Any], list[tuple[Any, ...]]]] = {}
    for trait, source in zip(traits, sources, strict=True):
        first, father, family = trait[0][0], trait[_FATHER][0], trait[_FAMILY]
        if first is not None and father is not None and family[0] is not None:
            families.setdefault(source, {}).setdefault((first, father), []).append(
                (family, trait[_YEAR])
            )
    return families


# The traits (``_TRAIT_NAMES``) of first, father's and family name.
_FULL_NAME = (0, 1, 3)
# … and where ``_traits`` says whether the family name is one family's, then the year of birth,
# the national number, the age remembered without a date, the year of arrest and the years of
# arrest the record's list gives (``features.mark_arrest_spans``).
_RARE = len(_TRAIT_NAMES)
_YEAR, _NATIONAL_ID, _AGE, _ARREST, _SPAN, _ESTIMATE, _SEX, _MONTH, _MAIDEN, _LINEAGE = (
    _RARE + k for k in range(1, 11)
)
_ARREST_LOOSE = _LINEAGE + 1
_MOTHER_FAMILY = _ARREST_LOOSE + 1

# Years of arrest this far apart are two arrests: two people, or one person's two arrests that
# nothing else in the pair tells apart from a namesake's (``_arrests_apart``).
ARREST_YEARS_APART = 2


def _arrests_apart(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Whether two records date two arrests: years of arrest at least ``ARREST_YEARS_APART``
    apart, neither remembered, an arrest at the border on return nor a date at a place of
    detention or trial (``_traits``: a prison's register dates a transfer years later). The model
    weighs such a pair −6 bits ("different"), yet a record that gives no date of arrest joins
    both to one cluster, and two namesakes of common names then share it (issue 15: in every
    tuning set, records of two lists a weak pair or a third record joined with years of arrest
    two or more apart were two people 53 times in 54)."""
    year_a, year_b = a[_ARREST], b[_ARREST]
    if year_a is None or year_b is None or a[_ARREST_LOOSE] or b[_ARREST_LOOSE]:
        return False
    return bool(abs(year_a - year_b) >= ARREST_YEARS_APART)


def _family_only(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Whether two records of one list (``_traits``) agree only as a family does: one gives no
    first name (a cell «(غير مقروء)» in a handwritten ledger, or none) where the other gives
    one, their father's and family names agree, and nothing of their own does — neither years
    of birth within ``OWN_YEARS``, nor one month of arrest. The first name is what tells two
    brothers apart; without it, the father, grandfather, family and mother names and the
    birth place they share are one family's evidence counted as one person's (issue 15, set
    13: a ledger's «(غير مقروء) أحمد غسان الأحمد» 1968 beside his brother «غسان أحمد غسان
    الأحمذ» 1970, +6.2)."""
    if (a[0][0] is None) == (b[0][0] is None):
        return False
    if any(a[k][0] is None or b[k][0] is None for k in (_FATHER, _FAMILY)):
        return False
    if _different_name(a[_FATHER], b[_FATHER]) or _different_name(a[_FAMILY], b[_FAMILY]):
        return False
    year_a, year_b = a[_YEAR], b[_YEAR]
    if year_a is not None and year_b is not None and abs(year_a - year_b) <= OWN_YEARS:
        return False
    return a[_MONTH] is None or a[_MONTH] != b[_MONTH]


# Years of birth this close are one person's evidence, not a family's (``_family_only``).
OWN_YEARS = 1


def _ages_apart(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Whether one record's age remembered without a date and the other's years of birth and
    arrest (its own year of arrest, the first's, or else the years of arrest the first's list
    gives) tell two people (``features.age_apart``)."""
    for one, other in ((a, b), (b, a)):
        arrest = other[_ARREST] if other[_ARREST] is not None else one[_ARREST]
        if age_apart(one[_AGE], other[_YEAR], arrest, one[_SPAN]):
            return True
        # As the model reads it: the estimating record's own year of arrest first.
        if _estimate_apart(
            one, other, one[_ARREST] if one[_ARREST] is not None else other[_ARREST]
        ):
            return True
    return False


def _estimate_apart(one: tuple[Any, ...], other: tuple[Any, ...], arrest: int | None) -> bool:
    """Whether one record's estimated age (``features.estimated_age``), given without a year of
    birth, and the age at arrest the other's years of birth and ``arrest`` give — or else the
    other's estimated age, unless both give a year — tell two people (``model``'s "outside the
    other's estimated age", "two estimated ages apart")."""
    estimate = one[_ESTIMATE]
    if estimate is None or (one[_YEAR] is not None and other[_YEAR] is not None):
        return False
    if one[_YEAR] is None and other[_YEAR] is not None and arrest is not None:
        return not estimate[0] <= arrest - other[_YEAR] <= estimate[1]
    theirs = other[_ESTIMATE]
    return theirs is not None and (estimate[1] < theirs[0] or theirs[1] < estimate[0])


def _nameless(a: tuple[Any, ...]) -> bool:
    """Whether a record's likeliest reading gives no name at all: a man remembered by his
    kunya and his town («أبو محمد العنداني», ``recollection``), which every father of a محمد
    from Andan answers to."""
    return all(a[k][0] is None for k in range(len(_TRAIT_NAMES)))


# A glued compound (نورالهدى, فاطمةالزهراء, امكلثوم) adds at least this many letters to the
# word another list writes alone (نور, فاطمة, كلثوم).
_GLUED_LETTERS = 2


def _glued(rasm_a: str, rasm_b: str) -> bool:
    """Whether one of two Arabic spellings (dotless) is the other with a word run into it before
    or after (نورالهدى and نور, امكلثوم and كلثوم): one name, her compound glued or not."""
    short, long = sorted((rasm_a, rasm_b), key=len)
    if len(long) - len(short) < _GLUED_LETTERS:
        return False
    return long.startswith(short) or long.endswith(short)


# Letters two Latin offices write for one Arabic letter, as their keys read them: ث as th or
# the Levantine s, ذ as dh or z, خ as kh or a Turkish h, ق as q or the Cairene hamza.
_LATIN_SWAPS = frozenset(map(frozenset, ("ts", "dz", "xh", "ka")))


def _near_readings(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Whether two names (``_traits``), one or both in Latin letters, are one name as two
    scripts or offices write it, in some reading of a Latin spelling (``spelling_keys``; their
    long u aside): across scripts keys a letter apart (حياة and Hayat: h, hd; ثناء and Sanaa with
    the Levantine s; قمر and Amar; خديجة and a Turkish list's Hatice), between two Latin
    spellings only a letter two offices write for one Arabic letter (Thanaa and Sanaa) — two
    Latin keys a letter apart are read alike, so it is another name (Souad and Khadi, Chounta
    and Doaa). Not their loose keys: a short name's is a letter from many (غادة's d, Rana's db)."""
    across = (a[1] is None) != (b[1] is None)
    keys_a = {key.replace("w", "") for key in (a[0], *a[4])}
    keys_b = {key.replace("w", "") for key in (b[0], *b[4])}
    for x in keys_a:
        for y in keys_b:
            if across and _one_edit(x, y):
                return True
            if len(x) == len(y) and _one_edit(x, y):
                swapped = {frozenset((p, q)) for p, q in zip(x, y, strict=True) if p != q}
                if swapped <= _LATIN_SWAPS:
                    return True
    return False


def _two_mothers(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Whether two records (``_traits``) surely name two mothers: her given names differ as no
    spelling, dot or misread letter explains (``_different_name``), and the lists write both
    spellings at least ``COMMON_COUNT`` times. A spelling written once or twice is more often a
    cell OCR garbled («مز يم» for مريم) or her name run into her family name («مننرةالعاطف»)
    than another woman. A Latin spelling a letter from the other's keys is one woman, as
    scripts and offices write her (``_near_readings``: حياة/Hayat, ثناء/Sanaa, قمر/Amar); so is
    a kunya in her cell («ام محمد» beside فاطمة, ``features.is_umm_key``) and a compound glued
    in one list and not in another (نورالهدى, فاطمةالزهراء, امكلثوم: ``_glued``)."""
    mother_a, mother_b = a[_MOTHER], b[_MOTHER]
    if is_umm_key(mother_a[0]) or is_umm_key(mother_b[0]):
        return False
    if not _different_name(mother_a, mother_b):
        return mother_a[0] is not None and _two_mother_families(a, b)
    rasm_a, rasm_b = mother_a[1], mother_b[1]
    if rasm_a is not None and rasm_b is not None:
        if _glued(rasm_a, rasm_b):
            return False
    elif _near_readings(mother_a, mother_b):
        return False
    count_a: int = mother_a[3]
    count_b: int = mother_b[3]
    return min(count_a, count_b) >= COMMON_COUNT


def _two_mother_families(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Whether two records (``_traits``) that give one first name of the mother give her two
    family names (``features.mother_family``) that no spelling, dot or misread letter explains
    (``_different_name``), one not inside the other («حاج صالح», «صالح»): two mothers of one
    common first name (two «محمود محمد المحمد» whose mothers are «رنا قدور» and «Rana Al-Rifai»,
    issue 15, set 17)."""
    family_a, family_b = a[_MOTHER_FAMILY], b[_MOTHER_FAMILY]
    key_a, key_b = family_a[0], family_b[0]
    if key_a is None or key_b is None or key_a in key_b or key_b in key_a:
        return False
    if _one_edit(key_a, key_b):
        return False
    rasm_a, rasm_b = family_a[1], family_b[1]
    if rasm_a is not None and rasm_b is not None and _one_edit(rasm_a, rasm_b):
        return False
    return _different_name(family_a, family_b)


def _two_fathers(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Whether two records (``_traits``) name two fathers, as ``_two_mothers`` two mothers: his
    given names differ as ``_different_name`` reads them and the lists write both spellings at
    least ``COMMON_COUNT`` times — but not one letter apart (OCR's محد and محمذ for محمد, a
    Kurmanji x read غ or خ, are as common as the names they misread: the father's names are the
    commonest the lists write), nor one the other's beginning (a double name or a father and
    his father in one cell: «محمد خير» beside «محمد»), nor either one the other record's first,
    grandfather's or family name (a rank, title or kunya read as a given name, or a name read
    family first, shifts the father by one place)."""
    father_a, father_b = a[_FATHER], b[_FATHER]
    if not _different_name(father_a, father_b):
        return False
    key_a, rasm_a, _loose_a, count_a, _ = father_a
    key_b, rasm_b, _loose_b, count_b, _ = father_b
    if min(count_a, count_b) < COMMON_COUNT:
        return False
    if key_a.startswith(key_b) or key_b.startswith(key_a) or _one_edit(key_a, key_b):
        return False
    if rasm_a is not None and rasm_b is not None and _one_edit(rasm_a, rasm_b):
        return False
    for one, other in ((a, b), (b, a)):
        grandfather, family = one[_FATHER + 1][0], other[_FAMILY][0]
        if grandfather is not None and other[_FATHER][0].endswith(grandfather):
            # A double name read as the father and his father («Abdoel Qader»: عبد القادر).
            return False
        if family is not None and family.startswith(one[_FATHER][0]):
            # A family name's first word read as the father's («Tareq HADJDJ RADWAN»).
            return False
        for k in _SHIFTED_FATHER:
            if other[k][0] is not None and not _different_name(one[_FATHER], other[k]):
                return False
    return True


def _siblings(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Whether two records (``_traits``) name one father and family but two given names, as
    ``_two_fathers`` reads two fathers: both spellings common (``COMMON_COUNT``), neither one
    letter from the other nor its beginning (a double name «محمد فراس» beside «فراس»: its other
    half), neither a kunya, nor either given name the other record's father's, grandfather's or
    family name (a name read one place off)."""
    first_a, first_b = a[0], b[0]
    if a[_FATHER][0] is None or b[_FATHER][0] is None or _different_name(a[_FATHER], b[_FATHER]):
        return False
    if a[_FAMILY][0] is None or b[_FAMILY][0] is None or _different_name(a[_FAMILY], b[_FAMILY]):
        return False
    if not _different_name(first_a, first_b):
        return False
    key_a, rasm_a, _loose_a, count_a, _ = first_a
    key_b, rasm_b, _loose_b, count_b, _ = first_b
    if _kunya_key(key_a) or _kunya_key(key_b) or min(count_a, count_b) < COMMON_COUNT:
        return False
    if key_a.startswith(key_b) or key_b.startswith(key_a) or key_a.endswith(key_b):
        return False
    if key_b.endswith(key_a) or _one_edit(key_a, key_b):
        return False
    if rasm_a is not None and rasm_b is not None and _one_edit(rasm_a, rasm_b):
        return False
    for one, other in ((a, b), (b, a)):
        for k in (_FATHER, _FATHER + 1, _FAMILY):
            if other[k][0] is not None and not _different_name(one[0], other[k]):
                return False
    return True


# Where a father's name read one place off stands in the other record (``_two_fathers``): its
# first, grandfather's and family name.
_SHIFTED_FATHER = (0, _FATHER + 1, _FAMILY)


def _one_list(a: str, b: str) -> bool:
    """Whether two sources are two sheets of one list (``sheets_by_script``)."""
    return a.split("\x00")[0] == b.split("\x00")[0]


def _cannot_link(
    traits: list[tuple[Any, ...]],
    sources: list[str] | None,
    direct: float,
    threshold: float = -math.inf,
    items: set[tuple[int, int]] | None = None,
) -> Callable[[int, int, float | None], bool] | None:
    """Whether two records may never share a cluster: from the same list, not with the same
    national number, with clearly different first, father's, grandfather's, family or mother's
    names (``_different_name``) or birth years (``_different_year``). Average linkage
    alone joins two siblings or namesakes of one list once each is linked to a third record
    that lacks the names telling them apart (a UN record without the father's name). Two
    records of two lists may not share one either when their birth years lie more than
    ``TWO_LISTS_YEARS`` apart and their own pair scores below ``direct``, nor when one gives
    an age remembered without a date far from the age the other's years give
    (``_ages_apart``), nor when they name two mothers (``_two_mothers``) or two fathers
    (``_two_fathers``). A record that gives
    no name (a kunya and a town, ``_nameless``) shares
    no cluster with another record of its list. Two identifications of one item (``items``,
    pairs low, high) are never refused."""
    if sources is None:
        return None
    same_item = items or set()
    full_names = _full_names(traits, sources)

    def refuse(i: int, j: int, weight: float | None) -> bool:
        a, b = traits[i], traits[j]
        # Two sheets of one list (``sheets_by_script``): as one list's records, but their own
        # pair at the threshold is enough, not ``direct`` (their names are in two scripts, and
        # the sheets were made apart: one person in both is no list repeating him).
        sheets = sources[i] != sources[j] and _one_list(sources[i], sources[j])
        if sources[i] != sources[j] and not sheets:
            # Two lists: only birth years far apart, and only when the records' own pair is
            # weaker than ``direct``: a third record without a year joined them (set 8's
            # «محمد مصطفى العلي» 1991 and «Muhammad Umar AL ALI» 1973 through «محمد ابن عمر
            # العلي»). A strong pair of their own is one person, a year misread.
            if weight is not None and weight >= direct:
                return False
            if _two_mothers(a, b):
                # Two mothers: cousins or namesakes, each met through a record that names no
                # mother (set 8's «محمد أحمد الرفاعي», mothers رشا and وفاء).
                return a[_NATIONAL_ID] is None or a[_NATIONAL_ID] != b[_NATIONAL_ID]
            if _two_fathers(a, b):
                # Two fathers: cousins or namesakes, as two mothers.
                return a[_NATIONAL_ID] is None or a[_NATIONAL_ID] != b[_NATIONAL_ID]
            if _siblings(a, b):
                # One father and family, two given names: brothers or sisters, whose mother,
                # birthplace and arrest (taken together) agree as one person's would.
                return a[_NATIONAL_ID] is None or a[_NATIONAL_ID] != b[_NATIONAL_ID]
            if _ages_apart(a, b) or _arrests_apart(a, b):
                # An age remembered without a date, far from the one the other's years give;
                # two arrests years apart.
                return a[_NATIONAL_ID] is None or a[_NATIONAL_ID] != b[_NATIONAL_ID]
            year_a, year_b = a[_YEAR], b[_YEAR]
            if year_a is None or year_b is None:
                return False
            if not _different_year(year_a, year_b, TWO_LISTS_YEARS):
                return False
            return a[_NATIONAL_ID] is None or a[_NATIONAL_ID] != b[_NATIONAL_ID]
        if (i, j) in same_item or (j, i) in same_item:
            # Two identifications of one photograph are one person — unless the relatives named
            # two different people: a disputed identification is left apart, for a person to
            # review, not decided by the photograph's number. A kunya (أبو جمال) where the other
            # gives a first name (ناصر) is no dispute; years of birth far apart are (a father
            # and his son of the same name, in a household list numbered by member).
            year_a, year_b = a[_YEAR], b[_YEAR]
            if year_a is not None and year_b is not None and _different_year(year_a, year_b):
                return True
            return any(
                _different_name(a[k], b[k])
                for k in range(len(_TRAIT_NAMES))
                if k != 0 or (not _kunya_key(a[0][0]) and not _kunya_key(b[0][0]))
            )
        if a[_NATIONAL_ID] is not None and a[_NATIONAL_ID] == b[_NATIONAL_ID]:
            return False  # the same national number: one person, however OCR read the rest
        if _nameless(a) or _nameless(b):
            # A kunya and a town (no name): a list that repeats a person seldom holds many
            # fathers of a محمد from one town; nothing in two such records tells one man.
            return True
        if weight is None or weight < threshold:
            return True
        if weight < direct and not sheets and not _same_full_name(a, b):
            return True
        differ = [k for k in range(len(_TRAIT_NAMES)) if _different_name(a[k], b[k])]
        if differ and not (
            differ == [_FAMILY]
            and (
                _father_as_family(a, b, full_names.get(sources[i], {}))
                or _married_name(a, b, differ)
                or _four_part_name(a, b)
            )
        ):
            return True
        year_a, year_b = a[_YEAR], b[_YEAR]
        if year_a is not None and year_b is not None and _different_year(year_a, year_b):
            return True
        if _arrests_apart(a, b):
            return True
        if _family_only(a, b):
            return True
        maiden_a, maiden_b = a[_MAIDEN], b[_MAIDEN]
        if maiden_a and maiden_b and maiden_a != maiden_b and not _one_edit(maiden_a, maiden_b):
            # Two maiden names: two women born to two families, though one's husband's family
            # name is the other's own (``features.MAIDEN_NAME_ODDS`` compares her under both).
            return True
        return _ages_apart(a, b)

    return refuse


def _weight(probability: float) -> float:
    probability = min(max(probability, 1e-12), 1 - 1e-12)
    return math.log2(probability / (1 - probability))


# A weak pair (under the threshold weight plus this) of a record that fits two people as well
# (``_ambiguous_pairs``)…
AMBIGUOUS_MARGIN = 1.0
# … the other pair at most this much weaker.
AMBIGUOUS_SPREAD = 0.25


def _sparse(a: tuple[Any, ...]) -> bool:
    """Whether a record gives a first and a family name and no other name that tells one of
    their namesakes from another: no father's, grandfather's or mother's name, no national
    number (a cellmate's «أحمد الحلبي»). A year of birth does not tell them: the lists hold
    many «محمد الزعبي» born in one year."""
    return (
        a[0][0] is not None
        and a[_FAMILY][0] is not None
        and all(a[k][0] is None for k in (_FATHER, 2, _MOTHER))
        and a[_NATIONAL_ID] is None
    )


def _ambiguous_pairs(
    weights: Mapping[tuple[int, int], float],
    threshold_weight: float,
    cannot_link: Callable[[int, int, float | None], bool],
    traits: Sequence[tuple[Any, ...]] | None = None,
) -> set[tuple[int, int]]:
    """The weak pairs of records that fit two people as well: a record (a web form's
    «mohamad shehadeh», no father's name, no year) whose pair with one record scores under
    ``threshold_weight + AMBIGUOUS_MARGIN`` while its pair with another record, one that may
    not share a cluster with the first (``cannot_link``: two brothers of one list, two
    namesakes naming two fathers), scores at least as well (``AMBIGUOUS_SPREAD``). What the
    sparse record gives fits both; average linkage would join it to whichever came first, a
    namesake as often as not (issue 15: such pairs were one person about half the time in the
    tuning sets). A strong pair is kept: its own evidence tells which. A sparse record (only a
    first and a family name: no father's, grandfather's or mother's name, no year, no national
    number, ``_sparse``) fits two people too when its two partners' own pair is under
    ``threshold_weight`` or was not scored, though nothing refuses them: two lists' «أحمد محمد
    الحلبي» and «أحمد خالد الحلبي» that no rule compared."""
    partners: dict[int, dict[int, float]] = {}
    for (a, b), value in weights.items():
        if value >= threshold_weight:
            partners.setdefault(a, {})[b] = value
            partners.setdefault(b, {})[a] = value
    dropped: set[tuple[int, int]] = set()
    for record, theirs in partners.items():
        if len(theirs) < 2:
            continue
        sparse = traits is not None and _sparse(traits[record])
        for one, value in theirs.items():
            if value >= threshold_weight + AMBIGUOUS_MARGIN:
                continue
            for other, other_value in theirs.items():
                if other == one or other_value < value - AMBIGUOUS_SPREAD:
                    continue
                low, high = (one, other) if one < other else (other, one)
                between = weights.get((low, high))
                if cannot_link(low, high, between) or (
                    sparse and (between is None or between < threshold_weight)
                ):
                    dropped.add((record, one) if record < one else (one, record))
                    break
    return dropped


def _average_linkage(
    count: int,
    pairs: list[tuple[int, int, float]],
    threshold_weight: float,
    cannot_link: Callable[[int, int, float | None], bool] | None = None,
) -> list[int]:
    """Each record's group representative, by greedy average linkage over the scored pairs.

    Pairs are taken from the strongest down to ``threshold_weight``; a pair whose records are in
    two different groups joins the groups only if the mean weight of all pairs between them
    (each capped at ``CAPPED_WEIGHT``, an unscored pair counting as ``UNSCORED_WEIGHT``) is at
    least ``threshold_weight``. Connected components would chain: a namesake pair at the
    threshold joins two people's records, and at a million records the threshold low enough for
    sparse true pairs chains thousands of namesakes. Here a group joins another only if the
    pairs between them agree on the whole, so a lone pair cannot join two well-separated groups.
    A group is always connected by pairs at or above the threshold. Two groups holding a pair
    of records that ``cannot_link`` refuses are never joined.
    """
    weight: dict[int, float] = {}
    for left, right, value in pairs:
        low, high = (left, right) if left < right else (right, left)
        weight[low * count + high] = min(value, CAPPED_WEIGHT)
    owner = list(range(count))
    members: dict[int, list[int]] = {}
    candidates = sorted(
        ((value, left, right) for left, right, value in pairs if value >= threshold_weight),
        reverse=True,
    )
    # Groups only grow, so a group is known by its representative and size: two groups refused
    # once are not compared again while neither has changed (many pairs can lie between them).
    refused: set[tuple[int, int, int, int]] = set()
    for _value, left, right in candidates:
        a, b = owner[left], owner[right]
        if a == b:
            continue
        group_a = members.get(a, [a])
        group_b = members.get(b, [b])
        seen = (a, len(group_a), b, len(group_b)) if a < b else (b, len(group_b), a, len(group_a))
        if seen in refused:
            continue
        if cannot_link is not None and any(
            cannot_link(i, j, weight.get(i * count + j if i < j else j * count + i))
            for i in group_a
            for j in group_b
        ):
            refused.add(seen)
            continue
        if len(group_a) + len(group_b) > 2:
            total = 0.0
            for i in group_a:
                for j in group_b:
                    key = i * count + j if i < j else j * count + i
                    total += weight.get(key, UNSCORED_WEIGHT)
            if total < threshold_weight * len(group_a) * len(group_b):
                refused.add(seen)
                continue
        if len(group_a) < len(group_b):
            a, b, group_a, group_b = b, a, group_b, group_a
        group_a.extend(group_b)
        members[a] = group_a
        members.pop(b, None)
        for index in group_b:
            owner[index] = a
    return owner


def train(
    records: Iterable[Mapping[str, str]],
    *,
    recall: float = 0.6,
    trained_on: str = "",
    threads: int | None = None,
) -> Model:
    """Train a model on unlabelled records (no ground truth is used).

    Steps: u probabilities by random sampling; the prior by counting pairs that agree on first,
    father and family name and birth year, taken to find ``recall`` of all matches; m
    probabilities by expectation maximisation in two sessions, each blocked on fields the other
    one trains (``TRAINING_BLOCKS``).
    """
    from splink import Linker, block_on

    _quiet_splink()
    # Every reading is a row, as in ``link`` (the prior is per row).
    columns = _columns(records, threads).columns
    count = len(columns["unique_id"])
    frequencies = _term_frequencies(columns, top=2000)
    db_api = _duckdb_api("8GB", threads)
    table = db_api.register(columns, dataset_display_name="training")
    settings = build_settings()
    linker = Linker(table, settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_k", "father_k", "family_k", "birth_year")], recall=recall
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
    for rule in TRAINING_BLOCKS:
        linker.training.estimate_parameters_using_expectation_maximisation(
            block_on(*rule), estimate_without_term_frequencies=True
        )
    trained = linker.misc.save_model_to_json()
    prior = float(trained["probability_two_random_records_match"])
    return Model(
        settings=trained,
        matches_per_record=prior * (count - 1),
        term_frequencies=frequencies,
        trained_on=trained_on,
    )


def _level_labels(settings: Mapping[str, Any]) -> dict[str, list[str]]:
    labels: dict[str, list[str]] = {}
    for comparison in settings["comparisons"]:
        levels = [lvl for lvl in comparison["comparison_levels"] if not lvl.get("is_null_level")]
        # splink numbers levels from the last (0, "else") up to the first.
        labels[comparison["output_column_name"]] = [
            str(lvl.get("label_for_charts", "")) for lvl in reversed(levels)
        ]
    return labels


def _shown(row: Mapping[str, str], field: str, parts: Mapping[str, str]) -> str:
    value = (row.get(_SHOWN[field]) or "").strip()
    if not value and field in ("first", "father", "grandfather", "family"):
        value = parts[field]
    if not value and field == "birth_place":
        # A register's place of residence, compared in its stead (``lists.RESIDENCE_COLUMN``)
        # when it is a Syrian town (``features.home_residence``), shown as what it is.
        residence = (row.get(RESIDENCE_COLUMN) or "").strip()
        if home_residence(residence):
            value = RESIDENCE_SHOWN.format(place=residence)
    return value


def score_pair(
    a: Mapping[str, str],
    b: Mapping[str, str],
    model: Model | None = None,
    *,
    population: int = 100_000,
    term_frequencies: Mapping[str, Mapping[str, float]] | None = None,
) -> PairScore:
    """Score two records with the model and explain the score field by field.

    ``population`` is how many records the pair was drawn from (it sets the prior);
    ``term_frequencies`` are the name frequencies of that population (``LinkResult`` has them);
    by default, those the model was trained on. A name absent from the table counts as rare.
    """
    return score_pairs(
        [a, b], [(0, 1)], model, population=population, term_frequencies=term_frequencies
    )[0]


SCORE_BATCH = 5000


def _splink_row(features: Mapping[str, Any], number: int) -> dict[str, Any]:
    """A reading's features as splink compares them: without what ``_nisba_rows_apart`` reads."""
    row = {**features, "unique_id": number}
    row.pop(ORIGINS_KEY, None)
    row.pop(NISBA_KEY, None)
    return row


def score_pairs(
    records: Sequence[Mapping[str, str]],
    pairs: Sequence[tuple[int, int]],
    model: Model | None = None,
    *,
    population: int = 100_000,
    term_frequencies: Mapping[str, Mapping[str, float]] | None = None,
    sources: Sequence[str] | None = None,
) -> list[PairScore]:
    """``score_pair`` for many pairs of ``records`` at once (indexes into ``records``).

    One DuckDB query per batch of ``SCORE_BATCH`` pairs instead of one connection and one SQL
    build per pair (about 0.1–0.25 s each): a review run explains thousands of pairs.
    ``sources`` (one list name per record, as ``link`` was given) reads each list as ``link``
    read it (``mark_lists``: its spelling, its two-digit years, its ages).
    """
    from splink.internals.realtime import compare_records

    _quiet_splink()
    model = model or default_model()
    frequencies = term_frequencies if term_frequencies is not None else model.term_frequencies
    settings = model.settings_for(population)
    # The pairs are given: no blocking, and no ``name_pairs`` column for the exploding rule.
    settings["blocking_rules_to_generate_predictions"] = [
        rule
        for rule in settings["blocking_rules_to_generate_predictions"]
        if "arrays_to_explode" not in rule
    ]
    labels = _level_labels(settings)
    prior = settings["probability_two_random_records_match"]
    prior_weight = math.log2(prior / (1 - prior))
    floors = {
        column: min(frequencies.get(column, {}).values(), default=1e-5) for column in _TF_COLUMNS
    }
    featured: dict[int, list[tuple[dict[str, Any], float, dict[str, str]]]] = {}
    if sources is not None:
        if len(sources) != len(records):
            raise ValueError("score_pairs: one source per record")
        records = mark_lists(records, sources)
    # The same readings of each name as ``link`` made of it (its letters learnt first, as there).
    vocabulary = ListVocabulary.of(records)
    vocabulary.learn_letters(records)

    def readings_of(index: int) -> list[tuple[dict[str, Any], float, dict[str, str]]]:
        if index not in featured:
            readings = []
            for features, odds, parts in record_readings(
                records[index], vocabulary, with_parts=True
            ):
                values: dict[str, Any] = dict(features)
                for column in _TF_COLUMNS:
                    value = values[column]
                    table = frequencies.get(column, {})
                    values[f"tf_{column}"] = (
                        None if value is None else table.get(value, floors[column])
                    )
                readings.append((values, odds, parts))
            featured[index] = readings
        return featured[index]

    db_api = _duckdb_api(None, 1)
    scores: list[PairScore] = []
    for start in range(0, len(pairs), SCORE_BATCH):
        batch = pairs[start : start + SCORE_BATCH]
        # Every pair of readings of the two records (one pair for most): the pair is explained by
        # the pair of readings ``link`` took for it, the best once their odds are counted.
        combos: list[tuple[int, int, int]] = []
        left: list[dict[str, Any]] = []
        right: list[dict[str, Any]] = []
        for number, (a, b) in enumerate(batch):
            origin_a = readings_of(a)[0][0].get(ORIGINS_KEY)
            origin_b = readings_of(b)[0][0].get(ORIGINS_KEY)
            for i, (features_a, _odds_a, _parts_a) in enumerate(readings_of(a)):
                for j, (features_b, _odds_b, _parts_b) in enumerate(readings_of(b)):
                    nisba_a, nisba_b = features_a.get(NISBA_KEY, ""), features_b.get(NISBA_KEY, "")
                    if (nisba_a or nisba_b) and _nisba_rows_apart(
                        nisba_a, origin_a, nisba_b, origin_b
                    ):
                        continue
                    left.append(_splink_row(features_a, len(combos)))
                    right.append(_splink_row(features_b, len(combos)))
                    combos.append((number, i, j))
        result = compare_records(
            left, right, settings, db_api, join_condition="l.unique_id = r.unique_id"
        ).as_record_list()
        chosen: dict[int, tuple[float, dict[str, Any], int, int]] = {}
        for row in result:
            number, i, j = combos[int(row["unique_id_l"])]
            a, b = batch[number]
            value = float(row["match_weight"]) + readings_of(a)[i][1] + readings_of(b)[j][1]
            if number not in chosen or value > chosen[number][0]:
                chosen[number] = (value, row, i, j)
        for number, (a, b) in enumerate(batch):
            _value, row, i, j = chosen[number]
            parts_a, parts_b = readings_of(a)[i][2], readings_of(b)[j][2]
            evidence: list[FieldEvidence] = []
            for comparison in settings["comparisons"]:
                name = comparison["output_column_name"]
                gamma = int(row[f"gamma_{name}"])
                if gamma < 0 and name == "initials":
                    continue  # said only of a first name given by its initials
                weight = float(row[f"mw_{name}"]) + float(row.get(f"mw_tf_adj_{name}") or 0.0)
                evidence.append(
                    FieldEvidence(
                        field=name,
                        value_a=_shown(records[a], name, parts_a),
                        value_b=_shown(records[b], name, parts_b),
                        level="missing" if gamma < 0 else labels[name][gamma],
                        weight=round(weight, 3),
                    )
                )
            odds = readings_of(a)[i][1] + readings_of(b)[j][1]
            if odds:
                # A less likely reading of a name (the full name read the other way round, a
                # family name read as the father's): ``link`` weighed the pair less by its odds.
                evidence.append(
                    FieldEvidence(
                        field=READING_FIELD,
                        value_a="",
                        value_b="",
                        level=LESS_LIKELY_READING,
                        weight=round(odds, 3),
                    )
                )
            weight = float(row["match_weight"]) + odds
            scores.append(
                PairScore(
                    probability=_probability(weight),
                    match_weight=weight,
                    prior_weight=prior_weight,
                    fields=tuple(evidence),
                )
            )
    return scores
