"""Across scripts, a loose key must not make two names one (issue 15, branch `linkvowel`; set
14: an Egyptian community's Latin list against a security branch's Arabic archive). "Hassan" is
not «حسين» nor a mother "Amina" «إيمان», though their keys agree: the Latin vowels are another
name's (``translit.vowel_marks``). "Maged" is not «ماهر» nor "Ahmed" «حمزة»: two letters apart
is no dot misread, and a Latin spelling has no dots. Synthetic people only."""

from __future__ import annotations

import pytest

from mizan.linkage.engine import score_pairs
from mizan.linkage.model import VOWELS_DIFFER_LABEL
from tests.linkage.rows import person

_DOTS_ACROSS = "same name but dots, across scripts"


def _level(field: str, latin: dict[str, str], arabic: dict[str, str]) -> tuple[str, float]:
    score = score_pairs([person(**latin), person(**arabic)], [(0, 1)])[0]
    evidence = next(each for each in score.fields if each.field == field)
    return evidence.level, evidence.weight


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [("Hassan", "حسين"), ("Gamil", "جمال"), ("Said", "سعاد")],
)
def test_a_latin_first_name_with_another_names_vowels(latin: str, arabic: str) -> None:
    level, weight = _level(
        "first",
        {"first_name": latin, "father_name": "Kamal", "family_name": "Qatarmizi"},
        {"first_name": arabic, "father_name": "كمال", "family_name": "قطرميزي"},
    )
    assert level == VOWELS_DIFFER_LABEL
    assert weight < -5


def test_a_mother_amina_is_not_iman() -> None:
    level, weight = _level(
        "mother",
        {"first_name": "Kamal", "family_name": "Qatarmizi", "mother_name": "Amina"},
        {"first_name": "كمال", "family_name": "قطرميزي", "mother_name": "إيمان"},
    )
    assert level == VOWELS_DIFFER_LABEL
    assert weight < 0


@pytest.mark.parametrize(("latin", "arabic"), [("Hussein", "حسين"), ("Souad", "سعاد")])
def test_the_same_names_vowels_keep_the_same_name(latin: str, arabic: str) -> None:
    level, weight = _level(
        "first",
        {"first_name": latin, "father_name": "Kamal", "family_name": "Qatarmizi"},
        {"first_name": arabic, "father_name": "كمال", "family_name": "قطرميزي"},
    )
    assert level == "same name"
    assert weight > 0


@pytest.mark.parametrize(("latin", "arabic"), [("Maged", "ماهر"), ("Magid", "ماهر")])
def test_two_letters_apart_across_scripts_are_no_dots_misread(latin: str, arabic: str) -> None:
    level, _ = _level(
        "first",
        {"first_name": latin, "father_name": "Kamal", "family_name": "Qatarmizi"},
        {"first_name": arabic, "father_name": "كمال", "family_name": "قطرميزي"},
    )
    assert level != _DOTS_ACROSS


@pytest.mark.parametrize(("latin", "arabic"), [("Hussein", "خسين"), ("Mouna", "منى")])
def test_one_letter_across_scripts_is_still_the_dots_level(latin: str, arabic: str) -> None:
    level, weight = _level(
        "mother",
        {"first_name": "Kamal", "family_name": "Qatarmizi", "mother_name": latin},
        {"first_name": "كمال", "family_name": "قطرميزي", "mother_name": arabic},
    )
    assert level == _DOTS_ACROSS
    assert weight > 0
