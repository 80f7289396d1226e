"""Lists2 weaknesses (issue 15): a whole name typed into the first-name cell, a full name beside
a father's-name column, lineage words in French/German/Kurmanji, transliteration styles, and
the blocking rules that put such pairs together at all."""

from __future__ import annotations

import pytest

from mizan.linkage.features import record_features, record_readings
from mizan.linkage.lists import read_name_cells, whole_name_in_first_cell
from mizan.linkage.model import (
    BLOCKING_RULES,
    BLOCKING_WITHOUT,
    BLOCKING_YEARS,
    YEAR_WINDOW,
    _blocking_sql,
)
from mizan.text import name_keys
from mizan.text.names import parse_full_name


def test_a_whole_name_in_the_first_name_cell_is_read_as_the_full_name() -> None:
    row = {"first_name": "احمد عبدالكريم الكاعب", "father_name": "", "family_name": ""}
    assert whole_name_in_first_cell(row) == "احمد عبدالكريم الكاعب"
    features = record_features(row)
    assert (features["first_k"], features["father_k"], features["family_k"]) == (
        "ahmd",
        "abdkrm",
        "kb",
    )


@pytest.mark.parametrize(
    "row",
    [
        {"first_name": "عبد الرحمن", "family_name": ""},  # one compound given name
        {"first_name": "محمد (أبو خالد)"},  # a kunya is not a name part
        # other cells filled: the father's, or the family's beside a double name and the father's
        {"first_name": "محمد خالد الحموي", "father_name": "خالد"},
        {"first_name": "محمد خير أحمد", "family_name": "الحموي"},
        {"first_name": "محمد خالد الحموي", "full_name": "محمد خالد الحموي"},
    ],
)
def test_only_a_whole_name_alone_in_its_cell_moves(row: dict[str, str]) -> None:
    assert whole_name_in_first_cell(row) is None
    assert read_name_cells(row) is row


def test_a_full_name_beside_a_fathers_column_is_still_read() -> None:
    # NGO lists give the father's name in a column of its own, and the name in one cell.
    row = {"full_name": "Fayez EL-RAHHOUMI", "father_name": "Ammar"}
    features = record_readings(row)[0][0]
    assert features["first_k"] == "fz"
    assert features["family_k"] == "rhmyw"
    assert features["father_k"] == "amr"


def test_the_fathers_column_stands_over_the_full_names_reading() -> None:
    row = {"full_name": "Ayman Said NASER", "father_name": "Sa'id"}
    features = record_readings(row)[0][0]
    assert (features["first_k"], features["father_k"], features["family_k"]) == (
        "amn",
        "sd",
        "nsr",
    )


@pytest.mark.parametrize(
    "text",
    ["Mohamad fils de Ahmad Naman", "Mohamad Sohn von Ahmad Naman", "Mihemed kurê Ehmed Naman"],
)
def test_lineage_words_of_french_german_and_kurmanji_lists(text: str) -> None:
    parts = parse_full_name(text)[0].parts
    assert name_keys(parts["first_name"]) == ["mhmd"]
    assert name_keys(parts["father_name"]) == ["ahmd"] or parts["father_name"] == "Ehmed"
    assert name_keys(parts["family_name"]) == ["nmn"]


def test_arabic_keyboard_compounds_and_al_din_stay_one_name() -> None:
    assert parse_full_name("3abd elkarim 5aled al maltouf")[0].parts["first_name"] == (
        "3abd elkarim"
    )
    assert parse_full_name("6a7nan, 3ezz el din 3abd elletif")[0].parts["first_name"] == (
        "3ezz el din"
    )


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Maschmusi", "مشمسوي"),  # German sch
        ("Dschamil", "جميل"),  # German dsch
        ("Xalid", "خالد"),  # Kurmanji x
        ("Maxlûf", "مخلوف"),
        ("Şîxu", "شيخو"),  # Kurmanji ş
        ("Cemîl", "جميل"),  # Kurmanji c in a word with its letters
        ("Abdoulhamid", "عبد الحميد"),  # French Abdoul
    ],
)
def test_transliteration_styles_share_the_arabic_key(latin: str, arabic: str) -> None:
    assert name_keys(latin) == name_keys(arabic)


def test_a_plain_c_outside_kurmanji_is_still_k() -> None:
    assert name_keys("Cassem") == name_keys("Kassem")


def test_first_and_family_name_block_across_a_wider_year_gap() -> None:
    assert ("first_k", "family_k") in BLOCKING_RULES
    assert "<= 8" in _blocking_sql(("first_k", "family_k"))
    assert "<= 3" in _blocking_sql(("first_k", "father_k", "grandfather_k"))


def _implied(rule: tuple[str, ...], by: tuple[str, ...]) -> bool:
    """Whether every pair ``rule`` joins (``_blocking_sql``) is one ``by`` joins too: its columns
    include ``by``'s, and its birth years and missing column are at least as narrow."""
    if rule == by or not set(by) <= set(rule):
        return False
    lacking = BLOCKING_WITHOUT.get(by)
    if lacking is not None and BLOCKING_WITHOUT.get(rule) != lacking:
        return False  # ``by`` asks for a missing column that ``rule`` does not
    if "birth_year" in by or "national_id" in by:
        return True  # ``by`` asks nothing more than its columns
    if "national_id" in rule and "birth_year" not in rule:
        return False  # ``rule`` does not narrow the birth years that ``by`` does
    if "birth_year" in rule:
        return lacking is None  # the same year is within any window
    return BLOCKING_YEARS.get(rule, YEAR_WINDOW) <= BLOCKING_YEARS.get(by, YEAR_WINDOW) and (
        lacking is None or BLOCKING_WITHOUT.get(rule) == lacking
    )


def test_no_blocking_rule_joins_only_pairs_another_rule_joins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A rule implied by another pairs nothing new (splink keeps each pair once) and costs a join
    a side: first + father's + mother's dotless names, «when one side has no family name», added
    nothing once first + father's alone was merged with the same condition; first + father's +
    family and first + family + birth year, dotless, nothing beside first + family dotless."""
    redundant = [
        (rule, by) for rule in BLOCKING_RULES for by in BLOCKING_RULES if _implied(rule, by)
    ]
    assert redundant == []
    # The check itself sees the rules it dropped, and not a narrower rule's own pairs.
    mother = ("first_rasm", "father_rasm", "mother_rasm")
    monkeypatch.setitem(BLOCKING_WITHOUT, mother, "family_k")
    assert _implied(mother, ("first_rasm", "father_rasm"))
    assert _implied(("first_rasm", "family_rasm", "birth_year"), ("first_rasm", "family_rasm"))
    assert _implied(("first_rasm", "father_rasm", "family_rasm"), ("first_rasm", "family_rasm"))
    assert not _implied(("first_k", "father_k", "birth_year"), ("first_k", "father_k"))
    assert not _implied(("first_k", "family_k"), ("first_k",))  # a wider year window
