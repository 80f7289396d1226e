"""What set 5's lists lost (issue 15, branch `linkfive`): relatives' WhatsApp messages,
cellmates' testimonies, a field court's OCR'd register and a prosecutor's Latin list. Each test
is a reading of what such lists say, not of set 5's generator (synthetic people only)."""

from __future__ import annotations

from mizan.linkage.engine import score_pair, score_pairs
from mizan.linkage.model import FAMILY_TOWN_LABEL, NAMESAKE_COUSIN_LABEL
from tests.linkage.rows import person


def _field(pair: object, name: str) -> object:
    return next(f for f in pair.fields if f.field == name)  # type: ignore[attr-defined]


def test_one_name_and_family_with_another_fathers_name_is_a_cousin() -> None:
    # The eldest sons of two brothers are both named after their grandfather: «محمد عمر دغاح»
    # in a relative's message and «محمد مصطفى دغاح» in the court's register are two cousins.
    message = person(first_name="محمد", father_name="عمر", family_name="الدغاح")
    court = person(first_name="محمد", father_name="مصطفى", family_name="الدغاح")
    father = _field(score_pair(message, court, population=5000), "father")
    assert father.level == NAMESAKE_COUSIN_LABEL  # type: ignore[attr-defined]
    assert father.weight < -9  # type: ignore[attr-defined]
    # Across scripts a father's name misread by OCR (صاح for صالح) against a Latin one is no
    # proof of another father: the plain "different" level, not the cousin's.
    latin = person(first_name="Imad", father_name="Saleh", family_name="HUNAIGH")
    ocr = person(first_name="عماد", father_name="صاح", family_name="حنيغ")
    across = _field(score_pair(latin, ocr, population=5000), "father")
    assert across.level != NAMESAKE_COUSIN_LABEL  # type: ignore[attr-defined]
    assert across.weight > -7  # type: ignore[attr-defined]


def test_one_familys_name_born_in_one_town_is_weak_evidence() -> None:
    # A family lives in its town: the cousins of a family name few records write are born in
    # that town as often as not. A cellmate's «أحمد الحريري» from Daraa against the court's
    # أحمد الحريري born in Daraa is no stronger for the town.
    cellmate = person(first_name="أحمد", family_name="الحريري", birth_place="درعا", sex="ذكر")
    court = person(first_name="أحمد", father_name="حسين", family_name="الحريري", birth_place="درعا")
    place = _field(score_pair(cellmate, court, population=5000), "birth_place")
    assert place.level == FAMILY_TOWN_LABEL  # type: ignore[attr-defined]
    assert 0 < place.weight < 2  # type: ignore[attr-defined]
    # A family name many records write spans many towns: there the town keeps its weight.
    many = [
        person(first_name=name, family_name="الأحمد", birth_place=town)
        for name, town in (("علي", "حلب"), ("عمر", "حمص"), ("خالد", "إدلب"), ("سامر", "حماة"))
        for _ in range(2)
    ]
    records = [
        {**cellmate, "family_name": "الأحمد"},
        {**court, "family_name": "الأحمد"},
        *many,
    ]
    common = _field(score_pairs(records, [(0, 1)], population=5000)[0], "birth_place")
    assert common.level == "same"  # type: ignore[attr-defined]
    assert common.weight > 3  # type: ignore[attr-defined]
