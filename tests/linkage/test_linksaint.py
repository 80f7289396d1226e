"""A saint's French name with two Arabic forms (issue 15, branch `linksaint`, set 16): a parish
register typed in French usage writes Pierre for a man whose papers say بطرس, while a Syrian
named بيير writes Pierre too. The lists' own usage chooses the readings; and a full name's «née»
gives a married woman's maiden name (synthetic people only)."""

from __future__ import annotations

import pytest

from mizan.linkage.features import (
    MAIDEN_NAME_ODDS,
    SAINT_ODDS,
    ListVocabulary,
    record_readings,
    spelling_keys,
)
from mizan.linkage.lists import MAIDEN_NAME_COLUMN, read_name_cells
from mizan.text import name_key
from tests.linkage.rows import person


def _vocabulary(*first_names: str) -> ListVocabulary:
    """The vocabulary of a families' list whose men carry ``first_names``, each three times."""
    return _list([name for name in first_names for _ in range(3)])


def _list(first_names: list[str]) -> ListVocabulary:
    return ListVocabulary.of(
        [
            person(record_id=f"a{n}", first_name=name, father_name="نبيل", family_name="صليبا")
            for n, name in enumerate(first_names)
        ]
    )


def _first_keys(row: dict[str, str], vocabulary: ListVocabulary) -> list[tuple[str, float]]:
    return [(features["first_k"], odds) for features, odds in record_readings(row, vocabulary)]


def test_the_lists_arabic_form_of_a_saint_is_the_french_names_reading() -> None:
    # The lists write بطرس, never بيير: a parish register's Pierre is بطرس.
    vocabulary = _vocabulary("بطرس", "حنا")
    row = person(record_id="c1", full_name="SALIBA Pierre", father_name="Jean")
    features, odds = record_readings(row, vocabulary)[0]
    assert (features["first_k"], features["father_k"]) == (name_key("بطرس"), name_key("حنا"))
    assert odds == 0.0
    # Its spelling stays as written.
    assert features["first_n"] == "pierre"


def test_both_forms_the_lists_write_are_read_the_likelier_first() -> None:
    vocabulary = _vocabulary("جورج", "جورج", "جرجس")
    row = person(record_id="c1", first_name="Georges", family_name="Saliba")
    assert _first_keys(row, vocabulary) == [
        (name_key("جورج"), 0.0),
        (name_key("جرجس"), SAINT_ODDS),
    ]
    # … and the Arabic form they write more often first, the name as written still read
    # wherever another record writes it, however seldom.
    vocabulary = _list(["جرجس"] * 4 + ["جورج"])
    assert _first_keys(row, vocabulary) == [
        (name_key("جرجس"), 0.0),
        (name_key("جورج"), SAINT_ODDS),
    ]


def test_only_a_form_the_lists_write_at_least_three_times_is_read() -> None:
    # The lists write بولس three times and بطرس once: Paul is بولس; nothing says that their
    # Pierre is a بطرس, so Pierre stays بيير, as before.
    vocabulary = _list(["بولس"] * 3 + ["بطرس"])
    paul = person(record_id="c1", first_name="Paul", family_name="Saliba")
    assert _first_keys(paul, vocabulary) == [(name_key("بولس"), 0.0)]
    pierre = person(record_id="c2", first_name="Pierre", family_name="Saliba")
    assert _first_keys(pierre, vocabulary) == [(name_key("بيير"), 0.0)]


def test_the_latin_spellings_of_a_form_count_but_not_a_family_name() -> None:
    # A web form's Boutros is a بطرس; Semaan written as a family name is no سمعان of Simon's.
    latin = ListVocabulary.of(
        [person(record_id=f"f{n}", first_name="Boutros", family_name="Semaan") for n in range(3)]
    )
    # Pierre is read as the lists write بطرس in Latin letters: two Latin spellings are compared
    # letter for letter, and Boutros' ou is a u «بطرس» lacks.
    assert latin.saint_readings("Pierre") == (("boutros", 0.0),)
    assert latin.saint_readings("Simon") == ()


def test_a_saints_other_form_is_no_other_name_within_a_list() -> None:
    # The clustering's test of two names of one list (``engine._different_name``) reads a
    # Latin spelling's keys: Jean and Hanna, Simon and Chamoun are one name.
    assert name_key("Hanna") in spelling_keys("jean")
    assert name_key("Chamoun") in spelling_keys("simon")
    assert name_key("Meriem") in spelling_keys("marie")
    assert name_key("Paul") not in spelling_keys("pierre")
    # Two saints never share a reading, and Elie is إلياس alone: إيلي keys as علي.
    names = ["pierre", "jean", "georges", "michel", "joseph", "jacques", "paul", "marie"]
    names += ["simon", "antoine", "gabriel", "elie", "therese", "thomas", "marc", "etienne"]
    keys = {name: spelling_keys(name) for name in names}
    for one in names:
        for other in names:
            if one != other:
                assert not keys[one] & keys[other], (one, other)
    assert name_key("علي") not in keys["elie"]


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [("Antoine", "أنطون"), ("Thérèse", "تيريز"), ("Teresa", "تيريز"), ("THERESE", "تريزا")],
)
def test_a_french_baptismal_name_keys_as_the_arabic(latin: str, arabic: str) -> None:
    assert name_key(latin) == name_key(arabic)


def test_nee_in_a_full_name_is_her_maiden_name() -> None:
    row = person(record_id="c1", full_name="Marie HADDAD née KHOURY", sex="F")
    read = read_name_cells(row)
    assert read["full_name"] == "Marie HADDAD"
    assert read[MAIDEN_NAME_COLUMN] == "KHOURY"
    readings = record_readings(row, None, with_parts=True)
    families = [(parts["first"], parts["family"], odds) for _f, odds, parts in readings]
    assert families[0] == ("Marie", "HADDAD", 0.0)
    assert ("Marie", "KHOURY", MAIDEN_NAME_ODDS) in families
    # Married within her own family: one reading.
    same = person(record_id="c2", full_name="KEVORKIAN Lina née KEVORKIAN", sex="F")
    assert [p["family"] for _f, _o, p in record_readings(same, None, with_parts=True)] == [
        "KEVORKIAN"
    ]
    # A name with «Renée» in it is no maiden name.
    assert read_name_cells(person(full_name="Renée HADDAD"))["full_name"] == "Renée HADDAD"
