"""The signed-in start page: a card for every module the user may use, with what waits for them."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import signed_in

pytestmark = pytest.mark.django_db

CARDS = ("card-library", "card-evidence", "card-missing", "card-testimonies")


def test_every_module_the_viewer_may_read_has_its_card(viewer: Any) -> None:
    page = signed_in(viewer).get(reverse("core:home")).content.decode()
    for card in CARDS:
        assert f'id="{card}"' in page, card
    # Deciding pairs and handing over are not the viewer's: nothing about them is offered.
    assert reverse("missing:review_queue") not in page
    assert reverse("evidence:handover_list") not in page


def test_officer_sees_the_pairs_waiting_for_review(make_user: Any) -> None:
    officer = make_user("mona_officer", "missing_persons_officer")
    page = signed_in(officer).get(reverse("core:home")).content.decode()
    assert "Pairs of records waiting for review" in page
    assert reverse("missing:review_queue") in page


def test_a_user_without_a_role_gets_no_module_card(make_user: Any) -> None:
    nobody = make_user("nadia_nobody", "viewer")
    nobody.groups.clear()
    page = signed_in(nobody).get(reverse("core:home")).content.decode()
    for card in CARDS:
        assert f'id="{card}"' not in page, card
