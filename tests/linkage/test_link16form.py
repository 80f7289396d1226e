"""Forms of a parish register typed in French usage and of a families' web form (issue 15, set
16): the French baptismal names, Western and Eastern Armenian spellings, the French sex H."""

from __future__ import annotations

import pytest

from mizan.linkage.features import sex_of
from mizan.text.translit import name_key


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Elie", "إلياس"),
        ("ELIE", "الياس"),
        ("Jacques", "يعقوب"),
        ("Hagop", "هاكوب"),
        ("Garabed", "كارابيت"),
        ("Grigor", "كريكور"),
    ],
)
def test_a_french_baptismal_name_or_an_armenian_spelling_meets_the_arabic(
    latin: str, arabic: str
) -> None:
    assert name_key(latin) == name_key(arabic)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Elie", "Elias"), ("Hagop", "Hakob"), ("Krikor", "Grigor"), ("Gevorg", "Kevork")],
)
def test_the_two_latin_spellings_meet(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(("text", "sex"), [("H", "M"), ("homme", "M"), ("Femme", "F"), ("F", "F")])
def test_a_french_sex_is_read(text: str, sex: str) -> None:
    assert sex_of(text) == sex


def test_a_french_form_syrians_write_in_arabic_letters_still_meets_them() -> None:
    # Pierre and Jean stay the names بيير and جان, not بطرس and حنا.
    assert name_key("Pierre") == name_key("بيير")
    assert name_key("Jean") == name_key("جان")
