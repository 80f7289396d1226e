"""Arabic ↔ Arabic and within-list losses (issue 15, branch `linkarabic`): records that give only
a first and a father's name, a rare family name written alike, an ʿAbd misread by OCR."""

from __future__ import annotations

from mizan.linkage.engine import link, score_pair
from mizan.linkage.features import ListVocabulary, record_features
from mizan.linkage.model import BLOCKING_RULES, BLOCKING_WITHOUT, RARE_LEVEL_LABEL
from tests.linkage.rows import person as _person


def _others(count: int) -> list[dict[str, str]]:
    return [
        _person(first_name=name, father_name="علي", family_name=f"العلي{i}")
        for i, name in enumerate(["سامر", "باسل", "مازن", "وليد", "فادي"][:count])
    ]


def test_first_and_father_alone_are_scored_against_a_record_with_a_family_name() -> None:
    # A burial document giving a compound first name and the father's, no family name and no
    # year: no other rule puts it beside the families' record.
    assert BLOCKING_WITHOUT[("first_rasm", "father_rasm")] == "family_k"
    assert ("first_rasm", "father_rasm") in BLOCKING_RULES
    families = _person(full_name="عبدالقادر فادي الفارس", date_of_arrest="2012-04-20")
    burial = _person(full_name="عبد القادر", father_name="فادي", date_of_arrest="20/04/2012")
    result = link([families, burial, *_others(3)], sources=["families", "burial", "x", "y", "z"])
    assert result.clusters[0] == result.clusters[1]


def test_the_rule_is_not_for_two_records_that_both_give_a_family_name() -> None:
    # Namesakes: the same first and father's names, two family names.
    a = _person(first_name="محمد", father_name="أحمد", family_name="الحسن")
    b = _person(first_name="محمد", father_name="أحمد", family_name="الخطيب")
    result = link([a, b, *_others(3)], sources=["a", "b", "x", "y", "z"])
    assert result.clusters[0] != result.clusters[1]
    assert not result.pairs


def test_a_family_name_written_by_one_family_alone_is_strong_evidence() -> None:
    records = [
        _person(full_name="انس صزات", date_of_arrest="2011-11"),
        _person(full_name="انس جمال احمد صزات"),
        *[_person(first_name="محمد", family_name="الحسن") for _ in range(8)],
    ]
    vocabulary = ListVocabulary.of(records)
    rare = record_features(records[0], vocabulary)
    common = record_features(records[2], vocabulary)
    assert rare["family_rare"] is True and common["family_rare"] is False
    # Across scripts a spelling says nothing of the family's size: Latin lists are small.
    assert record_features(_person(full_name="Anas SAZAT"), vocabulary)["family_rare"] is True
    pair = score_pair(records[0], records[1], population=20_000)
    family = next(f for f in pair.fields if f.field == "family")
    assert family.level == RARE_LEVEL_LABEL and family.weight > 11


def test_the_rare_level_is_not_given_to_latin_spellings() -> None:
    a = _person(full_name="Anas SAZAT")
    b = _person(full_name="Anas Jamal SAZAT")
    family = next(f for f in score_pair(a, b).fields if f.field == "family")
    assert family.level != RARE_LEVEL_LABEL


def test_a_year_of_birth_and_a_date_of_arrest_in_each_others_column_are_read_back() -> None:
    swapped = record_features(
        _person(first_name="محمد", birth_year="٢٠١٢", date_of_arrest="١٥/٠٧/١٩٧١")
    )
    assert (swapped["birth_year"], swapped["arrest_year"], swapped["arrest_month"]) == (
        1971,
        2012,
        "2012-07",
    )
    # A year apart is a slip in one of them, not the two swapped: left as written.
    slip = record_features(_person(first_name="محمد", birth_year="2013", date_of_arrest="2012"))
    assert (slip["birth_year"], slip["arrest_year"]) == (2013, 2012)
    families = _person(full_name="محمد شادي خضر", birth_year="1971", date_of_arrest="2012-07-15")
    official = _person(
        first_name="محمد",
        father_name="شادي",
        family_name="الخضر",
        birth_year="٢٠١٢",
        date_of_arrest="١٥/٠٧/١٩٧١",
    )
    result = link([families, official, *_others(3)], sources=["f", "o", "x", "y", "z"])
    assert result.clusters[0] == result.clusters[1]
