"""Names, months and compounds written through the Russian alphabet (issue 15, branch
`linkrussia`): the Russian Reconciliation Centre's lists write «Мухаммед», "Mukhammed",
"Dzhamal'", "al'-Khasan", "Ibragim", "mart 2013" (synthetic names only)."""

from __future__ import annotations

import pytest

from mizan.text import name_keys
from mizan.text.dates import month_in
from mizan.text.names import is_given_name, name_words, parse_full_name
from mizan.text.translit import (
    cyrillic_to_latin,
    has_cyrillic_letters,
    is_russian_route_word,
    russian_letters,
    russian_route_readings,
)


def _key(text: str) -> str:
    return "".join(name_keys(text))


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("mukhammed", "محمد"),
        ("akhmed", "أحمد"),
        ("khasan", "حسن"),
        ("dzhamal", "جمال"),
        ("valid", "وليد"),
        ("marvan", "مروان"),
        ("nadzhva", "نجوى"),
        ("iusef", "يوسف"),
        ("gassan", "غسان"),
        ("takha", "طه"),
        ("zakhravi", "الزهراوي"),
    ],
)
def test_the_likeliest_russian_route_reading_keys_as_the_arabic_name(
    latin: str, arabic: str
) -> None:
    assert _key(russian_route_readings(latin)[0]) == _key(arabic)
    # As written, the letters are another name.
    assert _key(latin) != _key(arabic)


def test_a_doubtful_russian_letter_is_read_both_ways() -> None:
    # х is ح, ه and خ alike; an inner г is غ and, in the old forms, ه (Ибрагим).
    assert set(russian_route_readings("khalid")) == {"halid", "khalid"}
    assert "ibrahim" in russian_route_readings("ibragim")
    assert "eyman" in russian_route_readings("yeyman")  # Ейман, أيمن
    # A word with nothing of the route is itself.
    assert russian_route_readings("samir") == ("samir",)


@pytest.mark.parametrize(
    ("cyrillic", "arabic"),
    [
        ("Мухаммед", "محمد"),
        ("Ахмед", "أحمد"),
        ("аль-Халлак", "الحلاق"),
        ("АЛЬ-ХАЛЛАК", "الحلاق"),
        ("Джамаль", "جمال"),
        ("Абдуль-Рахман", "عبد الرحمن"),
        ("Юсеф", "يوسف"),
    ],
)
def test_a_name_in_cyrillic_letters_keys_as_the_arabic_name(cyrillic: str, arabic: str) -> None:
    assert _key(cyrillic) == _key(arabic)


def test_cyrillic_letters_are_written_as_bgn_pcgn_does() -> None:
    assert cyrillic_to_latin("Мухаммед АЛЬ-ХАТИБ Щ") == "Mukhammed AL'-KHATIB SHCH"
    assert cyrillic_to_latin("Mohammad") == "Mohammad"
    assert has_cyrillic_letters("Анас") and not has_cyrillic_letters("Anas")
    # The soft sign's apostrophe and the scholarly marks are read away.
    assert russian_letters("Dzhamal'") == russian_letters("Džamal'") == "Dzhamal"
    assert russian_letters("Джамаль") == "Dzhamal"


def test_only_letters_english_and_french_never_write_tell_the_russian_route() -> None:
    for word in ("Dzhamal", "al'-Khatib", "Abdel'", "Mukhammed", "Akhmad", "Ibragim", "Анас"):
        assert is_russian_route_word(word), word
    for word in ("Khaled", "Mohammed", "Ahmad", "l'Hamwi", "Sa'id", "Mas'ud", "Hassan"):
        assert not is_russian_route_word(word), word


@pytest.mark.parametrize(
    ("date", "month"),
    [
        ("mart 2013", 3),
        ("oktyabr' 2012", 10),
        ("may 2014", 5),
        ("15 марта 2013", 3),
        ("сентябрь 2012", 9),
        ("iiul 2013", 7),
        ("dekabrya 2011", 12),
        ("в марте 2013", 3),
        ("v oktyabre 2012", 10),
    ],
)
def test_russian_months_are_read(date: str, month: int) -> None:
    assert month_in(date) == month


def test_abd_with_the_article_is_one_family_name() -> None:
    # العبد الله as a Russian list writes it ("al-Abd Alla") or an English one ("Al Abd Allah").
    assert name_words("al-Abd Alla Khalid Mukhamed") == ["al-Abd Alla", "Khalid", "Mukhamed"]
    assert name_words("Salikh Al Abd Allah") == ["Salikh", "Al Abd Allah"]
    assert not is_given_name("al-Abd Alla") and not is_given_name("العبد الله")
    assert is_given_name("عبد الله")
    family_first = parse_full_name("al-Abd Alla Khalid Muhamed")[0].parts
    assert family_first["family_name"] == "al-Abd Alla"
    assert family_first["first_name"] == "Khalid"
    arabic = parse_full_name("العبد الله خالد محمد")[0].parts
    assert arabic["family_name"] == "العبد الله"
