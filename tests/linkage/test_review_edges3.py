"""Edges a third review of record linkage found (issue 15): the one reading of a year that the
comparison and the problems file share. Synthetic names only."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.utils import translation

from mizan.linkage.engine import _cannot_link, _traits
from mizan.linkage.features import (
    POST_LIST,
    ListVocabulary,
    mark_post_lists,
    mark_two_digit_years,
    record_features,
    record_readings,
)
from mizan.linkage.lists import (
    AGE_COLUMN,
    AGE_YEAR_COLUMN,
    problems_path,
    read_lists,
    write_problems,
)
from mizan.linkage.problems import (
    PROBLEM_TEXTS,
    record_problems,
    two_digit_birth_year,
    written_year,
)
from tests.linkage.rows import person as _person


@pytest.mark.parametrize(
    ("text", "plausible", "year"),
    [
        ("1985", False, 1985),
        ("١٩٨٥", True, 1985),
        ("17/04/2013", True, 2013),
        # A Hijri year is the Gregorian year holding most of it (1405: September 1984 to
        # September 1985) …
        ("1405 هـ", False, 1985),
        ("1405 AH", True, 1985),
        # … unless a Gregorian year is written beside it.
        ("1985 م الموافق 1405 هـ", False, 1985),
        ("1985 م الموافق 1405 هـ", True, 1985),
        # OCR's digit-shaped letters are read back.
        ("l98S", True, 1985),
        # A misread year: what the problems file judges, and what the comparison does not read.
        ("1470", False, 1470),
        ("1470", True, None),
        ("7992", False, 7992),
        ("7992", True, None),
        # … beside a Hijri year, the comparison reads the Hijri year.
        ("1470 / 1405 هـ", True, 1985),
        ("85", False, None),
        ("", True, None),
    ],
)
def test_a_year_is_read_one_way_for_the_comparison_and_the_problems(
    text: str, plausible: bool, year: int | None
) -> None:
    assert written_year(text, plausible=plausible) == year


@pytest.mark.parametrize(
    ("text", "arrest", "year"),
    [
        ("95", 2013, 1995),
        ("05", 2013, 2005),
        ("13", 2013, 2013),
        # After the arrest in this century: the last one.
        ("15", 2013, 1915),
        ("19", 2008, 1919),
        # Without a year of arrest, as before.
        ("15", None, 2015),
        ("95", None, 1995),
    ],
)
def test_a_two_digit_year_of_birth_is_never_after_the_arrest(
    text: str, arrest: int | None, year: int
) -> None:
    assert two_digit_birth_year(text, arrest) == year


@pytest.mark.parametrize(("text", "arrest"), [("15", "2013"), ("19", "2008"), ("12", "2011")])
def test_a_two_digit_year_of_birth_after_the_arrest_is_no_birth_after_it(
    text: str, arrest: str
) -> None:
    # A list that writes its years of birth in two digits («82», «71»): «15» of one arrested in
    # 2013 was read 2015, a birth after the arrest (and «19» of 2008 as an arrest and a birth
    # swapped, born 2008 and arrested 2019).
    rows = [_person(full_name="أحمد العلي", birth_year=value) for value in ("82", "71", "90")]
    record = _person(full_name="أحمد العلي", birth_year=text, date_of_arrest=arrest)
    (*_years, marked) = mark_two_digit_years([*rows, record], ["a"] * 4)
    features = record_features(marked)
    assert features["arrest_year"] == int(arrest)
    assert features["birth_year"] is None or features["birth_year"] <= int(arrest)


def _list_traits(*records: dict[str, str]) -> list[tuple[object, ...]]:
    vocabulary = ListVocabulary.of([])
    return [_traits(record_features(record), vocabulary) for record in records]


def test_a_name_with_the_fathers_meeting_two_full_records_of_its_list_joins_neither() -> None:
    # «أحمد حسن» (a post giving the name and the father's) beside «أحمد حسن الخليل» and «أحمد حسن
    # العمر» of the same list: which one it is, is not known — neither is joined to it.
    traits = _list_traits(
        _person(first_name="أحمد", family_name="حسن"),
        _person(first_name="أحمد", father_name="حسن", family_name="الخليل"),
        _person(first_name="أحمد", father_name="حسن", family_name="العمر"),
    )
    refuse = _cannot_link(traits, ["fb"] * 3, direct=0.0)
    assert refuse is not None
    assert refuse(0, 1, 10.0)
    assert refuse(0, 2, 10.0)


def test_a_name_with_the_fathers_meeting_one_full_record_of_its_list_still_joins_it() -> None:
    # One full name fits (written twice, once with a letter misread, or beside another list's):
    # it is joined as before.
    traits = _list_traits(
        _person(first_name="أحمد", family_name="حسن"),
        _person(first_name="أحمد", father_name="حسن", family_name="الخليل"),
        _person(first_name="أحمد", father_name="حسن", family_name="الخليل"),
        _person(first_name="أحمد", father_name="حسن", family_name="الخلبل"),
        _person(first_name="أحمد", father_name="حسن", family_name="العمر"),
    )
    refuse = _cannot_link(traits, ["fb", "fb", "fb", "fb", "other"], direct=0.0)
    assert refuse is not None
    assert not refuse(0, 1, 10.0)
    assert not refuse(0, 2, 10.0)
    assert not refuse(0, 3, 10.0)


def _parts(record: dict[str, str]) -> list[tuple[str, str, str]]:
    return [
        (parts["first"], parts["father"], parts["family"])
        for _features, _odds, parts in record_readings(record, None, with_parts=True)
    ]


@pytest.mark.parametrize(
    ("full", "family"),
    [("Mohammad Khaled Abu Zeid", "Abu Zeid"), ("Anas Yusif Abu Ahmad", "Abu Ahmad")],
)
def test_a_latin_abu_family_name_is_read_as_written_first(full: str, family: str) -> None:
    # Lists without a family-name column to count «أبو زيد» in: the name as written comes first
    # (family name Abu Zeid), the name without the kunya after it.
    first, father, _family = full.split(" ", 2)
    readings = _parts(_person(full_name=full))
    assert readings[0] == (first, father, family)
    assert (first, "", father) in readings[1:]


@pytest.mark.parametrize(
    ("full", "aside"),
    [
        # In Arabizi …
        ("mo7ammad 5aled abu zeid", ("mo7ammad", "", "5aled")),
        # … or in plain letters in a list of posts, the name without the kunya first.
        ("Anas Yusif Abu Ahmad", ("Anas", "", "Yusif")),
    ],
)
def test_a_latin_kunya_of_a_post_is_still_read_aside_first(
    full: str, aside: tuple[str, str, str]
) -> None:
    assert _parts({**_person(full_name=full), POST_LIST: "1"})[0] == aside
    if not full.isascii() or any(char.isdigit() for char in full):
        assert _parts(_person(full_name=full))[0] == aside


def test_a_list_that_dates_its_posts_or_writes_arabizi_is_a_list_of_posts() -> None:
    dated = [
        {**_person(full_name="Anas Yusif Abu Ahmad"), AGE_COLUMN: "41", AGE_YEAR_COLUMN: "2019"}
    ]
    arabizi = [
        _person(full_name=name) for name in ("mo7ammad el 7asan", "Khaled Omar", "Ali Hasan")
    ]
    plain = [_person(full_name=name) for name in ("Mohammad Khaled Abu Zeid", "Khaled Omar")]
    records = [*dated, *arabizi, *plain]
    sources = ["fb"] + ["wa"] * len(arabizi) + ["un"] * len(plain)
    marked = mark_post_lists(records, sources)
    assert [bool(row.get(POST_LIST)) for row in marked] == [True, True, True, True, False, False]


@pytest.mark.parametrize("posted", ["12/03/19", "43536", "آذار", "1470"])
def test_an_unreadable_date_of_a_post_is_flagged(posted: str) -> None:
    # «12/03/19» (which century, which order?) and 43536 (a spreadsheet's day number, 12 March
    # 2019) give no year: the age beside them was silently not counted from the post.
    problems = record_problems({AGE_COLUMN: "41", AGE_YEAR_COLUMN: posted})
    assert [(p.field, p.code, p.value) for p in problems] == [
        (AGE_YEAR_COLUMN, "posted_date_unreadable", posted)
    ]


@pytest.mark.parametrize("posted", ["2019", "12/03/2019", "2019-03-12", "١٢/٠٣/٢٠١٩", "آذار 2019"])
def test_a_readable_date_of_a_post_is_no_problem(posted: str) -> None:
    assert record_problems({AGE_COLUMN: "41", AGE_YEAR_COLUMN: posted}) == []
    row = {**_person(full_name="mo7amad el 7asan"), AGE_COLUMN: "41", AGE_YEAR_COLUMN: posted}
    assert record_features(row)["birth_year"] == 1978


def test_the_problems_file_flags_an_unreadable_date_of_a_post(tmp_path: Path) -> None:
    path = tmp_path / "fb.csv"
    path.write_text(
        "record_id,full_name,age,posted\nfb-1,mo7amad el 7asan,41 sne,43536\n", encoding="utf-8"
    )
    records = read_lists([path])
    out = problems_path(tmp_path / "out.csv")
    assert write_problems(out, records, [1]) == 1
    with out.open(encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["record_id"], row["field"], row["problem"], row["value"]) == (
        "fb-1",
        AGE_YEAR_COLUMN,
        "posted_date_unreadable",
        "43536",
    )
    assert row["explanation"] == PROBLEM_TEXTS["posted_date_unreadable"]


def test_every_problem_is_labelled_for_the_review_screen_in_arabic() -> None:
    from mizan.missing.review.labels import PROBLEM_LABELS

    assert set(PROBLEM_LABELS) == set(PROBLEM_TEXTS)
    with translation.override("ar"):
        arabic = str(PROBLEM_LABELS["posted_date_unreadable"])
    assert arabic != str(PROBLEM_LABELS["posted_date_unreadable"])


def test_a_full_record_born_years_apart_is_no_fit_for_a_name_with_the_fathers() -> None:
    # «أحمد حسن العمر» born twenty years before him is another man (an uncle, a namesake).
    traits = _list_traits(
        _person(first_name="أحمد", family_name="حسن", birth_year="1990"),
        _person(first_name="أحمد", father_name="حسن", family_name="الخليل", birth_year="1991"),
        _person(first_name="أحمد", father_name="حسن", family_name="العمر", birth_year="1968"),
    )
    refuse = _cannot_link(traits, ["fb"] * 3, direct=0.0)
    assert refuse is not None
    assert not refuse(0, 1, 10.0)


def test_the_fit_reads_years_of_birth_not_of_arrest() -> None:
    # All three arrested in 2013: the years that tell «أحمد حسن العمر» apart are of birth.
    traits = _list_traits(
        _person(first_name="أحمد", family_name="حسن", birth_year="1990", arrest_date="2013"),
        _person(
            first_name="أحمد",
            father_name="حسن",
            family_name="الخليل",
            birth_year="1990",
            arrest_date="2013",
        ),
        _person(
            first_name="أحمد",
            father_name="حسن",
            family_name="العمر",
            birth_year="1962",
            arrest_date="2013",
        ),
    )
    refuse = _cannot_link(traits, ["fb"] * 3, direct=0.0)
    assert refuse is not None
    assert not refuse(0, 1, 10.0)
