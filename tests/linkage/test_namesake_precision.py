"""Namesakes among survivors' recollections (issue 15, set 9's cellmate accounts): what the
records say against a pair weighs against it in the clustering (synthetic people only)."""

from __future__ import annotations

from mizan.linkage.engine import _average_linkage, _cannot_link, _columns
from mizan.linkage.lists import AGE_COLUMN
from tests.linkage.rows import person


def _aged(age: str, **values: str) -> dict[str, str]:
    """A record that gives an age at arrest (a column the generator's lists do not have)."""
    return {**person(**values), AGE_COLUMN: age}


def _traits_of(rows: list[dict[str, str]]) -> list[tuple[object, ...]]:
    return _columns(rows).traits


def test_two_men_known_only_by_kunya_and_town_are_not_one_record_repeated() -> None:
    """«أبو محمد العنداني» twice in a survivors' list: a kunya and a town name every father of
    a محمد from Andan, not one man; within one list the two are never joined, however their
    pair scores (nothing but the kunya and the town to agree on)."""
    rows = [
        person(full_name="أبو محمد العنداني", place_of_arrest="الفرع 251"),
        person(full_name="أبو محمد العنداني", place_of_arrest="الفرع 251"),
        person(full_name="محمد خالد العنداني", place_of_arrest="الفرع 251"),
        person(full_name="محمد خالد العنداني", place_of_arrest="الفرع 251"),
    ]
    refuse = _cannot_link(_traits_of(rows), ["cell"] * 4, direct=2.0, threshold=-2.0)
    assert refuse is not None
    assert refuse(0, 1, 8.0)
    assert not refuse(2, 3, 8.0)  # a given name: a record repeated, as before


def test_a_kunya_with_a_town_still_joins_a_record_of_another_list() -> None:
    rows = [
        person(full_name="أبو محمد العنداني"),
        person(first_name="خالد", father_name="محمد", family_name="العنداني"),
    ]
    refuse = _cannot_link(_traits_of(rows), ["cell", "registry"], direct=2.0, threshold=-2.0)
    assert refuse is not None and not refuse(0, 1, -1.0)


def test_an_age_remembered_without_a_date_against_the_years_of_another_record() -> None:
    """A cellmate remembers «عبادة الخطيب», about 31, without a date of arrest; a German file's
    Obada Al Chatib was born in 1967 and arrested in 2018, at 51. Twenty years apart: two men,
    whatever a third record says; their own pair, strong enough, still joins them."""
    rows = [
        _aged("31 سنة", full_name="عبادة الخطيب"),
        person(
            first_name="Obada",
            family_name="Al Chatib",
            birth_year="27.01.1967",
            date_of_arrest="02.02.2018",
        ),
        person(first_name="Obada", family_name="Al Chatib", birth_year="1986"),
        _aged("49", full_name="عبادة الخطيب"),
    ]
    refuse = _cannot_link(_traits_of(rows), ["cell", "bamf", "bamf2", "cell2"], direct=2.0)
    assert refuse is not None
    assert refuse(0, 1, None) and refuse(0, 1, -0.1)
    assert not refuse(0, 1, 2.5)  # their own pair says so
    assert not refuse(0, 2, None)  # no date of arrest: no age to compare
    assert not refuse(3, 1, None)  # 49 and 51: an age remembered
    owner = _average_linkage(3, [(0, 2, 3.0), (1, 2, 3.0), (0, 1, -0.1)], -2.0, refuse)
    assert owner[0] != owner[1]


def test_an_age_without_any_date_against_the_years_of_arrest_its_list_gives() -> None:
    """Neither record dates the arrest: «يوسف القاسم», about 23, remembered by a cellmate, and
    a death notice's يوسف القاسم born in 1959. The survivors' list dates its arrests 2011 to
    2017 (its other records say so): 23 then is a birth in 1988 … 1994, not 1959."""
    from mizan.linkage.features import mark_arrest_spans

    cellmates = [
        person(full_name=f"سامر {family}", date_of_arrest=str(2011 + n % 7))
        for n, family in enumerate(["العلي", "الحسن", "الخطيب", "النجار", "الحلبي"] * 5)
    ]
    rows = [
        _aged("23 سنة", full_name="يوسف القاسم"),
        person(first_name="يوسف", family_name="القاسم", birth_year="1959"),
        person(first_name="يوسف", family_name="القاسم", birth_year="1991"),
        *cellmates,
    ]
    sources = ["cell", "registry", "registry2", *["cell"] * len(cellmates)]
    marked = mark_arrest_spans(rows, sources)
    refuse = _cannot_link(_traits_of(list(marked)), sources, direct=2.0)
    assert refuse is not None
    assert refuse(0, 1, -1.0)
    assert not refuse(0, 2, -1.0)  # 1991: an age of 20 … 26 in those years
    assert not refuse(0, 1, 2.5)  # their own pair says so
    # Without the list's years of arrest, an age alone says nothing.
    refuse = _cannot_link(_traits_of(rows), sources, direct=2.0)
    assert refuse is not None and not refuse(0, 1, -1.0)
