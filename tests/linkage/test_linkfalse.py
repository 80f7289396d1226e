"""False pairs of sparse records (issue 15, branch `linkfalse`): two records that date two
arrests years apart are two arrests, and a record that gives no date does not join them in one
cluster (synthetic people only)."""

from __future__ import annotations

from mizan.linkage.engine import _ambiguous_pairs, _average_linkage, _cannot_link, _columns
from tests.linkage.rows import person


def test_two_arrests_years_apart_share_no_cluster_through_a_record_without_date() -> None:
    """«محمد الحريري» arrested 2012 (a charity's register) and `Muhammad Hariri` arrested 2015
    (a families' web form) are namesakes, each met through a third record that dates no arrest;
    their own pair, strong enough, still joins them (a year misread)."""
    rows = [
        person(full_name="محمد خالد الحريري", date_of_arrest="2012/4/12"),
        person(first_name="Muhammad", family_name="Hariri", date_of_arrest="2015-03-01"),
        person(full_name="محمد الحريري"),
    ]
    refuse = _cannot_link(
        _columns(rows).traits, ["charity", "form", "group"], direct=2.0, threshold=-2.0
    )
    assert refuse is not None
    assert refuse(0, 1, None) and refuse(0, 1, -1.0)
    assert not refuse(0, 1, 2.5)
    assert not refuse(0, 2, None) and not refuse(1, 2, None)
    owner = _average_linkage(3, [(0, 2, 4.5), (1, 2, 4.0), (0, 1, -1.5)], -2.0, refuse)
    assert owner[0] == owner[2] and owner[1] != owner[0]
    # A year apart is the new year or a late report; a remembered «صيف 2016» and an arrest on
    # return at the border date no other arrest.
    rows = [
        person(full_name="عمر خالد العلي", date_of_arrest="2013/12/20"),
        person(first_name="Omar", family_name="Al-Ali", date_of_arrest="2014"),
        person(full_name="عمر خالد العلي", date_of_arrest="صيف 2016"),
        person(
            first_name="Omar",
            family_name="Al-Ali",
            date_of_arrest="2018-05-02",
            place_of_arrest="Masnaa border",
        ),
    ]
    refuse = _cannot_link(
        _columns(rows).traits, ["charity", "form", "group", "returnees"], direct=2.0, threshold=-2.0
    )
    assert refuse is not None
    assert not refuse(0, 1, -1.0)
    assert not refuse(0, 2, -1.0)
    assert not refuse(1, 3, -1.0)
    # A prison's register dates the entry or a transfer there, years after the arrest.
    rows = [
        person(full_name="محمد عماد العمر", date_of_arrest="2011/12/3"),
        person(
            full_name="محمد عماد العمر",
            date_of_arrest="16/01/2017",
            place_of_arrest="سجن صيدنايا العسكري",
        ),
        person(full_name="محمد عماد العمر", date_of_arrest="2017", place_of_arrest="الفرع 251"),
    ]
    refuse = _cannot_link(
        _columns(rows).traits, ["intake", "register", "ngo"], direct=2.0, threshold=-2.0
    )
    assert refuse is not None
    assert not refuse(0, 1, -1.0)
    assert not refuse(0, 2, -1.0)


def test_one_list_two_arrests_years_apart_are_two_people() -> None:
    """Two records of one list with one full name and arrests three years apart: namesakes,
    however strong their pair."""
    rows = [
        person(full_name="عدنان محمد الشيخ", date_of_arrest="2011/8/3"),
        person(full_name="عدنان محمد الشيخ", date_of_arrest="15-5-2014"),
    ]
    refuse = _cannot_link(_columns(rows).traits, ["charity", "charity"], direct=2.0, threshold=-2.0)
    assert refuse is not None
    assert refuse(0, 1, 9.0)


def test_a_sparse_record_fitting_two_people_as_well_joins_neither() -> None:
    """A web form's `mohamad shehadeh` (no father's name, no year) fits «محمد عماد شحادة» and
    «محمد خالد شحادة» of a charity's register (two men: two fathers, one list) about as well:
    it joins neither on weak pairs, but a strong pair of its own still joins it."""
    rows = [
        person(first_name="mohamad", family_name="shehadeh", date_of_arrest="2014"),
        person(full_name="محمد عماد شحادة", date_of_arrest="آذار 2014"),
        person(full_name="محمد خالد شحادة", date_of_arrest="2014/5/2"),
    ]
    refuse = _cannot_link(
        _columns(rows).traits, ["form", "charity", "charity"], direct=2.0, threshold=-2.0
    )
    assert refuse is not None
    weak = {(0, 1): -1.2, (0, 2): -1.3}
    assert _ambiguous_pairs(weak, -2.0, refuse) == {(0, 1), (0, 2)}
    kept = {pair: w for pair, w in weak.items() if pair not in _ambiguous_pairs(weak, -2.0, refuse)}
    owner = _average_linkage(3, [(a, b, w) for (a, b), w in kept.items()], -2.0, refuse)
    assert len(set(owner)) == 3
    # One clearly better fit, or a strong pair: that one is kept.
    assert _ambiguous_pairs({(0, 1): -0.5, (0, 2): -1.9}, -2.0, refuse) == {(0, 2)}
    assert _ambiguous_pairs({(0, 1): 3.0, (0, 2): 3.0}, -2.0, refuse) == set()
    # Two records that may be one person (two lists, nothing against) are no ambiguity.
    refuse = _cannot_link(
        _columns(rows).traits, ["form", "charity", "register"], direct=2.0, threshold=-2.0
    )
    assert refuse is not None
    assert _ambiguous_pairs(weak, -2.0, refuse) == set()
