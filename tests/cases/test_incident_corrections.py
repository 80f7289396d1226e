"""Correcting a recorded incident (issue 19, core job 3): victims and acts, perpetrators and
sources are added, corrected and taken out afterwards, with the checks of the one-pass form,
audited, and refused to those who may not change incidents or see the records."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from mizan.cases import services
from mizan.cases.models import Act, Incident, Involvement, Organisation, Person
from mizan.core.models import AuditEntry
from mizan.core.partial_dates import PartialDate
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit() -> Organisation:
    return services.organisation_create(
        actor=None, data={"name_en": "Branch 999 (test)", "name_ar": "الفرع 999", "sensitivity": 1}
    )


@pytest.fixture
def incident(team_a: Any) -> Incident:
    return services.incident_record(
        actor=None,
        incident={"title_en": "Checkpoint arrest", "sensitivity": 1, "team": team_a},
        victims=[
            services.VictimAct(
                act_type="arbitrary_detention",
                new_person={"first_name_lat": "Samer", "sensitivity": 1},
            )
        ],
        perpetrators=[],
        sources=[],
    )


def _audited(model: str) -> int:
    return AuditEntry.objects.filter(object_type=model).count()


def test_a_victim_and_act_are_added_after_saving(documenter_a, incident) -> None:
    before = _audited("cases.act")
    response = signed_in(documenter_a).post(
        reverse("cases:incident_act_add", args=[incident.pk]),
        {
            "v-name_lat": "Rana Omar",
            "v-act_type": "enforced_disappearance",
            "v-age_group": "adult",
            "v-start_date_0": "2014",
            "v-sex": "female",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert incident.acts.count() == 2
    rana = incident.acts.get(act_type__code="enforced_disappearance").victim
    assert rana.first_name_lat == "Rana"
    assert rana.sensitivity >= incident.sensitivity  # inherits the incident's protection
    assert _audited("cases.act") == before + 1


def test_adding_runs_the_checks_of_the_one_pass_form(documenter_a, incident) -> None:
    born = services.person_create(
        actor=None,
        data={"first_name_lat": "Young", "birth_date": PartialDate(2010), "sensitivity": 1},
    )
    response = signed_in(documenter_a).post(
        reverse("cases:incident_act_add", args=[incident.pk]),
        {
            "v-person": born.pk,
            "v-act_type": "torture",
            "v-age_group": "child",
            "v-start_date_0": "2005",
        },
    )
    assert response.status_code == 200
    assert "dated before the victim" in response.content.decode()
    assert incident.acts.count() == 1


def test_an_act_is_corrected_and_audited(documenter_a, incident) -> None:
    act = incident.acts.get()
    response = signed_in(documenter_a).post(
        reverse("cases:act_edit", args=[act.pk]),
        {
            "v-act_type": "torture",
            "v-age_group": "adult",
            "v-start_date_0": "2013",
            "v-end_date_0": "2012",
            "v-torture_methods": ["beating"],
        },
    )
    assert response.status_code == 200  # the end is before the start: nothing saved
    act.refresh_from_db()
    assert act.act_type.code == "arbitrary_detention"
    response = signed_in(documenter_a).post(
        reverse("cases:act_edit", args=[act.pk]),
        {
            "v-act_type": "torture",
            "v-age_group": "adult",
            "v-start_date_0": "2013",
            "v-torture_methods": ["beating"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    act.refresh_from_db()
    assert act.act_type.code == "torture"
    assert [m.code for m in act.torture_methods.all()] == ["beating"]
    entry = AuditEntry.objects.filter(object_type="cases.act", action="update").get()
    assert {"act_type", "start_date", "victim_age_group", "torture_methods"} <= set(entry.fields)


def test_the_last_act_cannot_be_taken_out(documenter_a, incident) -> None:
    client = signed_in(documenter_a)
    services.incident_act_add(
        actor=None,
        incident=incident,
        row=services.VictimAct(act_type="torture", new_person={"first_name_lat": "Second"}),
    )
    first, second = incident.acts.order_by("pk")
    client.post(reverse("cases:act_remove", args=[second.pk]))
    assert list(incident.acts.all()) == [first]
    response = client.post(reverse("cases:act_remove", args=[first.pk]), follow=True)
    assert "at least one victim" in response.content.decode()
    assert incident.acts.count() == 1
    assert AuditEntry.objects.filter(object_type="cases.act", action="delete").count() == 1


def test_perpetrators_are_added_and_taken_out(documenter_a, incident, unit) -> None:
    client = signed_in(documenter_a)
    client.post(
        reverse("cases:incident_perpetrator_add", args=[incident.pk]),
        {"p-unit": unit.pk, "p-degree": "ordered"},
    )
    involvement = Involvement.objects.get(act__incident=incident)
    assert involvement.perpetrator_unit == unit
    client.post(reverse("cases:involvement_remove", args=[involvement.pk]))
    assert not Involvement.objects.filter(act__incident=incident).exists()
    assert _audited("cases.involvement") == 2


def test_a_victim_cannot_become_the_incidents_perpetrator(incident) -> None:
    victim = incident.acts.get().victim
    with pytest.raises(Exception, match="cannot be recorded as its perpetrator"):
        services.incident_perpetrator_add(
            actor=None,
            incident=incident,
            perpetrator=services.Perpetrator(degree="ordered", person=victim),
        )


def test_sources_are_added_corrected_and_taken_out(documenter_a, incident) -> None:
    client = signed_in(documenter_a)
    response = client.post(
        reverse("cases:incident_source_add", args=[incident.pk]),
        {
            "s-source_type": "witness",
            "s-name_lat": "Protected Witness Name",
            "s-reliability": "B",
            "s-credibility": 2,
            "s-protect_identity": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    source = incident.sources.get()
    assert source.person.identity_sensitivity == 3  # protected, as in the one-pass form
    assert list(source.acts.all()) == list(incident.acts.all())
    client.post(
        reverse("cases:source_edit", args=[incident.pk, source.pk]),
        {"source_type": "witness", "description": "", "reliability": "A", "credibility": 1},
    )
    source.refresh_from_db()
    assert source.reliability == "A" and source.credibility == 1
    client.post(reverse("cases:source_remove", args=[incident.pk, source.pk]))
    assert not incident.sources.exists()
    assert Person.objects.filter(pk=source.person_id).exists()  # the witness stays


def test_corrections_are_refused_to_viewers_and_other_teams(
    viewer, documenter_b, incident, team_a
) -> None:
    incident.sensitivity = 2
    incident.save()
    act = incident.acts.get()
    assert signed_in(viewer).post(reverse("cases:act_remove", args=[act.pk])).status_code == 403
    outsider = signed_in(documenter_b)
    assert outsider.post(reverse("cases:act_remove", args=[act.pk])).status_code == 404
    assert outsider.get(reverse("cases:act_edit", args=[act.pk])).status_code == 404
    response = outsider.post(
        reverse("cases:incident_act_add", args=[incident.pk]),
        {"v-name_lat": "X", "v-act_type": "torture", "v-age_group": "adult"},
    )
    assert response.status_code == 404
    assert Act.objects.filter(incident=incident).count() == 1
