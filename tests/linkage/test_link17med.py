"""Forms of a professional body's or a medical NGO's list of its detained members (issue 15,
set 17's health workers): a title or a profession written before the name ("Pharm.", "Eng.",
"Prof.", "Nurse", «الدكتورة»), read aside rather than as the first or the family name."""

from __future__ import annotations

import pytest

from mizan.linkage.features import record_readings
from mizan.text.names import drop_titles


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Pharm. Ziad Qasem El-Khatib", "Ziad Qasem El-Khatib"),
        ("Eng. Ahmad Ali Hasan", "Ahmad Ali Hasan"),
        ("Prof. Rana Al-Hamwi", "Rana Al-Hamwi"),
        ("Nurse Iman Kaddour", "Iman Kaddour"),
        ("Dentist Omar Suleiman", "Omar Suleiman"),
        ("Me Walid Al-Najjar", "Walid Al-Najjar"),
        ("الدكتورة رشا علي الحسن", "رشا علي الحسن"),
        ("الصيدلانية سعاد المصري", "سعاد المصري"),
    ],
)
def test_a_professions_title_before_the_name_is_dropped(written: str, name: str) -> None:
    assert drop_titles(written) == name


def _likeliest(full_name: str) -> tuple[str | None, str | None, str | None]:
    features, _odds = record_readings({"full_name": full_name})[0]
    return features["first_n"], features["father_n"], features["family_n"]


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("Pharm. Aisha Mohamad Shehadeh", ("aisha", "mohamad", "shehadeh")),
        ("Pharm. Mostafa Hariri", ("mostafa", None, "hariri")),
        ("Eng. Firas Tarek Al-Ahmad", ("firas", "tarek", "ahmad")),
        ("Pharm. FARES, Yasser Ibrahim", ("yasser", "ibrahim", "fares")),
    ],
)
def test_a_titled_name_is_read_into_its_parts(
    written: str, parts: tuple[str | None, str | None, str | None]
) -> None:
    assert _likeliest(written) == parts


@pytest.mark.parametrize(
    ("written", "family"),
    [
        ("Iman Mohammad Alahmad", "Iman Mohammad Al-Ahmad"),
        ("Mahmoud Mohammad Alomar (Abu Adnan)", "Mahmoud Mohammad Al-Omar"),
        ("Ahmad Alissa", "Ahmad Al-Issa"),
    ],
)
def test_an_english_lists_glued_article_before_a_vowel_is_set_apart(
    written: str, family: str
) -> None:
    # "Alomar" is العمر as "Al-Omar" is, in an English list as in a German office's.
    assert (
        record_readings({"full_name": written})[0][0]["family_k"]
        == record_readings({"full_name": family})[0][0]["family_k"]
    )
