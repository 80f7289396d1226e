"""A profession written before the name in a group's report («الطالب الجامعي», «الممرض»,
«المهندس» …) is set aside like a rank (issue 15, set 16's Palestinian group's list)."""

from __future__ import annotations

import pytest

from mizan.text.names import parse_full_name
from mizan.text.translit import name_keys


def _first_reading(text: str) -> dict[str, str]:
    return parse_full_name(text)[0].parts


@pytest.mark.parametrize(
    ("text", "first", "family"),
    [
        ("الطالب الجامعي باسل محمد أبو عيشة", "باسل", "أبو عيشة"),
        ("الطالبة الجامعية هبة سعيد الصفدي", "هبة", "الصفدي"),
        ("الممرض سعيد محمد محمود السعدي", "سعيد", "السعدي"),
        ("المحامية منى خالد الحيفاوي", "منى", "الحيفاوي"),
        ("الطبيبة هدى ياسين العلي", "هدى", "العلي"),
        ("المهندس وائل محمد ابو خليل", "وائل", "ابو خليل"),
        ("الطبيب إياد حسن محمود الشهابي", "إياد", "الشهابي"),
    ],
)
def test_a_profession_before_the_name_is_set_aside(text: str, first: str, family: str) -> None:
    parts = _first_reading(text)
    assert (parts["first_name"], parts["family_name"]) == (first, family)


def test_the_profession_gives_no_name_key() -> None:
    assert name_keys("الطالب الجامعي حسين رامي") == name_keys("حسين رامي")


def test_a_profession_that_is_a_family_name_is_kept_before_two_words() -> None:
    # «الطبيب محمد أحمد»: the family الطبيب written first may be meant — kept.
    readings = parse_full_name("الطبيب محمد أحمد")
    assert any("الطبيب" in reading.parts.values() for reading in readings)


def test_a_profession_after_the_name_is_the_family_name() -> None:
    assert _first_reading("محمد أحمد الطالب")["family_name"] == "الطالب"
