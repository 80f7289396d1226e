"""A person's consent records who gave it, when (a partial date), how, and the signed form as
a locker item (issue 19), with the shape and vocabulary of a testimony's consent."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mizan.cases import services
from mizan.cases.models import Consent, Person
from mizan.core.models.bases import ConsentMethod
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.services import item_ingest
from mizan.testimonies.models import TestimonyConsent
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def victim() -> Person:
    return services.person_create(actor=None, data={"first_name_lat": "Rana", "sensitivity": 1})


@pytest.fixture
def mother() -> Person:
    return services.person_create(
        actor=None,
        data={
            "first_name_lat": "Mother",
            "family_name_lat": "Protectedname",
            "pseudonym": "Relative R",
            "identity_sensitivity": Sensitivity.RESTRICTED,
            "sensitivity": 1,
        },
    )


def test_one_list_of_ways_for_persons_and_testimonies() -> None:
    assert TestimonyConsent.Method is ConsentMethod
    assert Consent._meta.get_field("method").choices == list(ConsentMethod.choices)


def test_consent_with_giver_date_method_and_signed_form(documenter_a, victim, mother) -> None:
    form = item_ingest(io.BytesIO(b"signed consent form"), filename="consent.pdf", actor=None)
    client = signed_in(documenter_a)
    response = client.post(
        reverse("cases:consent_add", args=[victim.pk]),
        {
            "scope": "un_bodies",
            "method": "written",
            "given_on_0": "2024",
            "given_on_1": "3",
            "given_by": mother.pk,
            "proof": form.item.reference,
        },
    )
    assert response.status_code == 302
    consent = victim.consents.get()
    assert consent.scope.code == "un_bodies"
    assert consent.method == "written"
    assert consent.given_on == PartialDate(2024, 3)
    assert consent.given_by == mother
    assert consent.proof == form.item
    assert consent.taken_by == documenter_a
    page = client.get(reverse("cases:person_detail", args=[victim.pk])).content.decode()
    assert form.item.reference in page
    assert "Written (signed form)" in page
    # The documenter's clearance (confidential) shows the giver's pseudonym, not the name.
    assert "Relative R" in page and "Protectedname" not in page


def test_a_written_consent_needs_its_signed_form(victim) -> None:
    with pytest.raises(ValidationError, match="signed form"):
        services.consent_record(actor=None, person=victim, scope="un_bodies", method="written")
    assert not victim.consents.exists()


def test_a_proof_out_of_reach_is_refused(documenter_a, victim, team_b) -> None:
    hidden = item_ingest(
        io.BytesIO(b"another team's form"), filename="x.pdf", actor=None, team=team_b
    ).item
    hidden.sensitivity = 2
    hidden.save()
    response = signed_in(documenter_a).post(
        reverse("cases:consent_add", args=[victim.pk]),
        {"scope": "un_bodies", "method": "written", "proof": hidden.reference},
        follow=True,
    )
    assert "No item of the evidence locker with this reference" in response.content.decode()
    assert not victim.consents.exists()


def test_a_verbal_consent_needs_no_form(documenter_a, victim) -> None:
    consent: Any = services.consent_record(
        actor=documenter_a,
        person=victim,
        scope="internal_use",
        method="verbal",
        given_on=PartialDate(2023),
    )
    assert consent.proof is None and consent.given_by is None
