"""review19's findings the lead fixed (issue 15): «والده» ("his father") in a name cell is no
mother; «مواليد 85» the features read as 1985 is no unreadable year in the problems file; the
word "born" or "date" after the place («حلب مواليد 1990») is no part of the place; «منذ تاريخ …»
keeps the month of arrest."""

from __future__ import annotations

from mizan.linkage.features import record_features
from mizan.linkage.lists import read_name_cells
from mizan.linkage.problems import record_problems
from tests.linkage.rows import person


def test_his_father_in_the_name_cell_is_not_read_as_the_mother() -> None:
    assert read_name_cells({"full_name": "محمد والده أحمد العلي"}) == {
        "full_name": "محمد والده أحمد العلي"
    }
    read = read_name_cells({"full_name": "أحمد العلي والده محمد والدته فاطمة"})
    assert read["mother_name"] == "فاطمة"
    # «والدة» with its ta marbuta is hers.
    assert read_name_cells({"full_name": "أحمد العلي والدة فاطمة"})["mother_name"] == "فاطمة"


def test_born_in_85_read_as_1985_is_not_flagged() -> None:
    row = person(full_name="سامر خالد الحسن", birth_year="مواليد 85")
    assert record_features(row)["birth_year"] == 1985
    assert record_problems(row) == []
    # A list's ages stay flagged: no word says "born".
    assert [p.code for p in record_problems({**row, "birth_year": "34"})] == [
        "birth_year_unreadable"
    ]


def test_the_word_born_or_date_after_the_place_is_no_part_of_it() -> None:
    plain = record_features(person(full_name="سامر خالد الحسن", birth_place="حلب"))
    for cell in ("حلب مواليد 1990", "حلب من مواليد 1990", "حلب تاريخ 12/3/1990"):
        features = record_features(person(full_name="سامر خالد الحسن", birth_place=cell))
        assert features["birth_place_k"] == plain["birth_place_k"], cell
        assert features["birth_year"] == 1990, cell


def test_since_the_date_keeps_the_month() -> None:
    features = record_features(
        person(full_name="سامر خالد الحسن", date_of_arrest="منذ تاريخ 15/4/2013")
    )
    assert (features["arrest_year"], features["arrest_month"]) == (2013, "2013-04")
