"""A mother's father's name is no family name of hers; a common family name is no tribe."""

import pytest

from mizan.linkage.features import decade_age, mother_family
from mizan.text.names import is_tribe_name


@pytest.mark.parametrize(
    "cell",
    [
        "فاطمة عبد الرحمن",
        "فاطمة عبد الكريم",
        "فاطمة خير الله",
        "فاطمة نور الدين",
        "Fatima Abdel Karim",
        "Fatima Abdul Rahman",
        "Nour El Houda",
        "Nour Al-Huda",
        "ست البنات",
    ],
)
def test_compound_given_name_is_no_mothers_family(cell: str) -> None:
    assert mother_family(cell) == ""


@pytest.mark.parametrize(
    ("cell", "family"),
    [
        ("فاطمة الحسن", "الحسن"),
        ("فاطمة العبد الله", "العبد الله"),
        ("فاطمة أبو زيد", "أبو زيد"),
        # Keys alike, spellings not: الحداد (hd) is no الهدى, الظاهر no الزهراء.
        ("فاطمة الحداد", "الحداد"),
        ("فاطمة الظاهر", "الظاهر"),
        ("فاطمة أبو أيمن", "أبو أيمن"),
    ],
)
def test_family_names_still_read(cell: str, family: str) -> None:
    assert mother_family(cell) == family


@pytest.mark.parametrize("name", ["جبور", "العجيل", "موالي", "دليم", "شمر", "عنزة"])
def test_common_family_names_are_no_tribes(name: str) -> None:
    assert not is_tribe_name(name)


@pytest.mark.parametrize("name", ["عكيدات", "البكارة", "الشعيطات", "بوشعبان", "بو شعبان"])
def test_tribes_own_forms(name: str) -> None:
    assert is_tribe_name(name)


def test_short_article_form_read_as_written() -> None:
    assert is_tribe_name("طي")
    assert not is_tribe_name("الطي")


def test_decade_age_plain_number() -> None:
    assert decade_age("42") == (None, None)
    assert decade_age("٤٢") == (None, None)
    assert decade_age("late 30s") == (36, 40)


@pytest.mark.parametrize(
    "cell", ["ام محمد", "أم أحمد", "Um Ahmad", "Umm Khaled", "Om Ali", "Oum Ali"]
)
def test_kunya_gives_no_family(cell: str) -> None:
    assert mother_family(cell) == ""


def test_tribe_reading_cached_per_spelling() -> None:
    assert hasattr(is_tribe_name, "cache_info")


def test_jubur_tribe_only_with_article() -> None:
    assert is_tribe_name("الجبور")
    assert not is_tribe_name("جبور")
