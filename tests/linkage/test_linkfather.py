"""Two lists naming two fathers (issue 15, branch `linkfather`): cousins and namesakes of one
first and family name, each joined to a record of a third list that names no father, are kept
apart in the clustering, as two mothers are (``engine._two_mothers``); a father's name read one
place off — a double name, a father and his father in one cell, a title read as a name — is no
second father (synthetic people only)."""

from __future__ import annotations

from collections.abc import Callable

from mizan.linkage.engine import _FATHER, _average_linkage, _cannot_link, _columns
from tests.linkage.rows import person

# Other men of the lists, so that the fathers' names are spellings the lists write (a name
# written once or twice may be a garbled cell).
_OTHERS = (
    [
        person(full_name=f"{first} {father} {family}")
        for father in ("خالد", "عمر", "محمد", "قاسم", "إياد", "عبد القادر")
        for first, family in (("سامر", "العمر"), ("علي", "الحلبي"), ("حسن", "الخطيب"))
    ]
    + [
        person(first_name=first, father_name="Abdoel Qader", family_name="Al-Halabi")
        for first in ("Hanan", "Samer", "Omar")
    ]
    + [
        person(first_name=first, father_name="عبدالقادر", family_name="الحلبي")
        for first in ("حنان", "سامر", "عمر")
    ]
)


def _refuse(
    rows: list[dict[str, str]], sources: list[str]
) -> Callable[[int, int, float | None], bool]:
    rows = rows + _OTHERS
    refuse = _cannot_link(
        _columns(rows).traits, sources + ["other"] * len(_OTHERS), direct=2.0, threshold=-2.0
    )
    assert refuse is not None
    return refuse


def test_two_lists_naming_two_fathers_join_only_on_their_own_pair() -> None:
    """«يوسف خالد الرفاعي» (a prison register) and «يوسف عمر الرفاعي» (an NGO's list, in its
    name cells), two cousins met only through a post that gives no father's name; their own
    pair, strong enough, still joins them."""
    rows = [
        person(full_name="يوسف خالد الرفاعي", birth_year="1986"),
        person(first_name="يوسف", father_name="عمر", family_name="الرفاعي"),
        person(full_name="Yousef AL-RIFAEE", birth_year="1986"),
    ]
    refuse = _refuse(rows, ["register", "ngo", "posts"])
    assert refuse(0, 1, None) and refuse(0, 1, -1.0)
    assert not refuse(0, 1, 2.5)  # their own pair says one person
    assert not refuse(0, 2, None) and not refuse(1, 2, None)  # no father to contradict
    owner = _average_linkage(3, [(0, 2, 4.5), (1, 2, 1.5), (0, 1, 0.5)], -2.0, refuse)
    assert owner[0] == owner[2] and owner[1] != owner[0]


def test_a_father_read_one_place_off_is_no_second_father() -> None:
    rows = [
        # One number: one man, whatever the father's cell.
        person(full_name="يوسف خالد الرفاعي", national_id="12412938653"),
        person(full_name="يوسف عمر الرفاعي", national_id="12412938653"),
        # A double name, its second word read as the grandfather's: «عبد القادر» in Dutch.
        person(first_name="Ali", father_name="Abdoel Qader", family_name="El-Masri"),
        person(first_name="علي", father_name="عبدالقادر", family_name="المصري"),
        # A title's name read family first: the father قاسم beside the grandfather قاسم.
        person(full_name="أحمد إياد قاسم العلي"),
        person(first_name="أحمد", father_name="قاسم", family_name="العلي"),
    ]
    refuse = _refuse(rows, ["a", "b", "ngo", "decrees", "decrees", "camps"])
    assert not refuse(0, 1, None)
    assert not refuse(2, 3, None)
    assert not refuse(4, 5, None)


def test_a_father_one_letter_off_may_be_misread() -> None:
    """OCR's «محد» for محمد is written as often as a name: one letter apart is no second
    father; a spelling the lists write once tells nothing either."""
    rows = [
        person(full_name="ناصر محد العساف"),
        person(full_name="ناصر محمد العساف"),
        person(full_name="ناصر سهيب العساف"),
    ]
    rows += [person(full_name=f"{first} محد الحسن") for first in ("سامر", "علي", "حسن")]
    refuse = _refuse(rows, ["register", "tracing", "posts", "x", "x", "x"])
    assert not refuse(0, 1, None)
    assert not refuse(1, 2, None)


# Fathers whose names are written in two words, as often as the names above.
_COMPOUND_FATHERS = [
    person(first_name=first, father_name=father, family_name=family)
    for father in ("عبد الله", "أبو بكر")
    for first, family in (("سامر", "العمر"), ("علي", "الحلبي"), ("حسن", "الخطيب"))
] + [
    person(first_name=first, father_name=father, family_name=family)
    for father in ("Abdul Karim", "Abu Bakr")
    for first, family in (("Samer", "Al-Omar"), ("Ali", "Al-Halabi"), ("Hasan", "Al-Khatib"))
]


def test_a_father_of_two_words_counts_as_the_one_name_it_is() -> None:
    """«عبد الله», «أبو بكر», "Abdul Karim": a compound is one name, counted as often as the
    lists write it, spaced or glued — not as a glued word no list writes (counted 0 times,
    the fathers' rule never read it)."""
    rows = [
        person(full_name="يوسف عبد الله الرفاعي"),
        person(first_name="يوسف", father_name="أبو بكر", family_name="الرفاعي"),
        person(first_name="Yousef", father_name="Abdul Karim", family_name="Al-Rifaee"),
        person(first_name="Yousef", father_name="Abu Bakr", family_name="Al-Rifaee"),
        person(first_name="يوسف", father_name="عبدالله", family_name="الرفاعي"),
        *_COMPOUND_FATHERS,
    ]
    traits = _columns(rows + _OTHERS).traits
    counts = [traits[index][_FATHER][3] for index in range(5)]
    # Each written 3 times by the other men, and once more by these records (عبد الله glued
    # and spaced alike).
    assert counts == [5, 4, 4, 4, 5]
    refuse = _refuse(rows, ["a", "b", "c", "d", "e"] + ["x"] * len(_COMPOUND_FATHERS))
    assert refuse(0, 1, None)  # عبد الله and أبو بكر: two fathers
    assert refuse(2, 3, None)  # Abdul Karim and Abu Bakr
    assert refuse(1, 4, None)
    assert not refuse(0, 4, None)  # عبد الله glued or not: one father
