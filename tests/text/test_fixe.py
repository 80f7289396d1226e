"""Two defects of the Sorani and rank readings (issue 15, helper `fixe`). Synthetic names only.

D3: a writer who keeps the Arabic spelling and adds only ە writes the long u as a single و
(مەحمود, مەسعود, ڕەسوڵ): the normalise step keeps it, and a short u is left to the lists
(``features.ListVocabulary.sounds``). D5: a rank's qualifier («ثاني») goes with the rank only
where a name of two words is left after it, and a cell that is only a rank gives no name."""

from __future__ import annotations

import pytest

from mizan.text.names import drop_titles
from mizan.text.normalise import sorani_as_arabic
from mizan.text.translit import name_keys


@pytest.mark.parametrize(
    ("sorani", "arabic"),
    [
        ("مەحمود", "محمود"),
        ("مەسعود", "مسعود"),
        ("عەبود", "عبود"),
        ("حەسون", "حسون"),
        ("ڕەسوڵ", "رسول"),
        ("مەعروف", "معروف"),
        ("مەولود", "مولود"),
        ("نورە", "نورة"),
    ],
)
def test_a_single_waw_written_with_sorani_letters_stays(sorani: str, arabic: str) -> None:
    assert sorani_as_arabic(sorani) == arabic


def test_mahmoud_is_not_keyed_as_muhammad() -> None:
    read = name_keys(sorani_as_arabic("مەحمود"))
    assert read == name_keys("محمود")
    assert read != name_keys("محمد")


@pytest.mark.parametrize(
    ("sorani", "arabic"),
    [
        # The long u written «وو» and Abdul-, as before; in a word that writes «وو», a single و
        # is the short u that writer writes besides.
        ("مەحموود", "محمود"),
        ("یووسوف محەمەد", "يوسف محمد"),
        ("عەبدوڵڵا", "عبد الله"),
        ("عەبدولکەریم", "عبد الكريم"),
    ],
)
def test_the_long_u_and_abdul_are_still_read(sorani: str, arabic: str) -> None:
    assert name_keys(sorani_as_arabic(sorani)) == name_keys(arabic)


@pytest.mark.parametrize(
    ("name", "read"),
    [
        # ثاني is a first name here: no name of two words would be left after it.
        ("المجند ثاني الخالد", "ثاني الخالد"),
        ("الرقيب أول محمد الخالد", "محمد الخالد"),
        # Nothing but a rank: no name (not «أول» as a first name).
        ("المساعد أول", ""),
        ("الرقيب الاحتياطي", ""),
        # A title or a rank alone is still returned as written: العميد is a family name too.
        ("الحاج", "الحاج"),
        ("العميد", "العميد"),
    ],
)
def test_a_ranks_qualifier_and_a_rank_alone(name: str, read: str) -> None:
    assert drop_titles(name) == read
