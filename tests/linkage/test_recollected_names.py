"""Names as survivors remember their cellmates (issue 15, set 9's «cellmate_accounts»): a town
(«من داريا», a nisba «التلبيساوي») is a place, a description («الطويل») a nickname, a kunya
(«أبو حسن») weak evidence of the father's name; remembered dates are approximate. Synthetic
people only."""

from __future__ import annotations

from typing import Any

from mizan.linkage import score_pair
from mizan.linkage.features import ListVocabulary, _arrest_place, _place, record_readings
from mizan.linkage.recollection import (
    KUNYA_FATHER_ODDS,
    NISBA_FAMILY_ODDS,
    NISBA_PLACE_ODDS,
    nisba_towns,
    recollected_rows,
)
from mizan.text.dates import is_approximate

from .rows import person


def _readings(full: str, **values: str) -> list[tuple[dict[str, Any], float, dict[str, str]]]:
    return record_readings({**person(full_name=full), **values}, None, with_parts=True)


def _named(parts: dict[str, str]) -> dict[str, str]:
    return {part: value for part, value in parts.items() if value}


def test_a_town_after_min_is_a_place_and_a_description_before_it_no_name() -> None:
    readings = _readings("خالد الطويل من داريا")
    # The name as written («الطويل» a father's name, «داريا» a family name) is not read at all.
    assert [_named(parts) for _features, _odds, parts in readings] == [{"first": "خالد"}]
    features = readings[0][0]
    assert set(features["birth_place_parts"]) & set(_place("داريا")[1] or ())
    assert features["family_k"] is None and features["father_k"] is None


def test_a_town_nisba_is_read_as_the_town_beside_the_family_name_as_written() -> None:
    readings = _readings("محمد التلبيساوي")
    assert _named(readings[0][2]) == {"first": "محمد", "family": "التلبيساوي"}
    place = [each for each in readings if each[0]["birth_place_parts"]]
    assert [(_named(parts), odds) for _f, odds, parts in place] == [
        ({"first": "محمد"}, NISBA_PLACE_ODDS)
    ]
    # «التلبيساوي» is made from تلبيسة: it meets the place as a German office writes it.
    assert set(place[0][0]["birth_place_parts"]) & set(_place("Talbisa")[1] or ())


def test_after_a_father_s_name_a_nisba_is_the_family_name() -> None:
    assert recollected_rows(person(full_name="محمد أنس الشكيبي")) == []
    assert recollected_rows(person(full_name="أبو عساف خالد محمود")) == []


def test_a_nisba_the_lists_write_as_a_family_name_stays_one_first() -> None:
    rows = [person(first_name=name, family_name="الحلبي") for name in ("أحمد", "خالد", "عمر")]
    vocabulary = ListVocabulary.of([*rows, person(full_name="محمد الحلبي")])
    readings = record_readings(person(full_name="محمد الحلبي"), vocabulary, with_parts=True)
    assert _named(readings[0][2]) == {"first": "محمد", "family": "الحلبي"}
    town = [odds for features, odds, _parts in readings if features["birth_place_parts"]]
    assert town == [NISBA_FAMILY_ODDS]


def test_nisba_towns() -> None:
    assert nisba_towns("السراقبي") == ["سراقب"]
    assert nisba_towns("التلبيساوي") == ["تلبيسا"]
    assert nisba_towns("الدوماني") == ["دوما", "دومان"]
    assert nisba_towns("العلي") == []  # too short to be a town's
    assert nisba_towns("الخطيب") == []  # no nisba ي
    assert nisba_towns("حمصي") == []  # no article


def test_a_kunya_suggests_the_father_weakly() -> None:
    readings = _readings("محمد (أبو حسن) جمعة")
    assert _named(readings[0][2]) == {"first": "محمد", "family": "جمعة"}
    father = [(odds, _named(parts)) for _f, odds, parts in readings if parts["father"]]
    assert (KUNYA_FATHER_ODDS, {"first": "محمد", "father": "حسن", "family": "جمعة"}) in father


def test_a_man_known_by_his_kunya_and_town_has_no_first_name() -> None:
    readings = _readings("أبو حسن السراقبي")
    names = [(odds, _named(parts)) for _f, odds, parts in readings]
    assert (0.0, {}) in names
    assert (KUNYA_FATHER_ODDS, {"father": "حسن"}) in names
    place = readings[0][0]["birth_place_parts"]
    assert set(place) & set(_place("سراقب")[1] or ())


def test_a_kunya_and_a_family_name_give_no_first_name() -> None:
    rows = recollected_rows(person(full_name="أبو حسن الخطيب"))
    assert [(row["family_name"], row["father_name"]) for row, _odds, _where in rows] == [
        ("الخطيب", ""),
        ("الخطيب", "حسن"),
    ]


def test_a_register_name_is_not_read_again() -> None:
    assert recollected_rows(person(full_name="محمد خالد الخطيب")) == []
    assert recollected_rows(person(first_name="محمد", family_name="التلبيساوي")) == []


def test_approximate_dates_are_told() -> None:
    for text in ("2013 تقريباً", "صيف 2013", "أواخر 2012", "حوالي 2013", "~2013", "early 2014"):
        assert is_approximate(text), text
    for text in ("2013", "12/05/2013", "", "2013-05-12"):
        assert not is_approximate(text), text


def test_an_age_at_a_remembered_date_gives_an_approximate_year() -> None:
    remembered = _readings("محمد جمعة", age_at_arrest="38 سنة", date_of_arrest="صيف 2013")[0][0]
    assert (remembered["birth_year"], remembered["birth_year_approx"]) == (1975, True)
    assert remembered["arrest_approx"] is True
    recorded = _readings("محمد جمعة", age_at_arrest="38", date_of_arrest="2013-06-01")[0][0]
    assert (recorded["birth_year"], recorded["birth_year_approx"]) == (1975, None)
    assert _readings("محمد جمعة", birth_year="1985 تقريباً")[0][0]["birth_year_approx"] is True


def _level(a: dict[str, str], b: dict[str, str], field: str) -> str:
    return next(f.level for f in score_pair(a, b).fields if f.field == field)


def test_remembered_years_a_few_years_off_are_not_evidence_against() -> None:
    cellmate = {
        **person(full_name="محمد جمعة", date_of_arrest="2013 تقريباً"),
        "age_at_arrest": "38",
    }
    notice = person(first_name="محمد", family_name="جمعة", birth_year="1979")
    assert _level(cellmate, notice, "birth_year") == "up to five years apart, one year approximate"
    registered = person(first_name="محمد", family_name="جمعة", date_of_arrest="2014-03-02")
    assert _level(cellmate, registered, "date_of_arrest") == "a year apart, one date approximate"
    exact = person(full_name="محمد جمعة", birth_year="1983", date_of_arrest="2013")
    assert _level(exact, notice, "birth_year") == "more than three years apart"
    assert _level(exact, registered, "date_of_arrest") == "one year apart"


def test_a_checkpoint_bei_a_town_and_numbered_branches() -> None:
    assert set(_arrest_place("Checkpoint bei Talbisa") or ()) & set(
        _arrest_place("حاجز تلبيسة") or ()
    )
    assert not set(_arrest_place("الفرع 215") or ()) & set(_arrest_place("الفرع 227") or ())
    assert _arrest_place("الفرع 215") == _arrest_place("Branch 215") == _arrest_place("فرع ٢١٥")


def test_a_town_remembered_meets_the_birth_place() -> None:
    cellmate = person(full_name="خالد الطويل من داريا")
    notice = person(first_name="خالد", father_name="سمير", family_name="زيدان", birth_place="داريا")
    assert _level(cellmate, notice, "birth_place") == "same"


def test_a_man_known_by_his_kunya_from_a_town() -> None:
    readings = _readings("أبو عبدو من اللاذقية")
    assert [(odds, _named(parts)) for _f, odds, parts in readings] == [
        (0.0, {}),
        (KUNYA_FATHER_ODDS, {"father": "عبدو"}),
    ]
    assert set(readings[0][0]["birth_place_parts"]) & set(_place("اللاذقية")[1] or ())
