"""A name copied from a passport's machine-readable zone (issue 15, set 8's asylum list):
«SALAMA<<SOLEIMAN<MAHMUD» is the family name, then the given names, «<» for a space and
trailing «<» as filler."""

from __future__ import annotations

import pytest

from mizan.linkage.features import ListVocabulary, record_features
from mizan.text.names import parse_full_name
from tests.linkage.rows import person as _person


@pytest.mark.parametrize(
    ("text", "first", "father", "family"),
    [
        ("SALAMA<<SOLEIMAN<MAHMUD", "SOLEIMAN", "MAHMUD", "SALAMA"),
        ("HAMSI<<MOSTAFA", "MOSTAFA", "", "HAMSI"),
        ("EL<MEQDAD<<LAMA<KHALAF<<<<<<<<<<<<<<<<<", "LAMA", "KHALAF", "EL MEQDAD"),
        ("ALMASALMA<<MUSTAFA<<<<<<<<<<<<<<<<<<<<<", "MUSTAFA", "", "ALMASALMA"),
        ("EL<NAJAR<<ABD<AL<RAHMAN<OMAR", "ABD AL RAHMAN", "OMAR", "EL NAJAR"),
        ("HADDAD<<HANNA<NICOLAS", "HANNA", "NICOLAS", "HADDAD"),
        ("ABU<FAJR<<MAHMUD", "MAHMUD", "", "ABU FAJR"),
    ],
)
def test_a_passport_zone_name_is_family_then_given_names(
    text: str, first: str, father: str, family: str
) -> None:
    best = parse_full_name(text)[0]
    assert (best.parts["first_name"], best.parts["father_name"]) == (first, father)
    assert best.parts["family_name"] == family
    assert best.confidence >= 0.9


def test_a_passport_zone_name_gets_the_keys_of_the_arabic_record() -> None:
    rows = [
        _person(full_name="EL<MEQDAD<<LAMA<KHALAF<<<<<<<<<<<<<<<<<"),
        _person(full_name="Lama Khalaf EL-MEQDAD"),
    ]
    vocabulary = ListVocabulary.of(rows)
    passport, typed = (record_features(row, vocabulary) for row in rows)
    for part in ("first", "father", "family"):
        assert passport[f"{part}_k"] == typed[f"{part}_k"], part
    # The vocabulary counts the zone's words one by one.
    assert vocabulary.count("KHALAF") == 2


def test_a_passport_name_keys_like_the_arabic_name() -> None:
    features = record_features(_person(full_name="EL<NAJAR<<ABD<AL<RAHMAN<OMAR"))
    arabic = record_features(
        _person(first_name="عبد الرحمن", father_name="عمر", family_name="النجار")
    )
    for part in ("first_k", "father_k", "family_k"):
        assert features[part] == arabic[part], part


def test_a_name_with_angle_brackets_but_no_double_is_not_read_as_a_passport_name() -> None:
    assert parse_full_name("Ahmad <Hamwi>")[0].form != "family, given"
