"""The problems file flags what the engine cannot read, not what it reads: a year of birth of two
digits («85», «مواليد 85») in a list whose two-digit values are years (``TWO_DIGIT_YEARS``) is
compared as 1985, so it is no ``birth_year_unreadable``."""

from __future__ import annotations

import csv
from pathlib import Path

from mizan.linkage.features import TWO_DIGIT_YEARS, record_features
from mizan.linkage.lists import read_lists, write_problems
from mizan.linkage.problems import record_problems
from tests.linkage.rows import person

HEADER = ["record_id", "full_name", "birth_year", "date_of_arrest"]


def _codes(values: dict[str, str]) -> list[str]:
    return [problem.code for problem in record_problems(values)]


def test_a_two_digit_year_the_engine_reads_is_not_flagged() -> None:
    row = {**person(full_name="سامر خالد الحسن", birth_year="85"), TWO_DIGIT_YEARS: "1"}
    assert record_features(row)["birth_year"] == 1985
    assert _codes(row) == []
    assert _codes({**row, "birth_year": "مواليد 85"}) == []


def test_a_two_digit_value_of_a_list_of_ages_is_still_flagged() -> None:
    # A committee's list writing ages in the column: the engine does not read «34» as a year.
    row = person(full_name="سامر خالد الحسن", birth_year="34")
    assert record_features(row)["birth_year"] is None
    assert _codes(row) == ["birth_year_unreadable"]


def test_what_is_truly_unreadable_is_flagged_in_a_list_of_two_digit_years() -> None:
    row = {**person(full_name="سامر خالد الحسن", birth_year="ثمانين"), TWO_DIGIT_YEARS: "1"}
    assert _codes(row) == ["birth_year_unreadable"]


def test_a_two_digit_year_read_is_checked_against_the_arrest() -> None:
    # «15» of one arrested in 2013 is 1915, never after the arrest: an age no one has.
    row = {
        **person(full_name="سامر خالد الحسن", birth_year="15", date_of_arrest="2013"),
        TWO_DIGIT_YEARS: "1",
    }
    assert _codes(row) == ["birth_year_implausible"]


def _write(path: Path, years: list[str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number, year in enumerate(years, start=1):
            writer.writerow([str(number), f"سامر خالد الحسن {number}", year, "2013"])
    return path


def test_the_problems_file_of_a_list_of_two_digit_years_flags_none(tmp_path: Path) -> None:
    years = _write(tmp_path / "hotline.csv", ["85", "79", "مواليد 90", "1982"])
    ages = _write(tmp_path / "committee.csv", ["34", "27", "41"])
    records = read_lists([years, ages])
    out = tmp_path / "clusters.problems.csv"
    write_problems(out, records, list(range(len(records))))
    with out.open(encoding="utf-8") as handle:
        flagged = [(row["source"], row["value"]) for row in csv.DictReader(handle)]
    assert flagged == [("committee", "34"), ("committee", "27"), ("committee", "41")]


def test_a_value_the_list_says_it_does_not_know_is_missing_not_a_problem() -> None:
    # A DNA reference-sample office writes "unknown" under the date of birth, a form «غير معروف»,
    # a Turkish office "bilinmiyor", a form's empty date «00/00/0000»: the list says what it does
    # not know; the problems file is for what cannot be read (set 17 flagged 70 "unknown" rows).
    for text in ("unknown", "Unknown", "غير معروف", "غير محدد", "لا يعرف", "N/A", "؟", "-"):
        row = person(full_name="سامر خالد الحسن", birth_year=text)
        assert record_features(row)["birth_year"] is None, text
        assert _codes(row) == [], text
    for text in ("bilinmiyor", "ukendt", "00/00/0000", "0000", "xx/xx/xxxx"):
        row = person(full_name="سامر خالد الحسن", birth_year=text)
        assert _codes(row) == [], text
        assert _codes({**row, "birth_year": "1985", "date_of_arrest": text}) == [], text
        assert _codes({**row, "birth_year": "1985", "national_id": text}) == [], text


def test_a_lone_zero_and_what_is_not_a_placeholder_are_still_flagged() -> None:
    assert _codes(person(full_name="سامر خالد الحسن", birth_year="0")) == ["birth_year_unreadable"]
    assert _codes(person(full_name="سامر خالد الحسن", birth_year="غير")) == [
        "birth_year_unreadable"
    ]
    assert _codes(person(full_name="سامر خالد الحسن", national_id="12345")) == [
        "national_id_malformed"
    ]
