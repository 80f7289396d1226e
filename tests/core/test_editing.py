"""core.editing: edit_page validates the form on its own copy of the record, so the record the
view read (and hands its service) stays as stored — the service audits the fields that really
changed — and a refused page never shows the refused values as the record's. create_page hands
the cleaned data to its service and names the record it returns in the message and the page it
goes to."""

from __future__ import annotations

import types
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from mizan.core.editing import create_page, edit_page
from mizan.core.forms import SiteForm
from tests.posting import posted_back

pytestmark = pytest.mark.django_db


def _post(user: Any, data: dict[str, Any]) -> Any:
    request = RequestFactory().post("/", data)
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    return request


def test_the_service_gets_the_record_as_stored(administrator: Any, sites: Any) -> None:
    site = sites["team_a"]
    stored_name = site.name_en
    data = posted_back(SiteForm(instance=site, actor=administrator), name_en="Renamed grave")
    seen: dict[str, Any] = {}

    def save(changes: dict[str, Any]) -> None:
        seen.update(changes=changes, name_then=site.name_en)

    request = _post(administrator, data)
    response = edit_page(
        request,
        SiteForm(request.POST, instance=site, actor=administrator),
        save=save,
        success_url="/done/",
        template="core/site_form.html",
        context={"site": site},
    )
    assert response.status_code == 302
    assert seen == {"changes": {"name_en": "Renamed grave"}, "name_then": stored_name}


def test_a_refused_form_leaves_the_record_as_stored(administrator: Any, sites: Any) -> None:
    site = sites["team_a"]
    stored_name = site.name_en
    data = posted_back(
        SiteForm(instance=site, actor=administrator), name_en="Renamed grave", latitude="95"
    )
    request = _post(administrator, data)
    response = edit_page(
        request,
        SiteForm(request.POST, instance=site, actor=administrator),
        save=lambda changes: pytest.fail("an invalid form reached the service"),
        success_url="/done/",
        template="core/site_form.html",
        context={"site": site},
    )
    assert response.status_code == 200
    assert site.name_en == stored_name


# --- create_page ---------------------------------------------------------------------------------


def _site_data(administrator: Any, sites: Any, **changes: str) -> dict[str, Any]:
    return posted_back(SiteForm(instance=sites["team_a"], actor=administrator), **changes)


def test_a_created_record_names_the_message_and_the_page(administrator: Any, sites: Any) -> None:
    request = _post(administrator, _site_data(administrator, sites, name_en="A new site"))
    received: dict[str, Any] = {}

    def save(data: dict[str, Any]) -> Any:
        received.update(data)
        return types.SimpleNamespace(pk=41, reference="S-41")

    response = create_page(
        request,
        SiteForm(request.POST, actor=administrator),
        save=save,
        success_url=lambda created: f"/sites/{created.pk}/",
        template="core/site_form.html",
        context={"site": None},
        saved_message=lambda created: f"Recorded as {created.reference}.",
    )
    assert response.status_code == 302
    assert response["Location"] == "/sites/41/"
    assert received["name_en"] == "A new site"
    assert [str(m) for m in get_messages(request)] == ["Recorded as S-41."]


def test_a_refusal_from_the_service_stays_on_the_form(administrator: Any, sites: Any) -> None:
    request = _post(administrator, _site_data(administrator, sites, name_en="A new site"))

    def refuse(data: dict[str, Any]) -> Any:
        raise ValidationError(["The first reason.", "The second reason."])

    response = create_page(
        request,
        SiteForm(request.POST, actor=administrator),
        save=refuse,
        success_url="/done/",
        template="core/site_form.html",
        context={"site": None},
        saved_message="Never shown.",
    )
    assert response.status_code == 200
    assert "The first reason. The second reason." in response.content.decode()
    assert list(get_messages(request)) == []


def test_a_refusal_after_a_first_write_rolls_the_first_back(administrator: Any, sites: Any) -> None:
    """A create page that records two things (a testimony's interviewee, then the testimony)
    leaves nothing behind when the second is refused."""
    from mizan.core.models import Site
    from mizan.core.services import site_create

    request = _post(administrator, _site_data(administrator, sites, name_en="A new site"))
    before = Site.objects.count()

    def first_then_refuse(data: dict[str, Any]) -> Any:
        site_create(actor=administrator, data=data)
        raise ValidationError("The second record was refused.")

    response = create_page(
        request,
        SiteForm(request.POST, actor=administrator),
        save=first_then_refuse,
        success_url="/done/",
        template="core/site_form.html",
        context={"site": None},
        saved_message="Never shown.",
    )
    assert response.status_code == 200
    assert "The second record was refused." in response.content.decode()
    assert Site.objects.count() == before


def test_an_invalid_form_never_reaches_the_service(administrator: Any, sites: Any) -> None:
    request = _post(administrator, _site_data(administrator, sites, latitude="95"))
    response = create_page(
        request,
        SiteForm(request.POST, actor=administrator),
        save=lambda data: pytest.fail("an invalid form reached the service"),
        success_url="/done/",
        template="core/site_form.html",
        context={"site": None},
        saved_message="Never shown.",
    )
    assert response.status_code == 200
