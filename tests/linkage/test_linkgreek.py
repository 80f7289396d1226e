"""Latin names that went through the Greek alphabet (issue 15, branch `linkgreek`): a Greek or
Cypriot asylum office writes "MOCHAMANT" (μπ, ντ, χ: محمد), "IMPRACHIM" (إبراهيم), "TZAMAL"
(جمال), "GIASER" (ياسر), or the name in Greek letters ("ΑΧΜΕΝΤ"); the thirteenth independent
set's register showed them lost against Arabic and English lists (synthetic people only)."""

from __future__ import annotations

import pytest

from mizan.linkage.engine import mark_lists
from mizan.linkage.features import (
    GREEK_LIST,
    ListVocabulary,
    mark_greek_lists,
    record_features,
    record_readings,
)
from mizan.linkage.lists import read_name_cells
from mizan.text import name_keys
from mizan.text.translit import greek_route_readings, greek_to_latin, is_greek_route_word
from tests.linkage.rows import arabic_key
from tests.linkage.rows import person as _person


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("MOCHAMANT", "محمد"),
        ("ACHMANT", "أحمد"),
        ("IMPRACHIM", "إبراهيم"),
        ("TZAMAL", "جمال"),
        ("AMPNTOULRACHMAN", "عبد الرحمن"),
        ("AMPNTEL KANTER", "عبد القادر"),
        ("GIASER", "ياسر"),
        ("ZAKARIGIA", "زكريا"),
        ("OUALINT", "وليد"),
        ("TZANNTALI", "الجندلي"),
        ("KOURNTI", "الكردي"),
        ("ZACHRAOUI", "الزهراوي"),
        ("NOUR ALNTIN", "نور الدين"),
        ("GASAN", "غسان"),
    ],
)
def test_the_likeliest_greek_route_reading_keys_as_the_arabic_name(latin: str, arabic: str) -> None:
    read = " ".join(greek_route_readings(word.lower())[0] for word in latin.split())
    assert "".join(name_keys(read)) == arabic_key(arabic)
    # As written, the letters are another name.
    assert "".join(name_keys(latin)) != arabic_key(arabic)


def test_a_doubtful_greek_letter_is_read_both_ways() -> None:
    # χ is ح, ه and خ alike; σ is س and ش.
    assert {"halid", "khalid"} <= set(greek_route_readings("chalint"))
    assert {"sadi", "shadi"} <= set(greek_route_readings("santi"))
    # A word with a letter the Greek route never writes is as written.
    assert greek_route_readings("mohammad") == ("mohammad",)
    assert greek_route_readings("khalid") == ("khalid",)


@pytest.mark.parametrize(
    ("greek", "arabic"),
    [
        ("ΦΑΤΙΜΑ", "فاطمة"),
        ("ΑΧΜΕΝΤ", "أحمد"),
        ("ΑΜΠΝΤΟΥΛΡΑΧΜΑΝ", "عبد الرحمن"),
        ("Γιούσεφ", "يوسف"),
    ],
)
def test_a_name_in_greek_letters_keys_as_the_arabic_name(greek: str, arabic: str) -> None:
    assert "".join(name_keys(greek)) == arabic_key(arabic)


def test_greek_letters_are_written_in_latin_as_elot_743_does() -> None:
    assert greek_to_latin("ΑΜΠΝΤΟΥΛΑ Χασάν") == "AMPNTOULA Chasan"
    assert greek_to_latin("Mohammad") == "Mohammad"


def test_only_letters_english_and_french_never_write_tell_the_greek_route() -> None:
    for word in ("MOCHAMANT", "IMPRACHIM", "TZAMAL", "OGKAINTI", "ΦΑΤΙΜΑ", "ANTNAN"):
        assert is_greek_route_word(word), word
    for word in ("Antoun", "Hantoush", "Munther", "bint", "Montaser", "Anas", "Khaled"):
        assert not is_greek_route_word(word), word


def _greek(n: int, first: str, father: str = "", family: str = "") -> dict[str, str]:
    return _person(record_id=f"g{n}", first_name=first, father_name=father, family_name=family)


def test_a_list_written_through_greek_is_marked_and_an_english_one_is_not() -> None:
    greek = [
        _greek(1, "MOCHAMANT", "ACHMANT", "AL ALI"),
        _greek(2, "TZAMAL", "IMPRACHIM", "AMPSI"),
        _greek(3, "CHALINT", "GIASER", "AL KOURNTI"),
        _greek(4, "SAMER", "ALI", "AL TZAMPIRI"),
        _greek(5, "FATIMA", "CHASAN", "AL OGKAINTI"),
        _greek(6, "AMAR", "MOCHAMENT", "SALE"),
    ]
    english = [
        _person(record_id=f"e{n}", first_name=first, father_name=father, family_name="Haddad")
        for n, (first, father) in enumerate(
            [("Antoun", "Hanna"), ("Munther", "Ali"), ("Hantoush", "Omar"), ("Rana", "Samir")] * 3
        )
    ]
    marked = mark_greek_lists([*greek, *english], ["gr"] * 6 + ["en"] * 12)
    assert [bool(r.get(GREEK_LIST)) for r in marked] == [True] * 6 + [False] * 12
    # The engine marks lists so (``mark_lists``).
    assert mark_lists(greek, ["gr"] * 6)[0].get(GREEK_LIST)


def test_a_christian_list_s_antwan_or_one_spelling_repeated_is_not_the_greek_route() -> None:
    # Antwan, Antranik: an nt before w or r is a French or English list's. And one word the
    # Greek route's way written over and over is one family's spelling, not the list's alphabet:
    # read as Greek, its "Chadi" would be هادي and meet a هادي نصر (the review's finding).
    for word in ("Antwan", "Antranik"):
        assert not is_greek_route_word(word), word
    christian = [
        _person(record_id=f"c{n}", first_name=first, family_name=family)
        for n, (first, family) in enumerate(
            [("Georges", "Haddad")] * 50
            + [("Chadi", "Nasr"), ("Michel", "Khoury")]
            + [("Vincent", "Khoury")] * 6
        )
    ]
    marked = mark_greek_lists(christian, ["fr"] * len(christian))
    assert not any(r.get(GREEK_LIST) for r in marked)


def test_the_lists_names_choose_a_doubtful_letter_and_a_name_as_written_stays() -> None:
    arabic = [
        _person(record_id=f"a{n}", first_name=first, father_name=father, family_name="العلي")
        for n, (first, father) in enumerate(
            [("خالد", "حسن"), ("خالد", "شادي"), ("سامر", "حسن"), ("خالد", "شادي")] * 2
        )
    ]
    greek = [
        {**_greek(n, first, father, "AL ALI"), GREEK_LIST: "1"}
        for n, (first, father) in enumerate(
            [("CHALINT", "CHASAN"), ("SAMER", "SANTI"), ("ACHMANT", "SAMER")] * 2
        )
    ]
    vocabulary = ListVocabulary.of([*arabic, *greek])
    given = ListVocabulary.GIVEN
    assert vocabulary.greek_letters("CHALINT", given) == "KHALID"  # خالد, not حالد
    assert vocabulary.greek_letters("CHASAN", given) == "HASAN"  # حسن, not خسن
    assert vocabulary.greek_letters("SANTI", given) == "SHADI"  # شادي
    assert vocabulary.greek_letters("SAMER", given) == "SAMER"  # سامر stays
    # A word that shows the route is read its likeliest way, however seldom the lists write it.
    assert vocabulary.greek_letters("ACHMANT", given) == "AHMAD"

    def first_key(record: dict[str, str]) -> str:
        return record_readings(record, vocabulary)[0][0]["first_k"]

    assert first_key(greek[0]) == first_key(arabic[0])  # CHALINT ~ خالد
    assert record_readings(greek[1], vocabulary)[0][0]["father_k"] == arabic_key("شادي")


def test_a_name_in_greek_letters_is_read_in_any_list() -> None:
    record = _person(record_id="1", first_name="ΑΧΜΕΝΤ", family_name="ΑΛ ΧΑΛΑΚ")
    vocabulary = ListVocabulary.of([record, _person(record_id="2", first_name="أحمد")])
    features = record_readings(record, vocabulary)[0][0]
    assert features["first_k"] == arabic_key("أحمد")
    assert features["family_k"] == arabic_key("الحلاق")


def test_a_greek_list_reads_its_towns_the_greek_route_way() -> None:
    row = {**_person(birth_place="INTLIMP", place_of_arrest="CHOMS"), GREEK_LIST: "1"}
    vocabulary = ListVocabulary.of([row])
    features = record_readings(row, vocabulary)[0][0]
    assert (
        features["birth_place_k"] == record_features(_person(birth_place="إدلب"))["birth_place_k"]
    )
    damascus = record_features(_person(birth_place="دمشق"))["birth_place_k"]
    assert record_features(_person(birth_place="Damaskos"))["birth_place_k"] == damascus


def test_a_greek_office_s_unknown_is_no_name_and_1900_01_01_no_year() -> None:
    for unknown in ("AGNOSTO", "ΑΓΝΩΣΤΟ", "ΑΓΝΟΣΤΟ", "άγνωστος"):
        assert read_name_cells(_person(father_name=unknown))["father_name"] == ""
    assert record_features(_person(birth_year="01/01/1900"))["birth_year"] is None
    assert record_features(_person(birth_year="01/01/1977"))["birth_year"] == 1977
