"""The registry's related records by their own clearance (issue 11, blocker 2).

A list record linked to a person *is* that person's data (name, national ID, mother's name):
it is shown only to who may see the person, the person's name and the person's file. Relatives
out of reach are left out of a file's page. Written from the refused side, with canaries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from mizan.cases import services as cases_services
from mizan.core.models import Term
from mizan.core.sensitivity import Sensitivity
from mizan.missing import services
from mizan.missing.models import MissingPerson, SourceList, SourceRecord
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db

NAME = "نادركناري"
NATIONAL_ID = "88771122"
MOTHER = "أمكنارية"


def _list_with_one_record(officer: Any, tmp_path: Path) -> SourceRecord:
    path = tmp_path / "l.csv"
    path.write_text(
        f"record_id,full_name,national_id,mother_name\nR-1,{NAME} السعدي,{NATIONAL_ID},{MOTHER}\n",
        encoding="utf-8",
    )
    source = services.source_list_create(
        actor=officer,
        data={
            "name": "Open list",
            "origin": SourceList.Origin.FAMILIES,
            "sensitivity": Sensitivity.INTERNAL,
        },
    )
    services.source_list_import(actor=officer, source_list=source, path=path)
    return source.records.get()


def _pages(record: SourceRecord) -> list[str]:
    return [
        reverse("missing:list_detail", args=[record.source_list_id]),
        reverse("missing:record_detail", args=[record.source_list_id, record.pk]),
    ]


def _assert_hidden(client: Any, record: SourceRecord) -> None:
    list_page, record_page = _pages(record)
    body = client.get(list_page).content.decode()
    for canary in (NAME, NATIONAL_ID, MOTHER, f"persons/{record.person_id}/"):
        assert canary not in body, canary
    assert client.get(record_page).status_code == 404


def test_a_record_of_a_person_whose_file_is_confidential(  # type: ignore[no-untyped-def]
    officer, viewer, tmp_path
) -> None:
    record = _list_with_one_record(officer, tmp_path)
    file = services.missing_person_create(
        actor=officer,
        data={"sensitivity": Sensitivity.INTERNAL},
        person_data={"first_name_ar": NAME, "national_id": NATIONAL_ID},
    )
    MissingPerson.objects.filter(pk=file.pk).update(sensitivity=Sensitivity.CONFIDENTIAL)
    SourceRecord.objects.filter(pk=record.pk).update(person=file.person)
    record.refresh_from_db()
    _assert_hidden(signed_in(viewer), record)
    # Who may see the file sees the record.
    body = signed_in(officer).get(_pages(record)[1]).content.decode()
    assert NATIONAL_ID in body


def test_a_record_of_a_person_of_another_team(officer, documenter_b, team_b, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The officer (confidential, registry team) and a restricted person of team B."""
    record = _list_with_one_record(officer, tmp_path)
    person = cases_services.person_create(
        actor=None,
        data={"first_name_ar": NAME, "sensitivity": Sensitivity.RESTRICTED, "team": team_b},
    )
    SourceRecord.objects.filter(pk=record.pk).update(person=person)
    record.refresh_from_db()
    _assert_hidden(signed_in(officer), record)


def test_a_record_of_a_protected_identity(officer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The person's record is visible but the name is not: the record would give the name."""
    record = _list_with_one_record(officer, tmp_path)
    person = cases_services.person_create(
        actor=None,
        data={
            "first_name_ar": NAME,
            "sensitivity": Sensitivity.INTERNAL,
            "identity_sensitivity": Sensitivity.RESTRICTED,
            "pseudonym": "P-5",
        },
    )
    SourceRecord.objects.filter(pk=record.pk).update(person=person)
    record.refresh_from_db()
    _assert_hidden(signed_in(officer), record)


def test_a_relative_out_of_reach_leaves_no_trace(missing_file, officer, viewer) -> None:  # type: ignore[no-untyped-def]
    relative = missing_file.relatives.get()
    cases_services.person_update(
        actor=officer,
        person=relative.person,
        data={"sensitivity": Sensitivity.CONFIDENTIAL, "pseudonym": "Relcanary"},
    )
    services.family_report_add(
        actor=officer,
        missing_person=missing_file,
        data={
            "reported_by": relative,
            "consent_scopes": Term.objects.filter(vocabulary="consent_scope", code="internal_use"),
        },
    )
    client = signed_in(viewer)
    body = client.get(reverse("missing:file_detail", args=[missing_file.pk])).content.decode()
    for canary in ("فاطمة", "Relcanary", "may not see", "+963 944 000 111"):
        assert canary not in body, canary


def test_a_grave_document_does_not_name_an_evidence_item_out_of_reach(officer, viewer) -> None:  # type: ignore[no-untyped-def]
    import io

    from mizan.evidence.services import item_ingest
    from tests.conftest import make_site

    grave = make_site("Grave (test)", "مقبرة", Sensitivity.INTERNAL, site_type="mass_grave")
    item = item_ingest(
        io.BytesIO(b"register scan"),
        filename="r.pdf",
        actor=None,
        sensitivity=Sensitivity.CONFIDENTIAL,
    ).item
    services.grave_document_create(
        actor=officer,
        data={
            "site": grave,
            "title": "Burial register",
            "sensitivity": Sensitivity.INTERNAL,
            "evidence_item": item,
            "evidence_reference": item.reference,
        },
    )
    html = signed_in(viewer).get(reverse("missing:grave_list")).content.decode()
    assert "Burial register" in html
    assert item.reference not in html
    assert item.reference in signed_in(officer).get(reverse("missing:grave_list")).content.decode()


def test_the_review_queue_leaves_out_a_pair_with_a_record_of_a_hidden_person(  # type: ignore[no-untyped-def]
    officer, team_b, tmp_path
) -> None:
    from mizan.missing.models import CandidatePair

    path = tmp_path / "l.csv"
    path.write_text(
        f"record_id,full_name,national_id\nR-1,{NAME},{NATIONAL_ID}\nR-2,{NAME} س,1\n",
        encoding="utf-8",
    )
    source = services.source_list_create(
        actor=officer, data={"name": "Open list", "origin": SourceList.Origin.FAMILIES}
    )
    services.source_list_import(actor=officer, source_list=source, path=path)
    first, second = source.records.order_by("pk")
    pair = CandidatePair.objects.create(
        record_a=first, record_b=second, probability=0.9, match_weight=5.0
    )
    client = signed_in(officer)
    assert NAME in client.get(reverse("missing:review_queue")).content.decode()
    hidden = cases_services.person_create(
        actor=None,
        data={"first_name_ar": NAME, "sensitivity": Sensitivity.RESTRICTED, "team": team_b},
    )
    SourceRecord.objects.filter(pk=first.pk).update(person=hidden)
    body = client.get(reverse("missing:review_queue")).content.decode()
    assert NAME not in body and NATIONAL_ID not in body
    assert client.get(reverse("missing:review_pair", args=[pair.pk])).status_code == 404
