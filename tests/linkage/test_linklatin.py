"""Two Latin spellings of one first name a typing slip apart are one name, not two brothers'
(issue 15, branch `linklatin`; set 11: "Walid"/"Waldi", "Khaled"/"Kahled" of one father and
family, written by two offices). A letter doubled or a vowel changed (Khaaled, Samir/Samer)
was one key already. Synthetic people only."""

from __future__ import annotations

import pytest

from mizan.linkage.engine import score_pairs
from mizan.linkage.model import OCR_LEVEL_LABEL
from tests.linkage.rows import person


def _first_name_level(one: str, other: str) -> tuple[str, float]:
    # The lists write the common names several times; a slip once.
    a = person(first_name=one, father_name="Mohamad", family_name="Homsi")
    b = person(first_name=other, father_name="Mohamad", family_name="Homsi")
    others = [
        person(first_name=name, father_name=father, family_name="Qatarmizi")
        for name in ("Walid", "Khaled", "Fadi", "Hadi", "Sami", "Samir")
        for father in ("Ali", "Omar", "Hasan")
    ]
    score = score_pairs([a, b, *others], [(0, 1)])[0]
    first = next(field for field in score.fields if field.field == "first")
    return first.level, first.weight


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Walid", "Waldi"),  # two letters swapped
        ("Khaled", "Kahled"),  # two letters swapped
        ("Khaled", "Kaled"),  # a letter dropped
    ],
)
def test_a_latin_typing_slip_of_a_first_name_is_no_brothers_name(one: str, other: str) -> None:
    level, weight = _first_name_level(one, other)
    assert level == OCR_LEVEL_LABEL
    assert weight > 0


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Fadi", "Hadi"),  # one letter for another: two names
        ("Sami", "Samir"),  # both common: two names, though a letter apart
    ],
)
def test_two_latin_names_a_letter_apart_stay_brothers(one: str, other: str) -> None:
    level, weight = _first_name_level(one, other)
    assert level != OCR_LEVEL_LABEL
    assert weight < -10


def test_one_key_keeps_the_same_names_weight() -> None:
    # Huda/Huuda, Ziyad/Ziyaad: one key, the "same name" level (a name's own weight), not the
    # slip's mild +1.
    level, weight = _first_name_level("Huda", "Huuda")
    assert level == "same name"
    assert weight > 1
