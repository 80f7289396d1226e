"""Review fixes of the text helpers (issue 15, branch `fixd`; synthetic names only): «al/el Abd»
joined with the next word only before Allah, the soft sign of the Russian route only where only
Russian writes it, and names that both sexes bear, or that type a man's, telling no sex."""

from __future__ import annotations

import pytest

from mizan.text.names import is_womans_name, name_words, parse_full_name
from mizan.text.translit import is_russian_route_word


def test_the_family_name_el_abd_written_first_keeps_the_first_name_apart() -> None:
    assert name_words("EL ABD Ahmad Khaled") == ["EL ABD", "Ahmad", "Khaled"]
    assert name_words("Al-Abd Mohammad Ali") == ["Al-Abd", "Mohammad", "Ali"]
    assert name_words("العبد محمد خالد") == ["العبد", "محمد", "خالد"]
    readings = {
        reading.form: dict(reading.parts) for reading in parse_full_name("EL ABD Ahmad Khaled")
    }
    assert any(
        parts["family_name"] == "EL ABD" and parts["first_name"] == "Ahmad"
        for parts in readings.values()
    )


def test_al_abd_before_allah_is_still_one_family_name() -> None:
    assert name_words("Al Abd Allah Ahmad") == ["Al Abd Allah", "Ahmad"]
    assert name_words("Mohammad al-Abd Alla") == ["Mohammad", "al-Abd Alla"]
    assert name_words("محمد العبد الله") == ["محمد", "العبد الله"]


@pytest.mark.parametrize(
    "word", ["Al'Hassan", "Al’Khatib", "Abdel'Kader", "al'hassan", "Jamal's", "Ismail’s", "Al'"]
)
def test_an_apostrophe_of_an_english_or_french_list_is_no_russian_soft_sign(word: str) -> None:
    assert not is_russian_route_word(word)


@pytest.mark.parametrize("word", ["Dzhamal'", "al'-Khatib", "Abdel'", "Sal'ma", "Nabil'"])
def test_the_russian_soft_sign_after_l_is_still_read(word: str) -> None:
    assert is_russian_route_word(word)


@pytest.mark.parametrize("name", ["علا", "وعد", "أمل", "إيمان"])
def test_a_name_both_sexes_bear_or_a_mans_typed_tells_no_sex(name: str) -> None:
    assert not is_womans_name(name)


def test_a_womans_name_is_still_one() -> None:
    assert is_womans_name("فاطمة") and is_womans_name("هدى") and is_womans_name("رهف")
