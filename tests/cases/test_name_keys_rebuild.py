"""Stored name keys follow the transliteration code: when ``mizan.text.translit`` learns a
spelling, ``rebuild_name_keys`` (and the migration that runs it once) computes them again, so a
person recorded under the old keys is suggested under the new ones."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from mizan.cases import services
from mizan.cases.models import PersonNameKey
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def keys_of(person: Any) -> set[str]:
    return set(PersonNameKey.objects.filter(person=person).values_list("key", flat=True))


def test_stale_keys_are_counted_then_computed_again_and_the_person_is_suggested(
    documenter_a: Any,
) -> None:
    person = services.person_create(
        actor=None,
        data={"first_name_lat": "Ouasim", "family_name_ar": "الدهان", "sensitivity": 2},
    )
    other = services.person_create(
        actor=None, data={"first_name_ar": "رنا", "family_name_ar": "الحموي", "sensitivity": 2}
    )
    fresh, untouched = keys_of(person), keys_of(other)
    assert fresh == services.person_keys(person)
    # As an older release left them: other keys than today's code computes.
    PersonNameKey.objects.filter(person=person).delete()
    PersonNameKey.objects.create(person=person, key="an-old-key")

    client = signed_in(documenter_a)
    suggest = reverse("cases:person_suggest")
    assert "الدهان" not in client.get(suggest, {"q": "الدهان"}).content.decode()

    with pytest.raises(CommandError, match="1 person"):
        call_command("rebuild_name_keys", "--check")
    assert keys_of(person) == {"an-old-key"}  # --check changes nothing

    call_command("rebuild_name_keys")
    assert keys_of(person) == fresh and keys_of(other) == untouched
    call_command("rebuild_name_keys", "--check")
    assert services.name_keys_rebuild() == 0

    assert "الدهان" in client.get(suggest, {"q": "الدهان"}).content.decode()
