"""Forms of set 18 (issue 15): a report's annex in a scholarly romanisation (ALA-LC: "Muḥammad
ʿAbd al-Raḥmān al-Khaṭīb", "Suʿād bint ʿĪsā", DMG's "aš-Šaiḫ", an age given by its decade), and a
register of the east with the whole name in the first cell, a tribe in the family's cell.
Synthetic people only."""

from __future__ import annotations

import pytest

from mizan.linkage import score_pair
from mizan.linkage.features import (
    TRIBE_FAMILY_ODDS,
    decade_age,
    record_features,
    record_readings,
)
from mizan.linkage.lists import read_name_cells
from mizan.text.names import is_tribe_name
from mizan.text.translit import dotless_key, has_scholarly_letters, scholarly_readings
from tests.linkage.rows import arabic_key, person


@pytest.mark.parametrize(
    ("word", "arabic"),
    [
        ("Muḥammad", "محمد"),
        ("al-Khaṭīb", "الخطيب"),
        ("Al-Ḥamawī,", "الحموي"),
        ("ʿĀʾisha", "عائشة"),
        ("Muʾmin", "مؤمن"),
        ("Fuʾād", "فؤاد"),
        ("Raʾfat", "رأفت"),
        ("Ḍiyāʾ", "ضياء"),
        ("Muʿādh", "معاذ"),
        ("Fāṭimah", "فاطمة"),
        ("ʿIzzat", "عزت"),
        ("Sayyid", "سيد"),
        ("Dārayyā", "داريا"),
        ("al-Raḥmān", "الرحمن"),
        ("Allāh", "الله"),
        ("Ṭāhā", "طه"),
        ("ʿAmr", "عمرو"),
        ("Yaḥyá", "يحيى"),
        ("aš-Šaiḫ", "الشيخ"),
        ("Ḥusain", "حسين"),
        ("Ǧamīl", "جميل"),
        ("Ḳāsim", "قاسم"),
        ("K\u0332h\u0332ālid", "خالد"),
    ],
)
def test_a_scholarly_word_is_read_in_arabic_letters(word: str, arabic: str) -> None:
    assert scholarly_readings(word)[0] == arabic


def test_a_final_long_a_and_an_apostrophe_read_both_ways() -> None:
    assert set(scholarly_readings("Muṣṭafā")) == {"مصطفى", "مصطفا"}
    assert set(scholarly_readings("Su'ād")) == {"سعاد", "سؤاد"}
    # An apostrophe opening a word is ʿayn: ALA-LC writes no hamza there.
    assert scholarly_readings("'Umar") == ("عمر",)


def test_only_the_letters_of_the_systems_mark_a_scholarly_cell() -> None:
    assert has_scholarly_letters("Muḥammad al-Khaṭīb")
    assert has_scholarly_letters("ʿAbd al-Hamid", marks=True)
    # ʿayn alone is written by spellings that mark nothing else (whose h may be ح).
    assert not has_scholarly_letters("ʿAbd al-Hamid")
    assert not has_scholarly_letters("Abd al-Rahman")


def _parts(full: str) -> dict[str, str]:
    return record_readings(person(full_name=full), None, with_parts=True)[0][2]


def test_an_ala_lc_name_is_compared_by_its_arabic_letters() -> None:
    features = record_features(person(full_name="Hudā Aḥmad al-ʿAbd Allāh"))
    assert features["first_k"] == arabic_key("هدى")
    assert features["first_rasm"] == dotless_key("هدى")
    assert features["family_k"] == arabic_key("العبد الله")
    # … its spelling stays the one written, compared with the romanisation's own records.
    assert features["first_n"] == "huda"
    parts = _parts("Al-Khaṭīb, Muʿādh ʿAbd al-Raḥmān")
    assert (parts["first"], parts["father"], parts["family"]) == ("معاذ", "عبد الرحمن", "الخطيب")


def test_an_ala_lc_name_meets_its_arabic_spelling_and_not_a_brothers() -> None:
    annex = person(full_name="Hudā Aḥmad al-ʿAbd Allāh", sex="F", date_of_arrest="March 2013")
    network = person(full_name="هدى احمد العبد الله", date_of_arrest="2013")
    assert score_pair(annex, network).match_weight > 5
    hasan = person(full_name="Ḥasan Muḥammad al-Khaṭīb")
    assert (
        score_pair(hasan, person(full_name="حسن محمد الخطيب")).match_weight
        > score_pair(hasan, person(full_name="حسين محمد الخطيب")).match_weight + 5
    )


def test_an_apostrophe_for_the_ayn_of_abd_joins_it_to_its_name() -> None:
    parts = _parts("Hasan Muhammad al-'Abd Allah")
    assert (parts["first"], parts["father"], parts["family"]) == (
        "Hasan",
        "Muhammad",
        "al-'Abd Allah",
    )
    parts = _parts("Ḥasan Muḥammad al-ʿAbd Allāh")
    assert (parts["first"], parts["father"], parts["family"]) == ("حسن", "محمد", "العبد الله")


def test_unmarked_common_spellings_beside_a_marked_word_stay_as_written() -> None:
    features = record_features(person(full_name="Samer Ahmad ʿAbd al-Ḥamīd"))
    assert features["first_n"] == "samer"
    assert features["first_rasm"] is None


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("20s", (20, 30)),
        ("30's", (30, 40)),
        ("late 30s", (36, 40)),
        ("in his 40s", (40, 50)),
        ("في الأربعينات", (40, 50)),
        ("بالعشرينيات", (20, 30)),
        ("25", (None, None)),
    ],
)
def test_an_age_given_by_its_decade(text: str, bounds: tuple[int | None, int | None]) -> None:
    assert decade_age(text) == bounds


def test_a_decade_at_arrest_bounds_the_year_of_birth() -> None:
    annex = {
        **person(full_name="Māhir ʿĪsā al-Ḥasan", date_of_arrest="2013"),
        "age_at_arrest": "20s",
    }
    features = record_features(annex)
    assert (features["age_low"], features["age_high"]) == (20, 30)
    young = person(full_name="ماهر عيسى الحسن", birth_year="1988")
    old = person(full_name="ماهر عيسى الحسن", birth_year="1960")
    assert score_pair(annex, young).match_weight > score_pair(annex, old).match_weight + 4


def test_a_whole_name_in_the_first_cell_beside_the_family_cell() -> None:
    read = read_name_cells(person(first_name="حمزة فراس الخطيب", family_name="عفادلة"))
    assert (read["full_name"], read["first_name"], read["family_name"]) == (
        "حمزة فراس الخطيب",
        "",
        "",
    )
    read = read_name_cells(person(first_name="قاسم موسى البكاري", family_name="بكاري"))
    assert read["full_name"] == "قاسم موسى البكاري"
    # A double first name and the father's, the family in its own cell, stay as they are.
    kept = read_name_cells(person(first_name="محمد خير أحمد", family_name="الحسن"))
    assert (kept["first_name"], kept["family_name"]) == ("محمد خير أحمد", "الحسن")


def test_a_tribe_in_the_family_cell_is_also_read_without_a_family_name() -> None:
    assert is_tribe_name("عكيدات") and is_tribe_name("البكارة") and is_tribe_name("بوشعبان")
    assert not is_tribe_name("العكيدي") and not is_tribe_name("الحسن")
    row = person(first_name="آمنة", father_name="قاسم", family_name="عكيدات")
    readings = record_readings(row, None, with_parts=True)
    assert [(parts["family"], odds) for _features, odds, parts in readings] == [
        ("عكيدات", 0.0),
        ("", TRIBE_FAMILY_ODDS),
    ]
    other = person(full_name="آمنة قاسم العكيدي")
    family = person(first_name="آمنة", father_name="قاسم", family_name="الحسن")
    assert score_pair(row, other).match_weight > score_pair(family, other).match_weight + 3


def test_kurmanji_letters_are_not_a_scholarly_romanisation() -> None:
    assert not has_scholarly_letters("Mihemed Ebdulhemîd ŞEYX", marks=True)
    features = record_features(person(full_name="Birahîm Mistefa UDEYL"))
    assert features["first_rasm"] is None


def test_a_romanisation_that_leaves_long_vowels_unmarked_is_read_as_latin() -> None:
    # ā and ī unmarked (Šadi for Šādī, AL-ḤARIRI for al-Ḥarīrī): read by the key, not letters.
    for full in ("Mohammad AL-ḤARIRI", "Šadi bin Ḫaled AL-ḤASSAŠ"):
        features = record_features(person(full_name=full))
        assert features["family_rasm"] is None
        assert features["first_rasm"] is None
    # … and in a cell that marks them, a word that ends in a short vowel stays as written.
    features = record_features(person(full_name="Ali Baššūl"))
    assert features["first_rasm"] is None
    assert features["family_rasm"] == dotless_key("بشول")
