"""A testimony's consent says one thing, as a family report's does (the shared
``core.validators.validate_consent_scopes``): “Internal use only” alone, refused beside a wider
scope on the form and in the service, nothing written; items carry what the consents allow
together, never both."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from mizan.core.models import Term
from mizan.testimonies import services
from mizan.testimonies.forms import ConsentForm
from mizan.testimonies.models import Testimony
from tests.testimonies.conftest import give_consent, with_recording

CONTRADICTION = "“Internal use only” cannot be chosen beside wider scopes"


def _pks(*codes: str) -> list[int]:
    return list(
        Term.objects.filter(vocabulary="consent_scope", code__in=codes).values_list("pk", flat=True)
    )


def test_the_consent_form_refuses_internal_use_only_beside_a_wider_scope(db: object) -> None:
    data = {"method": "verbal", "taken_on": "2024-04-25"}
    form = ConsentForm({**data, "scopes": _pks("internal_use", "un_bodies")})
    assert not form.is_valid()
    assert CONTRADICTION in " ".join(form.errors["scopes"])
    assert ConsentForm({**data, "scopes": _pks("internal_use")}).is_valid()
    assert ConsentForm({**data, "scopes": _pks("un_bodies")}).is_valid()


def test_the_service_refuses_internal_use_only_beside_a_wider_scope(testimony: Testimony) -> None:
    with pytest.raises(ValidationError, match=CONTRADICTION):
        services.consent_record(
            actor=None,
            testimony=testimony,
            scopes=["internal_use", "un_bodies"],
            method="verbal",
            taken_on=date(2024, 4, 25),
        )
    assert not testimony.consents.exists()


def test_items_carry_a_later_wider_consent_not_both(testimony: Testimony) -> None:
    testimony = with_recording(testimony)
    give_consent(testimony, ("internal_use",))
    item = testimony.recording
    assert item is not None
    assert set(item.consent_scopes.values_list("code", flat=True)) == {"internal_use"}
    give_consent(testimony, ("un_bodies",))
    assert testimony.consented_scopes() == {"internal_use", "un_bodies"}
    assert set(item.consent_scopes.values_list("code", flat=True)) == {"un_bodies"}
