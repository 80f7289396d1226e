"""Agreements (memoranda of understanding) on their own pages: a legal officer records one with
its signed document in the locker, sees the submissions made under it and that it expired; the
refused side (no permission, another case team); bad input answered next to its field with
nothing written; every write audited."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mizan.accountability import services
from mizan.accountability.models import Agreement, Submission
from mizan.core.models import AuditEntry, Term
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.models import Item, Recipient
from tests.conftest import signed_in
from tests.factories import locker_item_of

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _agreement(recipient: Any, **extra: Any) -> Agreement:
    data = {
        "recipient": recipient,
        "title": "Memorandum with the OTP (synthetic)",
        "signed_on": datetime.date(2024, 3, 1),
        "valid_until": datetime.date(2027, 3, 1),
        "terms": "Evidence files through the secure channel.",
        "sensitivity": Sensitivity.INTERNAL,
        **extra,
    }
    return services.agreement_create(actor=None, data=data)


def _other_recipient() -> Recipient:
    return Recipient.objects.create(
        name="War-crimes unit (synthetic)",
        category=Term.objects.get(vocabulary="recipient_category", code="icc_otp"),
    )


# --- Services ------------------------------------------------------------------------------------


def test_create_with_an_uploaded_document_audits_and_keeps_it_in_the_locker(
    recipient: Any, team_a: Any, legal_a: Any
) -> None:
    agreement = services.agreement_create(
        actor=legal_a,
        data={
            "recipient": recipient,
            "title": "MoU",
            "signed_on": datetime.date(2024, 1, 10),
            "sensitivity": Sensitivity.CONFIDENTIAL,
            "team": team_a,
        },
        stream=io.BytesIO(b"signed memorandum"),
        filename="mou.pdf",
    )
    item = agreement.document
    assert item is not None
    # The document is at the agreement's level and in its team: no wider than the agreement.
    assert item.sensitivity == Sensitivity.CONFIDENTIAL and item.team == team_a
    entry = AuditEntry.objects.get(
        object_type="accountability.agreement", object_id=str(agreement.pk)
    )
    assert entry.action == "create" and "document" in entry.fields
    assert entry.detail == {"document": item.reference}


def test_an_agreement_ending_before_it_was_signed_writes_nothing(recipient: Any) -> None:
    items = Item.objects.count()
    with pytest.raises(ValidationError, match="before it was signed"):
        services.agreement_create(
            actor=None,
            data={
                "recipient": recipient,
                "title": "Backwards",
                "signed_on": datetime.date(2025, 1, 1),
                "valid_until": datetime.date(2024, 1, 1),
            },
            stream=io.BytesIO(b"a file that must not be stored"),
            filename="x.pdf",
        )
    assert not Agreement.objects.exists() and Item.objects.count() == items
    assert not AuditEntry.objects.filter(object_type="accountability.agreement").exists()


def test_a_document_out_of_reach_is_refused(recipient: Any, item_a: Any, legal_b: Any) -> None:
    with pytest.raises(ValidationError, match="You may not see"):
        services.agreement_create(
            actor=legal_b, data={"recipient": recipient, "title": "MoU", "document": item_a}
        )
    assert not Agreement.objects.exists()


def test_update_audits_the_changed_fields_only(recipient: Any, legal_a: Any) -> None:
    agreement = _agreement(recipient)
    changed = services.agreement_update(
        actor=legal_a, agreement=agreement, data={"valid_until": datetime.date(2028, 1, 1)}
    )
    assert changed == ["valid_until"]
    entry = AuditEntry.objects.filter(object_type="accountability.agreement").first()
    assert entry is not None and entry.action == "update" and entry.fields == ["valid_until"]


def test_the_recipient_of_an_agreement_with_submissions_stays(recipient: Any) -> None:
    agreement = _agreement(recipient)
    services.submission_create(
        actor=None, data={"title": "Under it", "recipient": recipient, "agreement": agreement}
    )
    with pytest.raises(ValidationError, match="recipient cannot change"):
        services.agreement_update(
            actor=None, agreement=agreement, data={"recipient": _other_recipient()}
        )
    agreement.refresh_from_db()
    assert agreement.recipient == recipient


def test_expired() -> None:
    agreement = Agreement(valid_until=TODAY - datetime.timedelta(days=1))
    assert agreement.is_expired(TODAY)
    assert not Agreement(valid_until=TODAY).is_expired(TODAY)
    assert not Agreement().is_expired(TODAY)


# --- Pages ---------------------------------------------------------------------------------------


def test_record_an_agreement_on_its_page(recipient: Any, legal_a: Any) -> None:
    client = signed_in(legal_a)
    assert client.get(reverse("accountability:agreement_new")).status_code == 200
    response = client.post(
        reverse("accountability:agreement_new"),
        {
            "recipient": recipient.pk,
            "title": "MoU with the OTP",
            "signed_on": "2024-02-01",
            "valid_until": "2026-02-01",
            "terms": "Files by secure transfer.",
            "sensitivity": Sensitivity.INTERNAL,
            "upload": SimpleUploadedFile("mou.pdf", b"the signed copy"),
        },
    )
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("accountability:agreement_detail", args=[agreement.pk])
    assert agreement.document is not None
    page = client.get(response["Location"]).content.decode()
    assert agreement.document.reference in page
    listing = client.get(reverse("accountability:agreement_list")).content.decode()
    assert "MoU with the OTP" in listing


def test_every_error_is_shown_next_to_its_field_and_nothing_is_written(legal_a: Any) -> None:
    response = signed_in(legal_a).post(
        reverse("accountability:agreement_new"),
        {
            "recipient": "",
            "title": "",
            "signed_on": "2025-05-01",
            "valid_until": "2025-04-01",
            "document": "EV-1999-999999",
            "sensitivity": Sensitivity.INTERNAL,
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) >= {"recipient", "title", "valid_until", "document"}
    assert "before it was signed" in form.errors["valid_until"][0]
    assert not Agreement.objects.exists()
    assert not AuditEntry.objects.filter(object_type="accountability.agreement").exists()


def test_detail_lists_the_submissions_made_under_it_and_says_it_expired(
    recipient: Any, legal_a: Any, legal_b: Any, team_a: Any
) -> None:
    agreement = _agreement(recipient, valid_until=TODAY - datetime.timedelta(days=3))
    services.submission_create(
        actor=None,
        data={"title": "Open one", "recipient": recipient, "agreement": agreement},
    )
    services.submission_create(
        actor=None,
        data={
            "title": "Team A only",
            "recipient": recipient,
            "agreement": agreement,
            "sensitivity": Sensitivity.CONFIDENTIAL,
            "team": team_a,
        },
    )
    url = reverse("accountability:agreement_detail", args=[agreement.pk])
    inside = signed_in(legal_a).get(url).content.decode()
    assert "Open one" in inside and "Team A only" in inside and 'id="expired"' in inside
    outside = signed_in(legal_b).get(url).content.decode()
    # The other case team sees the agreement, not the submission it may not see.
    assert "Open one" in outside and "Team A only" not in outside


def test_submission_detail_links_to_its_agreement(recipient: Any, legal_a: Any) -> None:
    agreement = _agreement(recipient)
    submission = services.submission_create(
        actor=None, data={"title": "Under it", "recipient": recipient, "agreement": agreement}
    )
    page = signed_in(legal_a).get(reverse("accountability:submission_detail", args=[submission.pk]))
    assert reverse("accountability:agreement_detail", args=[agreement.pk]) in page.content.decode()


def test_a_confidential_agreement_of_another_team_is_not_found(
    recipient: Any, team_a: Any, legal_b: Any
) -> None:
    agreement = _agreement(recipient, sensitivity=Sensitivity.CONFIDENTIAL, team=team_a)
    client = signed_in(legal_b)
    for name in ("agreement_detail", "agreement_edit"):
        assert client.get(reverse(f"accountability:{name}", args=[agreement.pk])).status_code == 404
    assert (
        agreement.title not in client.get(reverse("accountability:agreement_list")).content.decode()
    )


def test_roles_without_the_permission_are_refused(
    recipient: Any, make_user: Any, team_a: Any
) -> None:
    agreement = _agreement(recipient)
    documenter = signed_in(make_user("dana_doc", "documenter", (team_a,)))
    for url in (
        reverse("accountability:agreement_list"),
        reverse("accountability:agreement_new"),
        reverse("accountability:agreement_detail", args=[agreement.pk]),
        reverse("accountability:agreement_edit", args=[agreement.pk]),
    ):
        assert documenter.get(url).status_code == 403
    response = documenter.post(
        reverse("accountability:agreement_edit", args=[agreement.pk]),
        {"recipient": recipient.pk, "title": "Changed", "sensitivity": 1},
    )
    assert response.status_code == 403
    agreement.refresh_from_db()
    assert agreement.title != "Changed"


def test_edit_through_the_shared_edit_page(recipient: Any, legal_a: Any) -> None:
    agreement = _agreement(recipient)
    url = reverse("accountability:agreement_edit", args=[agreement.pk])
    client = signed_in(legal_a)
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "team"}
    data.update({"recipient": recipient.pk, "title": "Renamed MoU", "signed_on": "2024-03-01"})
    data.update({"valid_until": "2027-03-01", "document": ""})
    response = client.post(url, data)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title == "Renamed MoU"
    entry = AuditEntry.objects.filter(object_type="accountability.agreement").first()
    assert entry is not None and entry.fields == ["title"]


def test_the_submission_form_refuses_another_recipients_agreement(
    recipient: Any, legal_a: Any
) -> None:
    other = _other_recipient()
    agreement = _agreement(other)
    response = signed_in(legal_a).post(
        reverse("accountability:submission_new"),
        {
            "title": "Wrong agreement",
            "recipient": recipient.pk,
            "agreement": agreement.pk,
            "channel": "secure_transfer",
            "sensitivity": Sensitivity.INTERNAL,
            "status_on": TODAY.isoformat(),
        },
    )
    assert response.status_code == 200
    assert "is with War-crimes unit" in response.context["form"].errors["agreement"][0]
    assert not Submission.objects.exists()


def test_recording_a_submission_from_the_agreement_offers_only_its_recipients_agreements(
    recipient: Any, legal_a: Any
) -> None:
    agreement = _agreement(recipient)
    _agreement(_other_recipient(), title="Another recipient's MoU")
    page = signed_in(legal_a).get(
        f"{reverse('accountability:submission_new')}?agreement={agreement.pk}"
    )
    form = page.context["form"]
    assert list(form.fields["agreement"].queryset) == [agreement]
    assert form.initial["recipient"] == recipient


def test_editing_a_submission_keeps_an_agreement_the_editor_may_not_see(
    recipient: Any, team_a: Any, legal_b: Any
) -> None:
    agreement = _agreement(recipient, sensitivity=Sensitivity.CONFIDENTIAL, team=team_a)
    submission = services.submission_create(
        actor=None, data={"title": "Open", "recipient": recipient, "agreement": agreement}
    )
    client = signed_in(legal_b)
    url = reverse("accountability:submission_edit", args=[submission.pk])
    page = client.get(url).content.decode()
    assert agreement.title not in page and "An agreement you may not see" in page
    response = client.post(
        url, {"title": "Open, renamed", "agreement": agreement.pk, "channel": "secure_transfer"}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.title == "Open, renamed" and submission.agreement == agreement
    detail = client.get(reverse("accountability:submission_detail", args=[submission.pk]))
    assert agreement.title not in detail.content.decode()


def test_a_signed_copy_the_locker_holds_out_of_reach_is_refused(
    recipient: Any, team_a: Any, team_b: Any, legal_a: Any
) -> None:
    """An uploaded signed copy with the bytes of another team's locker item is that item:
    refused, and no agreement is recorded with it."""
    secret = b"a synthetic memorandum held by another team"
    other = locker_item_of(team_b, secret)
    assert not other.is_visible_to(legal_a)
    with pytest.raises(ValidationError, match="an item you cannot see"):
        services.agreement_create(
            actor=legal_a,
            data={
                "recipient": recipient,
                "title": "MoU",
                "signed_on": datetime.date(2024, 1, 10),
                "sensitivity": Sensitivity.CONFIDENTIAL,
                "team": team_a,
            },
            stream=io.BytesIO(secret),
            filename="mou.pdf",
        )
    assert not Agreement.objects.filter(document=other).exists()


def test_a_signed_copy_is_stored_before_any_transaction(
    recipient: Any, legal_a: Any, store_puts: list[int]
) -> None:
    """On SQLite a transaction holds the database's one write lock: a signed copy stored inside
    one would stop every other writer for the whole upload. Recording an agreement and
    replacing its signed copy both store the file first."""
    client = signed_in(legal_a)
    response = client.post(
        reverse("accountability:agreement_new"),
        {
            "recipient": recipient.pk,
            "title": "MoU with the OTP",
            "signed_on": "2024-02-01",
            "sensitivity": Sensitivity.INTERNAL,
            "upload": SimpleUploadedFile("mou.pdf", b"the signed copy"),
        },
    )
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    first = agreement.document
    url = reverse("accountability:agreement_edit", args=[agreement.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "team"}
    data.update({"recipient": recipient.pk, "signed_on": "2024-02-01", "document": ""})
    data["upload"] = SimpleUploadedFile("mou-v2.pdf", b"the signed copy, second version")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    agreement.refresh_from_db()
    assert agreement.document is not None and agreement.document != first
    assert store_puts == [0, 0]


def test_a_refused_change_stores_no_signed_copy(
    recipient: Any, legal_a: Any, store_puts: list[int]
) -> None:
    """A change refused (the recipient of an agreement with submissions) is refused before the
    new signed copy is stored, and the caller's agreement is left as it was."""
    agreement = _agreement(recipient)
    services.submission_create(
        actor=None, data={"title": "Under it", "recipient": recipient, "agreement": agreement}
    )
    items = Item.objects.count()
    with pytest.raises(ValidationError, match="recipient cannot change"):
        services.agreement_update(
            actor=legal_a,
            agreement=agreement,
            data={"recipient": _other_recipient()},
            stream=io.BytesIO(b"a synthetic signed copy for another recipient"),
            filename="mou.pdf",
        )
    assert Item.objects.count() == items
    assert store_puts == []
    assert agreement.recipient_id == recipient.pk


def test_a_letter_is_stored_before_the_status_steps_transaction(
    recipient: Any, legal_a: Any, store_puts: list[int]
) -> None:
    """A letter uploaded with a status step is stored outside any transaction (SQLite's one
    write lock is not held through the upload) and linked to the submission with the step."""
    submission = services.submission_create(
        actor=legal_a, data={"title": "File (synthetic)", "recipient": recipient}
    )
    response = signed_in(legal_a).post(
        reverse("accountability:status_add", args=[submission.pk]),
        {
            "status": Submission.Status.SENT,
            "on": TODAY.isoformat(),
            "correspondence": SimpleUploadedFile("letter.txt", b"a synthetic cover letter"),
        },
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SENT
    letter = submission.items.get()
    assert submission.history.get(status=Submission.Status.SENT).correspondence == letter
    entry = AuditEntry.objects.filter(object_type="accountability.submission").first()
    assert entry is not None and "items" in entry.fields
    assert store_puts == [0]


def test_a_letter_whose_step_is_refused_under_the_lock_stays_listed(
    recipient: Any, legal_a: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The step passes the page's check, the letter is stored, then a colleague records the
    same status before the step's transaction: the step is refused under the lock, and the
    letter, which the locker keeps, is listed under the submission instead of linked to
    nothing; the page says both."""
    submission = services.submission_create(
        actor=legal_a, data={"title": "File (synthetic)", "recipient": recipient}
    )
    store = services.correspondence_store

    def store_then_colleague(**kwargs: Any) -> Item:
        item = store(**kwargs)
        services.status_record(
            actor=None, submission=submission, status=Submission.Status.SENT, on=TODAY
        )
        return item

    monkeypatch.setattr(services, "correspondence_store", store_then_colleague)
    response = signed_in(legal_a).post(
        reverse("accountability:status_add", args=[submission.pk]),
        {
            "status": Submission.Status.SENT,
            "on": TODAY.isoformat(),
            "correspondence": SimpleUploadedFile("letter.txt", b"a synthetic cover letter"),
        },
        follow=True,
    )
    page = response.content.decode()
    letter = submission.items.get()
    assert "The status was not recorded" in page and letter.reference in page
    assert "The status was recorded." not in page
    assert submission.history.filter(status=Submission.Status.SENT).count() == 1
    assert submission.history.get(status=Submission.Status.SENT).correspondence is None
    entry = AuditEntry.objects.filter(object_type="accountability.submission").first()
    assert entry is not None and entry.detail.get("correspondence") == letter.reference


def test_a_letter_out_of_reach_is_not_attached(recipient: Any, legal_a: Any, team_b: Any) -> None:
    """A letter whose bytes are another team's locker item is that item: refused, the step not
    recorded, the item not listed under the submission."""
    submission = services.submission_create(
        actor=legal_a, data={"title": "File (synthetic)", "recipient": recipient}
    )
    secret = b"a synthetic letter filed by another team"
    other = locker_item_of(team_b, secret)
    response = signed_in(legal_a).post(
        reverse("accountability:status_add", args=[submission.pk]),
        {
            "status": Submission.Status.SENT,
            "on": TODAY.isoformat(),
            "correspondence": SimpleUploadedFile("letter.txt", secret),
        },
        follow=True,
    )
    assert "cannot see" in response.content.decode()
    assert other.reference not in response.content.decode()
    submission.refresh_from_db()
    assert not submission.items.exists()
    assert submission.status != Submission.Status.SENT
