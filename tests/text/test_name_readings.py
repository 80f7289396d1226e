"""Reading full names written in every order and form lists use (issue 15)."""

from __future__ import annotations

import pytest

from mizan.linkage.features import record_features
from mizan.text import name_keys
from mizan.text.names import parse_full_name


@pytest.mark.parametrize(
    ("text", "first", "father", "family", "form"),
    [
        ("HAMWI, Rana Khaled", "Rana", "Khaled", "HAMWI", "family, given"),
        ("Al-Hamwi, Rana Khaled", "Rana", "Khaled", "Al-Hamwi", "family, given"),
        ("الحموي، رنا خالد", "رنا", "خالد", "الحموي", "family, given"),
        ("HAMWI Rana Khaled", "Rana", "Khaled", "HAMWI", "FAMILY given"),
        ("AL HAMWI Rana Khaled", "Rana", "Khaled", "AL HAMWI", "FAMILY given"),
        ("Rana Khaled HAMWI", "Rana", "Khaled", "HAMWI", "given FAMILY"),
        ("Rana bint Khaled al-Hamwi", "Rana", "Khaled", "al-Hamwi", "son of"),
        ("Ahmad son of Mohammad Hamwi", "Ahmad", "Mohammad", "Hamwi", "son of"),
        ("أحمد بن محمد الحموي", "أحمد", "محمد", "الحموي", "son of"),
        ("Ahmad Mohammad Hamwi (Abu Khaled)", "Ahmad", "Mohammad", "Hamwi", "natural"),
        ("Ahmad Mohammad Hamwi a.k.a. Abu Khaled", "Ahmad", "Mohammad", "Hamwi", "natural"),
        ("أحمد محمد الحموي (أبو خالد)", "أحمد", "محمد", "الحموي", "natural"),
    ],
)
def test_every_order_is_read_into_parts(
    text: str, first: str, father: str, family: str, form: str
) -> None:
    best = parse_full_name(text)[0]
    assert (best.parts["first_name"], best.parts["father_name"]) == (first, father)
    assert best.parts["family_name"] == family
    assert best.form == form
    assert 0 < best.confidence <= 1


def test_without_any_sign_both_orders_are_offered_natural_first() -> None:
    readings = parse_full_name("Rana Khaled Hamwi")
    assert [r.form for r in readings] == ["natural", "family first"]
    assert readings[0].confidence > readings[1].confidence
    assert readings[1].parts["family_name"] == "Rana"


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("الحموي رنا خالد", "family first"),  # the article marks the family name
        ("al-Hamwi Rana Khaled", "family first"),
        ("Hamwi Rana Khaled", "family first"),  # no given name first, given names after
        ("Rana Khaled Hamwi", "natural"),
        ("إلياس خالد الحداد", "natural"),  # a given name that starts like the article
        ("محمد أحمد العلي", "natural"),
    ],
)
def test_the_family_name_first_without_a_sign_is_read_from_the_words(text: str, form: str) -> None:
    best = parse_full_name(text)[0]
    assert best.form == form
    if form == "family first":
        assert best.parts["father_name"] in ("خالد", "Khaled")


def test_a_comma_form_and_an_arabic_record_get_the_same_features() -> None:
    latin = record_features({"full_name": "HAMWI, Rana Khaled"})
    arabic = record_features({"first_name": "رنا", "father_name": "خالد", "family_name": "الحموي"})
    for part in ("first", "father", "family"):
        assert latin[f"{part}_k"] == arabic[f"{part}_k"], part


def test_the_mothers_first_name_is_read_from_her_full_name() -> None:
    for written in ("Fatima Hamwi", "HAMWI, Fatima", "HAMWI Fatima", "فاطمة"):
        assert record_features({"full_name": "x y", "mother_name": written})["mother_k"] == "ftm"


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("أحمد", "A7mad"),
        ("خالد", "5aled"),
        ("عمر", "3omar"),
        ("قاسم", "Kacem"),
        ("شادي", "Chadi"),
        ("مصطفى", "Moustafa"),
        ("عبد الرحمن", "Abdel Rahman"),
        ("جمال", "Djamal"),
        ("عبد الكريم", "3abdul Karim"),
        ("عبد الرحمن", "3abd al-Ra7man"),
    ],
)
def test_french_and_arabic_keyboard_spellings_meet_the_arabic(arabic: str, latin: str) -> None:
    assert name_keys(arabic) == name_keys(latin)


def test_a_number_stays_a_number() -> None:
    assert name_keys("1985") == []


def test_male_female_and_day_first_dates_are_read() -> None:
    features = record_features(
        {"full_name": "a b", "sex": "female", "date_of_arrest": "17/04/2013"}
    )
    assert features["sex"] == "F"
    assert features["arrest_month"] == "2013-04"
    ocr = record_features({"full_name": "a b", "birth_year": "7992", "national_id": "0123456789O"})
    assert ocr["birth_year"] is None
    assert ocr["national_id"] == "01234567890"
