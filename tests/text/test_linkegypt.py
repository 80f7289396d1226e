"""Names as a security branch's register and an Egyptian association write them (issue 15,
branch `linkegypt`): «حسن الشيخ», a given name and a family name that is also a title's word,
and the women's names a register without a sex column still tells (synthetic people only)."""

from __future__ import annotations

import pytest

from mizan.text.names import is_womans_name, parse_full_name


@pytest.mark.parametrize(("full", "family"), [("حسن الشيخ", "الشيخ"), ("أحمد الحاج", "الحاج")])
def test_a_title_word_after_a_given_name_is_the_family_name(full: str, family: str) -> None:
    parts = parse_full_name(full)[0].parts
    assert parts["family_name"] == family
    assert parts["first_name"] == full.split()[0]


def test_a_title_before_the_name_is_still_dropped() -> None:
    assert parse_full_name("الشيخ أحمد")[0].parts["first_name"] == "أحمد"
    assert parse_full_name("الشيخ أحمد")[0].parts["family_name"] == ""


@pytest.mark.parametrize("word", ["أسماء", "اسماء", "سعاد", "فاطمة", "هدى", "آمنة"])
def test_womens_names_in_arabic_letters(word: str) -> None:
    assert is_womans_name(word)


@pytest.mark.parametrize("word", ["أسامة", "سعيد", "محمد", "نور", "Soad", "Asmaa", "هدي", ""])
def test_mens_shared_and_latin_names_say_nothing(word: str) -> None:
    assert not is_womans_name(word)
