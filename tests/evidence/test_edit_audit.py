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


def test_saving_an_item_unchanged_writes_nothing(documenter_a: Any, team_a: Any) -> None:
    item = item_ingest(
        io.BytesIO(b"photo of a door"), filename="door.jpg.txt", actor=None, team=team_a
    ).item
    client = signed_in(documenter_a)
    response = edit_through_page(client, reverse("evidence:item_edit", args=[item.reference]))
    page = client.get(response.url).content.decode()
    assert "Nothing was changed." in page
    assert last_update(item) is None
    assert not item.custody_events.filter(action="annotate").exists()
