"""The mother's family name (issue 15, branch `linkmother`): where two records give one first
name of the mother and each her family name, two family names that no spelling explains are
evidence of two mothers — two namesakes, not one man (synthetic people only)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mizan.linkage import score_pair
from mizan.linkage.engine import _average_linkage, _cannot_link, _columns
from mizan.linkage.features import mother_family
from mizan.linkage.model import MOTHER_FAMILY_LABEL
from tests.linkage.rows import german_person, person


@pytest.mark.parametrize(
    ("cell", "family"),
    [
        ("فاطمة الحسن", "الحسن"),
        ("والدته رنا قدور", "قدور"),
        ("Rana Al-Rifai", "Al-Rifai"),
        ("HAMWI, Fatima", "HAMWI"),
        ("مريم العبد الله", "العبد الله"),
        # No family name of hers: her first name alone, her father's name, her kunya, a compound
        # given name, a given name that may be her father's.
        ("فاطمة", ""),
        ("مريم بنت محمد", ""),
        ("ام محمد", ""),
        ("Um Ahmad", ""),
        ("فاطمة الزهراء", ""),
        ("نور الهدى", ""),
        ("أمل شادي", ""),
        ("لي نا", ""),  # her first name cut in two by OCR
    ],
)
def test_the_mothers_family_name_is_read_from_her_cell(cell: str, family: str) -> None:
    assert mother_family(cell) == family


def _namesake(mother: str, **values: str) -> dict[str, str]:
    return person(
        first_name=values.get("first", "محمود"),
        father_name=values.get("father", "محمد"),
        family_name=values.get("family", "المحمد"),
        mother_name=mother,
    )


def _mother(a: dict[str, str], b: dict[str, str]) -> tuple[str, float]:
    evidence = next(f for f in score_pair(a, b).fields if f.field == "mother")
    return evidence.level, evidence.weight


def test_two_family_names_of_the_mother_weigh_against() -> None:
    """Set 17: two «محمود محمد المحمد», mothers «رنا قدور» and «Rana Al-Rifai»."""
    level, weight = _mother(
        _namesake("رنا قدور"),
        _namesake("Rana Al-Rifai", first="Mahmoud", father="Mohammad", family="El-Mohammad"),
    )
    assert level == MOTHER_FAMILY_LABEL
    same_level, same_weight = _mother(_namesake("رنا قدور"), _namesake("رنا"))
    assert same_level == "same name"
    assert weight < same_weight - 4


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("رنا الرفاعي", "Rana Al-Rifai"),  # one family name in two scripts
        ("رنا الرفاعى", "رنا الرفاعي"),  # a final yaa
        ("رنا العبد الله", "رنا عبد الله"),  # one inside the other
        ("رنا حاج صالح", "رنا صالح"),
        ("رنا", "رنا الرفاعي"),  # one gives none
        ("رنا شادي", "رنا الرفاعي"),  # a given name, maybe her father's
    ],
)
def test_one_family_name_of_the_mother_written_two_ways_is_no_evidence(
    left: str, right: str
) -> None:
    level, _weight = _mother(_namesake(left), _namesake(right))
    assert level != MOTHER_FAMILY_LABEL


# Other women of the lists, so that رنا is a spelling the lists write.
_OTHERS = [
    person(full_name=name, mother_name=mother)
    for name, mother in (
        ("علي حسن الخطيب", "رنا الخطيب"),
        ("سامر خالد العمر", "رنا العمر"),
        ("عمر محمود الحلبي", "رنا الحلبي"),
    )
]


def _refuse(
    rows: list[dict[str, str]], sources: list[str]
) -> Callable[[int, int, float | None], bool]:
    rows = rows + _OTHERS
    refuse = _cannot_link(
        _columns(rows).traits, sources + ["other"] * len(_OTHERS), direct=2.0, threshold=-2.0
    )
    assert refuse is not None
    return refuse


def test_two_lists_naming_two_families_of_the_mother_join_only_on_their_own_pair() -> None:
    """Two namesakes of two lists, mothers «رنا قدور» and «Rana Al-Rifai», each met through a
    record of a third list that gives her first name alone, are kept apart; their own strong
    pair would still join them."""
    rows = [
        _namesake("رنا قدور"),
        _namesake("Rana Al-Rifai", first="Mahmoud", father="Mohammad", family="El-Mohammad"),
        _namesake("رنا"),
    ]
    refuse = _refuse(rows, ["court", "icmp", "leak"])
    assert refuse(0, 1, None) and refuse(0, 1, 0.5)
    assert not refuse(0, 1, 2.5)
    assert not refuse(0, 2, None) and not refuse(1, 2, None)
    owner = _average_linkage(3, [(0, 2, 6.7), (1, 2, 4.0), (0, 1, 0.5)], -2.0, refuse)
    assert owner[0] == owner[2] and owner[1] != owner[0]


def test_one_family_name_of_the_mother_in_two_scripts_is_one_mother() -> None:
    rows = [
        _namesake("رنا الرفاعي"),
        _namesake("Rana Al-Rifai", first="Mahmoud", father="Mohammad", family="El-Mohammad"),
    ]
    refuse = _refuse(rows, ["court", "icmp"])
    assert not refuse(0, 1, 0.5)


def test_lists_that_give_no_family_name_of_a_mother_still_link() -> None:
    """Set 16: no record gives a mother's family name, so its columns are all empty."""
    from mizan.linkage import link

    rows = [_namesake("رنا"), _namesake("رنا"), _namesake("")]
    result = link(rows, sources=["a", "b", "c"])
    assert result.clusters[0] == result.clusters[1]


def test_a_german_offices_spelling_of_her_family_name_is_hers() -> None:
    """Set 5: «مريم بخحان» (an OCR'd court list) and "Marjam Bachhan" (a German office's file):
    her family name read as the record's other names are, one letter apart, is one name."""
    arabic = person(
        first_name="محمد", father_name="علي", family_name="الحسن", mother_name="مريم بخحان"
    )
    german = german_person(
        first_name="Muhammad",
        father_name="Ali",
        family_name="Al-Hassan",
        mother_name="Marjam Bachhan",
    )
    level, _weight = _mother(arabic, german)
    assert level != MOTHER_FAMILY_LABEL
