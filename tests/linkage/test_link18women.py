"""Forms of a women detainees' support network's register (issue 15, set 18's women_network):
a woman's husband written after her own name («… زوجة زياد السيد»), set aside as a French
list's «épouse» is; the town she lived in («مكان الإقامة»), compared as a place of birth."""

from __future__ import annotations

import pytest

from mizan.linkage import score_pair
from mizan.linkage.features import record_readings
from mizan.linkage.lists import RESIDENCE_COLUMN, list_column
from mizan.text.names import compound_names, name_words


def _likeliest(full_name: str) -> tuple[str | None, str | None, str | None]:
    features, _odds = record_readings({"full_name": full_name})[0]
    return features["first_n"], features["father_n"], features["family_n"]


@pytest.mark.parametrize(
    ("written", "own"),
    [
        ("رنا بنت فراس الشعيطي زوجة زياد السيد", "رنا فراس الشعيطي"),
        ("فاطمة محمد المحمد زوجة خالد قدور", "فاطمة محمد المحمد"),
        ("ليلى موسى قدور زوجه محمد قدور", "ليلى موسى قدور"),
        ("الحاجة عائشة علي الحلبي زوجة صالح الحلبي", "عائشة علي الحلبي"),
        ("نور زياد الخطيب أرملة حسن الخطيب", "نور زياد الخطيب"),
    ],
)
def test_her_husbands_name_after_hers_is_set_aside(written: str, own: str) -> None:
    assert _likeliest(written) == _likeliest(own)


# --- Where she lived: a register's «مكان الإقامة» ---------------------------------------------


def test_a_registers_place_of_residence_is_read_and_a_current_one_is_not() -> None:
    assert list_column("مكان الإقامة") == RESIDENCE_COLUMN
    assert list_column("محل الاقامة") == RESIDENCE_COLUMN
    # "Place of residence" is as often where a displaced family lives now (test_fixk.py).
    assert list_column("Place of residence") is None
    # A displaced family's current residence says nothing of where the family is from.
    assert list_column("السكن الحالي") is None


def _weight(a: dict[str, str], b: dict[str, str]) -> float:
    return score_pair(a, b).match_weight


_KHADIJA = {"full_name": "خديجة علي السيد", "birth_year": "1970"}


def test_the_same_town_of_residence_is_evidence_and_a_far_one_against() -> None:
    bare = _weight(_KHADIJA, _KHADIJA)
    here = {**_KHADIJA, RESIDENCE_COLUMN: "سراقب"}
    # Saraqib and Idlib's other towns, and Harasta in the Damascus countryside.
    same_town = _weight(here, {**_KHADIJA, RESIDENCE_COLUMN: "سراقب"})
    same_governorate = _weight(here, {**_KHADIJA, RESIDENCE_COLUMN: "معرة النعمان"})
    far = _weight(here, {**_KHADIJA, RESIDENCE_COLUMN: "حرستا"})
    assert same_town > bare
    # A wife lives in her husband's town, a family moves nearby: no evidence either way.
    assert same_governorate == pytest.approx(bare)
    assert far < bare - 3


def test_a_residence_meets_another_lists_place_of_birth() -> None:
    here = {**_KHADIJA, RESIDENCE_COLUMN: "سراقب"}
    assert _weight(here, {**_KHADIJA, "birth_place": "سراقب"}) > _weight(_KHADIJA, _KHADIJA)


def test_a_place_of_birth_is_compared_before_a_residence() -> None:
    born = {**_KHADIJA, "birth_place": "حرستا", RESIDENCE_COLUMN: "سراقب"}
    assert _weight(born, {**_KHADIJA, "birth_place": "حرستا"}) > _weight(_KHADIJA, _KHADIJA)


def test_the_explanation_shows_the_residence_compared() -> None:
    here = {**_KHADIJA, RESIDENCE_COLUMN: "سراقب"}
    place = next(f for f in score_pair(here, here).fields if f.field == "birth_place")
    assert (place.value_a, place.value_b) == ("سراقب (place of residence)",) * 2


# --- «الله» closes a compound ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "words"),
    [
        # ʿAbd with a dot slipped or misread: the family العبد الله is still one name.
        ("مريم محمد العبذ الله", ["مريم", "محمد", "العبذ الله"]),
        ("بلال محمد العتد الله", ["بلال", "محمد", "العتد الله"]),
        # … and the other names «الله» closes.
        ("علي نصر الله", ["علي", "نصر الله"]),
        ("علي فتح الله الحسن", ["علي", "فتح الله", "الحسن"]),
    ],
)
def test_allah_alone_closes_a_compound_with_the_word_before(written: str, words: list[str]) -> None:
    assert name_words(written) == words
    assert compound_names(written) == [word for word in words if " " in word]


def test_a_family_name_with_a_slipped_dot_is_read_as_one_family_name() -> None:
    features, _odds = record_readings({"full_name": "بلال محمد العتد الله"})[0]
    assert features["father_n"] is not None
    assert features["grandfather_n"] is None
