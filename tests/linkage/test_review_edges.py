"""Edges a review of the transfer-list, passport and asylum-list readings found (issue 15):
real names that look like the new forms must keep being read as names."""

from __future__ import annotations

import pytest

from mizan.linkage.engine import _different_year
from mizan.linkage.features import (
    ROMANCE_LIST,
    ListVocabulary,
    _place,
    mark_romance_lists,
    record_features,
)
from mizan.text.names import parse_full_name, unfold_passport_name
from mizan.text.translit import name_key
from tests.linkage.rows import person as _person


@pytest.mark.parametrize(
    ("latin", "arabic"), [("Pierre", "بيير"), ("Paul", "بول"), ("Simon", "سيمون")]
)
def test_a_french_form_syrians_also_write_in_arabic_keeps_meeting_it(
    latin: str, arabic: str
) -> None:
    assert name_key(latin) == name_key(arabic)


@pytest.mark.parametrize(
    "text", ["محمد احمد المهندس", "المهندس، محمد احمد", "محمد احمد الأستاذ", "الشيخ، محمد احمد"]
)
def test_engineer_and_teacher_are_family_names_where_a_family_name_stands(text: str) -> None:
    assert parse_full_name(text)[0].parts["family_name"] in ("المهندس", "الأستاذ", "الشيخ")


def test_engineer_alone_in_the_family_cell_is_the_family_name() -> None:
    features = record_features(_person(first_name="محمد", family_name="المهندس"))
    assert features["family_k"] == name_key("مهندس")


def test_a_family_name_that_really_ends_in_alef_maqsura_keeps_it_on_a_tie() -> None:
    rows = [_person(first_name="احمد", family_name="المصطفى") for _ in range(3)]
    rows += [_person(first_name="احمد", family_name="المصطفي") for _ in range(3)]
    latin = _person(first_name="Ahmad", family_name="AL-MUSTAFA")
    vocabulary = ListVocabulary.of([*rows, latin])
    keys = {record_features(row, vocabulary)["family_k"] for row in rows}
    assert keys == {record_features(latin, vocabulary)["family_k"]}


@pytest.mark.parametrize("cell", ["امه الله", "أمه الرحمن"])
def test_the_name_amat_allah_in_the_mothers_cell_is_a_name(cell: str) -> None:
    features = record_features(_person(first_name="محمد", mother_name=cell))
    assert (features["mother_n"] or "").startswith("امه")


def test_a_compound_first_name_before_bin_is_also_read_as_a_first_name() -> None:
    readings = parse_full_name("محمد علي بن حسين")
    assert readings[0].confidence < 0.9
    assert any(r.parts["first_name"] == "محمد" for r in readings)
    # A family name that is also a given name, first as copyists write it, the other reading kept.
    first, second = parse_full_name("عثمان باسل ابن مصطفى")[:2]
    assert (first.parts["family_name"], first.parts["first_name"]) == ("عثمان", "باسل")
    assert second.parts["first_name"] == "عثمان"


@pytest.mark.parametrize(
    ("zone", "family", "given"),
    [
        ("P<SYRSALAMA<<SOLEIMAN<MAHMUD<<<<<", "SALAMA", "SOLEIMAN MAHMUD"),
        ("SALAMA<<SOLEIMAN<MAHMUD<<<<<<<<1234567", "SALAMA", "SOLEIMAN MAHMUD"),
    ],
)
def test_a_whole_passport_zone_line_gives_the_name(zone: str, family: str, given: str) -> None:
    assert unfold_passport_name(zone) == f"{family}, {given}"


def test_a_passport_zone_without_given_names_is_a_family_name() -> None:
    assert parse_full_name("SALAMA<<<<")[0].parts["family_name"] == "SALAMA"


@pytest.mark.parametrize(("a", "b"), [(1979, 1997), (1968, 1986), (1991, 1919)])
def test_two_swapped_digits_are_a_misread_year(a: int, b: int) -> None:
    assert not _different_year(a, b, 8)


def test_one_italian_looking_name_does_not_mark_a_short_list() -> None:
    records = [_person(first_name=name, family_name="HADDAD") for name in ("Ragia", *["John"] * 30)]
    marked = mark_romance_lists(records, ["ngo"] * len(records))
    assert not any(row.get(ROMANCE_LIST) for row in marked)


@pytest.mark.parametrize("daraya", ["داريا", "Daraya", "Darayya", "داريا، ريف دمشق"])
def test_daraya_is_not_daraa(daraya: str) -> None:
    # داريا and درعا share the consonants د ر: one key made Daraya the same place as Daraa, and
    # a place no finer than a governorate.
    _town_key, town_keys, wide = _place(daraya)
    governorate_key, governorate_keys, _wide = _place("درعا")
    assert town_keys is not None and governorate_keys is not None
    assert not set(town_keys) & set(governorate_keys)
    assert wide is False
    # Daraa's own spellings still meet it.
    for spelling in ("Daraa", "Deraa", "Dara'a", "Der'a", "محافظة درعا"):
        assert _place(spelling)[0] == governorate_key
