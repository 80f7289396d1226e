"""Keys for record linkage: dotless (OCR) and loose keys, titles, "al-Din" in full names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mizan.text import name_keys
from mizan.text.names import drop_titles, split_full_name
from mizan.text.translit import dotless_key, is_title, loose_key


@pytest.mark.parametrize(
    ("written", "misread"),
    [("حسين", "خسين"), ("بشار", "نشار"), ("فادي", "قادي"), ("رياض", "زياض"), ("الصحاح", "الصخاح")],
)
def test_dotless_key_ignores_the_dots_ocr_confuses(written: str, misread: str) -> None:
    assert dotless_key(written) == dotless_key(misread)


def test_dotless_key_keeps_letters_that_are_not_dot_variants() -> None:
    assert dotless_key("حسن") != dotless_key("حسين")
    assert dotless_key("محمد") != dotless_key("محمود")
    assert dotless_key("Hussein") == ""
    assert dotless_key("الحموي") == dotless_key("حموي")


@pytest.mark.parametrize(
    ("arabic", "latin"), [("خسين", "Hussein"), ("مجمد", "Muhammad"), ("سامز", "Samer")]
)
def test_loose_key_meets_a_latin_spelling_despite_an_ocr_error(arabic: str, latin: str) -> None:
    assert name_keys(arabic) != name_keys(latin)
    assert loose_key("".join(name_keys(arabic))) == loose_key("".join(name_keys(latin)))


@given(st.text(alphabet="abcdfghjklmnrstwxyz", max_size=12))
def test_loose_key_is_idempotent_and_no_longer(key: str) -> None:
    folded = loose_key(key)
    assert loose_key(folded) == folded
    assert len(folded) <= len(key)


def test_titles_are_dropped_but_a_lone_title_is_kept() -> None:
    assert drop_titles("الحاج محمد") == "محمد"
    assert drop_titles("Dr. Ahmad Hamwi") == "Ahmad Hamwi"
    assert drop_titles("Sheikh") == "Sheikh"
    assert is_title("الشيخ")
    assert not is_title("محمد")


def test_al_din_stays_with_its_word_when_a_full_name_is_split() -> None:
    assert split_full_name("علي عبدالرحمن نور الدين القصير") == {
        "first_name": "علي",
        "father_name": "عبدالرحمن",
        "grandfather_name": "نور الدين",
        "family_name": "القصير",
    }
    assert split_full_name("Ali Nour ed-Din Hamwi")["father_name"] == "Nour ed-Din"


def test_a_final_taa_marbuta_is_not_read_as_a_digraph() -> None:
    assert name_keys("الرقة") == name_keys("Raqqa")
