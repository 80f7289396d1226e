"""A Palestinian list of the camps in Syria (issue 15, set 16): the family's village of origin
in its own column, the village's nisba written in the family name's place («اللوباني» for a
family from لوبية), and «أبو …» family names glued in Latin letters ("Abual-Haija",
"Abuaisha"). Synthetic people only."""

from __future__ import annotations

from pathlib import Path

import pytest

from mizan.linkage import score_pairs
from mizan.linkage.features import (
    VILLAGE_NISBA_ODDS,
    ListVocabulary,
    record_features,
    record_readings,
)
from mizan.linkage.lists import ORIGIN_COLUMN, read_lists
from mizan.text.translit import name_keys

from .rows import person


@pytest.mark.parametrize("header", ["البلدة الأصلية", "البلدة الاصلية", "Village of origin"])
def test_the_village_of_origin_column_is_read(tmp_path: Path, header: str) -> None:
    path = tmp_path / "camps.csv"
    path.write_text(
        f"رقم السجل,الاسم الكامل,{header}\nAGP-1,فادي فتحي اللوباني,لوبية\n", encoding="utf-8"
    )
    (record,) = read_lists([path])
    assert record.values[ORIGIN_COLUMN] == "لوبية"


def _camp(name: str, origin: str = "", **values: str) -> dict[str, str]:
    return {**person(full_name=name, **values), ORIGIN_COLUMN: origin}


# Three records whose origin column names each village: a village the lists name.
_VILLAGES = [
    _camp(f"{first} {father} الخطيب", village)
    for village in ("لوبية", "ترشيحا", "الطيرة", "طبريا")
    for first, father in (("سامر", "علي"), ("باسل", "حسن"), ("نضال", "رائد"))
]


@pytest.mark.parametrize(
    "family", ["اللوباني", "اللوبانى", "الترشيحي", "الطيراوي", "الطبراني", "الشجراوي"]
)
def test_a_nisba_of_a_village_the_lists_name_is_told(family: str) -> None:
    villages = [*_VILLAGES, *(_camp(f"ماهر سعيد {family}", "الشجرة") for _ in range(3))]
    vocabulary = ListVocabulary.of([*villages, _camp(f"محمد {family}")])
    assert vocabulary.village_nisba(family)


@pytest.mark.parametrize("family", ["Loubani", "Al-Loubani", "EL LOUBANI", "Al Tirawi"])
def test_a_latin_nisba_is_told_by_the_arabic_the_lists_write(family: str) -> None:
    arabic = [_camp("محمد اللوباني"), _camp("أحمد الطيراوي")]
    vocabulary = ListVocabulary.of(
        [*_VILLAGES, *arabic, person(first_name="Mohamad", family_name=family)]
    )
    assert vocabulary.village_nisba(family)


@pytest.mark.parametrize("family", ["الخطيب", "العلي", "الحلبي", "الصفدي", "ابو خليل"])
def test_other_family_names_are_no_village_nisba(family: str) -> None:
    # الصفدي is the nisba of صفد, which no origin column here names.
    vocabulary = ListVocabulary.of([*_VILLAGES, _camp(f"محمد {family}")])
    assert not vocabulary.village_nisba(family)


def test_without_an_origin_column_no_family_name_is_a_village_nisba() -> None:
    rows = [_camp(row["full_name"]) for row in _VILLAGES]
    vocabulary = ListVocabulary.of([*rows, _camp("محمد اللوباني")])
    assert not vocabulary.village_nisba("اللوباني")


def test_a_village_named_twice_only_is_not_enough() -> None:
    rows = [_camp("سامر علي الخطيب", "لوبية"), _camp("باسل حسن الخطيب", "لوبية")]
    assert not ListVocabulary.of([*rows, _camp("محمد اللوباني")]).village_nisba("اللوباني")


def test_a_nisba_family_name_is_also_read_without_it_less_likely() -> None:
    row = _camp("فادي فتحي محمد اللوباني", "لوبية")
    vocabulary = ListVocabulary.of([*_VILLAGES, row])
    readings = record_readings(row, vocabulary, with_parts=True)
    assert readings[0][2]["family"] == "اللوباني"
    without = [(odds, parts) for _f, odds, parts in readings if not parts["family"]]
    assert without == [(VILLAGE_NISBA_ODDS, {**readings[0][2], "family": ""})]


def _weight(
    nisba_row: dict[str, str], other: dict[str, str], villages: list[dict[str, str]]
) -> float:
    records = [*villages, nisba_row, other]
    n = len(records)
    (score,) = score_pairs(records, [(n - 2, n - 1)], population=n)
    return score.match_weight


_NISBA = _camp("فادي فتحي اللوباني", "لوبية", sex="ذكر", date_of_arrest="2014")
_FAMILY = person(
    first_name="Fadi",
    father_name="Fathi",
    family_name="Abou al-Haija",
    sex="M",
    date_of_arrest="2014",
)


def test_a_record_under_its_village_nisba_meets_its_family_name() -> None:
    """«فادي فتحي اللوباني» of a list whose origin column names لوبية, against the same man
    under his family's name: the nisba weighs against the pair less than another family name."""
    no_origin = [_camp(row["full_name"]) for row in _VILLAGES]
    before = _weight({**_NISBA, ORIGIN_COLUMN: ""}, _FAMILY, no_origin)
    after = _weight(_NISBA, _FAMILY, _VILLAGES)
    assert after > before + 2
    # … and the name read without the nisba does not join another first name.
    assert _weight(_NISBA, {**_FAMILY, "first_name": "Nidal"}, _VILLAGES) < 0


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Abual-Haija", "ابو الهيجاء"),
        ("Abualhaija", "أبو الهيجاء"),
        ("AbuAlHaija", "ابوالهيجاء"),
        ("Abul Haija", "أبو الهيجاء"),
        ("Abuaisha", "ابو عيشة"),
        ("Abouaisha", "أبو عيشة"),
        ("Abuomar", "أبو عمر"),
    ],
)
def test_a_glued_abu_family_name_keys_as_written_apart(latin: str, arabic: str) -> None:
    assert name_keys(latin) == name_keys(arabic)


def test_a_glued_abu_before_a_vowel_is_split_but_abboud_is_not() -> None:
    assert name_keys("Abuaisha") == name_keys("أبو عيشة")
    # "Aboud", "Abouda" open with the same letters and are عبود, no compound.
    assert name_keys("Aboud") == name_keys("عبود")
    assert name_keys("Abouda") == name_keys("عبودة")


@pytest.mark.parametrize("written", ["قرية لوبية", "قريه لوبيه", "Loubia village", "بلدة لوبية"])
def test_a_village_is_the_place_it_names(written: str) -> None:
    assert (
        record_features(person(birth_place=written))["birth_place_k"]
        == record_features(person(birth_place="لوبية"))["birth_place_k"]
    )


def test_from_a_village_after_the_name_is_its_place() -> None:
    """«محمد أحمد الخطيب من قرية لوبية»: the family's village beside the family name."""
    readings = record_readings(person(full_name="محمد أحمد الخطيب من قرية لوبية"))
    village = record_features(person(birth_place="لوبية"))["birth_place_k"]
    assert readings[0][0]["birth_place_k"] == village
