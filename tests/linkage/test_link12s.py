"""Lists as set 12 writes them (issue 15, branch `link12s`): a returnee arrested again at the
border, a title deed's lineage in the first-name cell, a defender's spreadsheet pasted together
from an Arabic and an English sheet and damaged by Excel (synthetic people only)."""

from __future__ import annotations

from mizan.linkage.engine import link, score_pair
from mizan.linkage.features import record_features
from mizan.linkage.lists import read_name_cells
from mizan.linkage.model import ARREST_RETURN_LABEL
from mizan.linkage.problems import record_problems
from mizan.text.dates import spreadsheet_day_date
from tests.linkage.rows import person


def _field(a: dict[str, str], b: dict[str, str], name: str) -> tuple[str, float]:
    field = next(f for f in score_pair(a, b).fields if f.field == name)
    return field.level, field.weight


def test_a_later_arrest_at_a_border_crossing_is_a_second_arrest_not_a_date_that_disagrees() -> None:
    sheet = person(full_name="Yusuf Al-Baytar", date_of_arrest="2013", place_of_arrest="Branch 227")
    for place in ("JOUSIEH BORDER CROSSING", "MASNAA", "على الحدود اللبنانية", "مطار دمشق الدولي"):
        returnee = person(
            full_name="AL BITAR, YOUSSEF", date_of_arrest="07/08/2022", place_of_arrest=place
        )
        level, weight = _field(sheet, returnee, "date_of_arrest")
        assert level == ARREST_RETURN_LABEL and weight == -2.0, place
    # Not a border: two dates of one arrest that differ, as before.
    town = person(
        full_name="AL BITAR, YOUSSEF", date_of_arrest="07/08/2022", place_of_arrest="Douma"
    )
    assert _field(sheet, town, "date_of_arrest")[0] == "different"
    # An arrest at the border earlier than the other record's is not a return from exile.
    early = person(full_name="Yusuf Al-Baytar", date_of_arrest="2012", place_of_arrest="MASNAA")
    later = person(full_name="Yusuf Al-Baytar", date_of_arrest="2016", place_of_arrest="Homs")
    assert _field(early, later, "date_of_arrest")[0] == "different"


def test_a_lineage_in_the_first_name_cell_gives_the_father_and_grandfather() -> None:
    deed = person(first_name="غسان بن محمد بن أحمد", family_name="الخطيب", birth_year="1981")
    read = read_name_cells(deed)
    assert (read["first_name"], read["father_name"], read["grandfather_name"]) == (
        "غسان",
        "محمد",
        "أحمد",
    )
    sheet = person(first_name="غسان", father_name="محمد", family_name="الخطيب", birth_year="1981")
    assert _field(deed, sheet, "first")[0].startswith("same")
    assert _field(deed, sheet, "father")[0].startswith("same")
    # A father's cell of its own stands: the cells are left as the list filled them.
    given = person(first_name="محمد بن خالد", father_name="خالد", family_name="الحموي")
    assert read_name_cells(given)["first_name"] == "محمد بن خالد"


def test_rows_of_a_merged_sheet_in_two_scripts_join_as_two_lists_would() -> None:
    # A committee's Arabic row and a coordinator's Latin row of one man, in one spreadsheet: the
    # pair is one a second list would have joined, below the stricter margin for one list.
    arabic = person(
        first_name="سامر",
        father_name="خالد",
        family_name="الحموي",
        birth_year="1994",
        place_of_arrest="حماة",
    )
    latin = person(full_name="Samer Al-Hamwi", sex="M", date_of_arrest="10/2011")
    others = [
        person(first_name=name, father_name="علي", family_name=f"العلي{i}")
        for i, name in enumerate(["باسل", "مازن", "وليد"])
    ]
    apart = link([arabic, latin, *others], sources=["one", "two", "x", "y", "z"])
    together = link([arabic, latin, *others], sources=["merged", "merged", "x", "y", "z"])
    assert apart.clusters[0] == apart.clusters[1]
    assert together.clusters[0] == together.clusters[1]


def test_a_spreadsheet_day_number_is_read_as_the_date_it_stands_for() -> None:
    assert spreadsheet_day_date("41171") == "2012-09-19"
    assert spreadsheet_day_date("41171.0") == "2012-09-19"
    assert spreadsheet_day_date("2013") is None and spreadsheet_day_date("12013") is None
    features = record_features(person(first_name="قاسم", date_of_arrest="42176"))
    assert (features["arrest_year"], features["arrest_month"]) == (2015, "2015-06")
    codes = [p.code for p in record_problems({"date_of_arrest": "42176"})]
    assert codes == ["arrest_date_day_number"]
    sheet = person(first_name="قاسم", family_name="الخلف", date_of_arrest="42176")
    register = person(first_name="قاسم", family_name="الخلف", date_of_arrest="6/2015")
    assert _field(sheet, register, "date_of_arrest")[0] == "same month"


def test_a_national_number_in_scientific_notation_is_compared_as_missing() -> None:
    assert (
        record_features(person(first_name="أحمد", national_id="3.04834E+9"))["national_id"] is None
    )
    for written in ("1.28446E+10", "9.99E+300", "1.28446E-10", "3e+9"):
        assert [p.code for p in record_problems({"national_id": written})] == [
            "national_id_rounded"
        ], written
    sheet = person(first_name="أحمد", family_name="خوري", national_id="3.04834E+9")
    card = person(first_name="أحمد", family_name="خوري", national_id="03048340123")
    assert _field(sheet, card, "national_id")[0] == "missing"


def test_an_age_under_the_year_of_birth_is_read_as_the_age_at_arrest() -> None:
    # The 2016 sheet gave ages at arrest; pasted into the 2013 sheet, they landed under the year.
    features = record_features(person(first_name="خالد", birth_year="27", date_of_arrest="2/2012"))
    assert features["birth_year"] == 1985
    codes = [p.code for p in record_problems({"birth_year": "27", "date_of_arrest": "2/2012"})]
    assert codes == ["birth_year_age"]
    # Without a date of arrest it gives no year, and is flagged as before.
    assert record_features(person(first_name="خالد", birth_year="27"))["birth_year"] is None
    assert [p.code for p in record_problems({"birth_year": "27"})] == ["birth_year_unreadable"]
