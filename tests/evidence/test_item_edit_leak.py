"""The edit page of an evidence item must not name incidents or case files the editor may not
see, and saving it must not drop those links (found by the leak crawl, issue 11)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse

from mizan.cases import services as cases
from mizan.cases.models import CaseFile
from mizan.evidence.services import item_ingest
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def _incident(title: str, **protection: Any) -> Any:
    return cases.incident_record(
        actor=None,
        incident={"title_en": title, **protection},
        victims=[cases.VictimAct(act_type="arrest", new_person={"first_name_lat": title})],
        perpetrators=[],
        sources=[],
    )


def test_item_edit_page_hides_incidents_out_of_reach_and_keeps_their_links(
    documenter_a: Any, team_a: Any, team_b: Any
) -> None:
    mine = _incident("Team A arrest", sensitivity=2, team=team_a)
    restricted = _incident("Restricted arrest", sensitivity=3)
    other_team = _incident("Team B arrest", sensitivity=1, team=team_b)
    hidden_case = CaseFile.objects.create(reference="CF-HIDDEN", title="Hidden", sensitivity=3)
    item = item_ingest(
        io.BytesIO(b"photo of a cell"),
        filename="cell.jpg.txt",
        actor=None,
        team=team_a,
        case_files=[hidden_case],
    ).item
    item.incidents.add(mine, restricted, other_team)
    client = signed_in(documenter_a)
    url = reverse("evidence:item_edit", args=[item.reference])

    page = client.get(url).content.decode()
    assert mine.reference in page
    assert restricted.reference not in page
    assert other_team.reference not in page
    assert "CF-HIDDEN" not in page

    response = client.post(
        url,
        {"sensitivity": 2, "team": team_a.pk, "title": "Cell", "incident_refs": mine.reference},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Cell"
    # The documenter could not see the other links, so saving the page did not remove them.
    assert set(item.incidents.all()) == {mine, restricted, other_team}
    assert list(item.case_files.all()) == [hidden_case]
