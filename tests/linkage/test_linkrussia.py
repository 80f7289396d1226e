"""Lists written through the Russian alphabet (issue 15, branch `linkrussia`): the Russian
Reconciliation Centre's lists of detainees come back romanised ("Mukhammed al'-Khasan",
"Dzhamal'", "Ibragim", "Valid") or in Cyrillic («АЛЬ-ХАТИБ Ахмед»), family name first, «KPP
Duma», "mart 2013"; the fourteenth independent set's list showed them lost against Arabic and
Egyptian lists (synthetic people only)."""

from __future__ import annotations

from mizan.linkage.engine import mark_lists
from mizan.linkage.features import (
    RUSSIAN_LIST,
    ListVocabulary,
    mark_russian_lists,
    record_features,
    record_readings,
    sex_of,
)
from mizan.linkage.lists import _ALIASES, _header_key
from tests.linkage.rows import arabic_key
from tests.linkage.rows import person as _person


def _russian(n: int, full: str, **values: str) -> dict[str, str]:
    return {**_person(record_id=f"r{n}", full_name=full, **values), RUSSIAN_LIST: "1"}


def test_a_list_written_through_russian_is_marked_and_an_english_one_is_not() -> None:
    russian = [
        _person(record_id=f"r{n}", full_name=full)
        for n, full in enumerate(
            [
                "Mukhammed Akhmed al'-Khasan",
                "AL'-KHATIB Dzhamal' Khalid",
                "Ibragim Yusef al-Ali",
                "Makhmud Valid Takha",
                "Анас Файиз аль-Халлак",
                "Samir Nadzhib al-Shami",
            ]
        )
    ]
    english = [
        _person(record_id=f"e{n}", full_name=full)
        for n, full in enumerate(
            ["Khaled Ahmad al-Hasan", "Mohammed Sa'id Mas'ud", "Jamal l'Hamwi", "Hassan Ali"] * 3
        )
    ]
    marked = mark_russian_lists([*russian, *english], ["ru"] * 6 + ["en"] * 12)
    assert [bool(r.get(RUSSIAN_LIST)) for r in marked] == [True] * 6 + [False] * 12
    # The engine marks lists so (``mark_lists``).
    assert mark_lists(russian, ["ru"] * 6)[0].get(RUSSIAN_LIST)


def test_the_other_lists_names_choose_a_doubtful_letter() -> None:
    arabic = [
        _person(record_id=f"a{n}", first_name=first, father_name=father, family_name="الحلاق")
        for n, (first, father) in enumerate(
            [("خالد", "حسن"), ("إبراهيم", "حسن"), ("خالد", "هشام"), ("غسان", "حسن")] * 2
        )
    ]
    # The Russian list's own "Khasan", written far more often than the others' حسن, is no
    # evidence that the name is خسن.
    russian = [_russian(n, "Khasan Khalid al'-Khallak") for n in range(30)]
    vocabulary = ListVocabulary.of([*arabic, *russian])
    assert vocabulary.russian_letters("Khalid") == "Khalid"  # خالد, not حالد
    assert vocabulary.russian_letters("Khasan") == "Hasan"  # حسن, not خسن
    assert vocabulary.russian_letters("KHISHAM") == "HISHAM"  # هشام
    assert vocabulary.russian_letters("Ibragim") == "Ibrahim"  # إبراهيم, not إبراغيم
    assert vocabulary.russian_letters("al'-Khallak") == "al-Hallak"
    assert vocabulary.russian_letters("Dzhamal'") == "Jamal"
    assert vocabulary.russian_letters("Valid") == "Walid"


def test_a_russian_list_s_family_first_name_meets_the_arabic_one() -> None:
    arabic = _person(
        record_id="a1", first_name="خالد", father_name="محمد", family_name="العبد الله"
    )
    russian = _russian(1, "al'-Abd Alla Khalid Mukhamed", date_of_arrest="mart 2013")
    vocabulary = ListVocabulary.of([arabic, russian])
    read = record_readings(russian, vocabulary)[0][0]
    assert read["first_k"] == arabic_key("خالد")
    assert read["father_k"] == arabic_key("محمد")
    assert read["family_k"] == arabic_key("العبد الله")
    assert read["arrest_month"] == "2013-03"


def test_a_name_in_cyrillic_letters_is_read_in_any_list() -> None:
    record = _person(record_id="1", full_name="АЛЬ-ХАЛЛАК Ахмед Ибрагим")
    other = _person(record_id="2", first_name="أحمد", father_name="إبراهيم")
    vocabulary = ListVocabulary.of([record, other])
    read = record_readings(record, vocabulary)[0][0]
    assert read["first_k"] == arabic_key("أحمد")
    assert read["father_k"] == arabic_key("إبراهيم")
    assert read["family_k"] == arabic_key("الحلاق")


def test_a_russian_list_reads_its_towns_and_checkpoints() -> None:
    row = _russian(1, "Akhmed Khasan", birth_place="Khoms", place_of_arrest="KPP Kharasta")
    vocabulary = ListVocabulary.of([row])
    read = record_readings(row, vocabulary)[0][0]
    homs = record_features(_person(birth_place="حمص"))["birth_place_k"]
    assert read["birth_place_k"] == homs
    harasta = record_features(_person(place_of_arrest="حاجز حرستا"))["arrest_place_parts"]
    assert read["arrest_place_parts"] == harasta
    damascus = record_features(_person(birth_place="دمشق"))["birth_place_k"]
    assert record_features(_person(birth_place="Damask"))["birth_place_k"] == damascus
    cyrillic = {**_person(birth_place="Дамаск"), "full_name": "Ахмед"}
    assert record_readings(cyrillic, ListVocabulary.of([cyrillic]))[0][0]["birth_place_k"] == (
        damascus
    )


def test_russian_headers_and_sexes_are_read() -> None:
    assert _ALIASES[_header_key("ФИО")] == "full_name"
    assert _ALIASES[_header_key("Отчество")] == "father_name"
    assert _ALIASES[_header_key("Дата рождения")] == "birth_year"
    assert (sex_of("Ж"), sex_of("муж."), sex_of("zh")) == ("F", "M", "F")


def test_a_name_the_other_lists_write_as_written_stays_unless_another_is_far_more_written() -> None:
    # ختام is written three times, هيثم and حاتم (keyed as "Hitam" would be) ten: "Khitam" is
    # still ختام; a name eight times as written as the one as written would win.
    arabic = [
        _person(record_id=f"a{n}", first_name=first, family_name="الخطيب")
        for n, first in enumerate(["ختام"] * 3 + ["هيثم"] * 6 + ["حاتم"] * 4)
    ]
    russian = [_russian(1, "Al'-Khatib Khitam Yusef")]
    vocabulary = ListVocabulary.of([*arabic, *russian])
    assert vocabulary.russian_letters("Khitam") == "Khitam"
    crowded = ListVocabulary.of([*arabic, *([arabic[3]] * 20), *russian])
    assert crowded.russian_letters("Khitam") == "Hitam"
