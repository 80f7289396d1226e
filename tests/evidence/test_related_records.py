"""Evidence items' related records by their own clearance (issue 11, blocker 2): the original
of a working copy, the incidents an item is linked to."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from mizan.cases import services as cases_services
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.models import Item
from mizan.evidence.services import item_ingest
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_a_working_copy_does_not_name_an_original_out_of_reach(  # type: ignore[no-untyped-def]
    documenter_a, team_a, team_b
) -> None:
    original = item_ingest(
        io.BytesIO(b"restricted original"),
        filename="original.txt",
        actor="tester",
        sensitivity=Sensitivity.RESTRICTED,
        team=team_b,
    ).item
    copy = item_ingest(
        io.BytesIO(b"redacted copy"),
        filename="copy.txt",
        actor="tester",
        sensitivity=Sensitivity.INTERNAL,
        team=team_a,
        derived_from=original,
        derivation="redacted",
    ).item
    # A redacted copy is made to be shared more widely than its original (its level lowered
    # on review): the original's reference must not come with it.
    Item.objects.filter(pk=copy.pk).update(sensitivity=Sensitivity.INTERNAL, team=team_a)
    client = signed_in(documenter_a)
    for url in (
        reverse("evidence:item_detail", args=[copy.reference]),
        reverse("evidence:item_list") + "?kind=derived",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert copy.reference in response.content.decode()
        assert original.reference not in response.content.decode(), url


def test_the_edit_form_keeps_but_does_not_show_an_incident_out_of_reach(  # type: ignore[no-untyped-def]
    documenter_a, team_a, team_b
) -> None:
    hidden = cases_services.incident_record(
        actor=None,
        incident={"title_en": "Hidden", "sensitivity": Sensitivity.RESTRICTED, "team": team_b},
        victims=[cases_services.VictimAct(act_type="torture", new_person={"first_name_ar": "س"})],
        perpetrators=[],
        sources=[],
    )
    item = item_ingest(
        io.BytesIO(b"shared item"), filename="a.txt", actor="tester", team=team_a
    ).item
    item.incidents.add(hidden)
    client = signed_in(documenter_a)
    url = reverse("evidence:item_edit", args=[item.reference])
    page = client.get(url)
    assert page.status_code == 200
    assert hidden.reference not in page.content.decode()
    response = client.post(url, {"sensitivity": 2, "team": team_a.pk, "title": "Photo"})
    assert response.status_code == 302
    # Saving what the user sees does not unlink what the user may not see.
    assert list(item.incidents.all()) == [hidden]
