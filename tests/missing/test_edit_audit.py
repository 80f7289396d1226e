"""Editing a missing person's file, or a relative's contact details, through the page audits the
fields it changed (see tests/cases/test_edit_audit.py for why the page is driven)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from mizan.missing.models import MissingPerson
from tests.conftest import signed_in
from tests.posting import edit_through_page, last_update

pytestmark = pytest.mark.django_db


def test_editing_a_file_audits_the_changed_field(missing_file: MissingPerson, officer: Any) -> None:
    edit_through_page(
        signed_in(officer),
        reverse("missing:file_edit", args=[missing_file.pk]),
        circumstances="Taken from his home at night.",
    )
    missing_file.refresh_from_db()
    assert missing_file.circumstances == "Taken from his home at night."
    assert last_update(missing_file).fields == ["circumstances"]


def test_editing_a_relatives_contact_audits_the_changed_field(
    missing_file: MissingPerson, officer: Any
) -> None:
    relative = missing_file.relatives.get()
    edit_through_page(
        signed_in(officer),
        reverse("missing:relative_edit", args=[missing_file.pk, relative.pk]),
        phone="+90 500 000 0000",
    )
    relative.refresh_from_db()
    assert relative.phone == "+90 500 000 0000"
    assert last_update(relative).fields == ["phone"]
