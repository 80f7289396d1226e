"""A year filter that cannot be applied says why instead of silently answering nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year_from=2020&year_to=2010", "The first year (2020) is after the last (2010)"),
        ("year_from=20x4", "“20x4” is not a year"),
        ("year_to=1850", "The year must be between 1900 and"),
    ],
)
def test_incident_list_says_what_is_wrong_with_the_years(
    documenter_a: Any, query: str, message: str
) -> None:
    page = signed_in(documenter_a).get(reverse("cases:incident_list") + "?" + query)
    assert page.status_code == 200
    body = page.content.decode()
    assert 'id="filter-problems"' in body and message in body


def test_registry_says_what_is_wrong_with_the_year(documenter_a: Any) -> None:
    page = signed_in(documenter_a).get(reverse("missing:registry_list") + "?year=123")
    assert "“123” is not a year" in page.content.decode()


def test_good_years_raise_no_warning(documenter_a: Any) -> None:
    url = reverse("cases:incident_list") + "?year_from=2011&year_to=2014"
    page = signed_in(documenter_a).get(url)
    assert 'id="filter-problems"' not in page.content.decode()
