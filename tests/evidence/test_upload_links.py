"""An evidence item is linked to incidents and persons from the upload form (issue 19): by
incident reference and person number, each through the permission layer, in its custody log."""

from __future__ import annotations

from typing import Any

import pytest

from mizan.cases import services as cases_services
from mizan.evidence.models import CustodyEvent, Item
from tests.conftest import signed_in
from tests.evidence.test_locker import _upload

pytestmark = pytest.mark.django_db


def _incident(team: Any) -> Any:
    return cases_services.incident_record(
        actor=None,
        incident={"title_en": "Arrest", "sensitivity": 2, "team": team},
        victims=[
            cases_services.VictimAct(
                act_type="torture", new_person={"first_name_lat": "Samer", "sensitivity": 1}
            )
        ],
        perpetrators=[],
        sources=[],
    )


def test_the_upload_links_incidents_and_persons(documenter_a: Any, team_a: Any) -> None:
    incident = _incident(team_a)
    victim = incident.acts.get().victim
    response = _upload(
        signed_in(documenter_a),
        b"photo of the checkpoint",
        "photo.jpg",
        team=team_a.pk,
        incident_refs=incident.reference,
        person_numbers=f"#{victim.pk}",
    )
    assert response.status_code == 200, response.content
    item = Item.objects.get(reference=response.json()["reference"])
    assert list(item.incidents.all()) == [incident]
    assert list(item.persons.all()) == [victim]
    ingest = CustodyEvent.objects.get(item_reference=item.reference, action="ingest")
    assert ingest.details["incidents"] == [incident.reference]
    assert ingest.details["persons"] == [victim.pk]


def test_an_incident_out_of_reach_is_refused(documenter_a: Any, team_a: Any, team_b: Any) -> None:
    other = _incident(team_b)
    response = _upload(
        signed_in(documenter_a), b"another photo", "b.jpg", incident_refs=other.reference
    )
    assert response.status_code == 400
    assert "No incident" in response.json()["error"]
    assert not Item.objects.exists()
