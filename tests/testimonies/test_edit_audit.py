"""Editing a testimony through its page audits the fields it changed (see
tests/cases/test_edit_audit.py for why the page, not the service, is driven)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import signed_in
from tests.posting import edit_through_page, last_update

pytestmark = pytest.mark.django_db


def test_editing_a_testimony_audits_the_changed_field(testimony: Any, documenter_a: Any) -> None:
    edit_through_page(
        signed_in(documenter_a),
        reverse("testimonies:edit", kwargs={"pk": testimony.pk}),
        summary="Arrested at a checkpoint, held for a month.",
    )
    testimony.refresh_from_db()
    assert testimony.summary == "Arrested at a checkpoint, held for a month."
    assert last_update(testimony).fields == ["summary"]
