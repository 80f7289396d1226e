"""The one-pass incident form shows every problem at once, each by its field and named by row."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from mizan.cases.models import Incident, Person
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def _data(**victim: str) -> dict[str, str]:
    data = {
        "title_ar": "",
        "title_en": "",
        "sensitivity": "2",
        "v-TOTAL_FORMS": "2",
        "v-INITIAL_FORMS": "0",
        "v-MIN_NUM_FORMS": "0",
        "v-MAX_NUM_FORMS": "50",
        "v-0-name_ar": "سامر الحلبي",
        "v-0-act_type": "arbitrary_detention",
        "v-0-age_group": "unknown",
        "v-1-act_type": "arbitrary_detention",
        "v-1-age_group": "unknown",
        "p-TOTAL_FORMS": "0",
        "p-INITIAL_FORMS": "0",
        "p-MIN_NUM_FORMS": "0",
        "p-MAX_NUM_FORMS": "20",
        "s-TOTAL_FORMS": "0",
        "s-INITIAL_FORMS": "0",
        "s-MIN_NUM_FORMS": "0",
        "s-MAX_NUM_FORMS": "20",
    }
    data.update({f"v-1-{k}": v for k, v in victim.items()})
    return data


def test_every_error_at_once_by_its_field_and_row(documenter_a: Any) -> None:
    long_part = "ع" * 150  # the field takes 300 characters, a name part 100
    data = _data(
        name_ar=f"{long_part} الحلبي",
        birth_year="2000",
        start_date_0="1995",
        end_date_0="1990",
    )
    before = (Incident.objects.count(), Person.objects.count())
    response = signed_in(documenter_a).post(reverse("cases:incident_create"), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert (Incident.objects.count(), Person.objects.count()) == before
    # The title, the name's length and both date checks, all in one answer …
    assert "Give the incident a title in Arabic or English." in body
    assert "Each part of a name can have at most 100 characters" in body
    assert "The end is before the start." in body
    assert "The act is dated before the victim&#x27;s birth." in body
    # … and the summary names the victim's row and the field.
    assert "Victim 2 · Name in Arabic: Each part of a name" in body
    assert "Victim 2 · Until: The end is before the start." in body
