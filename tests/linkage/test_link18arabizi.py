"""Arabizi in a families' WhatsApp roll-call (issue 15, set 18, branch `link18arabizi`): the
family name العبد الله typed "el 3abd allah" (or written "al-ʿAbd Allāh"), the name after ʿAbd
and the article glued to it ("3bdel2adir" عبد القادر), and the fa''āl names ending in a 2
("3abdalrazza2" عبد الرزاق)."""

from __future__ import annotations

import pytest

from mizan.linkage.features import ListVocabulary, record_readings
from mizan.text import name_keys
from mizan.text.names import name_words
from tests.linkage.rows import person


def _parts(full_name: str) -> tuple[str, str, str, str]:
    parts = record_readings(person(full_name=full_name), None, with_parts=True)[0][2]
    return parts["first"], parts["father"], parts["grandfather"], parts["family"]


@pytest.mark.parametrize(
    ("full_name", "family"),
    [
        ("a7mad a7mad al 3abd allah", "al 3abd allah"),
        ("A7mad a7mad El 3Abd Allah", "El 3Abd Allah"),
        ("mustafa mousa el 3abd allah", "el 3abd allah"),
        ("Mohammad Ali el-3abd allah", "el-3abd allah"),
        ("Ahmad ʿAlī al-ʿAbd Allāh", "al-ʿAbd Allāh"),
        ("Ahmad Ali al-'Abd Allah", "al-'Abd Allah"),
    ],
)
def test_the_family_abd_allah_typed_with_a_digit_or_a_sign_is_one_name(
    full_name: str, family: str
) -> None:
    words = name_words(full_name)
    assert words[-1] == family
    assert len(words) == 3


def test_an_arabizi_abd_allah_family_is_not_read_as_a_grandfather() -> None:
    arabizi = _parts("a7mad a7mad al 3abd allah")
    arabic = _parts("أحمد أحمد العبد الله")
    assert arabizi[2] == arabic[2] == ""
    assert [name_keys(part) for part in arabizi] == [name_keys(part) for part in arabic]


def test_abd_alone_before_a_name_with_the_article_stays_a_family_name_first() -> None:
    # «العبد» before a given name is the family name written first, not a compound.
    assert name_words("EL 3ABD Ahmad Khaled") == ["EL 3ABD", "Ahmad", "Khaled"]


@pytest.mark.parametrize(
    ("arabizi", "arabic"),
    [
        ("3bdul2adir", "عبد القادر"),
        ("3bdel2adir", "عبد القادر"),
        ("abdul2adir", "عبد القادر"),
        ("3abdel2adir", "عبد القادر"),
        ("3bdalrazza2", "عبد الرزاق"),
        ("3abdelrazza2", "عبد الرزاق"),
    ],
)
def test_a_2_for_qaf_in_an_abd_compound_or_after_a_doubled_letter(
    arabizi: str, arabic: str
) -> None:
    assert name_keys(arabizi) == name_keys(arabic)


@pytest.mark.parametrize(
    ("arabizi", "arabic"),
    [("wafa2", "وفاء"), ("asma2", "أسماء"), ("du3a2", "دعاء"), ("Mu2min", "مؤمن")],
)
def test_a_2_for_hamza_stays_a_hamza(arabizi: str, arabic: str) -> None:
    assert name_keys(arabizi) == name_keys(arabic)


def _orders(full_name: str) -> list[tuple[str, str]]:
    readings = record_readings(person(full_name=full_name), None, with_parts=True)
    return [(parts["first"], parts["family"]) for _, _, parts in readings]


@pytest.mark.parametrize(
    ("full_name", "first", "family"),
    [
        ("Sa3id El 7usain", "Sa3id", "El 7usain"),
        ("5alid 3umar El 7usain", "5alid", "El 7usain"),
        ("3ali el 7asan", "3ali", "el 7asan"),
    ],
)
def test_a_name_typed_in_arabizi_is_read_in_the_order_it_is_said(
    full_name: str, first: str, family: str
) -> None:
    # Not also family name first: "Sa3id El 7usain" read so met «حسن محمود السيد».
    assert _orders(full_name) == [(first, family)]


def test_a_latin_name_without_arabizi_is_still_read_both_ways() -> None:
    assert _orders("Said El Husain") == [("Said", "El Husain"), ("El Husain", "Said")]


def test_an_arabizi_8_is_read_as_qaf_where_the_lists_write_the_name_so() -> None:
    lists = ListVocabulary.of([person(first_name="قاسم", family_name="الحسن")] * 10)
    assert lists.letters("8asem") == "qasem"
    # … and stays غ where they write the name with غ, or neither.
    lists = ListVocabulary.of([person(first_name="غسان", family_name="الحسن")] * 10)
    assert lists.letters("8assan") == "8assan"
    assert name_keys("8assan") == name_keys("غسان")


@pytest.mark.django_db(transaction=True)
def test_migration_0018_keys_the_arabizi_abd_qaf_again() -> None:
    """0018: «3bdel2adir» is keyed as عبد القادر and «3abdalrazza2» as عبد الرزاق."""
    from mizan.cases.models import Person
    from tests.cases.test_name_keys_migrations import _keys_after_migrating_from, _keys_rebuilt

    person = Person.objects.create(
        name_as_written="3bdel2adir 3abdalrazza2", family_name_lat="3abdalrazza2", sensitivity=2
    )
    fresh = _keys_rebuilt(person)
    assert {"abdkdr", "abdrzk"} <= fresh and "abdadr" not in fresh
    # As 0017 left them: the 2 read as a hamza.
    stale = ("abdadr", "abdrz")
    assert _keys_after_migrating_from("0017_name_keys_arabizi_final_qaf", person, stale) == fresh
