"""Sparse records (issue 15, branch `linksparse`): a record that gives only a first and a family
name fits every namesake of the lists; on weak pairs it joins none of two that are not shown to
be one person (synthetic people only)."""

from __future__ import annotations

from mizan.linkage.engine import _ambiguous_pairs, _cannot_link, _columns, _sparse
from tests.linkage.rows import person


def test_a_first_and_family_name_alone_joins_neither_of_two_unjoined_namesakes() -> None:
    """A cellmate's «احمد الحلبي» fits «احمد محمد الحلبي» of a register and a web form's
    `Ahmad Al-Halabi`, mother Fatima, as well; the two were never compared (no blocking rule
    put them together), so nothing refuses them, but nothing shows them one man either: the
    weak pairs are dropped."""
    rows = [
        person(full_name="احمد الحلبي"),
        person(full_name="احمد محمد الحلبي", date_of_arrest="2013/4/2"),
        person(first_name="Ahmad", family_name="Al-Halabi", mother_name="Fatima"),
    ]
    traits = _columns(rows).traits
    assert _sparse(traits[0]) and not _sparse(traits[1]) and not _sparse(traits[2])
    refuse = _cannot_link(traits, ["cellmates", "register", "form"], direct=2.0, threshold=-2.0)
    assert refuse is not None
    weak = {(0, 1): -1.2, (0, 2): -1.3}
    assert _ambiguous_pairs(weak, -2.0, refuse, traits) == {(0, 1), (0, 2)}
    # The two namesakes' own pair at the threshold: one man, and the sparse record is his.
    assert _ambiguous_pairs({**weak, (1, 2): -1.0}, -2.0, refuse, traits) == set()
    # A strong pair or a clearly better fit is kept.
    assert _ambiguous_pairs({(0, 1): 3.0, (0, 2): 3.0}, -2.0, refuse, traits) == set()
    assert _ambiguous_pairs({(0, 1): -0.5, (0, 2): -1.9}, -2.0, refuse, traits) == {(0, 2)}


def test_a_record_with_a_father_or_a_mother_is_not_sparse() -> None:
    """A father's or a mother's name tells namesakes apart: such a record's weak pairs are left
    to the clustering as before. A year of birth does not (many «احمد الحلبي» are born in one
    year): a record that adds only its year is still sparse."""
    rows = [
        person(full_name="احمد محمد الحلبي"),
        person(full_name="احمد الحلبي", mother_name="فاطمة"),
        person(first_name="Ahmad", family_name="Al-Halabi", birth_year="1988"),
    ]
    traits = _columns(rows).traits
    assert not _sparse(traits[0]) and not _sparse(traits[1]) and _sparse(traits[2])
    refuse = _cannot_link(traits, ["a", "b", "c"], direct=2.0, threshold=-2.0)
    assert refuse is not None
    assert _ambiguous_pairs({(0, 2): -1.2, (0, 1): -1.3}, -2.0, refuse, traits) == set()


def test_two_given_names_of_one_father_and_family_in_two_lists_are_siblings() -> None:
    """«عامر فايز الخالد» of a register and «احمد فايز الخالد» of a families' list, one mother
    and year: two brothers, whose weak pair (or a third record between them) joins them no
    more; a strong pair of their own, or one name in two scripts, is no refusal."""
    rows = [
        person(full_name="عامر فايز الخالد", mother_name="فاطمة", birth_year="1972"),
        person(full_name="احمد فايز الخالد", mother_name="فاطمة", birth_year="1971"),
        person(full_name="Amer Fayez al-Khaled"),
    ]
    traits = _columns(rows * 5).traits  # each spelling common enough
    sources = ["register", "families", "un"] * 5
    refuse = _cannot_link(traits, sources, direct=2.0, threshold=-2.0)
    assert refuse is not None
    assert refuse(0, 1, None) and refuse(0, 1, 1.5)
    assert not refuse(0, 1, 2.5)
    assert not refuse(0, 2, None)  # one man in two scripts
