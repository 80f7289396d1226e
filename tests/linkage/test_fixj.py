"""Review of set 18's readings (issue 15): the Arabizi ق after ʿAbd al- and after a doubled
letter kept off the names that open with a hamza or end in ـّاء (عبد الإله, عبد الأحد, حواء,
البناء), and an á inside a word (Czech, Hungarian, Spanish spelling: "Chálid", "Ádám") no
letter of ALA-LC, whose á is a final ى. Synthetic people only."""

from __future__ import annotations

import pytest

from mizan.linkage.features import ListVocabulary, record_features
from mizan.text.translit import has_scholarly_letters, name_key, name_keys, scholarly_readings
from tests.linkage.rows import person


@pytest.mark.parametrize(
    ("arabizi", "arabic"),
    [
        ("3abdel2ilah", "عبد الإله"),
        ("3bdel2a7ad", "عبد الأحد"),
        ("abdel2amir", "عبد الأمير"),
        ("7awwa2", "حواء"),
        ("el banna2", "البناء"),
        ("el farra2", "الفراء"),
        ("7azza2", "حذاء"),
    ],
)
def test_a_2_for_the_hamza_of_a_name_stays_a_hamza(arabizi: str, arabic: str) -> None:
    assert name_keys(arabizi) == name_keys(arabic)


@pytest.mark.parametrize(
    ("arabizi", "arabic"),
    [
        ("3bdel2adir", "عبد القادر"),
        ("abdul2adir", "عبد القادر"),
        ("3abdalrazza2", "عبد الرزاق"),
        ("3abdelkhalla2", "عبد الخلاق"),
    ],
)
def test_the_qaf_of_an_abd_compound_is_still_read(arabizi: str, arabic: str) -> None:
    assert name_keys(arabizi) == name_keys(arabic)


def test_a_final_doubled_a_2_is_read_as_qaf_where_the_lists_write_the_name_so() -> None:
    lists = ListVocabulary.of([person(first_name="خلاق", family_name="الحسن")] * 10)
    assert lists.letters("5alla2") == "5allaq"
    lists = ListVocabulary.of([person(first_name="حواء", family_name="الحسن")] * 10)
    assert lists.letters("7awwa2") == "7awwa2"


def test_an_acute_accent_inside_a_word_is_no_scholarly_letter() -> None:
    assert not has_scholarly_letters("Chálid", marks=True)
    assert not has_scholarly_letters("Ádám Valíd", marks=True)
    # ALA-LC's á, a final ى, still is.
    assert has_scholarly_letters("Yaḥyá")
    assert scholarly_readings("Yaḥyá")[0] == "يحيى"
    assert scholarly_readings("Jamál") == ("جمال",)


@pytest.mark.parametrize("first", ["Chálid", "Ádám", "Jamál"])
def test_a_czech_or_hungarian_spelling_is_keyed_as_the_registry_keys_it(first: str) -> None:
    features = record_features(person(first_name=first, father_name="Ahmad", family_name="Hasan"))
    assert features["first_rasm"] is None
    assert features["first_k"] == name_key(first)


def test_a_final_a_acute_still_marks_an_ala_lc_cell() -> None:
    features = record_features(person(first_name="Laylá", family_name="al-Ḥasan"))
    assert features["first_rasm"] is not None


@pytest.mark.django_db(transaction=True)
def test_migration_0019_keys_the_hamza_names_again() -> None:
    """0019: «7awwa2 3abdel2ilah» is keyed as حواء عبد الإله again, not with a ق."""
    from mizan.cases.models import Person
    from tests.cases.test_name_keys_migrations import _keys_after_migrating_from, _keys_rebuilt

    row = Person.objects.create(name_as_written="7awwa2 3abdel2ilah", sensitivity=2)
    fresh = _keys_rebuilt(row)
    assert "abdal" in fresh and "abdkl" not in fresh and "hkw" not in fresh
    # As 0018 left them: the 2 read as ق.
    stale = ("hkw", "abdkl")
    assert _keys_after_migrating_from("0018_name_keys_arabizi_abd_qaf", row, stale) == fresh
