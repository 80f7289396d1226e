"""Opening a confidential or restricted record writes one ``view`` audit entry — on every page.

The rule lives in one helper (``mizan.core.mixins.audit_view_if_sensitive``); each detail page
of a sensitive record calls it. The evidence item page did not, so opening an item (most items
are confidential) left no trace in the audit log.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import RequestFactory
from django.urls import reverse

from mizan.core.audit import Action
from mizan.core.mixins import audit_view_if_sensitive
from mizan.core.models import AuditEntry
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.services import item_ingest
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def views_of(user: Any) -> list[tuple[str, str]]:
    return list(
        AuditEntry.objects.filter(action=Action.VIEW, actor_id=user.pk)
        .order_by("seq")
        .values_list("object_type", "object_id")
    )


def test_the_helper_records_confidential_and_restricted_views_only(
    documenter_a: Any, sites: dict[str, Any]
) -> None:
    request = RequestFactory().get("/")
    request.user = documenter_a
    for level in ("public", "internal", "confidential", "restricted"):
        audit_view_if_sensitive(request, sites[level])
    assert views_of(documenter_a) == [
        ("core.site", str(sites["confidential"].pk)),
        ("core.site", str(sites["restricted"].pk)),
    ]


def test_opening_a_confidential_evidence_item_is_recorded(documenter_a: Any, team_a: Any) -> None:
    def ingest(content: bytes, sensitivity: int) -> Any:
        return item_ingest(
            io.BytesIO(content),
            filename="note.txt",
            actor="tester",
            sensitivity=sensitivity,
            team=team_a,
        ).item

    confidential = ingest(b"a witness statement", Sensitivity.CONFIDENTIAL)
    internal = ingest(b"a public leaflet", Sensitivity.INTERNAL)
    client = signed_in(documenter_a)
    for item in (internal, confidential):
        page = client.get(reverse("evidence:item_detail", args=[item.reference]))
        assert page.status_code == 200
    assert views_of(documenter_a) == [("evidence.item", str(confidential.pk))]
