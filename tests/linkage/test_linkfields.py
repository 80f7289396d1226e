"""The cells beside the name as real lists write them (issue 15, branch `linkfields`; set 15):
«تولد حماة 1975» in the place of birth's cell, a place written governorate first («ريف دمشق -
حرستا»), the sex in Sorani (نێر، مێ), a Hijri date of birth with an "H" glued to it, Sorani
months in a date of arrest, and a year of arrest given alone against a date in the following
January (a directorate's start of absence, a family's day of learning). Synthetic people only."""

from __future__ import annotations

import pytest

from mizan.linkage.engine import score_pair
from mizan.linkage.features import record_features, sex_of
from mizan.linkage.problems import record_problems
from tests.linkage.rows import person


@pytest.mark.parametrize(
    ("written", "sex"), [("نێر", "M"), ("مێ", "F"), ("نێرینە", "M"), ("مێینە", "F"), ("ذكر", "M")]
)
def test_the_sex_written_in_sorani_is_read(written: str, sex: str) -> None:
    assert sex_of(written) == sex


def test_a_birth_place_with_the_year_gives_the_place_and_the_year() -> None:
    decree = record_features(person(full_name="علي أحمد حمدان", birth_place="تولد حماة 1975"))
    other = record_features(
        person(full_name="علي أحمد حمدان", birth_place="حماة", birth_year="1975")
    )
    assert decree["birth_year"] == 1975
    assert decree["birth_place_k"] == other["birth_place_k"]
    # The year's cell, when it writes one, is the year; the place's is then only the place.
    given = record_features(
        person(full_name="علي أحمد حمدان", birth_place="مواليد حمص ١٩٨٠", birth_year="1981")
    )
    assert given["birth_year"] == 1981
    assert given["birth_place_k"] == record_features(person(birth_place="حمص"))["birth_place_k"]
    # A civil-registry entry's number is no year of birth.
    registry = record_features(person(full_name="علي أحمد حمدان", birth_place="قيد كفرنبل 1990"))
    assert registry["birth_year"] is None


def test_a_place_written_governorate_first_is_keyed_by_its_town() -> None:
    dash = record_features(person(birth_place="ريف دمشق - حرستا"))
    assert dash["birth_place_k"] == record_features(person(birth_place="HARASTA"))["birth_place_k"]
    assert dash["birth_place_k"] == record_features(person(birth_place="حرستا"))["birth_place_k"]
    assert dash["birth_place_wide"] is False
    # A governorate alone (or twice) is still nothing finer than a governorate.
    assert record_features(person(birth_place="الحسكة - الحسكة"))["birth_place_wide"] is True


@pytest.mark.parametrize(
    ("written", "governorate"),
    [
        ("حمص - المدينة", "حمص"),
        ("حلب - الريف", "حلب"),
        ("Homs - city", "حمص"),
        ("Homs - centre", "حمص"),
        ("Aleppo - Center", "حلب"),
        ("Idlib - countryside", "إدلب"),
        ("حماة - مركز المدينة", "حماة"),
        ("حمص المدينة", "حمص"),
        ("Halep Merkez", "حلب"),
        ("المدينة - حمص", "حمص"),
        ("دمشق - الريف", "ريف دمشق"),
        ("Damascus - countryside", "ريف دمشق"),
    ],
)
def test_a_governorate_with_a_word_for_its_city_or_countryside_is_the_governorate(
    written: str, governorate: str
) -> None:
    """«حمص - المدينة» is Homs, no town called "the city": keyed as the governorate, nothing
    finer than it, so that it neither meets another governorate's «المدينة» as one town nor
    stands against a town of its own."""
    read = record_features(person(birth_place=written))
    alone = record_features(person(birth_place=governorate))
    assert read["birth_place_k"] == alone["birth_place_k"]
    assert read["birth_place_wide"] is True
    elsewhere = "حمص - المدينة" if governorate == "حلب" else "حلب - المدينة"
    other = record_features(person(birth_place=elsewhere))
    assert not set(read["birth_place_parts"]) & set(other["birth_place_parts"])


def test_a_town_beside_its_governorate_is_still_the_town() -> None:
    """… while a town so written keeps its own key («حمص - المدينة - الخالدية»), and a generic
    word alone is left as written (المدينة may be Medina)."""
    read = record_features(person(birth_place="حمص - المدينة - الخالدية"))
    town = record_features(person(birth_place="الخالدية"))
    assert read["birth_place_k"] == town["birth_place_k"]
    assert read["birth_place_wide"] is False
    assert record_features(person(birth_place="المدينة"))["birth_place_wide"] is False


def test_a_hijri_birth_date_with_an_h_is_read_and_not_flagged() -> None:
    row = person(full_name="HASAN ANAS AL HUSAIN", birth_year="04/04/1400H", date_of_arrest="2013")
    assert record_features(row)["birth_year"] == 1980
    assert [problem.code for problem in record_problems(row)] == []


def test_sorani_months_give_the_month_of_arrest() -> None:
    camps = record_features(person(date_of_arrest="تشرینی یەکەم ۲۰۱۲"))
    assert (camps["arrest_year"], camps["arrest_month"]) == (2012, "2012-10")
    assert record_features(person(date_of_arrest="ئازار ٢٠١٣"))["arrest_month"] == "2013-03"


def _arrest_evidence(a: str, b: str) -> float:
    first = person(full_name="سامر خالد المحاميد", birth_year="1985", date_of_arrest=a)
    second = person(full_name="سامر خالد المحاميد", birth_year="1985", date_of_arrest=b)
    return next(f for f in score_pair(first, second).fields if f.field == "date_of_arrest").weight


def test_a_year_alone_against_the_next_january_is_no_evidence() -> None:
    # A decision dates the absence from 8 January 2013; the comrades remember «2012».
    assert _arrest_evidence("2012", "2013/01/08") == 0
    assert _arrest_evidence("2013/01/08", "2012") == 0
    # A year alone against the December before it stays a year apart (namesakes of set 3).
    assert _arrest_evidence("2013", "28/12/2012") < -5
    # Further than the turn of the year, a year apart still tells two arrests apart.
    assert _arrest_evidence("2012", "2013/03/08") < -5
    assert _arrest_evidence("2012", "2011/01/08") < -5
    # A date in the next month of the same year is the same year's evidence.
    assert _arrest_evidence("2013/06/14", "2013/07/02") > 2


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("حاجز عفرين", "AFRIN CHECKPOINT"),
        ("معبر نصيب", "NASSIB BORDER"),
        ("مطار دمشق الدولي", "DAMASCUS INTERNATIONAL AIRPORT"),
        ("حاجز تل رفعت", "TAL RIFAAT CHECKPOINT"),
        ("جديدة يابوس", "JDEIDET YABOUS BORDER CROSSING"),
    ],
)
def test_a_place_of_arrest_is_its_name_whichever_side_its_kind_is_written(
    arabic: str, latin: str
) -> None:
    a = record_features(person(place_of_arrest=arabic))["arrest_place_parts"]
    b = record_features(person(place_of_arrest=latin))["arrest_place_parts"]
    assert set(a) & set(b)


def test_the_kind_of_place_alone_names_no_place_of_arrest() -> None:
    assert record_features(person(place_of_arrest="CHECKPOINT"))["arrest_place_parts"] is None
    # … and a branch keeps its number.
    assert record_features(person(place_of_arrest="الفرع 215"))["arrest_place_parts"] == ["#215"]


@pytest.mark.parametrize(
    ("kurdish", "arabic"),
    [("كوباني", "عين العرب"), ("کۆبانی", "KOBANI"), ("قامشلو", "القامشلي"), ("ديريك", "المالكية")],
)
def test_a_kurdish_town_name_in_arabic_letters_is_the_town(kurdish: str, arabic: str) -> None:
    a = record_features(person(birth_place=kurdish))
    b = record_features(person(birth_place=arabic))
    assert a["birth_place_k"] == b["birth_place_k"]
