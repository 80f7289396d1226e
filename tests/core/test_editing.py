"""core.editing.edit_page: the form validates on its own copy of the record, so the record the
view read (and hands its service) stays as stored — the service audits the fields that really
changed — and a refused page never shows the refused values as the record's."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from mizan.core.editing import edit_page
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
