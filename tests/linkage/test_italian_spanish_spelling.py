"""Italian and Spanish spellings and passport machine-readable names (issue 15, branch
`linklatin`): what the eighth independent set's asylum list showed lost (Giamal, Ualid, Sciadi,
Yamal, Jaled; ``HADDAD<<HANNA<NICOLAS``)."""

from __future__ import annotations

import pytest

from mizan.linkage.features import (
    ROMANCE_LIST,
    mark_romance_lists,
    record_features,
    record_readings,
)
from mizan.text import name_keys
from mizan.text.names import parse_full_name
from mizan.text.translit import is_italian_spelling
from tests.linkage.rows import person as _person


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Sciadi", "شادي"),
        ("Alsciufi", "الشوفي"),
        ("Hasciem", "هاشم"),
        ("Ualid", "وليد"),
        ("Uissam", "وسام"),
        ("Iusuf", "يوسف"),
        ("Iahia", "يحيى"),
        # "Hamui" is الحموي in every tradition since branch `linklatinkey`
        # (tests/text/test_latin_long_vowels.py).
        ("CHURI", "خوري"),
        ("Chalil", "خليل"),
    ],
)
def test_a_name_is_read_in_italian_spelling_when_asked(latin: str, arabic: str) -> None:
    assert name_keys(latin, romance="it") == name_keys(arabic)
    # In the English or French tradition the same letters are another name.
    assert name_keys(latin) != name_keys(arabic)


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Jaled", "خالد"),
        ("ELJATIB", "الخطيب"),
        ("Yamal", "جمال"),
        ("EL-NAYAR", "النجار"),
        ("Yibrail", "جبرائيل"),
        ("Khaled", "خالد"),
    ],
)
def test_a_name_is_read_in_spanish_spelling_when_asked(latin: str, arabic: str) -> None:
    # j is خ and y before a vowel ج ("Yusuf" keeps its y = ي in the reading as written).
    assert name_keys(latin, romance="es") == name_keys(arabic)


def test_italian_letters_of_their_own_are_told_from_english_and_french() -> None:
    for text in ("Giamal", "Sciadi", "Ualid", "Iusuf", "ALNAGIAR", "Hasciem"):
        assert is_italian_spelling(text), text
    for text in ("Gamal", "Walid", "Chadi", "Yusuf", "Ghiath", "Iyad", "Ibrahim", "Fuad"):
        assert not is_italian_spelling(text), text


def test_a_list_in_italian_or_spanish_spelling_reads_its_plain_records_both_ways() -> None:
    asylum = [
        _person(record_id=str(n), first_name=name, family_name="HADDAD")
        for n, name in enumerate(["Giamal", "Sciadi", "Ualid", "Jaled", "Yamal", "Khaled"])
    ]
    english = [_person(record_id="9", first_name="Jamal", family_name="Haddad")]
    marked = mark_romance_lists([*asylum, *english], ["it"] * 6 + ["en"])
    assert [bool(record.get(ROMANCE_LIST)) for record in marked] == [1] * 6 + [0]

    def first_keys(record: dict[str, str]) -> set[str]:
        return {features["first_k"] for features, _odds in record_readings(record)}

    for record, arabic in zip(marked[:5], ["جمال", "شادي", "وليد", "خالد", "جمال"], strict=True):
        assert name_keys(arabic)[0] in first_keys(record), record["first_name"]
    # The reading as written comes first and stays; an English list is read as before.
    assert record_readings(marked[3])[0][0]["first_k"] == name_keys("Jaled")[0]
    assert first_keys(marked[6]) == {name_keys("Jamal")[0]}


@pytest.mark.parametrize(
    ("western", "arabic"),
    [
        ("Peter", "بطرس"),
        ("Pietro", "بطرس"),
        ("George", "جورج"),
        ("Giorgio", "جورج"),
        ("Joseph", "يوسف"),
        ("Giuseppe", "يوسف"),
        ("Gabriel", "جبرائيل"),
        ("Simeon", "سمعان"),
        ("Nicolas", "نقولا"),
    ],
)
def test_the_western_form_of_a_christian_name_keys_as_the_arabic_name(
    western: str, arabic: str
) -> None:
    assert name_keys(western) == name_keys(arabic)


def test_an_abbreviated_muhammad_in_capitals_is_no_part_of_the_family_name() -> None:
    for full, family in (("ABUASSAF MHD Ibrahim", "ABUASSAF"), ("AL-HASAN MHD Obaida", "AL-HASAN")):
        parts = parse_full_name(full)[0].parts
        assert (parts["first_name"], parts["family_name"]) == ("MHD", family), full
    assert name_keys("Moh.") == name_keys("محمد")


def test_italian_and_spanish_names_of_syrian_places_are_the_places() -> None:
    for place, arabic in (("Alepo", "حلب"), ("Damasco", "دمشق"), ("Lattaquié", "اللاذقية")):
        latin = record_features(_person(birth_place=place))["birth_place_k"]
        assert latin == record_features(_person(birth_place=arabic))["birth_place_k"], place
