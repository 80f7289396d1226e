"""Bad input gets a clear, translated message and changes nothing."""

from __future__ import annotations

import logging

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from mizan.core.errors import server_error
from mizan.core.models import AuditEntry, Site
from mizan.core.sensitivity import Sensitivity
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def site_form(sites, **overrides):  # type: ignore[no-untyped-def]
    data = {
        "name_ar": "فرع تجريبي",
        "name_en": "Trial branch",
        "site_type": sites["public"].site_type_id,
        "place": sites["public"].place_id,
        "sensitivity": Sensitivity.INTERNAL,
    }
    data.update(overrides)
    return data


def test_bidi_override_in_a_name_is_refused(documenter_a, sites) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(documenter_a)
    before = AuditEntry.objects.count()
    response = client.post(
        reverse("core:site_create"), site_form(sites, name_en="Trial\u202ebranch")
    )
    assert response.status_code == 200
    assert "direction-control" in response.content.decode()
    assert not Site.objects.filter(name_ar="فرع تجريبي").exists()
    assert AuditEntry.objects.count() == before


def test_bidi_message_in_arabic(documenter_a, sites) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(documenter_a, language="ar")
    response = client.post(reverse("core:site_create"), site_form(sites, name_ar="فرع\u202eتجريبي"))
    assert "اتجاه" in response.content.decode()


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [("2013", "2", "30"), ("2999", "", ""), ("abc", "", ""), ("2013", "", "5")],
)
def test_malformed_partial_date_is_refused(documenter_a, sites, year, month, day) -> None:  # type: ignore[no-untyped-def]
    response = signed_in(documenter_a).post(
        reverse("core:site_create"),
        site_form(sites, in_use_from_0=year, in_use_from_1=month, in_use_from_2=day),
    )
    assert response.status_code == 200
    assert response.context["form"].errors.get("in_use_from")
    assert not Site.objects.filter(name_en="Trial branch").exists()


def test_contradictory_dates_are_refused(documenter_a, sites) -> None:  # type: ignore[no-untyped-def]
    response = signed_in(documenter_a).post(
        reverse("core:site_create"), site_form(sites, in_use_from_0="2015", in_use_until_0="2012")
    )
    assert "before its start" in response.content.decode()
    assert not Site.objects.filter(name_en="Trial branch").exists()


def test_valid_site_is_saved_with_its_partial_dates(documenter_a, sites) -> None:  # type: ignore[no-untyped-def]
    response = signed_in(documenter_a).post(
        reverse("core:site_create"),
        site_form(sites, in_use_from_0="2012", in_use_from_1="8", in_use_from_3="on"),
    )
    assert response.status_code == 302
    site = Site.objects.get(name_en="Trial branch")
    assert site.in_use_from.to_storage() == "2012-08~"
    assert AuditEntry.objects.filter(action="create", object_id=str(site.pk)).exists()


def test_oversized_request_gets_a_clear_message(documenter_a, sites) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(documenter_a)
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000):
        response = client.post(
            reverse("core:site_create"), site_form(sites, description_en="x" * 5000)
        )
    assert response.status_code == 400
    assert "too large" in response.content.decode()
    assert not Site.objects.filter(name_en="Trial branch").exists()


def test_server_error_page_shows_no_trace(rf) -> None:  # type: ignore[no-untyped-def]
    request = rf.get("/")
    with translation.override("ar"):
        response = server_error(request)
    body = response.content.decode()
    assert response.status_code == 500
    assert "Traceback" not in body
    assert 'dir="rtl"' in body


def test_unknown_page_is_a_translated_404() -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE="ar").get("/no-such-page/")
    assert response.status_code == 404
    assert "لا توجد" in response.content.decode()


def test_logs_hold_identifiers_not_names(documenter_a, sites, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    client = signed_in(documenter_a)
    client.post(reverse("core:site_create"), site_form(sites, name_en="Secret Witness Place"))
    client.post(reverse("core:site_create"), site_form(sites, name_en="Bad\u202ename"))
    assert "Secret Witness Place" not in caplog.text
    assert "فرع تجريبي" not in caplog.text
