"""Review fixes D4 and D5 (issue 15): a whole name in the first cell is read so only beside a
tribe's or the same family's cell; a place of residence is read only under the civil register's
words, only when it is a Syrian town and no camp, never as a blocking key, and shown as what it
is."""

from __future__ import annotations

import pytest
from django.utils import translation

from mizan.linkage import features, score_pair
from mizan.linkage.features import record_readings
from mizan.linkage.lists import RESIDENCE_COLUMN, list_column, read_name_cells
from mizan.missing.review.queries import _evidence_value

# --- D4: a whole name in the first cell -------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "family"),
    [
        # Another family's cell beside a name whose last word has the article: kept as written.
        ("محمد أحمد الحلبي", "الخطيب"),
        ("عبد الرحمن محمد الأمين", "الحسن"),
    ],
)
def test_a_first_cell_beside_another_family_keeps_the_family(first: str, family: str) -> None:
    read = read_name_cells({"first_name": first, "family_name": family})
    assert (read["first_name"], read["family_name"]) == (first, family)
    assert not read.get("full_name")


@pytest.mark.parametrize(
    ("first", "family"),
    [
        ("حمزة فراس الخطيب", "عفادلة"),  # the tribe's cell
        ("حمزة فراس الخطيب", "الخطيب"),  # the family again
        ("حمزة فراس الخطيب", "خطيب"),  # … without its article
        ("عمر سعيد الأحمد", "الاحمد"),  # … its hamza dropped
    ],
)
def test_a_first_cell_beside_a_tribe_or_the_same_family_is_the_whole_name(
    first: str, family: str
) -> None:
    read = read_name_cells({"first_name": first, "family_name": family})
    assert (read["full_name"], read["first_name"], read["family_name"]) == (first, "", "")


# --- D5: a place of residence ----------------------------------------------------------------


def test_only_the_registers_words_read_a_residence() -> None:
    assert list_column("مكان الإقامة") == RESIDENCE_COLUMN
    assert list_column("محل الاقامة") == RESIDENCE_COLUMN
    # Where a displaced people's or a diaspora's list says the family lives now.
    for header in ("Place of residence", "Town of residence", "مكان السكن", "محل السكن"):
        assert list_column(header) is None


@pytest.mark.parametrize(
    "place", ["Gaziantep", "غازي عنتاب", "بيروت", "Berlin", "مخيم الركبان", "Zaatari camp"]
)
def test_a_residence_abroad_or_in_a_camp_is_no_place(place: str) -> None:
    assert not features.home_residence(place)
    read, _odds = record_readings({"full_name": "خديجة علي السيد", RESIDENCE_COLUMN: place})[0]
    assert read["birth_place_k"] is None
    namesake = {"full_name": "خديجة علي السيد", "birth_year": "1970"}
    bare = score_pair(namesake, namesake).match_weight
    here = {**namesake, RESIDENCE_COLUMN: place}
    assert score_pair(here, here).match_weight == pytest.approx(bare)


def test_a_syrian_residence_is_compared_but_no_blocking_key() -> None:
    assert features.home_residence("سراقب") and features.home_residence("معضمية الشام")
    row = {"full_name": "خديجة علي السيد", "birth_year": "1970"}
    read, _odds = record_readings({**row, RESIDENCE_COLUMN: "سراقب"})[0]
    assert read["birth_place_k"] and read.get("birth_place_block", "absent") is None
    born, _odds = record_readings({**row, "birth_place": "سراقب"})[0]
    assert born.get("birth_place_block") == born["birth_place_k"]


def test_the_explanation_says_the_place_is_a_residence() -> None:
    row = {"full_name": "خديجة علي السيد", "birth_year": "1970"}
    here = {**row, RESIDENCE_COLUMN: "سراقب"}
    place = next(
        f
        for f in score_pair(here, {**row, "birth_place": "سراقب"}).fields
        if f.field == "birth_place"
    )
    assert (place.value_a, place.value_b) == ("سراقب (place of residence)", "سراقب")
    item = {"field": "birth_place", "value_a": place.value_a}
    with translation.override("ar"):
        assert _evidence_value(item, "value_a") == "<bdi>سراقب</bdi> (مكان الإقامة)"
    with translation.override("en"):
        # The place isolated: an Arabic place first in an English cell otherwise reads
        # "place of) سراقب (residence".
        assert _evidence_value(item, "value_a") == "<bdi>سراقب</bdi> (place of residence)"
    item = {"field": "birth_place", "value_a": "<b>x</b> (place of residence)"}
    assert (
        _evidence_value(item, "value_a") == "<bdi>&lt;b&gt;x&lt;/b&gt;</bdi> (place of residence)"
    )
