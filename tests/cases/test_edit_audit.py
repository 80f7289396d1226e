"""An edit through the page records, in the audit log, the fields it changed.

A ModelForm writes its cleaned data onto its instance while it validates; a service handed that
same instance would compare the new values with themselves and audit an empty list of fields
(or nothing at all). Each edit page is driven here as a browser would drive it.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from mizan.cases import services
from mizan.cases.models import CaseFile, Incident
from tests.conftest import signed_in
from tests.posting import edit_through_page, last_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def incident(team_a: Any) -> Incident:
    return services.incident_record(
        actor=None,
        incident={"title_en": "Checkpoint arrest", "sensitivity": 2, "team": team_a},
        victims=[
            services.VictimAct(act_type="arbitrary_detention", new_person={"first_name_lat": "Sa"})
        ],
        perpetrators=[],
        sources=[],
    )


def test_editing_an_incident_audits_the_changed_field(documenter_a: Any, incident: Any) -> None:
    edit_through_page(
        signed_in(documenter_a),
        reverse("cases:incident_edit", args=[incident.pk]),
        title_en="Checkpoint arrest, corrected",
    )
    incident.refresh_from_db()
    assert incident.title_en == "Checkpoint arrest, corrected"
    assert last_update(incident).fields == ["title_en"]


def test_editing_a_case_file_audits_the_changed_field(make_user: Any, team_a: Any) -> None:
    legal = make_user("layla_legal", "legal_officer", (team_a,))
    case_file = CaseFile.objects.create(reference="CF-2026-0001", title="Before", team=team_a)
    edit_through_page(
        signed_in(legal), reverse("cases:case_file_edit", args=[case_file.pk]), title="After"
    )
    case_file.refresh_from_db()
    assert case_file.title == "After"
    assert last_update(case_file).fields == ["title"]


def test_editing_a_person_audits_the_changed_field(documenter_a: Any, incident: Any) -> None:
    person = incident.acts.get().victim
    edit_through_page(
        signed_in(documenter_a),
        reverse("cases:person_edit", args=[person.pk]),
        first_name_lat="Samer",
    )
    person.refresh_from_db()
    assert person.first_name_lat == "Samer"
    assert last_update(person).fields == ["first_name_lat"]


def test_correcting_a_source_audits_the_changed_field(documenter_a: Any, incident: Any) -> None:
    source = services.incident_source_add(
        actor=None,
        incident=incident,
        entry=services.SourceEntry(source_type="witness", new_person={"first_name_lat": "Wi"}),
    )
    edit_through_page(
        signed_in(documenter_a),
        reverse("cases:source_edit", args=[incident.pk, source.pk]),
        reliability="A",
    )
    source.refresh_from_db()
    assert source.reliability == "A"
    assert last_update(source).fields == ["reliability"]
