"""Handwritten ledgers read by HTR (issue 15, branch `linkhtr`, set 13): a record whose first name
could not be read is not a brother's record of the same ledger, and a list whose names show
their dots misread reads a seldom spelling as the name whose dots it lost (synthetic people)."""

from __future__ import annotations

from mizan.linkage import link
from tests.linkage.rows import person

_FIRSTS = ("سامر", "خالد", "عمر", "ياسر", "مازن", "وائل", "فراس", "نزار", "هشام", "باسل")
_FAMILIES = ("الحلبي", "السيد", "النجار", "الخطيب", "العمر", "الحسن", "الشامي", "البكري")


def _others(count: int) -> list[dict[str, str]]:
    """Other people of the ledger, each once (no two share a first and a family name)."""
    return [
        person(
            record_id=f"o{n}",
            first_name=_FIRSTS[n % len(_FIRSTS)],
            father_name=_FIRSTS[(n + 3) % len(_FIRSTS)],
            family_name=_FAMILIES[n // len(_FIRSTS)],
            birth_year=str(1960 + n % 30),
            date_of_arrest=f"{2011 + n % 6}",
        )
        for n in range(count)
    ]


def _brothers(unread_year: str, unread_arrest: str) -> list[dict[str, str]]:
    family = {
        "father_name": "أحمد",
        "grandfather_name": "غسان",
        "family_name": "الأحمد",
        "mother_name": "حنان",
        "sex": "ذكر",
    }
    return [
        person(
            record_id="b1", first_name="غسان", birth_year="1970", date_of_arrest="2012", **family
        ),
        person(
            record_id="b2",
            first_name="(غير مقروء)",
            birth_year=unread_year,
            date_of_arrest=unread_arrest,
            **family,
        ),
    ]


def _clusters(unread_year: str, unread_arrest: str) -> list[int]:
    records = [*_brothers(unread_year, unread_arrest), *_others(60)]
    result = link(records, sources=["ledger"] * len(records))
    return result.clusters


def test_an_unread_first_name_is_not_his_brothers_in_one_ledger() -> None:
    # Two years of birth apart, one year of arrest: all they share is the family's.
    clusters = _clusters("1968", "2012")
    assert clusters[0] != clusters[1]


def test_an_unread_first_name_with_his_own_year_is_still_one_person() -> None:
    clusters = _clusters("1970", "2012")
    assert clusters[0] == clusters[1]
