"""False pairs of sparse records (issue 15, branch `linkfalse`): two records that date two
arrests years apart are two arrests, and a record that gives no date does not join them in one
cluster (synthetic people only)."""

from __future__ import annotations

from mizan.linkage.engine import _average_linkage, _cannot_link, _columns
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
