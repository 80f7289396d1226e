"""Edges a third review of record linkage found (issue 15): the one reading of a year that the
comparison and the problems file share. Synthetic names only."""

from __future__ import annotations

import pytest

from mizan.linkage.problems import written_year


@pytest.mark.parametrize(
    ("text", "plausible", "year"),
    [
        ("1985", False, 1985),
        ("١٩٨٥", True, 1985),
        ("17/04/2013", True, 2013),
        # A Hijri year is the Gregorian year it began in …
        ("1405 هـ", False, 1984),
        ("1405 AH", True, 1984),
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
        ("1470 / 1405 هـ", True, 1984),
        ("85", False, None),
        ("", True, None),
    ],
)
def test_a_year_is_read_one_way_for_the_comparison_and_the_problems(
    text: str, plausible: bool, year: int | None
) -> None:
    assert written_year(text, plausible=plausible) == year
