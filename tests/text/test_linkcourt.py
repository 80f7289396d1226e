"""Hijri dates as Sharia courts and civil registries write them, and the court's words before a
name (issue 15, set 14's Idlib court). Synthetic names only."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mizan.text import name_keys, to_ascii_digits
from mizan.text.dates import hijri_date_in, hijri_year_in, is_approximate
from mizan.text.names import drop_titles

MARCH_24_2013 = datetime.date(2013, 3, 24)


@pytest.mark.parametrize(
    "text",
    [
        "12/5/1434 هـ",
        "12/05/1434هـ",
        "1434/05/12هـ",
        "12-05-1434 ه",
        "12 جمادى الأولى 1434 هـ",
        "12 جمادى الاولى 1434",
    ],
)
def test_a_hijri_day_is_its_umm_al_qura_gregorian_day(text: str) -> None:
    # Day first, year first, with or without «هـ», in digits or with the month's name.
    date = hijri_date_in(text)
    assert date is not None
    assert (date.first, date.last) == (MARCH_24_2013, MARCH_24_2013)
    assert hijri_year_in(text) == 2013


@pytest.mark.parametrize("text", ["12/5/1434", "1434/5/12", "01/07/1421"])
def test_a_hijri_day_without_its_mark_is_read_only_in_a_hijri_list(text: str) -> None:
    # Without «هـ», 01/07/1421 is as likely OCR's 01/07/1971 as a Hijri date: read only where
    # the list dates in Hijri (``unmarked``).
    assert hijri_date_in(text) is None
    assert hijri_date_in(text, unmarked=True) is not None


@pytest.mark.parametrize("text", ["١٢/٥/١٤٣٤ هـ", "۱۴۳۴/۰۵/۱۲هـ"])
def test_arabic_indic_and_persian_digits_read_as_ascii(text: str) -> None:
    date = hijri_date_in(to_ascii_digits(text))
    assert date is not None and date.first == MARCH_24_2013


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # A month and year: the month's days (Rabiʿ I 1434, January to February 2013).
        ("ربيع الأول 1434", datetime.date(2013, 1, 13), datetime.date(2013, 2, 10)),
        ("ربيع الاول ١٤٣٤ هـ", datetime.date(2013, 1, 13), datetime.date(2013, 2, 10)),
        ("05/1434 هـ", datetime.date(2013, 3, 13), datetime.date(2013, 4, 10)),
        # A year with its marker: the year's days.
        ("1405 هـ", datetime.date(1984, 9, 26), datetime.date(1985, 9, 14)),
    ],
)
def test_a_hijri_month_or_year_is_the_gregorian_days_it_spans(
    text: str, first: datetime.date, last: datetime.date
) -> None:
    date = hijri_date_in(to_ascii_digits(text))
    assert date is not None
    assert (date.first, date.last) == (first, last)


def test_a_hijri_year_is_the_gregorian_year_holding_most_of_it() -> None:
    # 1405 ran from September 1984 to September 1985: 1985; 1413 from July 1992 to June 1993.
    assert hijri_year_in("1405 هـ") == 1985
    assert hijri_year_in("1413 هـ") == 1992


def test_the_thirtieth_of_a_short_month_is_its_last_day() -> None:
    # A court that sighted the moon a day late dates a 30 Jumada I the tables do not have.
    date = hijri_date_in("30/5/1434 هـ")
    assert date is not None and date.first == datetime.date(2013, 4, 10)


@pytest.mark.parametrize(
    "text",
    ["1405", "17/04/2013", "2013/04/17", "نيسان 2013", "ربيع 2013", "32/5/1434", "1/13/1434"],
)
def test_no_hijri_date_where_none_is_written(text: str) -> None:
    # A bare 1405 says no calendar; a Gregorian date, a spring and a 13th month are no Hijri day.
    assert hijri_date_in(text) is None


def test_rabi_is_a_hijri_month_not_the_spring() -> None:
    assert not is_approximate("ربيع الأول 1434")
    assert not is_approximate("١٢ ربيع الثاني ١٤٣٤ هـ")
    assert is_approximate("ربيع 2013")


@given(st.text(max_size=30))
def test_any_text_reads_as_a_hijri_date_or_none(text: str) -> None:
    date = hijri_date_in(text)
    assert date is None or date.first <= date.last


@given(st.integers(1343, 1499), st.integers(1, 12), st.integers(1, 29))
def test_every_hijri_day_of_the_tables_is_read(year: int, month: int, day: int) -> None:
    date = hijri_date_in(f"{day}/{month}/{year} هـ")
    assert date is not None and date.first == date.last
    # … and year first without «هـ», in a list that dates in Hijri.
    unmarked = hijri_date_in(f"{year}/{month}/{day}", unmarked=True)
    assert unmarked is not None and unmarked.first == date.first


@pytest.mark.parametrize(
    "text",
    [
        "الغائب حسام",
        "الغائبة حسام",
        "الغائب المفقود حسام",
        "المفقودة حسام",
        "المدعى غيابه حسام",
        "المدعى وفاته حسام",
        "المتوفى حسام",
    ],
)
def test_the_courts_words_before_a_name_are_no_name(text: str) -> None:
    assert drop_titles(text) == "حسام"
    assert name_keys(text) == name_keys("حسام")


def test_a_courts_word_after_the_first_name_is_kept() -> None:
    assert drop_titles("حسام الغائب") == "حسام الغائب"
