"""A name typed on a Sorani Kurdish keyboard: its short and long u and «عەبدول…» read as Arabic
writes them (issue 15, set 15's camp registrations). Synthetic names only."""

from __future__ import annotations

import pytest

from mizan.text.normalise import sorani_as_arabic
from mizan.text.translit import name_keys


@pytest.mark.parametrize(
    ("sorani", "arabic"),
    [
        ("مەحموود", "محمود"),
        ("یووسوف محەمەد", "يوسف محمد"),
        ("عەبدوڵڵا", "عبد الله"),
        ("عەبدولعەزیز", "عبد العزيز"),
        ("عەبدولکەریم", "عبد الكريم"),
        # A w before a vowel is a consonant: kept.
        ("ئەنوەر", "أنور"),
        ("وەلید", "وليد"),
    ],
)
def test_a_sorani_u_is_read_as_arabic_writes_it(sorani: str, arabic: str) -> None:
    assert name_keys(sorani_as_arabic(sorani)) == name_keys(arabic)


@pytest.mark.parametrize(
    ("sorani", "written"),
    [
        # A single و is kept here, as one who adds only ە to the Arabic spelling writes the long
        # u (مەحمود); where it is a short u, the lists' names read it back
        # (``features.ListVocabulary.sounds``, tests/linkage/test_fixe.py).
        ("حوسەین", "حوسين"),
        ("عومەر سولەیمان", "عومر سوليمان"),
        ("ڕوقەیە", "روقية"),
    ],
)
def test_a_single_waw_is_left_to_the_lists(sorani: str, written: str) -> None:
    assert name_keys(sorani_as_arabic(sorani)) == name_keys(written)


@pytest.mark.parametrize(
    "text",
    [
        # Kurdish names written the Arabic way beside Sorani words keep their و …
        "کوجر عەلی",
        "هوزان عەلی",
        # … and so does one with the ڤ that Kurmanji writes too (Dilovan).
        "ديلوڤان شفان",
    ],
)
def test_a_word_written_the_arabic_way_keeps_its_waw(text: str) -> None:
    assert sorani_as_arabic(text).split()[0] == text.split()[0].replace("\u06a4", "\u0641")
