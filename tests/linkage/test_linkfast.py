"""A name part's features and a name's traits are read once per distinct spelling and kept on the
vocabulary (``ListVocabulary._parts_read``, ``ListVocabulary.name_trait``): the readings must be
exactly those read afresh for every record (issue 15, the features step at a million records)."""

from __future__ import annotations

from typing import Any

from mizan.linkage import engine
from mizan.linkage.features import (
    DOTTED_NAMES,
    TURKISH_LIST,
    ListVocabulary,
    record_readings,
)
from mizan.linkage.synthetic import generate


def _records() -> tuple[list[dict[str, str]], list[str]]:
    lists, _truth = generate(1500, seed=5)
    records = [row for rows in lists.values() for row in rows]
    sources = [source for source, rows in lists.items() for _row in rows]
    # One spelling read in two ways by its record's list: «CEMAL» is جمال in a list typed from
    # Turkish papers and «Kemal» elsewhere; a name whose dots a list misreads («محموذ»).
    for index in range(3):
        records.append({"record_id": f"T{index}", "first_name": "CEMAL", "family_name": "HAMWI"})
        sources.append("turkish")
        records.append({"record_id": f"P{index}", "first_name": "CEMAL", "family_name": "HAMWI"})
        sources.append("plain")
    for index in range(40):
        records.append({"record_id": f"D{index}", "first_name": "محمود", "family_name": "العلي"})
        sources.append("plain")
    records.append({"record_id": "D-1", "first_name": "محموذ", "family_name": "العلي"})
    sources.append("plain")
    return records, sources


def _marked(records: list[dict[str, str]], sources: list[str]) -> list[Any]:
    marked = list(engine.mark_lists(records, sources))
    for index, source in enumerate(sources):
        if source == "turkish":
            marked[index] = {**marked[index], TURKISH_LIST: "1"}
        elif marked[index]["record_id"].startswith("D"):
            marked[index] = {**marked[index], DOTTED_NAMES: "1"}
    return marked


def _vocabulary(records: list[Any]) -> ListVocabulary:
    vocabulary = ListVocabulary.of(records)
    vocabulary.learn_letters(records)
    return vocabulary


def test_a_kept_reading_is_the_reading_read_afresh() -> None:
    records = _marked(*_records())
    kept, fresh = _vocabulary(records), _vocabulary(records)
    for record in records:
        fresh._parts_read.clear()  # every name part read anew
        fresh._name_traits.clear()
        cached = record_readings(record, kept)
        anew = record_readings(record, fresh)
        assert cached == anew, record
        assert engine._traits(cached[0][0], kept) == engine._traits(anew[0][0], fresh)
    # … and the cache was used: far fewer spellings than the five name parts of each record.
    assert 0 < len(kept._parts_read) < 2 * len(records)


def test_one_spelling_keyed_by_each_list_s_own_reading() -> None:
    """The same «CEMAL» in a Turkish list and in another is two readings, whichever comes
    first: the list's spelling is part of what a kept reading is kept by."""
    turkish = {"record_id": "T", "first_name": "CEMAL", "family_name": "HAMWI", TURKISH_LIST: "1"}
    plain = {"record_id": "P", "first_name": "CEMAL", "family_name": "HAMWI"}
    vocabulary = _vocabulary([turkish, plain])
    first = record_readings(turkish, vocabulary)[0][0]["first_k"]
    second = record_readings(plain, vocabulary)[0][0]["first_k"]
    alone = record_readings(plain, _vocabulary([turkish, plain]))[0][0]["first_k"]
    assert first != second
    assert second == alone


def test_records_sharing_a_name_share_its_traits() -> None:
    records = [
        {"record_id": str(index), "first_name": "خالد", "family_name": "الحموي"}
        for index in range(3)
    ]
    vocabulary = _vocabulary(records)
    traits = [engine._traits(record_readings(r, vocabulary)[0][0], vocabulary) for r in records]
    assert traits[0] == traits[1] == traits[2]
    assert traits[0][0] is traits[1][0]  # one tuple for the name, not one per record
    assert traits[0][0][3] == 3  # the lists write خالد three times


def test_what_the_vocabulary_learns_lets_go_of_kept_readings() -> None:
    records = [{"record_id": "1", "first_name": "Khaled", "family_name": "Hamwi"}]
    vocabulary = _vocabulary(records)
    engine._traits(record_readings(records[0], vocabulary)[0][0], vocabulary)
    assert vocabulary._parts_read and vocabulary._name_traits
    vocabulary._learn_reading("Zakwan", "Thakwan")  # a count may change with it
    assert not vocabulary._parts_read
    assert not vocabulary._name_traits
