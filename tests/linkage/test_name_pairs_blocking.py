"""Two name words in common, in any parts (issue 15): the blocking rule that compares a record
whose list wrote its names in another order, under another family name or without a part."""

from __future__ import annotations

import pytest

from mizan.linkage import engine
from mizan.linkage.model import blocking_rules


def _rows(*names: tuple[str, ...], readings: int = 1) -> tuple[dict[str, list[object]], list[int]]:
    parts = engine.PAIR_BLOCK_PARTS
    columns: dict[str, list[object]] = {f"{part}_k": [] for part in parts}
    record_of = []
    for record, words in enumerate(names):
        for _ in range(readings):
            record_of.append(record)
            for part, word in zip(parts, (*words, None, None, None, None, None), strict=False):
                columns[f"{part}_k"].append(word)
    return columns, record_of


def test_a_word_pair_two_records_share_is_a_blocking_key() -> None:
    columns, record_of = _rows(("adnn", "jhd", "slmn"), ("slmn", "adnn", None, "jhd"))
    assert engine._name_pairs(columns, record_of) == [
        ["adnn|jhd", "adnn|slmn", "jhd|slmn"],
        ["adnn|jhd", "adnn|slmn", "jhd|slmn"],
    ]


def test_a_pair_of_one_record_or_of_too_many_records_is_not() -> None:
    # One record's own readings count once; a one-letter word is no name.
    columns, record_of = _rows(("adnn", "jhd"), ("krm", "a"), readings=2)
    assert engine._name_pairs(columns, record_of) == [[], [], [], []]
    common = [("mhmd", "ahmd", f"f{i}") for i in range(engine.PAIR_BLOCK_CAP + 1)]
    columns, record_of = _rows(*common)
    assert all("ahmd|mhmd" not in pairs for pairs in engine._name_pairs(columns, record_of))


def test_the_rule_explodes_the_pairs_within_the_year_window() -> None:
    rule = blocking_rules()[-1]
    assert rule["arrays_to_explode"] == ["name_pairs"]
    assert 'l."name_pairs" = r."name_pairs"' in rule["blocking_rule"]
    assert "<= 3" in rule["blocking_rule"]


def _scored(records: list[dict[str, str]]) -> set[tuple[int, int]]:
    result = engine.link(records, keep_pairs_above=1e-12, estimate_u=False, threads=1)
    return {(pair.left, pair.right) for pair in result.pairs}


@pytest.mark.parametrize(
    "records",
    [
        # «سليمان» given as the first name and «عدنان» as the father's (a list that writes the
        # family name first, in cells).
        [
            {"record_id": "1", "first_name": "عدنان", "father_name": "جهاد",
             "family_name": "سليمان", "birth_year": "1964"},
            {"record_id": "2", "first_name": "سليمان", "father_name": "عدنان",
             "family_name": "جهاد", "birth_year": "1964"},
        ],
        # «عدنان سليمان» in a list that gives no father's name (سليمان is his father's) against
        # «عدنان سليمان جهاد»: a missing part must not keep the pair from being compared.
        [
            {"record_id": "1", "first_name": "عدنان", "family_name": "سليمان",
             "birth_year": "1964"},
            {"record_id": "2", "first_name": "عدنان", "father_name": "سليمان",
             "family_name": "جهاد", "birth_year": "1964"},
        ],
    ],
)  # fmt: skip
def test_a_record_with_its_names_in_other_parts_is_compared(
    records: list[dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No other rule joins the two: without the word pairs they are never compared."""
    assert _scored(records) == {(0, 1)}
    monkeypatch.setattr(engine, "PAIR_BLOCK_CAP", 0)
    assert _scored(records) == set()
