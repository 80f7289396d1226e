"""«السيد» before a four-part name is the honorific in the lists' vote on word order as in the
parser: the name is not read family-first with its real first name as the family (issue 15,
set 15's directorates' decisions; review of linkfather)."""

from __future__ import annotations

from mizan.linkage.features import ListVocabulary, natural_order_odds, record_readings
from tests.linkage.rows import person


def _vocabulary() -> ListVocabulary:
    # Lists where السيد is a family name written last, and the given names are given names.
    rows = [
        person(first_name=first, father_name=father, family_name="السيد")
        for first, father in [("حسام", "عبد القادر"), ("محمد", "خالد"), ("علي", "حسن")] * 15
    ] + [
        person(first_name=first, father_name=father, family_name=family)
        for first, father, family in [
            ("أحمد", "محمود", "العلي"),
            ("إياد", "أحمد", "الحمصي"),
            ("قاسم", "علي", "الخطيب"),
            ("سامر", "قاسم", "العلي"),
        ]
        * 1
    ]
    return ListVocabulary.of(rows)


def test_the_honorific_is_not_a_family_name_written_first() -> None:
    vocabulary = _vocabulary()
    text = "السيد أحمد إياد قاسم العلي"
    assert natural_order_odds(text, vocabulary) > 0
    parts = record_readings(person(full_name=text), vocabulary, with_parts=True)[0][2]
    assert (parts["first"], parts["father"], parts["family"]) == ("أحمد", "إياد", "العلي")


def test_a_family_name_first_is_still_read_first() -> None:
    vocabulary = _vocabulary()
    parts = record_readings(person(full_name="الخطيب سامر قاسم"), vocabulary, with_parts=True)
    assert (parts[0][2]["first"], parts[0][2]["family"]) == ("سامر", "الخطيب")
