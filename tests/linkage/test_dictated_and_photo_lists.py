"""Custody photographs identified by relatives and names dictated to a hotline (issue 15, branch
`linkphoto`, set 10): two identifications of one photograph are one person, and a volunteer who
types the first and father's names in one cell keeps the grandfather's in its own."""

from __future__ import annotations

from mizan.linkage.engine import link, score_pair
from mizan.linkage.items import same_item_pairs
from tests.linkage.rows import person as _person


def _photo(record_id: str, first: str, father: str, family: str, **more: str) -> dict[str, str]:
    return _person(
        record_id=record_id, first_name=first, father_name=father, family_name=family, **more
    )


def _photos() -> list[dict[str, str]]:
    return [
        _photo("248-1121-1", "أبو جمال", "", "المقداد", mother_name="حليمه"),
        _photo("248-1121-2", "ناصر", "محمد", "المقداد", mother_name="حليمة"),
        _photo("215-2883-1", "مؤيد", "وائل", "الحموي"),
        _photo("215-2883-2", "مؤيد", "", "الحموي"),
        _photo("227-1008-1", "إبراهيم", "", "عثمان"),
        _photo("235-1426-1", "سامر", "احمد", "العلي"),
        _photo("235-1426-2", "سامر", "", "العلي"),
    ]


def test_two_identifications_of_one_photograph_are_one_person() -> None:
    photos = _photos()
    assert same_item_pairs(photos, ["photos"] * len(photos)) == {(0, 1), (2, 3), (5, 6)}
    # «أبو جمال المقداد» and «ناصر محمد المقداد»: a kunya and a name, the same photograph.
    result = link(photos, sources=["photos"] * len(photos))
    assert result.clusters[0] == result.clusters[1]
    assert result.clusters[2] == result.clusters[3]
    assert result.clusters[0] != result.clusters[2]


def test_a_household_numbered_by_member_is_not_one_item() -> None:
    # A registration case's members -1, -2: siblings, who never share a first name.
    household = [
        _photo("C1042-1", "خالد", "محمد", "الحسن"),
        _photo("C1042-2", "سامر", "محمد", "الحسن"),
        _photo("C1043-1", "هبة", "علي", "الخطيب"),
        _photo("C1043-2", "رزان", "علي", "الخطيب"),
        _photo("C1044-1", "باسل", "", "العمر"),
    ]
    assert same_item_pairs(household, ["unhcr"] * len(household)) == set()


def test_serial_numbers_and_comments_are_not_items() -> None:
    calls = [
        _photo("HL-2021-01386", "أنس", "قاسم", "الجهماني"),
        _photo("HL-2021-01387", "أنس", "قاسم", "الجهماني"),
    ]
    assert same_item_pairs(calls, ["hotline"] * 2) == set()
    posts = [
        _photo("fb-4008-39", "سامر", "", "العلي"),
        _photo("fb-4008-40", "سامر", "", "العلي"),
    ]
    assert same_item_pairs(posts, ["fb"] * 2) == set()
    # Two lists: an item's id in one list says nothing of a record of another.
    photos = _photos()[:2]
    assert same_item_pairs(photos, ["photos", "other"]) == set()


def test_first_and_fathers_names_in_one_cell_beside_the_grandfathers() -> None:
    # The hotline volunteer types «خليل وليد» under الاسم, leaves the father's cell empty and
    # keeps the grandfather's name in its column.
    called = _person(
        first_name="خليل وليد", grandfather_name="خليل", family_name="الخليل", mother_name="زينب"
    )
    photo = _person(first_name="خليل", father_name="وليد", family_name="الخليل")
    assert score_pair(called, photo).probability > 0.5


def test_a_pet_name_or_a_title_is_not_a_brothers_name() -> None:
    # «علوش» for علي, «حمودة» for محمد, and the hotline's «الحاج علي»: the same father and
    # family name, the same name read, not a brother.
    photo = _person(
        first_name="علوش",
        father_name="وسيم",
        family_name="شاهين",
        age="49 سنة",
        date_of_arrest="كانون الأول 2012",
    )
    called = _person(
        first_name="الحاج علي",
        father_name="وسيم",
        grandfather_name="بسام",
        family_name="شاهين",
        birth_year="1965",
        date_of_arrest="12/12/2012",
    )
    pair = score_pair(called, photo)
    assert next(f for f in pair.fields if f.field == "first").level == "same name"
    assert pair.probability > 0.9
    pet = _person(first_name="حمودة", father_name="عبد الكريم", family_name="ابازيد")
    formal = _person(
        first_name="محمد", father_name="عبد الكريم", grandfather_name="صالح", family_name="ابازيد"
    )
    assert score_pair(pet, formal).probability > 0.5
    # A brother stays a brother.
    brother = _person(first_name="علي", father_name="عبد الكريم", family_name="ابازيد")
    assert score_pair(pet, brother).probability < 0.01


def test_a_disputed_identification_of_one_photograph_is_left_apart() -> None:
    # Two families name two different people in one photograph: the photograph's number does
    # not decide it; the records stay apart for a person to review.
    photos = [
        _photo("248-1121-1", "ناصر", "محمد", "المقداد"),
        _photo("248-1121-2", "خالد", "أحمد", "الحموي"),
        _photo("215-2883-1", "مؤيد", "وائل", "الحموي"),
        _photo("215-2883-2", "مؤيد", "", "الحموي"),
    ]
    sources = ["photos"] * len(photos)
    assert (0, 1) in same_item_pairs(photos, sources)
    result = link(photos, sources=sources)
    assert result.clusters[0] != result.clusters[1]
    assert result.clusters[2] == result.clusters[3]


def test_a_household_numbered_by_member_keeps_a_father_and_his_son_apart() -> None:
    # Ids FAM-0020-1, -2 …: a father and his son of the same first name, born 28 years apart,
    # are not one photograph's two identifications, nor are عبد الله and عبد الرحمن one first
    # name, even where the list's ids read as items (review of the merge).
    household = [
        _photo("FAM-0020-1", "محمد", "أحمد", "السيد", birth_year="1960"),
        _photo("FAM-0020-2", "محمد", "محمد", "السيد", birth_year="1988"),
        _photo("FAM-0021-1", "عبد الله", "سمير", "الحسن"),
        _photo("FAM-0021-2", "عبد الرحمن", "سمير", "الحسن"),
        _photo("FAM-0022-1", "رامي", "نادر", "يوسف"),
    ]
    sources = ["household"] * len(household)
    result = link(household, sources=sources)
    assert result.clusters[0] != result.clusters[1]
    assert result.clusters[2] != result.clusters[3]
