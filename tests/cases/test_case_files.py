"""Case files built without the Django admin (issue 19, core job 1): a legal officer creates one,
adds incidents, persons, evidence items and testimonies, edits its team and status, and sees
what it holds; others are refused; names follow the viewer's clearance; every write is audited.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse

from mizan.cases import services
from mizan.cases.models import CaseFile, Incident, Person
from mizan.core.models import AuditEntry
from mizan.core.sensitivity import Sensitivity
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def legal(make_user: Any, team_a: Any) -> Any:
    return make_user("layla_legal", "legal_officer", (team_a,))


@pytest.fixture
def incident(team_a: Any) -> Incident:
    return services.incident_record(
        actor=None,
        incident={"title_en": "Checkpoint arrest", "sensitivity": 2, "team": team_a},
        victims=[
            services.VictimAct(
                act_type="arbitrary_detention",
                new_person={"first_name_ar": "سامر", "first_name_lat": "Samer", "sensitivity": 1},
            )
        ],
        perpetrators=[],
        sources=[],
    )


@pytest.fixture
def witness() -> Person:
    return services.person_create(
        actor=None,
        data={
            "first_name_lat": "Hidden",
            "family_name_lat": "Witnessname",
            "pseudonym": "Witness K",
            "identity_sensitivity": Sensitivity.RESTRICTED,
            "sensitivity": Sensitivity.INTERNAL,
        },
    )


def _create(client: Any, team: Any) -> CaseFile:
    response = client.post(
        reverse("cases:case_file_create"),
        {
            "title": "Saydnaya deaths for the IIIM",
            "sensitivity": 2,
            "status": "open",
            "team": team.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return CaseFile.objects.get(title="Saydnaya deaths for the IIIM")


def test_legal_officer_builds_a_case_file(legal, team_a, incident, witness) -> None:
    client = signed_in(legal)
    case_file = _create(client, team_a)
    assert case_file.reference.startswith("CF-")
    contents = "cases:case_file_contents"
    client.post(
        reverse(contents, args=[case_file.pk, "incidents", "add"]),
        {"records": incident.reference},
    )
    victim = incident.acts.get().victim
    client.post(
        reverse(contents, args=[case_file.pk, "persons", "add"]),
        {"records": f"#{victim.pk}, {witness.pk}"},
    )
    assert list(case_file.incidents.all()) == [incident]
    assert set(case_file.persons.all()) == {victim, witness}
    page = client.get(reverse("cases:case_file_detail", args=[case_file.pk])).content.decode()
    assert incident.reference in page and "Samer" in page
    # The legal officer's clearance (restricted) shows the witness's name.
    assert "Hidden Witnessname" in page

    response = client.post(
        reverse("cases:case_file_edit", args=[case_file.pk]),
        {"title": case_file.title, "sensitivity": 2, "status": "review", "team": ""},
    )
    assert response.status_code == 302
    case_file.refresh_from_db()
    assert case_file.status == "review" and case_file.team is None

    client.post(reverse(contents, args=[case_file.pk, "persons", "remove"]), {"record": witness.pk})
    assert set(case_file.persons.all()) == {victim}
    entries = AuditEntry.objects.filter(object_type="cases.casefile", object_id=str(case_file.pk))
    assert entries.filter(action="view").count() == 1  # a confidential file's page was opened
    # Created, incidents added, persons added, edited, a person taken out.
    assert entries.exclude(action="view").count() == 5
    assert "Witnessname" not in str(list(entries.values_list("detail", flat=True)))


def test_a_viewer_sees_the_pseudonym_not_the_name(legal, viewer, team_a, witness) -> None:
    case_file = services.case_file_create(actor=legal, data={"title": "File", "sensitivity": 1})
    services.case_file_add(actor=legal, case_file=case_file, relation="persons", records=[witness])
    page = signed_in(viewer).get(reverse("cases:case_file_detail", args=[case_file.pk]))
    text = page.content.decode()
    assert "Witness K" in text and "Witnessname" not in text


def test_hidden_contents_are_counted_never_named(legal, viewer, incident) -> None:
    case_file = services.case_file_create(actor=legal, data={"title": "File", "sensitivity": 1})
    services.case_file_add(
        actor=legal, case_file=case_file, relation="incidents", records=[incident]
    )
    text = signed_in(viewer).get(reverse("cases:case_file_detail", args=[case_file.pk]))
    text = text.content.decode()
    assert incident.reference not in text
    assert "and 1 incident you may not see" in text


def test_an_incident_out_of_reach_cannot_be_added(legal, documenter_b, team_b) -> None:
    outsider_incident = services.incident_record(
        actor=None,
        incident={"title_en": "Team B", "sensitivity": 2, "team": team_b},
        victims=[services.VictimAct(act_type="torture", new_person={"first_name_ar": "رامي"})],
        perpetrators=[],
        sources=[],
    )
    case_file = services.case_file_create(actor=legal, data={"title": "File", "sensitivity": 1})
    response = signed_in(legal).post(
        reverse("cases:case_file_contents", args=[case_file.pk, "incidents", "add"]),
        {"records": outsider_incident.reference},
        follow=True,
    )
    assert "Not found, or not yours to see" in response.content.decode()
    assert not case_file.incidents.exists()


def test_documenters_may_not_create_or_change_case_files(documenter_a, legal, team_a) -> None:
    client = signed_in(documenter_a)
    assert client.get(reverse("cases:case_file_create")).status_code == 403
    case_file = services.case_file_create(actor=legal, data={"title": "File", "sensitivity": 1})
    assert client.get(reverse("cases:case_file_edit", args=[case_file.pk])).status_code == 403
    response = client.post(
        reverse("cases:case_file_contents", args=[case_file.pk, "incidents", "add"]),
        {"records": "x"},
    )
    assert response.status_code == 403


def test_another_teams_file_is_not_found(legal, documenter_b, team_a) -> None:
    case_file = services.case_file_create(
        actor=legal, data={"title": "File", "sensitivity": 2, "team": team_a}
    )
    client = signed_in(documenter_b)
    assert client.get(reverse("cases:case_file_detail", args=[case_file.pk])).status_code == 404
    listing = client.get(reverse("cases:case_file_list")).content.decode()
    assert case_file.reference not in listing


def test_the_list_has_a_total_and_pages(legal) -> None:
    for number in range(55):
        services.case_file_create(actor=legal, data={"title": f"File {number}", "sensitivity": 1})
    client = signed_in(legal)
    first = client.get(reverse("cases:case_file_list")).content.decode()
    second = client.get(reverse("cases:case_file_list") + "?page=2").content.decode()
    assert "55 case files" in first
    assert "File 54" in first and "File 54" not in second
    assert "File 0" in second and "File 0" not in first


def test_evidence_items_are_added_and_taken_out_from_the_file_page(legal, team_a) -> None:
    from mizan.evidence.models import CustodyEvent
    from mizan.evidence.services import item_ingest

    item = item_ingest(io.BytesIO(b"a scan"), filename="scan.txt", actor=None, team=team_a).item
    case_file = services.case_file_create(actor=legal, data={"title": "File", "sensitivity": 1})
    client = signed_in(legal)
    client.post(
        reverse("evidence:case_file_items", args=[case_file.pk, "add"]),
        {"items": item.reference},
    )
    assert list(item.case_files.all()) == [case_file]
    page = client.get(reverse("cases:case_file_detail", args=[case_file.pk])).content.decode()
    assert item.reference in page
    client.post(
        reverse("evidence:case_file_items", args=[case_file.pk, "remove"]),
        {"item": item.reference},
    )
    assert not item.case_files.exists()
    links = CustodyEvent.objects.filter(item_reference=item.reference, action="link")
    assert links.count() == 2


def test_a_testimony_is_added_from_the_file_page(legal, team_a) -> None:
    from mizan.core.partial_dates import PartialDate
    from mizan.testimonies import services as testimony_services

    interviewee = services.person_create(actor=None, data={"first_name_ar": "هالة"})
    testimony = testimony_services.testimony_create(
        actor=None,
        interviewee=interviewee,
        data={"interview_date": PartialDate(2024, 3, 1), "sensitivity": 1, "team": team_a},
    )
    case_file = services.case_file_create(actor=legal, data={"title": "File", "sensitivity": 1})
    client = signed_in(legal)
    client.post(
        reverse("testimonies:case_file_testimonies", args=[case_file.pk, "add"]),
        {"testimony": testimony.reference},
    )
    assert list(testimony.case_files.all()) == [case_file]
    page = client.get(reverse("cases:case_file_detail", args=[case_file.pk])).content.decode()
    assert testimony.reference in page
    client.post(
        reverse("testimonies:case_file_testimonies", args=[case_file.pk, "remove"]),
        {"testimony": testimony.reference},
    )
    assert not testimony.case_files.exists()
