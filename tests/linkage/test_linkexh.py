"""An exhumation register's records (issue 15, branch `linkexh`; set 11): an age estimated at
death instead of a year of birth («25-35», «حوالي 30», «3؟»), read against the other record's
years of birth and arrest, and a name part the register could not read («(غير مقروء)»)
compared as missing, not as a brother's name. Synthetic people only."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from mizan.linkage import link, read_lists
from mizan.linkage.engine import score_pair
from mizan.linkage.features import (
    ESTIMATED_AGE_AFTER,
    estimated_age,
    record_features,
    record_readings,
)
from mizan.linkage.lists import ESTIMATED_AGE_COLUMN
from mizan.linkage.model import (
    ESTIMATED_AGE_OUTSIDE_LABEL,
    ESTIMATED_AGE_WITHIN_LABEL,
    ESTIMATES_APART_LABEL,
    ESTIMATES_OVERLAP_LABEL,
)
from tests.linkage.rows import person

_FREQUENCIES = {"first_k": {"yzn": 0.002}, "family_k": {"qtrmz": 0.001}}


def _field(pair: object, name: str) -> object:
    return next(f for f in pair.fields if f.field == name)  # type: ignore[attr-defined]


def _exhumed(age: str, **values: str) -> dict[str, str]:
    """A body bag's record: first and family name only, and the age the team estimated."""
    return {**person(first_name="يزن", family_name="قطرميز", **values), ESTIMATED_AGE_COLUMN: age}


def _student(born: str, arrested: str = "2012") -> dict[str, str]:
    return person(
        first_name="يزن",
        father_name="مالك",
        family_name="قطرميز",
        birth_year=born,
        date_of_arrest=arrested,
    )


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("25-35", (25 - ESTIMATED_AGE_AFTER, 36)),
        ("30-45 سنة", (30 - ESTIMATED_AGE_AFTER, 46)),
        ("٢٥-٣٥", (25 - ESTIMATED_AGE_AFTER, 36)),
        ("بين 25 و35", (25 - ESTIMATED_AGE_AFTER, 36)),
        ("25 to 35", (25 - ESTIMATED_AGE_AFTER, 36)),
        # One age, remembered or estimated: five years either side.
        ("حوالي 30", (25 - ESTIMATED_AGE_AFTER, 36)),
        # A digit that could not be read: thirty to thirty-nine.
        ("3؟", (30 - ESTIMATED_AGE_AFTER, 40)),
        ("", (None, None)),
        ("غير معروف", (None, None)),
        ("35-25", (None, None)),
    ],
)
def test_an_estimated_age_is_read_as_the_ages_at_arrest_it_allows(
    text: str, ages: tuple[int | None, int | None]
) -> None:
    assert estimated_age(text) == ages


def test_the_registers_header_is_read_and_a_witness_s_approximate_age_is_not(
    tmp_path: Path,
) -> None:
    register = tmp_path / "exhumation.csv"
    register.write_text(
        "رقم السجل,الاسم,الكنية,العمر التقديري\nNJH-G01-B001,يزن,قطرميز,25-35 سنة\n",
        encoding="utf-8",
    )
    testimonies = tmp_path / "testimonies.csv"
    testimonies.write_text(
        "رقم السجل,الاسم,الكنية,العمر التقريبي\nT-1,يزن,قطرميز,حوالي 30\n", encoding="utf-8"
    )
    exhumed, witnessed = read_lists([register, testimonies])
    assert exhumed.values[ESTIMATED_AGE_COLUMN] == "25-35 سنة"
    # A witness's age is of the year they saw the person, years after the arrest: not read so.
    assert ESTIMATED_AGE_COLUMN not in witnessed.values


def test_a_year_of_birth_within_the_estimate_is_evidence_for_and_one_outside_against() -> None:
    within = score_pair(_exhumed("25-35"), _student("1985"), term_frequencies=_FREQUENCIES)
    outside = score_pair(_exhumed("25-35"), _student("1960"), term_frequencies=_FREQUENCIES)
    year_within, year_outside = _field(within, "birth_year"), _field(outside, "birth_year")
    assert year_within.level == ESTIMATED_AGE_WITHIN_LABEL  # type: ignore[attr-defined]
    assert year_within.weight > 1  # type: ignore[attr-defined]
    assert year_outside.level == ESTIMATED_AGE_OUTSIDE_LABEL  # type: ignore[attr-defined]
    assert year_outside.weight < -4  # type: ignore[attr-defined]
    # The arrest year may come from the estimating record: the register's relatives give one.
    own = score_pair(
        _exhumed("25-35", date_of_arrest="2012"),
        _student("1985", arrested=""),
        term_frequencies=_FREQUENCIES,
    )
    assert _field(own, "birth_year").level == ESTIMATED_AGE_WITHIN_LABEL  # type: ignore[attr-defined]


def test_an_estimate_without_any_year_of_arrest_is_no_evidence() -> None:
    pair = score_pair(
        _exhumed("25-35"), _student("1960", arrested=""), term_frequencies=_FREQUENCIES
    )
    assert _field(pair, "birth_year").weight == 0  # type: ignore[attr-defined]


def test_two_estimates_compare_their_ranges() -> None:
    apart = score_pair(_exhumed("15-25"), _exhumed("45-60"), term_frequencies=_FREQUENCIES)
    overlap = score_pair(_exhumed("25-35"), _exhumed("30-45"), term_frequencies=_FREQUENCIES)
    assert _field(apart, "birth_year").level == ESTIMATES_APART_LABEL  # type: ignore[attr-defined]
    assert _field(apart, "birth_year").weight < -2  # type: ignore[attr-defined]
    assert _field(overlap, "birth_year").level == ESTIMATES_OVERLAP_LABEL  # type: ignore[attr-defined]
    assert _field(overlap, "birth_year").weight > 0  # type: ignore[attr-defined]


def test_two_years_of_birth_are_compared_as_years_whatever_the_estimates() -> None:
    pair = score_pair(
        _exhumed("15-25", birth_year="1990"), _student("1990"), term_frequencies=_FREQUENCIES
    )
    assert _field(pair, "birth_year").level == "same year"  # type: ignore[attr-defined]


def test_one_name_written_twice_with_estimates_apart_is_two_bodies() -> None:
    # Two body bags of one register under one full name: estimated 15-25 (with a document's
    # year of birth) and 45-60 are two men, however rare the name.
    records = [
        {
            **person(first_name="يزن", father_name="مالك", family_name="قطرميز", birth_year="1996"),
            ESTIMATED_AGE_COLUMN: "15-25",
        },
        {
            **person(first_name="يزن", father_name="مالك", family_name="قطرميز"),
            ESTIMATED_AGE_COLUMN: "45-60",
        },
        {
            **person(first_name="يزن", father_name="مالك", family_name="قطرميز"),
            ESTIMATED_AGE_COLUMN: "20-30",
        },
    ]
    clusters = link(records, sources=["exhumation"] * 3).clusters
    assert clusters[0] != clusters[1]
    assert clusters[0] == clusters[2]


@pytest.mark.parametrize("illegible", ["(غير مقروء)", "غير واضح", "(illegible)", "؟", "..."])
def test_a_name_that_could_not_be_read_is_missing_not_a_brother(illegible: str) -> None:
    assert record_features(person(first_name=illegible, family_name="قطرميز"))["first_k"] is None
    pair = score_pair(
        person(first_name=illegible, father_name="مالك", family_name="قطرميز", birth_year="1980"),
        person(first_name="يزن", father_name="مالك", family_name="قطرميز", birth_year="1980"),
        term_frequencies=_FREQUENCIES,
    )
    # Not the sibling level (about −25): no first name, no evidence either way.
    assert _field(pair, "first").weight == 0  # type: ignore[attr-defined]
    assert pair.match_weight > 0


@pytest.mark.parametrize("illegible", ["غير واضح", "غير مقروء", "(illegible)", "؟ ؟"])
def test_an_unreadable_cell_is_no_name_in_any_reading(illegible: str) -> None:
    """Every reading the linkage compares, not only the first: «غير واضح» alone in the first
    name's cell was read as first غير and father واضح (found by review), and a full name
    «غير مقروء» as غير / مقرو."""
    for row in (
        person(first_name=illegible, family_name="قطرميز"),
        {"record_id": "x", "full_name": illegible},
    ):
        for features, _odds in record_readings(row, None):
            assert features["first_k"] is None
            assert features["father_k"] is None


def test_a_long_run_of_marks_is_read_at_once() -> None:
    started = time.perf_counter()
    assert record_readings(person(first_name="." * 20_000 + "x", family_name="قطرميز"), None)
    assert time.perf_counter() - started < 1.0
