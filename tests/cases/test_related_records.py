"""Related records are shown by their own clearance, never by their parent's (issue 11, blocker 2).

Each test is written from the attacker's side: a viewer (internal clearance, no team) or a
documenter of another team opens a record they may see, and the related records they may not
see — a victim, a witness, a perpetrator, a unit, a site, an incident — must leave no trace in
the response: no name in either script, no pseudonym, no reference, no link to their page.
Every secret string is a unique canary, so an absence means something.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from mizan.cases import services
from mizan.cases.models import Act, Person
from mizan.core.models import Team, Term
from mizan.core.sensitivity import Sensitivity
from tests.conftest import make_site, signed_in

pytestmark = pytest.mark.django_db

HIDDEN_VICTIM_AR = "زبيدةكنارية"
HIDDEN_VICTIM_LAT = "Zubaydacanary"
SEEN_VICTIM_LAT = "Openvictimname"
PSEUDONYM = "Pseudocanary-W9"
HIDDEN_UNIT = "Unitcanary Branch"
HIDDEN_PERPETRATOR = "Perpcanary"
HIDDEN_SITE = "Sitecanary prison"


def _person(first_lat: str, first_ar: str = "", **data: Any) -> Person:
    return services.person_create(
        actor=None, data={"first_name_lat": first_lat, "first_name_ar": first_ar, **data}
    )


@pytest.fixture
def scene(team_b: Team) -> dict[str, Any]:
    """An internal incident (no team: the viewer sees it) whose related records are above the
    viewer: a restricted victim of team B, a confidential protected witness, a confidential
    unit, a restricted perpetrator of team B and a restricted site."""
    hidden_victim = _person(
        HIDDEN_VICTIM_LAT,
        HIDDEN_VICTIM_AR,
        sensitivity=Sensitivity.RESTRICTED,
        team=team_b,
        sex=Term.objects.get(vocabulary="sex", code="female"),
    )
    seen_victim = _person(SEEN_VICTIM_LAT, sensitivity=Sensitivity.INTERNAL)
    witness = _person(
        "Witnesscanary",
        sensitivity=Sensitivity.CONFIDENTIAL,
        identity_sensitivity=Sensitivity.RESTRICTED,
        pseudonym=PSEUDONYM,
    )
    hidden_unit = services.organisation_create(
        actor=None,
        data={"name_en": HIDDEN_UNIT, "name_ar": "وحدةكنارية", "sensitivity": 2},
    )
    perpetrator = _person(HIDDEN_PERPETRATOR, sensitivity=Sensitivity.RESTRICTED, team=team_b)
    site = make_site(HIDDEN_SITE, "سجنكناري", Sensitivity.RESTRICTED)
    incident = services.incident_record(
        actor=None,
        incident={"title_en": "Open incident", "sensitivity": Sensitivity.INTERNAL},
        victims=[
            services.VictimAct(
                act_type="torture",
                person=hidden_victim,
                site_id=site.pk,
                age_group=Act.AgeGroup.CHILD,
            ),
            services.VictimAct(act_type="arbitrary_detention", person=seen_victim),
        ],
        perpetrators=[
            services.Perpetrator(degree="ordered", unit=hidden_unit),
            services.Perpetrator(degree="direct_perpetrator", person=perpetrator),
        ],
        sources=[
            services.SourceEntry(
                source_type="witness", person=witness, sensitivity=Sensitivity.INTERNAL
            )
        ],
    )
    return {
        "incident": incident,
        "hidden_victim": hidden_victim,
        "seen_victim": seen_victim,
        "witness": witness,
        "perpetrator": perpetrator,
        "unit": hidden_unit,
        "site": site,
    }


def _absent(body: bytes, *canaries: str) -> None:
    text = body.decode()
    for canary in canaries:
        assert canary not in text, canary


def test_incident_page_hides_a_victim_above_the_viewer(viewer, scene) -> None:  # type: ignore[no-untyped-def]
    victim = scene["hidden_victim"]
    assert (
        signed_in(viewer).get(reverse("cases:person_detail", args=[victim.pk])).status_code == 404
    )
    response = signed_in(viewer).get(reverse("cases:incident_detail", args=[scene["incident"].pk]))
    assert response.status_code == 200
    _absent(
        response.content,
        HIDDEN_VICTIM_AR,
        HIDDEN_VICTIM_LAT,
        reverse("cases:person_detail", args=[victim.pk]),
        "Female",  # the hidden victim's sex
        "Child (under 18)",  # and age group
    )
    text = response.content.decode()
    assert SEEN_VICTIM_LAT in text
    assert "1 more act concerns a person you may not see." in text


def test_incident_page_of_another_team_documenter(documenter_a, scene) -> None:  # type: ignore[no-untyped-def]
    """A documenter (confidential clearance) of team A: the team-B victim stays hidden."""
    response = signed_in(documenter_a).get(
        reverse("cases:incident_detail", args=[scene["incident"].pk])
    )
    _absent(response.content, HIDDEN_VICTIM_AR, HIDDEN_VICTIM_LAT, HIDDEN_PERPETRATOR)


def test_protected_witness_out_of_reach_leaves_no_pseudonym(viewer, scene) -> None:  # type: ignore[no-untyped-def]
    """The source record is internal, its person confidential: the viewer may not learn from a
    pseudonym (or a "protected person" label) that a protected witness is there."""
    response = signed_in(viewer).get(reverse("cases:incident_detail", args=[scene["incident"].pk]))
    _absent(
        response.content,
        PSEUDONYM,
        "Protected",
        reverse("cases:person_detail", args=[scene["witness"].pk]),
    )


def test_perpetrators_and_sites_out_of_reach_are_not_named(viewer, scene) -> None:  # type: ignore[no-untyped-def]
    response = signed_in(viewer).get(reverse("cases:incident_detail", args=[scene["incident"].pk]))
    _absent(
        response.content,
        HIDDEN_UNIT,
        "وحدةكنارية",
        HIDDEN_PERPETRATOR,
        HIDDEN_SITE,
        "سجنكناري",
        reverse("core:site_detail", args=[scene["site"].pk]),
    )


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_acts_export_leaves_out_victims_above_the_user(make_user, scene, fmt) -> None:  # type: ignore[no-untyped-def]
    """A researcher may export (internal clearance): no row of the hidden victim's act."""
    researcher = make_user("rami_researcher", "legal_officer", clearance=Sensitivity.INTERNAL)
    response = signed_in(researcher).get(reverse("cases:export", args=["acts", fmt]))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    _absent(body, HIDDEN_VICTIM_AR, HIDDEN_VICTIM_LAT, HIDDEN_UNIT, PSEUDONYM)
    assert SEEN_VICTIM_LAT in body.decode()
    if fmt == "json":
        rows = json.loads(body.decode())
        assert [row["victim_id"] for row in rows] == [scene["seen_victim"].pk]


def test_incident_filters_on_the_victim_ignore_victims_above_the_user(viewer, scene) -> None:  # type: ignore[no-untyped-def]
    """Filtering the list by sex or age group must not reveal a hidden victim's sex or age."""
    reference = scene["incident"].reference
    for query in ("sex=female", "age_group=child"):
        response = signed_in(viewer).get(reverse("cases:incident_list") + "?" + query)
        assert reference not in response.content.decode(), query
    response = signed_in(viewer).get(reverse("cases:incident_list"))
    assert reference in response.content.decode()


def test_person_page_lists_only_incidents_and_units_the_viewer_may_see(  # type: ignore[no-untyped-def]
    viewer, team_b
) -> None:
    person = _person("Commandercanary", sensitivity=Sensitivity.INTERNAL)
    secret = services.incident_record(
        actor=None,
        incident={"title_en": "Secret", "sensitivity": Sensitivity.RESTRICTED, "team": team_b},
        victims=[services.VictimAct(act_type="torture", new_person={"first_name_ar": "س"})],
        perpetrators=[],
        sources=[],
    )
    open_incident = services.incident_record(
        actor=None,
        incident={"title_en": "Open", "sensitivity": Sensitivity.INTERNAL},
        victims=[services.VictimAct(act_type="torture", new_person={"first_name_ar": "ع"})],
        perpetrators=[],
        sources=[services.SourceEntry(source_type="witness", person=person)],
    )
    source = open_incident.sources.get()
    source.incidents.add(secret)
    hidden_unit = services.organisation_create(
        actor=None, data={"name_en": HIDDEN_UNIT, "name_ar": "وحدةكنارية", "sensitivity": 3}
    )
    hidden_unit.commands.create(commander=person)
    response = signed_in(viewer).get(reverse("cases:person_detail", args=[person.pk]))
    assert response.status_code == 200
    _absent(
        response.content,
        secret.reference,
        HIDDEN_UNIT,
        "وحدةكنارية",
        reverse("cases:unit_detail", args=[hidden_unit.pk]),
    )
    assert open_incident.reference in response.content.decode()


def test_person_page_hides_a_site_above_the_viewer(viewer, scene) -> None:  # type: ignore[no-untyped-def]
    """The seen victim of another act at a hidden site: the site is not named on their page."""
    incident = scene["incident"]
    seen_act = incident.acts.get(victim=scene["seen_victim"])
    Act.objects.filter(pk=seen_act.pk).update(site=scene["site"])
    response = signed_in(viewer).get(reverse("cases:person_detail", args=[scene["seen_victim"].pk]))
    _absent(response.content, HIDDEN_SITE, "سجنكناري")


def test_unit_page_hides_commanders_and_parent_above_the_viewer(viewer, team_b) -> None:  # type: ignore[no-untyped-def]
    parent = services.organisation_create(
        actor=None, data={"name_en": "Parentcanary Directorate", "sensitivity": 3}
    )
    unit = services.organisation_create(
        actor=None, data={"name_en": "Open branch", "sensitivity": 1, "parent": parent}
    )
    commander = _person(
        "Commandercanary", "قائدكناري", sensitivity=Sensitivity.RESTRICTED, team=team_b
    )
    protected = _person(
        "Namecanary",
        sensitivity=Sensitivity.CONFIDENTIAL,
        identity_sensitivity=Sensitivity.RESTRICTED,
        pseudonym=PSEUDONYM,
    )
    unit.commands.create(commander=commander)
    unit.commands.create(commander=protected)
    response = signed_in(viewer).get(reverse("cases:unit_detail", args=[unit.pk]))
    assert response.status_code == 200
    _absent(
        response.content,
        "Commandercanary",
        "قائدكناري",
        "Namecanary",
        PSEUDONYM,
        "Parentcanary",
        reverse("cases:person_detail", args=[commander.pk]),
    )


def test_unit_page_shows_a_commander_s_pseudonym_to_who_may_see_the_record(  # type: ignore[no-untyped-def]
    documenter_a,
) -> None:
    unit = services.organisation_create(
        actor=None, data={"name_en": "Open branch", "sensitivity": 1}
    )
    protected = _person(
        "Namecanary",
        sensitivity=Sensitivity.CONFIDENTIAL,
        identity_sensitivity=Sensitivity.RESTRICTED,
        pseudonym=PSEUDONYM,
    )
    unit.commands.create(commander=protected)
    body = signed_in(documenter_a).get(reverse("cases:unit_detail", args=[unit.pk])).content
    assert PSEUDONYM in body.decode()
    _absent(body, "Namecanary")


def test_template_filter_gives_name_pseudonym_or_nothing(
    viewer, documenter_a, administrator, team_b
) -> None:  # type: ignore[no-untyped-def]
    from mizan.core.templatetags.people import name_for

    protected = _person(
        "Namecanary",
        sensitivity=Sensitivity.CONFIDENTIAL,
        identity_sensitivity=Sensitivity.RESTRICTED,
        pseudonym=PSEUDONYM,
    )
    hidden = _person("Hiddencanary", sensitivity=Sensitivity.INTERNAL, team=team_b)
    assert name_for(protected, viewer) == ""
    assert name_for(protected, documenter_a) == PSEUDONYM
    assert name_for(protected, administrator) == "Namecanary"
    assert name_for(hidden, documenter_a) == ""
    assert name_for(None, documenter_a) == ""


def test_incident_filters_by_a_site_or_unit_out_of_reach_find_nothing(viewer, scene) -> None:  # type: ignore[no-untyped-def]
    """Trying the ids of sites and units one by one must not tell which visible incidents
    have acts at a hidden facility or by a hidden unit."""
    reference = scene["incident"].reference
    for query in (f"site={scene['site'].pk}", f"unit={scene['unit'].pk}"):
        response = signed_in(viewer).get(reverse("cases:incident_list") + "?" + query)
        assert reference not in response.content.decode(), query


def test_statistics_do_not_count_a_hidden_victim_s_sex_or_age(viewer, administrator, scene) -> None:  # type: ignore[no-untyped-def]
    """The sex and age-group charts count a victim only for who may see the victim; otherwise
    comparing a chart with the victims one can see would tell a hidden victim's sex."""
    from django.utils import translation

    from mizan.cases.statistics import charts

    with translation.override("en"):
        seen = {c.key: dict(c.rows) for c in charts(viewer)}
        full = {c.key: dict(c.rows) for c in charts(administrator)}
    assert "Female" not in seen["sex"] and "Child (under 18)" not in seen["age_group"]
    assert sum(seen["act_type"].values()) == 2  # the act itself is still counted
    assert full["sex"]["Female"] == 1 and full["age_group"]["Child (under 18)"] == 1
    response = signed_in(viewer).get(reverse("cases:statistics") + "?csv=sex")
    assert "Female" not in response.content.decode()


def test_statistics_follow_a_victim_s_level_when_it_changes(viewer, scene) -> None:  # type: ignore[no-untyped-def]
    from django.utils import translation

    from mizan.cases import tallies
    from mizan.cases.statistics import charts

    services.person_update(
        actor=None,
        person=scene["hidden_victim"],
        data={"sensitivity": Sensitivity.INTERNAL, "team": None},
    )
    with translation.override("en"):
        assert {c.key: dict(c.rows) for c in charts(viewer)}["sex"].get("Female") == 1
    assert tallies.stored() == tallies.recount()


def test_an_act_of_a_hidden_victim_answers_no_filter_and_no_unit_page(viewer, scene) -> None:  # type: ignore[no-untyped-def]
    """The hidden victim's act (torture, by the unit) is out of reach everywhere but in counts:
    filtering on its type, or opening the page of a unit that took part in it, tells nothing."""
    open_unit = services.organisation_create(
        actor=None, data={"name_en": "Open unit", "sensitivity": Sensitivity.INTERNAL}
    )
    from mizan.cases.models import Involvement

    hidden_act = scene["incident"].acts.get(victim=scene["hidden_victim"])
    Involvement.objects.create(
        act=hidden_act,
        perpetrator_unit=open_unit,
        degree=Term.objects.get(vocabulary="involvement_degree", code="ordered"),
    )
    reference = scene["incident"].reference
    client = signed_in(viewer)
    listed = client.get(reverse("cases:incident_list") + "?act_type=torture").content.decode()
    assert reference not in listed
    unit_page = client.get(reverse("cases:unit_detail", args=[open_unit.pk])).content.decode()
    assert reference not in unit_page
