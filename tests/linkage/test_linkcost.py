"""The caches of ``mizan link``'s reading of records (issue 15, branch ``linkcost``): each reads a
spelling once however many records write it, and none hands out a stale answer or an object a
record could change under another."""

from __future__ import annotations

from typing import Any

import pytest

from mizan.linkage import features
from mizan.linkage.features import ListVocabulary, record_readings
from mizan.linkage.lists import _illegible, read_name_cells
from mizan.text.names import drop_titles
from tests.linkage.rows import person


def _learning_vocabulary() -> ListVocabulary:
    # طارق written forty times, "tare9" three: the lists read "tare9" as "tareq" (طارق) once
    # ``letters`` is asked, and from then on count "tareq" as the word it was read from.
    rows = [person(first_name="طارق") for _ in range(40)]
    rows += [person(first_name="tare9") for _ in range(3)]
    return ListVocabulary.of(rows)


def test_a_text_is_mended_once_until_the_lists_learn_a_word(monkeypatch: Any) -> None:
    vocabulary = _learning_vocabulary()
    calls: list[str] = []
    mend = ListVocabulary._repair

    def counted(self: ListVocabulary, text: str) -> str:
        calls.append(text)
        return mend(self, text)

    monkeypatch.setattr(ListVocabulary, "_repair", counted)
    # "ta req": two rare fragments of a word the lists do not write yet.
    assert vocabulary.count("tareq") == 0
    assert vocabulary.repair("ta req") == "ta req"
    assert vocabulary.repair("ta req") == "ta req"
    assert calls == ["ta req"]
    # Reading "tare9" teaches the lists "tareq": the count and the mending follow, not the
    # answers kept from before.
    assert vocabulary.letters("tare9") == "tareq"
    assert vocabulary.count("tareq") == 3
    assert vocabulary.repair("ta req") == "tareq"
    assert calls == ["ta req", "ta req"]


def test_a_latin_text_is_read_once_and_as_its_words_are(monkeypatch: Any) -> None:
    vocabulary = _learning_vocabulary()
    asked: list[str] = []
    letters = ListVocabulary.letters

    def counted(self: ListVocabulary, word: str, role: str = ListVocabulary.ANY) -> str:
        asked.append(word)
        return letters(self, word, role)

    monkeypatch.setattr(ListVocabulary, "letters", counted)
    first = features._read_letters("tare9 khaled", vocabulary)
    assert first == "tareq khaled"
    assert features._read_letters("tare9 khaled", vocabulary) == first
    assert asked == ["tare9", "khaled"]
    # Another role is another reading.
    features._read_letters("tare9 khaled", vocabulary, ListVocabulary.FAMILY)
    assert asked == ["tare9", "khaled", "tare9", "khaled"]


def test_a_place_of_arrest_is_read_once_and_each_record_gets_its_own_list() -> None:
    features._arrest_place_keys.cache_clear()
    one = features._arrest_place("فرع فلسطين، دمشق")
    other = features._arrest_place("فرع فلسطين، دمشق")
    assert one == other and one is not None and one is not other
    one.append("changed")
    assert features._arrest_place("فرع فلسطين، دمشق") == other
    assert features._arrest_place_keys.cache_info().hits == 2
    # A branch by its number alone.
    assert features._arrest_place("الفرع 215") == ["#215"]


def test_a_record_read_twice_gives_the_same_features_each_its_own() -> None:
    vocabulary = _learning_vocabulary()
    row = person(first_name="tare9", family_name="Khalil", place_of_arrest="Damascus, Kafr Sousa")
    one = record_readings(row, vocabulary)
    other = record_readings(row, vocabulary)
    assert one == other
    one[0][0]["arrest_place_parts"].append("changed")
    assert record_readings(row, vocabulary) == other


@pytest.mark.parametrize(
    ("function", "text"),
    [
        (features.sex_of, "ذكر"),
        (features.at_border, "معبر جديدة يابوس"),
        (features._year, "1985"),
        (features._initial_or_illegible, "(غير مقروء)"),
        (features._loose_key, "mhmd"),
        (features._word_keys, "محمد"),
        (drop_titles, "الحاج محمد"),
        (_illegible, "؟؟"),
    ],
)
def test_a_spelling_is_read_once_into_a_value_nobody_can_change(function: Any, text: str) -> None:
    function.cache_clear()
    value = function(text)
    assert function(text) == value
    assert function.cache_info().hits == 1
    assert value is None or isinstance(value, str | bool | int)


def test_an_illegible_cell_is_still_emptied() -> None:
    row = person(first_name="(غير مقروء)", family_name="الحلبي")
    assert read_name_cells(row)["first_name"] == ""
    assert read_name_cells(person(first_name="محمد"))["first_name"] == "محمد"
