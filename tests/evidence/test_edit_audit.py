"""Editing what is said about an evidence item through its page audits the fields it changed and
writes them in the item's custody history (an ``annotate`` event); see
tests/cases/test_edit_audit.py for why the page, not the service, is driven."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse

from mizan.evidence.services import item_ingest
from tests.conftest import signed_in
from tests.posting import edit_through_page, last_update

pytestmark = pytest.mark.django_db


def test_editing_an_item_audits_the_field_and_annotates_its_custody(
    documenter_a: Any, team_a: Any
) -> None:
    item = item_ingest(
        io.BytesIO(b"photo of a cell"), filename="cell.jpg.txt", actor=None, team=team_a
    ).item
    edit_through_page(
        signed_in(documenter_a),
        reverse("evidence:item_edit", args=[item.reference]),
        title="Cell, east wing",
    )
    item.refresh_from_db()
    assert item.title == "Cell, east wing"
    assert last_update(item).fields == ["title"]
    event = item.custody_events.get(action="annotate")
    assert event.details["fields"] == ["title"]
