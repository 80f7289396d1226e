"""Two lists naming two mothers (issue 15, branch `linkprec`): cousins and namesakes of one
first, father's and family name, each joined to a record of a third list that names no mother,
are kept apart in the clustering (synthetic people only)."""

from __future__ import annotations

from collections.abc import Callable

from mizan.linkage.engine import _average_linkage, _cannot_link, _columns
from tests.linkage.rows import person

# Other women of the lists, so that رشا and وفاء are spellings the lists write (a mother's
# name written once or twice may be a garbled cell).
_MOTHERS = [
    person(full_name=name, mother_name=mother)
    for name, mother in (
        ("علي حسن الخطيب", "رشا"),
        ("سامر خالد العمر", "رشا"),
        ("عمر محمود الحلبي", "وفاء"),
        ("خالد سعيد الحمصي", "وفاء"),
    )
]


def _refuse(
    rows: list[dict[str, str]], sources: list[str]
) -> Callable[[int, int, float | None], bool]:
    rows = rows + _MOTHERS
    refuse = _cannot_link(
        _columns(rows).traits, sources + ["other"] * len(_MOTHERS), direct=2.0, threshold=-2.0
    )
    assert refuse is not None
    return refuse


def test_two_lists_naming_two_mothers_join_only_on_their_own_pair() -> None:
    """Set 8: «محمد أحمد الرفاعي», mother رشا (transfer records), and «Mohammad Ahmad
    Al-Rifaee», mother وفاء (an NGO's list), two men met only through an asylum record that
    names no mother; their own pair, strong enough, still joins them."""
    rows = [
        person(full_name="محمد أحمد الرفاعي", mother_name="والدته رشا", birth_year="1986"),
        person(
            first_name="Mohammad",
            father_name="Ahmad",
            family_name="Al-Rifaee",
            mother_name="وفاء",
            birth_year="1985",
        ),
        person(full_name="Mhd Ahmad REFAI", birth_year="1986"),
    ]
    refuse = _refuse(rows, ["transfer", "ngo", "asylum"])
    assert refuse(0, 1, None) and refuse(0, 1, -1.0)
    assert not refuse(0, 1, 2.5)  # their own pair says one person
    assert not refuse(0, 2, None) and not refuse(1, 2, None)  # no mother to contradict
    owner = _average_linkage(3, [(0, 2, 4.5), (1, 2, 1.5), (0, 1, 0.5)], -2.0, refuse)
    assert owner[0] == owner[2] and owner[1] != owner[0]


def test_one_mother_in_two_scripts_and_the_same_number_are_no_two_mothers() -> None:
    rows = [
        person(full_name="محمد أحمد الرفاعي", mother_name="وفاء", national_id="12412938653"),
        person(full_name="Mohammad Ahmad Al-Rifaee", mother_name="Wafaa"),
        person(full_name="محمد أحمد الرفاعي", mother_name="رشا", national_id="12412938653"),
    ]
    refuse = _refuse(rows, ["transfer", "ngo", "families"])
    assert not refuse(0, 1, None)  # وفاء and Wafaa: one name
    assert not refuse(0, 2, None)  # one national number: one man, whatever the mother's cell


def test_a_mother_written_once_may_be_a_garbled_cell() -> None:
    """A spelling the lists write only once («سهو», OCR's reading of سمر) tells no second
    mother: the pair is left to the scores."""
    rows = [
        person(full_name="كمال عمر الحسين", mother_name="رشا"),
        person(full_name="كمال عمر كمال الحسين", mother_name="سهو"),
    ]
    refuse = _refuse(rows, ["intake", "register"])
    assert not refuse(0, 1, None)
