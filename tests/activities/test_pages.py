"""The activities pages: forms refuse bad input with a message and write nothing; the public
list shows only published public activities; publishing needs a public activity."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from mizan.activities import services
from mizan.activities.models import Activity
from mizan.core.sensitivity import Sensitivity
from tests.activities.conftest import make_activity, term
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_a_documenter_records_an_activity_and_counts_its_audience(
    documenter_a: Any, project: Any
) -> None:
    client = signed_in(documenter_a)
    response = client.post(
        "/activities/staff/new/",
        {
            "activity_type": term("activity_type", "lecture").pk,
            "title_ar": "محاضرة",
            "start_date_0": "2025",
            "start_date_1": "4",
            "start_date_2": "3",
            "projects": [project.pk],
            "sensitivity": Sensitivity.INTERNAL,
        },
    )
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/activities/staff/{activity.pk}/"
    families = term("participant_group", "families_missing")
    response = client.post(
        f"/activities/staff/{activity.pk}/counts/",
        {"women": 50, "men": 30, "girls": 0, "boys": 0, f"participant_group_{families.code}": 90},
    )
    assert response.status_code == 200
    assert "adds up to 90 participants, more than the 80" in response.content.decode()
    activity.refresh_from_db()
    assert activity.total == 0
    client.post(
        f"/activities/staff/{activity.pk}/counts/",
        {"women": 50, "men": 30, "girls": 0, "boys": 0, f"participant_group_{families.code}": 60},
    )
    activity.refresh_from_db()
    assert (activity.total, activity.women_share()) == (80, 62.5)


def test_the_form_refuses_an_end_before_the_start(documenter_a: Any) -> None:
    response = signed_in(documenter_a).post(
        "/activities/staff/new/",
        {
            "activity_type": term("activity_type", "lecture").pk,
            "title_en": "Lecture",
            "start_date_0": "2025",
            "start_date_1": "4",
            "end_date_0": "2025",
            "end_date_1": "2",
            "sensitivity": Sensitivity.INTERNAL,
        },
    )
    assert "The activity ends before it starts." in response.content.decode()
    assert not Activity.objects.exists()


def test_the_public_list_shows_only_published_public_activities(project: Any) -> None:
    shown = make_activity(project, title_en="Open lecture", sensitivity=Sensitivity.PUBLIC)
    services.activity_publish(actor=None, activity=shown)
    make_activity(project, title_en="Public but unpublished", sensitivity=Sensitivity.PUBLIC)
    hidden = make_activity(project, title_en="Internal meeting", sensitivity=Sensitivity.INTERNAL)
    with pytest.raises(ValidationError, match="Only a public activity"):
        services.activity_publish(actor=None, activity=hidden)
    body = signed_in(None).get("/activities/").content.decode()
    assert "Open lecture" in body
    assert "Public but unpublished" not in body
    assert "Internal meeting" not in body
    assert "1 activity, by year and type." in body

    services.activity_unpublish(actor=None, activity=shown)
    assert "Open lecture" not in signed_in(None).get("/activities/").content.decode()


def test_a_published_activity_cannot_be_made_sensitive_without_unpublishing(project: Any) -> None:
    activity = make_activity(project, sensitivity=Sensitivity.PUBLIC)
    services.activity_publish(actor=None, activity=activity)
    with pytest.raises(ValidationError, match="must stay public"):
        services.activity_update(
            actor=None, activity=activity, data={"sensitivity": Sensitivity.CONFIDENTIAL}
        )
    activity.refresh_from_db()
    assert activity.sensitivity == Sensitivity.PUBLIC


def test_a_confidential_activity_is_out_of_reach_of_other_teams(
    project: Any, team_a: Any, documenter_a: Any, documenter_b: Any
) -> None:
    activity = make_activity(
        project, sensitivity=Sensitivity.CONFIDENTIAL, team=team_a, title_en="Families meeting"
    )
    assert signed_in(documenter_b).get(f"/activities/staff/{activity.pk}/").status_code == 404
    assert (
        "Families meeting" not in signed_in(documenter_b).get("/activities/staff/").content.decode()
    )
    assert signed_in(documenter_a).get(f"/activities/staff/{activity.pk}/").status_code == 200


def test_editing_an_activity_is_audited_with_the_fields_changed(
    documenter_a: Any, project: Any
) -> None:
    from mizan.core.models import AuditEntry

    activity = make_activity(project)
    response = signed_in(documenter_a).post(
        f"/activities/staff/{activity.pk}/edit/",
        {
            "activity_type": activity.activity_type_id,
            "title_ar": "ورشة عمل معدّلة",
            "title_en": "Workshop",
            "start_date_0": "2025",
            "start_date_1": "3",
            "start_date_2": "10",
            "place": activity.place_id,
            "projects": [project.pk],
            "sensitivity": Sensitivity.INTERNAL,
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title_ar == "ورشة عمل معدّلة"
    entry = AuditEntry.objects.filter(object_type="activities.activity").order_by("-seq").first()
    assert entry is not None and entry.action == "update"
    assert entry.fields == ["title_ar"]


def test_only_administrators_publish(administrator: Any, documenter_a: Any, project: Any) -> None:
    activity = make_activity(project, sensitivity=Sensitivity.PUBLIC)
    url = f"/activities/staff/{activity.pk}/publish/"
    assert signed_in(documenter_a).post(url).status_code == 403
    activity.refresh_from_db()
    assert not activity.published
    assert signed_in(administrator).post(url).status_code == 302
    activity.refresh_from_db()
    assert activity.published
    signed_in(administrator).post(url, {"publish": "0"})
    activity.refresh_from_db()
    assert not activity.published


def test_linked_records_are_shown_by_their_own_level(
    project: Any, viewer: Any, documenter_a: Any
) -> None:
    """A confidential partner is not named on the public list; a confidential library report
    linked as an output is not named to a viewer of the activity."""
    from mizan.activities.models import Output
    from mizan.cases import services as cases_services
    from tests.factories import DocumentFactory

    hidden = cases_services.organisation_create(
        actor=None,
        data={"name_en": "Quiet partner", "sensitivity": Sensitivity.CONFIDENTIAL},
    )
    open_partner = cases_services.organisation_create(
        actor=None, data={"name_en": "Open partner", "sensitivity": Sensitivity.PUBLIC}
    )
    activity = make_activity(
        project, sensitivity=Sensitivity.PUBLIC, partners=[hidden, open_partner]
    )
    services.activity_publish(actor=None, activity=activity)
    body = signed_in(None).get("/activities/").content.decode()
    assert "Open partner" in body and "Quiet partner" not in body

    report = DocumentFactory(title_en="Confidential findings", sensitivity=Sensitivity.CONFIDENTIAL)
    services.output_add(
        actor=None,
        activity=activity,
        data={"kind": Output.Kind.REPORT, "title": "Report", "document": report},
    )
    url = f"/activities/staff/{activity.pk}/"
    assert "Confidential findings" not in signed_in(viewer).get(url).content.decode()
    assert "Confidential findings" in signed_in(documenter_a).get(url).content.decode()


def test_a_sheet_or_a_photo_is_stored_before_any_transaction(
    documenter_a: Any, project: Any, store_puts: list[int]
) -> None:
    """On SQLite a transaction holds the database's one write lock: an attendance sheet or a
    photo stored inside one would stop every other writer for the whole upload. The locker
    stores the file first; the activity's own writes follow in their transaction."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from mizan.activities.models import Output

    activity = make_activity(project)
    client = signed_in(documenter_a)
    response = client.post(
        f"/activities/staff/{activity.pk}/sheet/",
        {"file": SimpleUploadedFile("sheet.txt", b"a synthetic attendance sheet")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(
        f"/activities/staff/{activity.pk}/outputs/new/",
        {
            "kind": Output.Kind.PHOTO,
            "title": "Workshop room",
            "file": SimpleUploadedFile("room.txt", b"a synthetic photo of an empty room"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    activity.refresh_from_db()
    assert activity.attendance_sheet is not None
    assert activity.outputs.get().item is not None
    assert store_puts == [0, 0]


def test_a_refused_output_stores_no_file(
    documenter_a: Any, project: Any, store_puts: list[int]
) -> None:
    """An output the model refuses (a title too long for it) is refused before its photo is
    stored: nothing is left in the locker linked to nothing."""
    from mizan.activities.models import Output
    from mizan.evidence.models import Item

    activity = make_activity(project)
    items = Item.objects.count()
    with pytest.raises(ValidationError):
        services.output_add(
            actor=documenter_a,
            activity=activity,
            data={"kind": Output.Kind.PHOTO, "title": "x" * 5000},
            stream=io.BytesIO(b"a synthetic photo of a hall"),
            filename="hall.jpg",
        )
    assert Item.objects.count() == items
    assert store_puts == []  # not even stored and rolled back: the file would stay in the store
    assert not activity.outputs.exists()
