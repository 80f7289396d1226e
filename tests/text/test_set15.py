"""A rank or a post written before the name (an army unit's, a directorate's list), and «السيد»
before a full name of three words or more (issue 15, set 15)."""

from __future__ import annotations

import pytest

from mizan.text.names import parse_full_name
from mizan.text.normalise import sorani_as_arabic
from mizan.text.translit import name_keys


def _first_reading(text: str) -> dict[str, str]:
    return parse_full_name(text)[0].parts


@pytest.mark.parametrize(
    ("text", "first", "family"),
    [
        ("المجند سامر خالد صالح المحاميد", "سامر", "المحاميد"),
        ("العريف ماهر أحمد الحلبي", "ماهر", "الحلبي"),
        ("العامل عمر محمد اخطيب", "عمر", "اخطيب"),
        ("العاملة هدى ياسين العلي", "هدى", "العلي"),
        ("السيدة فاطمة عبدالله القباني", "فاطمة", "القباني"),
        ("مدرس عمر محمد الخطيب", "عمر", "الخطيب"),
        ("السيد علي محمود الكيلاني", "علي", "الكيلاني"),
    ],
)
def test_a_rank_or_post_before_the_name_is_set_aside(text: str, first: str, family: str) -> None:
    parts = _first_reading(text)
    assert (parts["first_name"], parts["family_name"]) == (first, family)


def test_al_sayyid_before_two_words_may_be_the_family_name_and_is_kept() -> None:
    # «السيد محمد أحمد»: the family السيد written first, or Mr Mohammad Ahmad — kept.
    readings = parse_full_name("السيد محمد أحمد")
    assert any("السيد" in reading.parts.values() for reading in readings)


@pytest.mark.parametrize("family", ["الجندي", "النقيب", "المعلم", "المدرس"])
def test_a_rank_that_is_also_a_family_name_stays_a_name(family: str) -> None:
    parts = _first_reading(f"أحمد محمد {family}")
    assert parts["family_name"] == family
    assert name_keys(family)


@pytest.mark.parametrize(
    ("sorani", "arabic"),
    [
        ("ئەحمەد", "احمد"),
        ("محەمەد", "محمد"),
        ("عەلی", "علی"),
        ("فاتمە", "فاتمة"),
        ("ڕەشید", "رشید"),
        ("ئاڤین", "افین"),
        ("ئیمان", "ایمان"),
    ],
)
def test_a_name_typed_on_a_sorani_keyboard_is_read_as_arabic_letters(
    sorani: str, arabic: str
) -> None:
    assert sorani_as_arabic(sorani) == arabic
    assert name_keys(sorani_as_arabic(sorani)) == name_keys(arabic)


@pytest.mark.parametrize("text", ["رائد الحسن", "محمد عبد الله", "Ahmad", "", "فاطمة"])
def test_text_without_a_sorani_letter_is_left_as_it_is(text: str) -> None:
    assert sorani_as_arabic(text) == text


def test_a_sorani_full_name_meets_its_arabic_spelling() -> None:
    from mizan.linkage.engine import score_pair

    a = {"full_name": "ئەحمەد عەلی ڕەشید", "birth_year": "1990", "mother_name": "فاتمە"}
    b = {"full_name": "أحمد علي رشيد", "birth_year": "1990", "mother_name": "فاطمة"}
    assert score_pair(a, b).probability > 0.9
