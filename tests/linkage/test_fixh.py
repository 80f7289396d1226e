"""Review of the 2026-12-07 merges (issue 15): a mixed list's Turkish reading of names Turkish
never spells so, and a glued article read into a family name that is a given name whole."""

from __future__ import annotations

import re

import pytest

from mizan.linkage import features, lists
from mizan.linkage.features import (
    ListVocabulary,
    _glued_article_family,
    mark_turkish_lists,
    record_features,
    record_readings,
)


def _key(full_name: str, part: str) -> str:
    return record_readings({"full_name": full_name})[0][0][f"{part}_k"]


def _mixed_list(*names: str) -> list[dict[str, str]]:
    """A list where about 1 record in 9 is typed from Turkish papers (``TURKISH_SOME``)."""
    rows = [{"full_name": name} for name in names]
    rows += [{"full_name": "Mehmet Şahin Yılmaz"}]
    rows += [{"full_name": f"Ahmad Omar {family}"} for family in ("Haddad", "Hamwi", "Nasser")]
    rows += [{"full_name": f"Yasser Ali {family}"} for family in ("Darwish", "Saleh", "Zein")]
    marked = mark_turkish_lists(rows, ["a"] * len(rows))
    assert all(row.get(features.TURKISH_SOME) for row in marked)
    return [dict(row) for row in marked[: len(names)]]


@pytest.mark.parametrize(
    ("written", "part", "arabic"),
    [
        ("Ahmad Omar Chehade", "family", "أحمد عمر جهاد"),
        ("Rami Shadi Chehade", "family", "رامي شادي جهاد"),
        ("Camille Haddad", "first", "جميل حداد"),
    ],
)
def test_a_name_turkish_never_spells_gets_no_turkish_reading(
    written: str, part: str, arabic: str
) -> None:
    # Chehade (شحادة) read the Turkish way keys as جهاد, Camille (كميل) as جميل.
    (row,) = _mixed_list(written)
    keys = {each[0][f"{part}_k"] for each in record_readings(row)}
    assert _key(arabic, part) not in keys


@pytest.mark.parametrize("written", ["Halit Cemil Kaya", "Fethi Cemil Kaya"])
def test_a_plain_record_of_a_mixed_list_is_still_read_the_turkish_way(written: str) -> None:
    # A guard on the fix above: "Cemil" without any non-Turkish letter group is still جميل, and
    # a th is no such group (Turkish Fethi فتحي).
    (row,) = _mixed_list(written)
    keys = {each[0]["father_k"] for each in record_readings(row)}
    assert _key("خالد جميل قايا", "father") in keys


@pytest.mark.parametrize("family", ["Eliyas", "ELIYAS"])
def test_a_family_name_that_is_a_given_name_whole_keeps_its_al(family: str) -> None:
    # Eliyas is إلياس, not El-iyas (العيسى's key "as").
    assert _key(f"Ahmad Omar {family}", "family") == _key("أحمد عمر إلياس", "family")
    assert _key(f"Ahmad Omar {family}", "family") != _key("أحمد عمر العيسى", "family")


def test_a_glued_word_the_lists_write_as_a_given_name_is_kept_whole() -> None:
    rows = [
        {"first_name": "Elamir", "father_name": "Omar", "family_name": "Haddad"},
        {"first_name": "Elamir", "father_name": "Ali", "family_name": "Hamwi"},
        {"first_name": "Sami", "father_name": "Ali", "family_name": "Elamir"},
    ]
    vocabulary = ListVocabulary.of(rows)
    parts = {"first": "Sami", "father": "Ali", "family": "Elamir"}
    assert _glued_article_family(parts)["family"] == "El-amir"
    assert _glued_article_family(parts, vocabulary)["family"] == "Elamir"
    assert (
        record_features(rows[2], vocabulary)["family_k"]
        == record_features(rows[0], vocabulary)["first_k"]
    )


def test_the_mother_word_is_one_pattern_owned_by_lists() -> None:
    assert features.MOTHER_WORD_BEFORE is lists.MOTHER_WORD_BEFORE
    assert not hasattr(features, "_MOTHER_WORD")
    assert isinstance(lists.MOTHER_WORD_BEFORE, re.Pattern)
    assert lists.mother_in_full_name("وليد أيمن الأحمد والدته زينب") == ("وليد أيمن الأحمد", "زينب")
