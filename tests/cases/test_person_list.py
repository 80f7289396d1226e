"""The person list pages through everyone the user may see and says how many there are."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from mizan.cases.models import Person
from tests.conftest import signed_in
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _ids(html: str) -> list[str]:
    return re.findall(r"/cases/persons/(\d+)/", html)


def test_second_page_shows_other_people_and_the_total(documenter_a: object) -> None:
    PersonFactory.create_batch(120)
    client = signed_in(documenter_a)  # type: ignore[arg-type]
    first = client.get(reverse("cases:person_list")).content.decode()
    second = client.get(reverse("cases:person_list") + "?page=2").content.decode()
    third = client.get(reverse("cases:person_list") + "?page=3").content.decode()
    assert "120 persons" in first
    pages = [_ids(first), _ids(second), _ids(third)]
    assert [len(p) for p in pages] == [50, 50, 20]
    seen = {i for p in pages for i in p}
    assert seen == {str(pk) for pk in Person.objects.values_list("pk", flat=True)}
    assert "Page 1 of 3" in first and "page=2" in first
