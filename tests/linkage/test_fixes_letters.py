"""A Latin name's letters read by the names the lists write in the same role (issue 15,
``ListVocabulary.letters``): th/dh in a given name is read as ذ only where the lists write that
given name, not because a family of the other reading is frequent — «Adham» is أدهم, not عزام."""

from __future__ import annotations

from mizan.linkage.features import ListVocabulary, record_readings
from mizan.text import name_key
from tests.linkage.rows import person


def _keys(row: dict[str, str], vocabulary: ListVocabulary) -> dict[str, str]:
    features = record_readings(row, vocabulary)[0][0]
    return {part: str(features[f"{part}_k"]) for part in ("first", "family")}


def _lists(*rows: dict[str, str], times: int) -> ListVocabulary:
    return ListVocabulary.of([row for row in rows for _ in range(times)])


def test_a_first_name_is_not_read_as_a_frequent_family_name() -> None:
    # The family عزام written sixteen times, the given name أدهم twice: eight times as often,
    # but as a family name, which a first name «Adham» is not.
    vocabulary = _lists(person(first_name="سامر", family_name="عزام"), times=16)
    vocabulary.given_words.update({"ادهم": 2})
    vocabulary.words.update({"ادهم": 2})
    keys = _keys(person(first_name="Adham", family_name="Khalil"), vocabulary)
    assert keys["first"] == name_key("أدهم") != name_key("عزام")


def test_a_first_name_is_read_as_a_given_name_the_lists_write() -> None:
    # The same reading still holds where the lists write the name as a given name: as a father's
    # name, a grandfather's, a mother's first name.
    for row in (
        person(first_name="سامر", father_name="منذر"),
        person(first_name="سامر", grandfather_name="منذر"),
        person(first_name="سامر", mother_name="منذر الحسن"),
    ):
        vocabulary = _lists(row, times=10)
        assert _keys(person(first_name="Monther"), vocabulary)["first"] == name_key("منذر")


def test_a_family_name_is_read_by_the_family_names_the_lists_write() -> None:
    given_only = _lists(person(first_name="منذر", family_name="الحسن"), times=10)
    assert _keys(person(family_name="Monther"), given_only)["family"] == name_key("Monther")
    as_family = _lists(person(first_name="سامر", family_name="منذر"), times=10)
    assert _keys(person(family_name="Monther"), as_family)["family"] == name_key("منذر")


def test_a_full_names_words_whose_roles_are_not_told_count_every_use() -> None:
    vocabulary = _lists(person(first_name="سامر", family_name="منذر"), times=10)
    assert vocabulary.key_count(name_key("منذر"), ListVocabulary.GIVEN) == 0
    assert vocabulary.key_count(name_key("منذر"), ListVocabulary.FAMILY) == 10
    assert vocabulary.key_count(name_key("منذر")) == 10
    assert vocabulary.letters("Monther") == "monzer"


def test_the_name_as_written_is_counted_in_the_same_role() -> None:
    # ذياب twelve times as a first name; «Thiyab» once as a first name, though twice in all the
    # record's cells (its full name too): twelve is eight times one, not two — one scale.
    vocabulary = ListVocabulary.of(
        [person(first_name="ذياب", family_name="الحمدان") for _ in range(12)]
        + [
            person(
                full_name="Thiyab Yusof Hamdan",
                first_name="Thiyab",
                father_name="Yusof",
                family_name="Hamdan",
            )
        ]
    )
    assert _keys(person(first_name="Thiyab"), vocabulary)["first"] == name_key("ذياب")
