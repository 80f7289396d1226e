"""Month names as people write them (mizan.text.dates): the one table the linkage features, the
partial dates and the testimony leak check all read."""

from __future__ import annotations

import re

import pytest

from mizan.text.dates import month_in, month_pattern


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("تشرين أول 2013", 10),
        ("تشرين اول 2013", 10),
        ("كانون ثاني 2012", 1),
        ("كانون أول 2011", 12),
        ("تشرين ثاني", 11),
        ("تشرين ثانى 1990", 11),
        ("كانون ثانى", 1),
        ("تشرين إول", 10),
        ("تشرين الثاني 2012", 11),
        ("آب أول", 8),
        ("نيسان 2013", 4),
    ],
)
def test_levantine_names_with_and_without_the_article(text: str, month: int) -> None:
    assert month_in(text) == month


@pytest.mark.parametrize(
    ("written", "month"),
    [
        ("اذار", 3),
        ("آذار", 3),
        ("يونية", 6),
        ("يونيه", 6),
        ("إبريل", 4),
        ("كانون   الثاني", 1),
        ("تشرين أول", 10),
        ("MARCH", 3),
        ("mars", 3),
        ("Sept", 9),
    ],
)
def test_the_pattern_finds_a_month_as_written_and_month_in_numbers_it(
    written: str, month: int
) -> None:
    found = re.fullmatch(month_pattern(), written, re.IGNORECASE)
    assert found is not None
    assert month_in(found.group(0)) == month


def test_the_pattern_takes_the_longest_name() -> None:
    found = re.match(month_pattern(), "تشرين الثاني 2012")
    assert found is not None and found.group(0) == "تشرين الثاني"
