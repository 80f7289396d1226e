"""The fast paths of issue 3's benchmark keep their meaning: the statistics summary, the act
filters on copied fields, keyset pages and name suggestions from the most selective key."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mizan.cases import selectors, services, tallies
from mizan.cases.models import Act, ActTally, Incident, Organisation, Person
from mizan.cases.statistics import charts
from mizan.core.models import Place, Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db

ACT_TYPES = ["torture", "arrest", "enforced_disappearance", "arbitrary_detention"]


@pytest.fixture
def units(db: Any) -> list[Organisation]:
    return [
        services.organisation_create(
            actor=None, data={"name_en": f"Unit {n}", "name_ar": f"وحدة {n}", "sensitivity": level}
        )
        for n, level in ((1, 1), (2, 1), (3, 2))
    ]


def record(
    units: list[Organisation],
    *,
    sensitivity: int = 1,
    team: Any = None,
    act_types: tuple[str, ...] = ("torture",),
    sex: str = "",
    age: str = "adult",
    year: int | None = 2014,
    unit_numbers: tuple[int, ...] = (0,),
    place: Place | None = None,
    victim: Person | None = None,
) -> Incident:
    sex_term = Term.objects.get(vocabulary="sex", code=sex) if sex else None
    return services.incident_record(
        actor=None,
        incident={
            "title_en": "t",
            "sensitivity": sensitivity,
            "team": team,
            "start_date": PartialDate(year) if year else None,
            "place": place,
        },
        victims=[
            services.VictimAct(
                act_type=code,
                person=victim,
                new_person=None if victim else {"first_name_ar": "سامر", "sex": sex_term},
                age_group=age,
                start_date=PartialDate(2011) if number % 2 else None,
            )
            for number, code in enumerate(act_types)
        ],
        perpetrators=[services.Perpetrator(degree="ordered", unit=units[n]) for n in unit_numbers],
        sources=[],
    )


def expected_counts(user: Any) -> Counter[tuple[str, str]]:
    """The statistics straight from the acts through the permission layer (the old way), the
    victim's sex and age group by the victim's own visibility as well."""
    counts: Counter[tuple[str, str]] = Counter()
    visible_units = set(Organisation.objects.visible_to(user).values_list("pk", flat=True))
    for act in Act.objects.visible_to(user).select_related("incident", "victim"):
        counts[("act_type", str(act.act_type_id))] += 1
        date = act.start_date or act.incident.start_date
        counts[("year", f"{date.year:04d}" if date else "")] += 1
        counts[("governorate", str(act.incident.governorate_id or ""))] += 1
        # The victim's sex and age group count only for who may see the victim too; a victim
        # of another team than the incident's counts as unknown (issue 11).
        incident_team, victim_team = act.incident.team_id, act.victim.team_id
        if incident_team and victim_team and incident_team != victim_team:
            counts[("sex", "")] += 1
            counts[("age_group", "")] += 1
        elif act.victim.is_visible_to(user):
            counts[("sex", str(act.victim.sex_id or ""))] += 1
            counts[("age_group", act.victim_age_group)] += 1
        acting_units = {i.perpetrator_unit_id for i in act.involvements.all()} - {None}
        for unit_id in acting_units:
            if unit_id in visible_units:
                counts[("unit", str(unit_id))] += 1
        if not acting_units:
            counts[("unit", "")] += 1
    return counts


def summed_counts(user: Any) -> Counter[tuple[str, str]]:
    visible_units = {
        str(pk) for pk in Organisation.objects.visible_to(user).values_list("pk", flat=True)
    }
    counts: Counter[tuple[str, str]] = Counter()
    for row in ActTally.objects.visible_to(user):
        if row.dimension == "unit" and row.value and row.value not in visible_units:
            continue
        counts[(row.dimension, row.value)] += row.acts
    return +counts


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(["record", "update", "sex"]),
            st.integers(0, 3),  # sensitivity
            st.booleans(),  # team
            st.lists(st.sampled_from(ACT_TYPES), min_size=1, max_size=3),
            st.sampled_from(["", "male", "female"]),
            st.one_of(st.none(), st.integers(2005, 2024)),
            st.lists(st.integers(0, 2), max_size=2),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_the_summary_always_equals_a_recount(steps, units, team_a, viewer, documenter_a) -> None:  # type: ignore[no-untyped-def]
    towns = [*Place.objects.filter(kind=Place.Kind.TOWN)[:3], None]
    for number, (kind, level, teamed, types, sex, year, unit_numbers) in enumerate(steps):
        incidents = list(Incident.objects.order_by("-pk")[:3])
        if kind == "record" or not incidents:
            record(
                units,
                sensitivity=level,
                team=team_a if teamed else None,
                act_types=tuple(types),
                sex=sex,
                year=year,
                unit_numbers=tuple(dict.fromkeys(unit_numbers)),
                place=towns[number % len(towns)],
            )
        elif kind == "update":
            services.incident_update(
                actor=None,
                incident=incidents[number % len(incidents)],
                data={
                    "sensitivity": level,
                    "team": team_a if teamed else None,
                    "start_date": PartialDate(year) if year else None,
                    "place": towns[(number + 1) % len(towns)],
                },
            )
        else:
            victim = incidents[0].acts.first().victim
            services.person_update(
                actor=None,
                person=victim,
                data={"sex": Term.objects.get(vocabulary="sex", code=sex) if sex else None},
            )
        assert tallies.stored() == tallies.recount()
    for user in (viewer, documenter_a):
        assert summed_counts(user) == expected_counts(user)


def test_statistics_never_count_beyond_clearance_or_team(  # type: ignore[no-untyped-def]
    units, team_a, team_b, viewer, documenter_a, documenter_b, administrator
) -> None:
    record(units, sensitivity=Sensitivity.INTERNAL, act_types=("arrest",))
    record(units, sensitivity=Sensitivity.CONFIDENTIAL, act_types=("torture", "torture"))
    record(units, sensitivity=Sensitivity.INTERNAL, team=team_a, act_types=("torture",) * 3)
    record(units, sensitivity=Sensitivity.RESTRICTED, act_types=("torture",) * 4)
    totals = {
        name: {c.key: c.total for c in charts(user)}["act_type"]
        for name, user in (
            ("viewer", viewer),
            ("documenter_a", documenter_a),
            ("documenter_b", documenter_b),
            ("administrator", administrator),
        )
    }
    # The viewer sees the internal incident only; a documenter adds the confidential one and
    # their own team's; the administrator (superuser) sees everything.
    assert totals == {"viewer": 1, "documenter_a": 6, "documenter_b": 3, "administrator": 10}
    for user in (viewer, documenter_a, documenter_b, administrator):
        assert summed_counts(user) == expected_counts(user)
    # Through the page and its CSV too.
    body = signed_in(viewer).get(reverse("cases:statistics") + "?csv=act_type").content.decode()
    assert body.lstrip("\ufeff").splitlines()[1:] == [
        f"{Term.objects.get(vocabulary='act_type', code='arrest').label_en},1"
    ]


def test_a_confidential_unit_is_neither_named_nor_counted_for_a_viewer(units, viewer) -> None:  # type: ignore[no-untyped-def]
    record(units, unit_numbers=(0, 2))  # unit 3 is confidential
    unit_chart = {c.key: c for c in charts(viewer)}["unit"]
    assert unit_chart.rows == [("Unit 1", 1)]


def test_rebuild_statistics_repairs_and_check_reports(units) -> None:  # type: ignore[no-untyped-def]
    record(units, act_types=("torture", "arrest"))
    call_command("rebuild_statistics", "--check")
    ActTally.objects.filter(dimension="act_type").update(acts=99)
    with pytest.raises(CommandError):
        call_command("rebuild_statistics", "--check")
    call_command("rebuild_statistics")
    call_command("rebuild_statistics", "--check")
    assert tallies.stored() == tallies.recount()


def test_a_failed_recording_changes_no_count(units, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from django.core.exceptions import ValidationError

    record(units)
    before = tallies.stored()
    with pytest.raises(ValidationError):
        record(units, act_types=("no_such_type",))

    def broken(**kwargs: Any) -> None:
        raise RuntimeError("disk full")

    # A failure half-way through the writing transaction rolls the counts back with the rows.
    monkeypatch.setattr(services.Involvement.objects, "create", broken)
    with pytest.raises(RuntimeError):
        record(units, act_types=("torture", "arrest"))
    assert tallies.stored() == before == tallies.recount()


def test_sex_filter_follows_the_victims_sex(units, documenter_a) -> None:  # type: ignore[no-untyped-def]
    incident = record(units, sex="female", age="child")
    victim = incident.acts.get().victim
    found = selectors.incidents_visible_to(
        documenter_a, selectors.IncidentFilters(sex="female", age_group="child")
    )
    assert list(found) == [incident]
    services.person_update(
        actor=None, person=victim, data={"sex": Term.objects.get(vocabulary="sex", code="male")}
    )
    assert not found.all().exists()
    assert incident.acts.get().victim_sex.code == "male"
    assert tallies.stored() == tallies.recount()
    # An existing person recorded again brings their sex to the new act.
    again = record(units, victim=victim)
    assert again.acts.get().victim_sex_id == victim.sex_id


def test_keyset_pages_walk_the_whole_list_both_ways(documenter_a) -> None:  # type: ignore[no-untyped-def]
    Incident.objects.bulk_create(
        [
            Incident(
                reference=f"K-{n:04d}",
                title_en=f"k{n}",
                sensitivity=1,
                start_date=PartialDate(2000 + n % 7, 1 + n % 12) if n % 5 else None,
                sort_key=PartialDate(2000 + n % 7, 1 + n % 12).to_storage() if n % 5 else "",
            )
            for n in range(123)
        ]
    )
    expected = [i.reference for i in selectors.incidents_visible_to(documenter_a)]
    client = signed_in(documenter_a)
    url = reverse("cases:incident_list") + "?q=k"
    seen: list[str] = []
    pages: list[str] = []
    while url:
        body = client.get(url).content.decode()
        pages.append(re.search(r"Page (\d+) of (\d+)", body).group(0))
        seen.extend(re.findall(r">(K-\d{4})</a>", body))
        found = re.search(r'rel="next" href="([^"]+)"', body)
        url = reverse("cases:incident_list") + found.group(1).replace("&amp;", "&") if found else ""
    assert seen == expected and len(seen) == 123
    assert pages == ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]
    # Back from the last page with "Previous" links.
    back: list[str] = []
    while True:
        refs = re.findall(r">(K-\d{4})</a>", body)
        back = refs + back
        found = re.search(r'rel="prev" href="([^"]+)"', body)
        if not found:
            break
        body = client.get(
            reverse("cases:incident_list") + found.group(1).replace("&amp;", "&")
        ).content.decode()
    assert back == expected
    # Page numbers alone still work (bookmarks), and a broken cursor means the first page.
    page_two = client.get(reverse("cases:incident_list") + "?q=k&page=2").content.decode()
    assert re.findall(r">(K-\d{4})</a>", page_two) == expected[50:100]
    broken = client.get(reverse("cases:incident_list") + "?q=k&after=x';--&page=2")
    assert broken.status_code == 200
    assert re.findall(r">(K-\d{4})</a>", broken.content.decode()) == expected[50:100]


def test_incident_list_queries_do_not_grow_with_pages(documenter_a) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    Incident.objects.bulk_create(
        [Incident(reference=f"Q-{n:04d}", sensitivity=1, sort_key="2012") for n in range(170)]
    )
    client = signed_in(documenter_a)
    list_url = reverse("cases:incident_list")
    with CaptureQueriesContext(connection) as first:
        body = client.get(list_url).content.decode()
    for _ in range(3):
        found = re.search(r'rel="next" href="([^"]+)"', body)
        assert found
        with CaptureQueriesContext(connection) as deeper:
            body = client.get(list_url + found.group(1).replace("&amp;", "&")).content.decode()
        assert len(deeper.captured_queries) <= len(first.captured_queries)
    assert len(first.captured_queries) <= 25
    with CaptureQueriesContext(connection) as filtered:
        client.get(list_url + "?act_type=torture&sex=female&age_group=child")
    assert len(filtered.captured_queries) <= 25


@pytest.mark.parametrize(
    ("typed", "found", "not_found"),
    [
        ("محمد الح", "الحلبي", "العلي"),
        ("Mohammad al-H", "الحلبي", "العلي"),
        ("محمد الحل", "الحلبي", "الحموي"),
        ("محمد ال", "الحلبي", None),
        ("عبد الر", "عبد الرحمن", None),
        ("Abd al-R", "عبد الرحمن", None),
    ],
)
def test_half_typed_names_are_matched_by_prefix(documenter_a, typed, found, not_found) -> None:  # type: ignore[no-untyped-def]
    for first, family in (
        ("محمد", "الحلبي"),
        ("محمد", "العلي"),
        ("محمد", "الحموي"),
        ("عبد الرحمن", "النجار"),
    ):
        services.person_create(
            actor=None,
            data={"first_name_ar": first, "family_name_ar": family, "sensitivity": 1},
        )
    names = [p.full_name for p in selectors.person_suggestions(documenter_a, typed)]
    assert any(found in name for name in names), names
    if not_found:
        assert not any(not_found in name for name in names), names


def test_typed_name_keys() -> None:
    assert selectors.typed_name_keys("محمد الح") == (["mhmd"], "h")
    assert selectors.typed_name_keys("محمد ال") == (["mhmd"], "")
    assert selectors.typed_name_keys("Khaled Ha") == (["xld"], "h")
    assert selectors.typed_name_keys("عمر الشامي ") == (["amr", "cmy"], "")
    assert selectors.typed_name_keys("عبد الر") == ([], "abdr")
    assert selectors.typed_name_keys("   ") == ([], "")


def test_suggestions_stop_at_the_limit_and_respect_visibility(viewer, documenter_a) -> None:  # type: ignore[no-untyped-def]
    for n in range(12):
        services.person_create(
            actor=None,
            data={"first_name_ar": "يوسف", "family_name_ar": "الخطيب", "sensitivity": 1 + n % 2},
        )
    assert len(selectors.person_suggestions(documenter_a, "يوسف الخ")) == 8
    seen_by_viewer = selectors.person_suggestions(viewer, "يوسف الخ", limit=20)
    assert len(seen_by_viewer) == 6 and all(p.sensitivity == 1 for p in seen_by_viewer)


def test_suggestions_issue_a_bounded_number_of_queries(documenter_a) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(30):
        services.person_create(
            actor=None,
            data={"first_name_ar": "محمد", "family_name_ar": f"الحلبي{n % 3}", "sensitivity": 1},
        )
    with CaptureQueriesContext(connection) as captured:
        found = selectors.person_suggestions(documenter_a, "محمد الح")
    # A capped count per typed word to choose where to start, the team ids, one search, one fetch.
    assert len(found) == 8 and len(captured.captured_queries) <= 2 + 3
