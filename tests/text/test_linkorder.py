"""A name typed on a Sorani Kurdish keyboard: its short and long u and «عەبدول…» read as Arabic
writes them (issue 15, set 15's camp registrations). Synthetic names only."""

from __future__ import annotations

import pytest

from mizan.text.normalise import sorani_as_arabic
from mizan.text.translit import name_keys


@pytest.mark.parametrize(
    ("sorani", "arabic"),
    [
        ("حوسەین", "حسين"),
        ("عومەر سولەیمان", "عمر سليمان"),
        ("مەحموود", "محمود"),
        ("یووسوف محەمەد", "يوسف محمد"),
        ("عەبدوڵڵا", "عبد الله"),
        ("عەبدولعەزیز", "عبد العزيز"),
        ("عەبدولکەریم", "عبد الكريم"),
        ("ڕوقەیە", "رقية"),
        # A w before a vowel is a consonant: kept.
        ("ئەنوەر", "أنور"),
        ("وەلید", "وليد"),
    ],
)
def test_a_sorani_u_is_read_as_arabic_writes_it(sorani: str, arabic: str) -> None:
    assert name_keys(sorani_as_arabic(sorani)) == name_keys(arabic)


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
