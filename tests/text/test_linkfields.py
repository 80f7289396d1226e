"""Dates as the camps of Iraqi Kurdistan and a Gulf residence card write them (issue 15, branch
`linkfields`; set 15): Sorani month names with a year, a Hijri date with an "H" glued to it.
Synthetic values only."""

from __future__ import annotations

import datetime

import pytest

from mizan.text.dates import hijri_date_in, hijri_year_in, month_in


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("ئازار ٢٠١٣", 3),
        ("تشرینی یەکەم ۲۰۱۲", 10),
        ("تشرینی دووەم 2012", 11),
        ("کانوونی دووەم ٢٠١٣", 1),
        ("کانوونی یەکەم ۲۰۱۴", 12),
        ("حوزەیران ٢٠١٢", 6),
        ("تەمموز ۲۰۱۴", 7),
        ("ئاب ٢٠١٤", 8),
        ("ئایار ٢٠١٢", 5),
        ("شوبات ۲۰۱۵", 2),
        ("ئەیلوول 2013", 9),
        ("مايس 2013", 5),
        # … and the Arabic names still read as before.
        ("تشرين الأول 2012", 10),
        ("كانون الثاني 2013", 1),
    ],
)
def test_a_sorani_month_name_is_read(text: str, month: int) -> None:
    assert month_in(text) == month


def test_a_sorani_izafe_alone_names_no_month() -> None:
    # «تشرینی» ("of Tishrin") without "first" or "second" may be either.
    assert month_in("تشرینی ۲۰۱۲") is None


@pytest.mark.parametrize(
    ("text", "year"),
    [("04/04/1400H", 1980), ("17/01/1405h", 1984), ("19/08/1398 H", 1978)],
)
def test_a_hijri_date_with_an_h_suffix_is_read(text: str, year: int) -> None:
    assert hijri_year_in(text) == year


def test_the_h_suffix_reads_the_day() -> None:
    read = hijri_date_in("12/5/1434H")
    assert read is not None
    assert read.first == read.last == datetime.date(2013, 3, 24)


@pytest.mark.parametrize("text", ["12/5/1434", "1434 Harasta", "12/05/2013"])
def test_no_h_no_hijri(text: str) -> None:
    assert hijri_date_in(text) is None
