"""Two lists naming two mothers (issue 15, branch `linkprec`): cousins and namesakes of one
first, father's and family name, each joined to a record of a third list that names no mother,
are kept apart in the clustering (synthetic people only)."""

from __future__ import annotations

from collections.abc import Callable

from mizan.linkage.engine import _average_linkage, _cannot_link, _columns, link
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


# Branch `fixf`: only two Arabic spellings that surely differ tell two mothers.


def _written(*mothers: str) -> list[dict[str, str]]:
    """Three other records for each mother's spelling, so that the lists write it commonly."""
    return [
        person(full_name=f"{first} عمر الحلبي", mother_name=mother)
        for mother in mothers
        for first in ("ماهر", "عماد", "زياد")
    ]


def _refused(left: str, right: str) -> bool:
    rows = [
        person(full_name="سامر خالد الحلبي", mother_name=left),
        person(first_name="Samer", father_name="Khaled", family_name="Al-Halabi"),
        *_written(left, right),
    ]
    rows[1]["mother_name"] = right
    refuse = _refuse(rows, ["families", "ngo"] + ["other"] * (len(rows) - 2))
    return refuse(0, 1, None)


def test_a_mother_in_two_scripts_is_no_second_mother() -> None:
    """Her keys disagree across scripts and offices for one woman, a letter apart: حياة/Hayat,
    نعمة/Nemat, ثناء and ثريا with the Levantine s, قمر/Amar; two Latin offices too
    (Thanaa/Sanaa). Keys further apart across scripts still tell two mothers (رشا/Wafaa)."""
    for arabic, latin in (
        ("حياة", "Hayat"),
        ("نعمة", "Nemat"),
        ("ثناء", "Sanaa"),
        ("ثريا", "Suraya"),
        ("قمر", "Amar"),
        ("Thanaa", "Sanaa"),
    ):
        assert not _refused(arabic, latin), (arabic, latin)
    assert _refused("رشا", "Wafaa") and _refused("Mariam", "فاطمة")
    # Two Latin keys a letter apart are read alike: only th/s, dh/z, kh/h, q/a join them.
    assert _refused("Souad", "Khadija") and _refused("Chounta", "Doaa")


def test_a_kunya_or_a_glued_compound_is_no_second_mother() -> None:
    for left, right in (
        ("فاطمة", "ام محمد"),
        ("أم محمد", "فاطمة"),
        ("Fatima", "Um Mohammad"),
        ("نورالهدى", "نور الهدى"),
        ("امكلثوم", "كلثوم"),
        ("فاطمةالزهراء", "فاطمة"),
    ):
        assert not _refused(left, right), (left, right)
    # Two Arabic spellings no reading joins still tell two mothers (set 8's رشا and وفاء).
    assert _refused("رشا", "وفاء") and _refused("فاطمة", "خديجة")


def test_one_person_whose_mother_hayat_is_written_in_two_scripts_is_one_cluster() -> None:
    """Three lists, four men each of a mother حياة in the families' Arabic list, «Hayat» in an
    NGO's and «Hayet» in the UN's: each man is one cluster of three (after `linkprec` every
    Arabic record stood alone, حياة keyed h and Hayat hd)."""
    men = (
        ("سامر خالد الحلبي", "Samer", "Khaled", "Al-Halabi", "1985"),
        ("وليد عمر النجار", "Walid", "Omar", "Al-Najjar", "1979"),
        ("رامي حسن الزعبي", "Rami", "Hassan", "Al-Zoubi", "1990"),
        ("باسل محمود الشامي", "Bassel", "Mahmoud", "Al-Shami", "1982"),
    )
    rows, sources = [], []
    for arabic, first, father, family, year in men:
        rows += [
            person(full_name=arabic, mother_name="حياة", birth_year=year),
            person(
                first_name=first,
                father_name=father,
                family_name=family,
                mother_name="Hayat",
                birth_year=year,
            ),
            person(first_name=first, father_name=father, family_name=family, mother_name="Hayet"),
        ]
        sources += ["families", "ngo", "un"]
    clusters = link(rows, sources=sources).clusters
    for man in range(len(men)):
        assert len({clusters[3 * man + k] for k in range(3)}) == 1, man
    assert len(set(clusters)) == len(men)
