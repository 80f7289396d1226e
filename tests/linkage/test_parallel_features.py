"""The records of a large input are read in one process per core (``engine._columns``): the rows
must be exactly those one process reading every record in turn gives, in the same order."""

from __future__ import annotations

import pytest

from mizan.linkage import engine
from mizan.linkage.features import ListVocabulary
from mizan.linkage.synthetic import generate


def _records() -> list[dict[str, str]]:
    lists, _truth = generate(1500, seed=3)
    records = [row for rows in lists.values() for row in rows]
    # Latin words whose letters are read by the lists' counts (``ListVocabulary.letters``): the
    # lists write ذكوان far more often than any Latin spelling, so «Thakwan» and «Dhakwan» are
    # both read as «zakwan», which then counts as the spelling read first. «Thakwan» comes
    # first, in the first slice; the process that starts on the second meets «Dhakwan» first.
    for index in range(4):
        records.insert(0, {"record_id": f"T{index}", "full_name": "Thakwan Khaled Hamwi"})
    # Before any of them, a word OCR split in two: glued only when «zakwan» counts as a word,
    # which it does once a spelling has been read so (found by review: one process read «za»).
    records.insert(0, {"record_id": "Z0", "full_name": "Za kwan Hamwi"})
    for index in (1, 2):
        row = {"record_id": f"L{index}", "full_name": "Dhakwan Khaled Hamwi"}
        records.insert(200 * index, row)  # the second slice (``small_slices``) and a later one
    for index in range(40):
        records.append({"record_id": f"A{index}", "full_name": f"ذكوان خالد الحموي {index}"})
    for index in range(3):  # a family «أبو …» in a family column, in several slices
        row = {"record_id": f"K{index}", "first_name": "خالد", "family_name": "أبو زيد"}
        records.insert(500 * index + 3, row)
    for index, name in enumerate(("9asem", "Tare2", "Adham", "Othman") * 4):
        records.insert(index * 61 + 5, {"record_id": f"M{index}", "full_name": f"{name} Hamwi"})
    return records


@pytest.fixture
def small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    # Several slices per process, and the parallel path taken on a small input.
    monkeypatch.setattr(engine, "PARALLEL_RECORDS", 100)
    monkeypatch.setattr(engine, "_SLICE", 150)


@pytest.mark.usefixtures("small_slices")
def test_two_processes_read_every_record_as_one_does() -> None:
    records = _records()
    one = engine._columns(records, processes=1)
    two = engine._columns(records, processes=2)
    assert len(one.traits) == len(records)
    assert len(one.record) > len(records)  # some records have a second reading
    assert two.columns == one.columns
    assert two.record == one.record
    assert two.odds == one.odds
    assert two.traits == one.traits
    assert two.columns["unique_id"] == list(range(len(one.record)))
    assert engine._SHARED is None  # nothing of the input is kept once read


def test_the_counts_of_slices_add_up_to_the_whole() -> None:
    records = _records()
    whole = ListVocabulary.of(records)
    merged = ListVocabulary.merged(
        ListVocabulary.of(records[i : i + 300]) for i in range(0, len(records), 300)
    )
    for name in ListVocabulary._COUNTS:
        assert list(getattr(merged, name).items()) == list(getattr(whole, name).items()), name
    assert merged.abu_families == whole.abu_families
    assert whole.abu_families  # the lists write a family «أبو …» in a family column


@pytest.mark.usefixtures("small_slices")
def test_a_small_input_stays_in_its_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "PARALLEL_RECORDS", 10_000)

    def no_fork(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a small input must not fork")

    monkeypatch.setattr("multiprocessing.get_context", no_fork)
    rows = engine._columns(_records(), processes=2)
    assert len(rows.traits) == len(_records())


def test_two_threads_read_their_own_records(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two links at once in one process (threads of a web server) each read their own input."""
    import threading

    first, second = _records()[:700], _records()[700:]
    alone = {id(first): engine._columns(first, 1), id(second): engine._columns(second, 1)}
    together: dict[int, engine._Rows] = {}

    def read(records: list[dict[str, str]]) -> None:
        together[id(records)] = engine._columns(records, 1)

    threads = [threading.Thread(target=read, args=(each,)) for each in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for key, rows in alone.items():
        assert together[key].traits == rows.traits
        assert together[key].columns == rows.columns


def test_the_review_explains_the_reading_link_scored() -> None:
    """``score_pairs`` (the review's evidence) reads each name as ``link`` did, its letters
    learnt first: «Za kwan» glued into «zakwan» as in ``_columns`` (found by review: it read
    «za» / «kwan», the lazy reading order of the pairs)."""
    records = _records()
    index = next(i for i, row in enumerate(records) if row["record_id"] == "Z0")
    rows = engine._columns(records, 1)
    scored = rows.columns["first_n"][rows.record.index(index)]
    assert scored == "zakwan"
    other = next(i for i, row in enumerate(records) if row["record_id"] == "T0")
    (pair,) = engine.score_pairs(records, [(index, other)])
    first = next(field for field in pair.fields if field.field == "first")
    assert first.weight > 0  # «zakwan» against «Thakwan» read «zakwan»: the same name
