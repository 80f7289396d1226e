"""Person suggestions while a name is typed come through htmx, not hand-written fetch code.

The name fields of the incident form and of a new registry file carry hx-get/hx-trigger; htmx
sends the typed value under the field's own name and says which field in HX-Trigger-Name. The
suggestions answer that request exactly as ``?q=`` (and refuse the same persons).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from mizan.cases import services
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db
STATIC = Path(__file__).resolve().parents[2] / "src" / "mizan" / "static" / "mizan"


def htmx_suggest(client: Any, field: str, typed: str) -> str:
    response = client.get(
        reverse("cases:person_suggest"),
        {field: typed},
        headers={"HX-Request": "true", "HX-Trigger-Name": field},
    )
    assert response.status_code == 200
    return response.content.decode()


def test_a_typed_name_is_answered_by_the_field_name_and_refused_the_same(
    documenter_a: Any, viewer: Any
) -> None:
    services.person_create(
        actor=None, data={"first_name_ar": "غسان", "family_name_ar": "الزعبي", "sensitivity": 2}
    )
    found = htmx_suggest(signed_in(documenter_a), "v-0-name_ar", "غسان")
    assert "الزعبي" in found and "data-choose-person" in found
    assert "الزعبي" not in htmx_suggest(signed_in(viewer), "v-0-name_ar", "غسان")
    assert htmx_suggest(signed_in(documenter_a), "v-0-name_ar", "غ").strip() == ""


@pytest.mark.parametrize(
    ("url_name", "field"),
    [("cases:incident_create", "v-0-name_ar"), ("missing:file_create", "name_ar")],
)
def test_the_name_fields_ask_htmx_for_suggestions(
    administrator: Any, url_name: str, field: str
) -> None:
    page = signed_in(administrator).get(reverse(url_name)).content.decode()
    suggest_url = reverse("cases:person_suggest")
    at = page.index(f'name="{field}"')
    tag = page[page.rindex("<input", 0, at) : page.index(">", at)]
    assert f'hx-get="{suggest_url}"' in tag
    assert 'hx-trigger="input changed delay:200ms"' in tag
    assert "hx-target=" in page


def test_no_hand_written_fetch_for_suggestions_is_left() -> None:
    for script in ("incident-form.js", "missing-file.js"):
        assert "fetch(" not in (STATIC / script).read_text(encoding="utf-8"), script
