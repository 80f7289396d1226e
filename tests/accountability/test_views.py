"""The pages: recording a handover package as a submission, recording the recipient's answer
with its reference and correspondence, the refused side (another case team, no permission),
bad input answered with a translated message and nothing written, the dashboard's reminders."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from mizan.accountability import services
from mizan.accountability.models import Submission
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.models import Handover
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def handover(recipient: Any, case_file_a: Any, item_a: Any) -> Handover:
    handover = Handover.objects.create(
        reference="HO-SYN-0001",
        recipient=recipient,
        case_file=case_file_a,
        created_by="system",
        package_path="/nonexistent",
        package_sha256="0" * 64,
    )
    handover.items.set([item_a])
    return handover


def _team_a_submission(recipient: Any, team_a: Any, case_file_a: Any) -> Submission:
    return services.submission_create(
        actor=None,
        data={
            "title": "Team A",
            "recipient": recipient,
            "sensitivity": Sensitivity.CONFIDENTIAL,
            "team": team_a,
        },
        case_files=[case_file_a],
        status=Submission.Status.SENT,
        status_on=TODAY - datetime.timedelta(days=100),
    )


def test_handover_list_offers_to_record_the_package(legal_a: Any, handover: Any) -> None:
    page = signed_in(legal_a).get(reverse("evidence:handover_list"))
    assert (
        f"{reverse('accountability:submission_new')}?handover=HO-SYN-0001" in page.content.decode()
    )


def test_record_a_handover_as_a_submission(legal_a: Any, handover: Any, recipient: Any) -> None:
    client = signed_in(legal_a)
    url = f"{reverse('accountability:submission_new')}?handover=HO-SYN-0001"
    form = client.get(url)
    assert form.status_code == 200 and "HO-SYN-0001" in form.content.decode()
    response = client.post(
        url,
        {
            "title": "Package HO-SYN-0001",
            "recipient": recipient.pk,
            "channel": "secure_transfer",
            "sensitivity": Sensitivity.CONFIDENTIAL,
            "sent": "on",
            "status_on": TODAY.isoformat(),
            "source": "transfer receipt",
        },
    )
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert list(submission.handovers.all()) == [handover]
    assert submission.case_files.get() == handover.case_file  # the package's case file follows
    assert submission.status == "sent" and submission.sent_on == TODAY
    again = client.get(url).content.decode()  # offered again, saying where it is recorded
    assert "already-recorded" in again and submission.reference in again


def test_an_outsider_may_not_record_another_teams_package(legal_b: Any, handover: Any) -> None:
    response = signed_in(legal_b).get(
        f"{reverse('accountability:submission_new')}?handover=HO-SYN-0001"
    )
    assert response.status_code == 302 and not Submission.objects.exists()


def test_an_outsider_gets_404_and_no_reminder(
    legal_b: Any, recipient: Any, team_a: Any, case_file_a: Any
) -> None:
    submission = _team_a_submission(recipient, team_a, case_file_a)
    client = signed_in(legal_b)
    for name in ("submission_detail", "submission_edit"):
        assert (
            client.get(reverse(f"accountability:{name}", args=[submission.pk])).status_code == 404
        )
    response = client.post(
        reverse("accountability:status_add", args=[submission.pk]),
        {"status": "closed", "on": TODAY.isoformat()},
    )
    assert response.status_code == 404
    submission.refresh_from_db()
    assert submission.status == "sent"
    assert (
        client.get(reverse("accountability:case_file_timeline", args=[case_file_a.pk])).status_code
        == 404
    )
    assert submission.reference not in client.get(reverse("core:home")).content.decode()
    assert (
        submission.reference
        not in client.get(reverse("accountability:submission_list")).content.decode()
    )
    overview = client.get(reverse("accountability:overview_csv")).content.decode()
    assert recipient.name not in overview


def test_documenters_and_viewers_are_refused(documenter_a: Any, viewer: Any) -> None:
    for user in (documenter_a, viewer):
        client = signed_in(user)
        assert client.get(reverse("accountability:submission_list")).status_code == 403
        assert client.get(reverse("accountability:proceeding_new")).status_code == 403
        assert "accountability-card" not in client.get(reverse("core:home")).content.decode()


def test_acknowledgement_with_reference_and_letter(
    legal_a: Any, recipient: Any, team_a: Any, case_file_a: Any
) -> None:
    submission = _team_a_submission(recipient, team_a, case_file_a)
    client = signed_in(legal_a)
    letter = io.BytesIO(b"%PDF-1.4 synthetic acknowledgement")
    letter.name = "acknowledgement.pdf"
    response = client.post(
        reverse("accountability:status_add", args=[submission.pk]),
        {
            "status": "acknowledged",
            "on": TODAY.isoformat(),
            "recipient_reference": "OTP-CR-99/26",
            "source": "letter",
            "reason": "",
            "correspondence": letter,
        },
        follow=True,
    )
    assert "The status was recorded." in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == "acknowledged"
    assert submission.recipient_reference == "OTP-CR-99/26"
    change = submission.history.last()
    assert change.correspondence is not None
    assert change.correspondence.team == team_a


def test_a_status_going_back_is_refused_in_arabic_and_nothing_is_stored(
    legal_a: Any, recipient: Any, team_a: Any, case_file_a: Any
) -> None:
    from mizan.evidence.models import Item

    submission = _team_a_submission(recipient, team_a, case_file_a)
    services.status_record(actor=None, submission=submission, status="registered", on=TODAY)
    items_before = Item.objects.count()
    from pathlib import Path

    from django.conf import settings

    def stored() -> int:
        return sum(1 for f in Path(settings.EVIDENCE_ROOT).rglob("*") if f.is_file())

    files_before = stored()
    letter = io.BytesIO(b"a letter that must not be stored")
    letter.name = "letter.pdf"
    response = signed_in(legal_a, language="ar").post(
        reverse("accountability:status_add", args=[submission.pk]),
        {"status": "sent", "on": TODAY.isoformat(), "correspondence": letter},
        follow=True,
    )
    assert "اذكر سبب" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == "registered" and submission.history.count() == 2
    assert Item.objects.count() == items_before  # the letter was not stored:
    assert stored() == files_before  # not even as a file in the locker's store


def test_dashboard_shows_what_is_overdue(
    legal_a: Any, recipient: Any, team_a: Any, case_file_a: Any
) -> None:
    submission = _team_a_submission(recipient, team_a, case_file_a)
    page = signed_in(legal_a).get(reverse("core:home")).content.decode()
    assert "accountability-card" in page and submission.reference in page
    assert "no answer for 100 days" in page


def test_proceeding_pages_and_hearing_before_opening(legal_a: Any) -> None:
    client = signed_in(legal_a)
    response = client.post(
        reverse("accountability:proceeding_new"),
        {
            "jurisdiction": "Germany",
            "court": "Higher Regional Court (synthetic)",
            "case_name": "Prosecutor v. N. (synthetic)",
            "legal_basis": "universal",
            "stage": "trial",
            "opened_on": "2024-01-10",
            "sensitivity": Sensitivity.INTERNAL,
        },
    )
    assert response.status_code == 302
    url = response["Location"]
    pk = int(url.rstrip("/").rsplit("/", 1)[1])
    page = client.post(
        reverse("accountability:hearing_add", args=[pk]),
        {"h-held_on": "2023-12-01", "h-notes_en": "too early"},
        follow=True,
    ).content.decode()
    assert "before the proceeding opened" in page
    client.post(
        reverse("accountability:hearing_add", args=[pk]),
        {"h-held_on": "2024-02-01", "h-attended": "on", "h-notes_en": "Opening of the trial"},
    )
    assert "Opening of the trial" in client.get(url).content.decode()
    client.post(reverse("accountability:report", args=[pk]), {"draft": "1"})
    report = client.get(reverse("accountability:report", args=[pk])).content.decode()
    assert "Opening of the trial" in report


def test_overview_counts_and_csv(
    legal_a: Any, recipient: Any, team_a: Any, case_file_a: Any
) -> None:
    _team_a_submission(recipient, team_a, case_file_a)
    client = signed_in(legal_a)
    assert recipient.name in client.get(reverse("accountability:overview")).content.decode()
    csv = client.get(reverse("accountability:overview_csv")).content.decode()
    assert f"recipient,{recipient.name},1" in csv.replace("\r", "")


def test_every_object_route_refuses_another_case_team(
    legal_b: Any, recipient: Any, team_a: Any, case_file_a: Any
) -> None:
    """A legal officer of team B has the permission but not the records: every page and every
    write on team A's submission, proceeding and case file answers 404 and writes nothing."""
    from mizan.core.models import AuditEntry

    submission = _team_a_submission(recipient, team_a, case_file_a)
    proceeding = services.proceeding_create(
        actor=None,
        data={
            "jurisdiction": "France",
            "court": "Paris",
            "case_name": "Team A case",
            "opened_on": datetime.date(2024, 1, 1),
            "sensitivity": Sensitivity.CONFIDENTIAL,
            "team": team_a,
        },
    )
    client = signed_in(legal_b)
    before = AuditEntry.objects.count()
    routes = [
        ("submission_detail", submission.pk, "get"),
        ("submission_edit", submission.pk, "post"),
        ("status_add", submission.pk, "post"),
        ("case_file_timeline", case_file_a.pk, "get"),
        ("proceeding_detail", proceeding.pk, "get"),
        ("proceeding_edit", proceeding.pk, "post"),
        ("hearing_add", proceeding.pk, "post"),
        ("decision_add", proceeding.pk, "post"),
        ("report", proceeding.pk, "post"),
    ]
    for name, pk, method in routes:
        url = reverse(f"accountability:{name}", args=[pk])
        response = getattr(client, method)(url, {"draft": "1", "status": "closed"})
        assert response.status_code == 404, name
    assert AuditEntry.objects.count() == before
    assert (
        "Team A case" not in client.get(reverse("accountability:proceeding_list")).content.decode()
    )


def test_list_pages_do_not_query_per_row(
    legal_a: Any, recipient: Any, django_assert_max_num_queries: Any
) -> None:
    """The lists and the dashboard read a fixed number of queries, whatever the number of rows."""
    client = signed_in(legal_a)
    for n in range(30):
        services.submission_create(
            actor=None,
            data={"title": f"S{n}", "recipient": recipient, "due_on": TODAY},
            status=Submission.Status.SENT,
            status_on=TODAY - datetime.timedelta(days=100),
        )
        services.proceeding_create(
            actor=None,
            data={"jurisdiction": "DE", "court": "OLG", "case_name": f"P{n}", "opened_on": TODAY},
        )
    for name in ("submission_list", "proceeding_list", "overview"):
        with django_assert_max_num_queries(25):
            assert client.get(reverse(f"accountability:{name}")).status_code == 200
    with django_assert_max_num_queries(40):
        client.get(reverse("core:home"))


def test_public_record_shows_only_what_is_marked_public(
    legal_a: Any, recipient: Any, team_a: Any, case_file_a: Any
) -> None:
    submission = _team_a_submission(recipient, team_a, case_file_a)
    services.submission_update(
        actor=None, submission=submission, data={"summary": "internal note: witness W-7"}
    )
    anonymous = signed_in(None)
    page = anonymous.get(reverse("accountability:public")).content.decode()
    assert recipient.name not in page  # off by default
    response = signed_in(legal_a).post(
        reverse("accountability:submission_edit", args=[submission.pk]),
        {
            "title": "Team A",
            "channel": "secure_transfer",
            "public": "on",
            "public_summary_ar": "أرسلنا ملفاً عن الفرع 215.",
            "public_summary_en": "We sent a file on Branch 215.",
        },
    )
    assert response.status_code == 302
    en = anonymous.get(reverse("accountability:public")).content.decode()
    assert "We sent a file on Branch 215." in en and recipient.name in en
    assert "W-7" not in en and submission.title not in en and submission.reference not in en
    ar = signed_in(None, language="ar").get(reverse("accountability:public")).content.decode()
    assert "أرسلنا ملفاً عن الفرع 215." in ar


def test_accused_victims_and_documents_by_reference_only_within_reach(
    legal_a: Any, legal_b: Any, team_a: Any, item_a: Any
) -> None:
    from mizan.cases import services as cases_services

    accused = cases_services.person_create(
        actor=None, data={"first_name_lat": "Accused", "sensitivity": Sensitivity.INTERNAL}
    )
    victim = cases_services.person_create(
        actor=None,
        data={"first_name_lat": "Victim", "sensitivity": Sensitivity.CONFIDENTIAL, "team": team_a},
    )
    form = {
        "jurisdiction": "Germany",
        "court": "OLG Koblenz (synthetic)",
        "case_name": "Prosecutor v. A. (synthetic)",
        "legal_basis": "universal",
        "stage": "trial",
        "opened_on": "2024-01-10",
        "sensitivity": Sensitivity.INTERNAL,
        "accused_refs": f"P-{accused.pk:06d}",
        "victim_refs": f"P-{victim.pk:06d}",
    }
    refused = signed_in(legal_b).post(reverse("accountability:proceeding_new"), form)
    assert refused.status_code == 200
    assert f"Unknown or out of your reach: P-{victim.pk:06d}" in refused.content.decode()
    from mizan.accountability.models import Proceeding

    assert not Proceeding.objects.exists()
    client = signed_in(legal_a)
    assert client.post(reverse("accountability:proceeding_new"), form).status_code == 302
    proceeding = Proceeding.objects.get()
    assert list(proceeding.accused.all()) == [accused]
    assert list(proceeding.victims.all()) == [victim]
    client.post(
        reverse("accountability:hearing_add", args=[proceeding.pk]),
        {"h-held_on": "2024-02-01", "h-item_refs": item_a.reference},
    )
    assert list(proceeding.hearings.get().items.all()) == [item_a]
    page = signed_in(legal_b).post(
        reverse("accountability:hearing_add", args=[proceeding.pk]),
        {"h-held_on": "2024-02-02", "h-item_refs": item_a.reference},
        follow=True,
    )
    assert "Unknown or out of your reach" in page.content.decode()
    assert proceeding.hearings.count() == 1
