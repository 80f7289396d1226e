"""Review of linkfields' readings (review18): a place of arrest keeps its own name when the
kind words go, «تولد X» without a year is the place X, and a time after a date is no Hijri
year."""

from __future__ import annotations

import pytest

from mizan.linkage.features import _arrest_place_keys, _born_at
from mizan.text.dates import hijri_date_in


def test_two_military_airports_share_no_key() -> None:
    hama = set(_arrest_place_keys("مطار حماة العسكري") or ())
    deir = set(_arrest_place_keys("مطار دير الزور العسكري") or ())
    assert hama and deir and not hama & deir
    assert _arrest_place_keys("مطار المزة العسكري") == _arrest_place_keys("مطار المزة")


@pytest.mark.parametrize("place", ["حاجز المطار", "المعبر"])
def test_a_kind_word_that_is_the_whole_name_is_kept(place: str) -> None:
    assert _arrest_place_keys(place)
    assert _arrest_place_keys(place) == _arrest_place_keys(place)


def test_the_kind_words_still_go_beside_a_town() -> None:
    assert _arrest_place_keys("AFRIN CHECKPOINT") == _arrest_place_keys("حاجز عفرين")
    assert _arrest_place_keys("DAMASCUS INTERNATIONAL AIRPORT") == _arrest_place_keys(
        "مطار دمشق الدولي"
    )


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("تولد حماة", ("حماة", "")),
        ("مواليد حمص", ("حمص", "")),
        ("born in Hama", ("Hama", "")),
        ("تولد حماة 1975", ("حماة", "1975")),
        ("حلب، 0933 2011 45", ("حلب، 0933 2011 45", "")),
        ("قيد كفرنبل 1990", ("قيد كفرنبل 1990", "")),
    ],
)
def test_born_at_reads_the_place_with_or_without_a_year(cell: str, read: tuple[str, str]) -> None:
    assert _born_at(cell) == read


@pytest.mark.parametrize(
    "text", ["12/03/2013 1400h", "1400h", "arrested 2013-03-12 at 1400h", "05/06/2012 at 1345 h"]
)
def test_a_time_of_day_is_no_hijri_year(text: str) -> None:
    assert hijri_date_in(text) is None


@pytest.mark.parametrize("text", ["04/04/1400H", "19/08/1398 H", "1405 هـ", "1400 AH"])
def test_hijri_dates_with_their_marker_are_still_read(text: str) -> None:
    assert hijri_date_in(text) is not None
